// `tcpdump -n -S -tt` lines: absolute sequence numbers, epoch-style seconds (here: since the run started).

import type { SegmentEvent, Timeline } from '../timeline/types.ts';

const dotted = (ep: string): string => {
  const i = ep.lastIndexOf(':');
  return `${ep.slice(0, i)}.${ep.slice(i + 1)}`;
};

export function segmentLine(e: SegmentEvent): string {
  const t = (e.t / 1e6).toFixed(6);
  const parts = [`Flags [${e.flags}]`];
  // tcpdump prints "seq a:b" for data, "seq a" otherwise; "ack" only when the ACK flag is set.
  if (e.len > 0) parts.push(`seq ${e.seq}:${(e.seq + e.len) >>> 0}`);
  else parts.push(`seq ${e.seq}`);
  if (e.flags.includes('.')) parts.push(`ack ${e.ack}`);
  parts.push(`win ${e.win}`);
  const o = e.options;
  if (o && o.mss !== undefined) {
    // tcpdump's option order; "TS" stands for "TS val … ecr …", whose values the simulator does not model.
    const opts = [`mss ${o.mss}`];
    if (o.sackOk) opts.push('sackOK');
    if (o.ts) opts.push('TS');
    if (o.wscale !== undefined) opts.push('nop', `wscale ${o.wscale}`);
    parts.push(`options [${opts.join(',')}]`);
  }
  parts.push(`length ${e.len}`);
  const lost = e.fate === 'dropped' ? ` (lost: ${e.faultNote ?? 'dropped'})` : '';
  return `${t} IP ${dotted(e.src)} > ${dotted(e.dst)}: ${parts.join(', ')}${lost}`;
}

export function toTcpdump(tl: Timeline): string {
  const lines: string[] = [];
  for (const e of tl.events) {
    if (e.type !== 'segment') continue;
    lines.push(segmentLine(e));
    // A segment the network duplicated shows twice in a capture, as it would on the wire.
    for (let i = 1; i < e.arrive.length; i++) lines.push(`${segmentLine(e)} (duplicate)`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
