// Predict-the-next-segment questions, built from any timeline: the student sees the connection up to a segment,
// then says which flags it carries and its seq/ack. Numbers are relative to each side's ISN, as
// `tcpdump` shows them without -S, because absolute ISNs are random and teach nothing.

import type { SegmentEvent, Timeline } from '../sim/index.ts';
import type { FeedbackLine, GradeResult } from './types.ts';

export const FLAG_NAMES = ['SYN', 'ACK', 'PSH', 'FIN', 'RST'] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

const LETTER: Record<string, FlagName> = { S: 'SYN', '.': 'ACK', P: 'PSH', F: 'FIN', R: 'RST' };

/** tcpdump notation ("S.", "FP.", "R") → flag names in FLAG_NAMES order. */
export function flagsOf(tcpdump: string): FlagName[] {
  const set = new Set<FlagName>();
  for (const ch of tcpdump) {
    const f = LETTER[ch];
    if (f) set.add(f);
  }
  return FLAG_NAMES.filter((f) => set.has(f));
}

/** What the student is shown about a segment already on the wire. */
export interface SegmentSummary {
  id: number;
  t: number; // µs
  from: string; // host name
  to: string;
  flags: FlagName[];
  /** Relative to the sender's ISN, or absolute when `seqBase` is 'absolute'. */
  seq: number;
  ack: number | null;
  len: number;
  data?: string;
  fate: 'delivered' | 'dropped';
  why?: string;
}

export interface PredictQuestion {
  kind: 'predict';
  id: string;
  scenarioId: string;
  segmentId: number;
  prompt: string;
  /** The connection so far, oldest first. */
  before: SegmentSummary[];
  from: string;
  to: string;
  t: number;
  flagChoices: readonly FlagName[];
  /** 'isn': relative to the sender's ISN; 'absolute': the sender never sent a SYN here (e.g. a RST from a port with no socket). */
  seqBase: 'isn' | 'absolute';
  /** False when the segment has no ACK flag: its ack field means nothing and is not asked. */
  askAck: boolean;
  answer: { flags: FlagName[]; seq: number; ack: number | null; len: number; data?: string; why?: string };
}

const MOD = 2 ** 32;
const rel = (n: number, base: number): number => (((n - base) % MOD) + MOD) % MOD;

/** The two endpoints of a segment, sorted, so both directions name the same connection. */
function connKey(s: SegmentEvent): string {
  return [s.src, s.dst].sort().join('|');
}

interface Summarized {
  summary: SegmentSummary;
  seqBase: 'isn' | 'absolute';
  /** False when the segment acks a side whose ISN was never seen: its ack could only be shown absolute. */
  ackKnown: boolean;
}

/** Every segment of the timeline, relative to ISNs where known; ISNs come from each endpoint's first SYN. */
function summarizeAll(timeline: Timeline): Map<number, Summarized & { key: string }> {
  const isn = new Map<string, number>(); // "conn|endpoint" → ISN
  const out = new Map<number, Summarized & { key: string }>();
  for (const e of timeline.events) {
    if (e.type !== 'segment') continue;
    const key = connKey(e);
    const flags = flagsOf(e.flags);
    const mine = `${key}|${e.src}`;
    if (flags.includes('SYN') && !isn.has(mine)) isn.set(mine, e.seq);
    const ownIsn = isn.get(mine);
    const peerIsn = isn.get(`${key}|${e.dst}`);
    const hasAck = flags.includes('ACK');
    const summary: SegmentSummary = {
      id: e.id,
      t: e.t,
      from: e.srcHost,
      to: e.dstHost ?? e.dst,
      flags,
      seq: ownIsn === undefined ? e.seq : rel(e.seq, ownIsn),
      ack: !hasAck ? null : peerIsn === undefined ? e.ack : rel(e.ack, peerIsn),
      len: e.len,
      fate: e.fate,
    };
    if (e.data !== undefined) summary.data = e.data;
    if (e.why !== undefined) summary.why = e.why;
    out.set(e.id, { summary, seqBase: ownIsn === undefined ? 'absolute' : 'isn', ackKnown: !hasAck || peerIsn !== undefined, key });
  }
  return out;
}

/** Segment ids that make fair questions: the ack, when there is one, can be shown relative to the peer's ISN. */
export function predictableSegments(timeline: Timeline): number[] {
  return [...summarizeAll(timeline).values()].filter((s) => s.ackKnown).map((s) => s.summary.id);
}

/** Builds the question for the segment with this id (its index in send order), or null when there is none. */
export function makePredictQuestion(timeline: Timeline, segmentIndex: number): PredictQuestion | null {
  const all = summarizeAll(timeline);
  const target = all.get(segmentIndex);
  if (!target) return null;
  const before = [...all.values()].filter((s) => s.key === target.key && s.summary.id < segmentIndex).map((s) => s.summary);
  const s = target.summary;
  const answer: PredictQuestion['answer'] = { flags: s.flags, seq: s.seq, ack: s.ack, len: s.len };
  if (s.data !== undefined) answer.data = s.data;
  if (s.why !== undefined) answer.why = s.why;
  const base = target.seqBase === 'isn' ? 'relative to its ISN' : 'as an absolute number (this side never sent a SYN)';
  return {
    kind: 'predict',
    id: `predict-${timeline.scenarioId}-${segmentIndex}`,
    scenarioId: timeline.scenarioId,
    segmentId: segmentIndex,
    prompt: `The next segment goes from ${s.from} to ${s.to}. Which flags does it carry, and what are its seq (${base}) and ack?`,
    before,
    from: s.from,
    to: s.to,
    t: s.t,
    flagChoices: FLAG_NAMES,
    seqBase: target.seqBase,
    askAck: s.flags.includes('ACK'),
    answer,
  };
}

export interface Prediction {
  flags: string[];
  seq: number | null;
  ack: number | null;
}

/** Three parts, equal weight: the flag set, seq, ack (ack counts as right when it is not asked). */
export function gradePrediction(q: PredictQuestion, p: Prediction): GradeResult {
  const picked = new Set(Array.isArray(p.flags) ? p.flags : []);
  const flagsRight = q.answer.flags.length === picked.size && q.answer.flags.every((f) => picked.has(f));
  const seqRight = p.seq === q.answer.seq;
  const ackRight = !q.askAck || p.ack === q.answer.ack;
  const lines: FeedbackLine[] = [
    {
      id: 'flags',
      picked: picked.size > 0,
      correct: flagsRight,
      text: flagsRight ? `Flags: ${q.answer.flags.join(', ')}` : `Flags: ${q.answer.flags.join(', ')} (you said ${[...picked].join(', ') || 'none'})`,
    },
    {
      id: 'seq',
      picked: p.seq !== null,
      correct: seqRight,
      text: seqRight ? `seq ${q.answer.seq}` : `seq ${q.answer.seq} (you said ${p.seq ?? 'nothing'})`,
    },
  ];
  if (q.askAck) {
    lines.push({
      id: 'ack',
      picked: p.ack !== null,
      correct: ackRight,
      text: ackRight ? `ack ${q.answer.ack}` : `ack ${q.answer.ack} (you said ${p.ack ?? 'nothing'})`,
    });
  }
  const parts = [flagsRight, seqRight, ackRight];
  const score = parts.filter(Boolean).length / parts.length;
  return { correct: parts.every(Boolean), score, lines, explanation: explainSegment(q) };
}

/** Why the segment looks the way it does, in terms of the sequence-number rules. */
function explainSegment(q: PredictQuestion): string {
  const a = q.answer;
  const parts: string[] = [];
  if (a.flags.includes('SYN')) parts.push('a SYN carries its sender’s ISN, so its relative seq is 0, and the SYN itself uses up one sequence number');
  if (a.flags.includes('RST') && q.seqBase === 'absolute') parts.push('a reset from a port with no socket has no ISN of its own: it takes its seq from the ack of the segment it answers, or 0');
  if (a.flags.includes('FIN')) parts.push('a FIN, like a SYN, uses up one sequence number, so it is acknowledged at seq + 1');
  if (a.len > 0) parts.push(`it carries ${a.len} byte${a.len === 1 ? '' : 's'}, so the next seq from this side is ${a.seq + a.len}`);
  if (a.ack !== null) parts.push('its ack is the next byte this side expects from the other');
  if (a.why) parts.push(`the simulator notes: ${a.why}`);
  return parts.length ? parts.join('; ') + '.' : 'A bare acknowledgment.';
}
