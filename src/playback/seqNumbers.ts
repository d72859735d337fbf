// Relative sequence numbers, as Wireshark shows them: each direction counts from its own initial sequence
// number (the seq of its latest SYN), so the handshake reads "seq 0 … ack 1". Absolute numbers are what
// tcpdump -S and the wire carry; the lab lets the student switch.

import type { SegmentEvent, Timeline } from '../sim/index.ts';

export interface SeqPair {
  seq: number;
  ack: number;
}

export type SeqNumbers = ReadonlyMap<number, SeqPair>;

/** Relative seq/ack for every segment id; a direction without a SYN yet keeps its absolute number. */
export function relativeSeqNumbers(tl: Timeline): SeqNumbers {
  const isn = new Map<string, number>();
  const out = new Map<number, SeqPair>();
  for (const e of tl.events) {
    if (e.type !== 'segment') continue;
    const fwd = `${e.src}>${e.dst}`;
    if (e.flags.includes('S')) isn.set(fwd, e.seq);
    const mine = isn.get(fwd);
    const theirs = isn.get(`${e.dst}>${e.src}`);
    out.set(e.id, {
      seq: mine === undefined ? e.seq : (e.seq - mine) >>> 0,
      ack: theirs === undefined || !e.flags.includes('.') ? e.ack : (e.ack - theirs) >>> 0,
    });
  }
  return out;
}

export function seqOf(seg: SegmentEvent, rel: SeqNumbers | null): SeqPair {
  return (rel && rel.get(seg.id)) ?? { seq: seg.seq, ack: seg.ack };
}

const FLAG_NAMES: Record<string, string> = { S: 'SYN', F: 'FIN', R: 'RST', P: 'PSH', '.': 'ACK', U: 'URG', E: 'ECE', W: 'CWR' };

/** "S." → "SYN,ACK"; data segments read as "PSH,ACK" like Wireshark. */
export function flagWords(flags: string): string {
  return [...flags].map((c) => FLAG_NAMES[c] ?? c).join(',');
}

/** The arrow's label: "S. 0 ack 1", "P. 1:19 ack 1 (18)". */
export function segmentLabel(seg: SegmentEvent, rel: SeqNumbers | null): string {
  const { seq, ack } = seqOf(seg, rel);
  const range = seg.len > 0 ? `${seq}:${(seq + seg.len) >>> 0}` : String(seq);
  const ackPart = seg.flags.includes('.') ? ` ack ${ack}` : '';
  const len = seg.len > 0 ? ` (${seg.len})` : '';
  return `${seg.flags} ${range}${ackPart}${len}`;
}
