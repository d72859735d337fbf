// Small readers over a timeline: the numbers lessons quote are measured with these, never typed in.

import type { CallEvent, CallStartEvent, SegmentEvent, SockEvent, StateEvent, TcpState, Timeline } from '../../sim/index.ts';

export const msOf = (us: number): number => us / 1000;
export const sOf = (us: number): number => us / 1_000_000;

export function segments(tl: Timeline): SegmentEvent[] {
  return tl.events.filter((e): e is SegmentEvent => e.type === 'segment');
}

export function calls(tl: Timeline, where: { host?: string; call?: string; thread?: string } = {}): CallEvent[] {
  return tl.events.filter(
    (e): e is CallEvent =>
      e.type === 'call' &&
      (where.host === undefined || e.host === where.host) &&
      (where.call === undefined || e.call === where.call) &&
      (where.thread === undefined || e.thread === where.thread),
  );
}

export function states(tl: Timeline, where: { host?: string; to?: TcpState; from?: TcpState } = {}): StateEvent[] {
  return tl.events.filter(
    (e): e is StateEvent =>
      e.type === 'state' &&
      (where.host === undefined || e.host === where.host) &&
      (where.to === undefined || e.to === where.to) &&
      (where.from === undefined || e.from === where.from),
  );
}

/** Timers as armed: `due` is the deadline TCP asked for (µs after `t`), before the kernel's timer wheel rounds it. */
export function timerSets(tl: Timeline, where: { host?: string; timer: string }): { t: number; sid: number; due: number }[] {
  return tl.events.flatMap((e) =>
    e.type === 'timer' && e.action === 'set' && e.timer === where.timer && e.at !== undefined && (where.host === undefined || e.host === where.host)
      ? [{ t: e.t, sid: e.sid, due: e.at - e.t }]
      : [],
  );
}

/** Seconds to one decimal and milliseconds to whole ones: measured times carry timer-wheel slack, not precision. */
export const round1 = (x: number): number => Math.round(x * 10) / 10;

/** How long a call took: from its call-start to its return (µs). */
export function callDuration(tl: Timeline, c: CallEvent): number {
  const start = tl.events.find(
    (e): e is CallStartEvent => e.type === 'call-start' && e.host === c.host && e.thread === c.thread && e.step === c.step && e.t <= c.t,
  );
  return start ? c.t - start.t : 0;
}

/** The first element, or an error naming what was expected: a missing event means the scenario changed. */
export function first<T>(items: T[], what: string): T {
  const x = items[0];
  if (x === undefined) throw new Error(`measure: no ${what}`);
  return x;
}

export function last<T>(items: T[], what: string): T {
  const x = items[items.length - 1];
  if (x === undefined) throw new Error(`measure: no ${what}`);
  return x;
}

/** How long sockets stayed in a state: entry to the next transition of the same socket (µs), per socket. */
export function stateSpans(tl: Timeline, state: TcpState): { sid: number; host: string; from: number; to: number | null }[] {
  const open = new Map<number, { sid: number; host: string; from: number; to: number | null }>();
  const out: { sid: number; host: string; from: number; to: number | null }[] = [];
  for (const e of tl.events) {
    if (e.type !== 'state') continue;
    if (e.to === state) {
      const span = { sid: e.sid, host: e.host, from: e.t, to: null };
      open.set(e.sid, span);
      out.push(span);
    } else if (e.from === state) {
      const span = open.get(e.sid);
      if (span) span.to = e.t;
      open.delete(e.sid);
    }
  }
  return out;
}

/** The `ss` rows as they stand at the end of the run (sockets not yet gone). */
export function finalSockets(tl: Timeline): SockEvent['row'][] {
  const rows = new Map<string, SockEvent['row']>();
  for (const e of tl.events) {
    if (e.type !== 'sock') continue;
    const key = `${e.row.host}/${e.row.sid}`;
    if (e.gone) rows.delete(key);
    else rows.set(key, e.row);
  }
  return [...rows.values()];
}

/** Largest value a listener's accept queue reached, and its limit. */
export function acceptQueuePeak(tl: Timeline): { peak: number; max: number; overflows: number } {
  let peak = 0, max = 0, overflows = 0;
  for (const e of tl.events) {
    if (e.type !== 'queue') continue;
    peak = Math.max(peak, e.acceptQueue);
    max = Math.max(max, e.acceptMax);
    if (e.change.startsWith('overflow')) overflows++;
  }
  return { peak, max, overflows };
}
