// The CLI's jsonl: one object per event, in timeline order. Only the public event kinds are printed by default
// (segment, call, state); `all` adds the internal ones the lab uses (timers, queues, rows).

import type { Timeline, TimelineEvent } from '../timeline/types.ts';

const secs = (us: number): number => Math.round(us) / 1e6;

export function eventToJson(e: TimelineEvent, all = false): Record<string, unknown> | null {
  switch (e.type) {
    case 'segment': {
      const o: Record<string, unknown> = { t: secs(e.t), type: 'segment', src: e.src, dst: e.dst, flags: e.flags, seq: e.seq, ack: e.ack, len: e.len, win: e.win, fate: e.fate };
      if (all) Object.assign(o, { id: e.id, arrive: e.arrive.map(secs), ...(e.why ? { why: e.why } : {}), ...(e.faultNote ? { note: e.faultNote } : {}), ...(e.options ? { options: e.options } : {}) });
      return o;
    }
    case 'call': {
      const o: Record<string, unknown> = { t: secs(e.t), type: 'call', host: e.host, thread: e.thread, call: e.call };
      if (e.fd !== undefined) o.fd = e.fd;
      if (e.errno !== undefined) o.errno = e.errno;
      else o.ret = e.ret ?? 0;
      if (e.data !== undefined) o.data = e.data;
      if (e.peer !== undefined) o.peer = e.peer;
      if (e.expectFailed) o.expectFailed = e.expectFailed;
      return o;
    }
    case 'state':
      return { t: secs(e.t), type: 'state', host: e.host, socket: e.socket, from: e.from, to: e.to, ...(all ? { cause: e.cause } : {}) };
    default:
      if (!all) return null;
      return { ...e, t: secs(e.t) } as Record<string, unknown>;
  }
}

/** The jsonl objects of a timeline, in order. A segment the network duplicated is two packets on the wire, as a
 * capture lists them, so its copy is listed too (`duplicate: true`). */
export function jsonObjects(tl: Timeline, all = false): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const e of tl.events) {
    const o = eventToJson(e, all);
    if (!o) continue;
    out.push(o);
    if (e.type === 'segment') for (let i = 1; i < e.arrive.length; i++) out.push({ ...o, duplicate: true });
  }
  return out;
}

export function toJsonl(tl: Timeline, all = false): string {
  const objs = jsonObjects(tl, all);
  return objs.length ? objs.map((o) => JSON.stringify(o)).join('\n') + '\n' : '';
}
