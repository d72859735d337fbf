// Where everything sits in the ladder (sequence) diagram. x: one vertical line per host. y: the play track
// (src/playback/buildSchedule), so an arrow's slope is how long it flies as the student watches, and play's
// "now" is a single horizontal line that reveals the diagram from the top.

import { FLIGHT_MS, formatDuration, stepOfEvent, type Loaded, type SegmentEvent, type TcpState } from '../../playback/index.ts';
import { segmentKind, type SegmentKind } from '../theme/statePhase.ts';

/** Pixels per track millisecond: a step's minimum dwell (650 ms) is ~42 px. */
export const PX_PER_MS = 0.065;
export const TOP = 24;
export const BOTTOM = 48;
export const GUTTER = 58;

export interface Lane {
  host: string;
  ip: string;
  x: number;
}

export interface LadderArrow {
  key: string;
  seg: SegmentEvent;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  kind: SegmentKind;
  lost: boolean;
  retransmit: boolean;
  dup: boolean;
  /** No host has the destination address (a spoofed source, a dead IP). */
  nowhere: boolean;
}

export interface LadderMark {
  key: string;
  x: number;
  /** Which way the pill sits from the host's line: -1 left, 1 right, 0 on it. */
  side: -1 | 0 | 1;
  y: number;
  state: TcpState;
  from: TcpState;
}

export interface LadderBlock {
  key: string;
  x: number;
  y1: number;
  y2: number;
  text: string;
  call: string;
  side: 1 | -1;
  open: boolean;
}

export interface LadderGap {
  key: string;
  y1: number;
  y2: number;
  text: string;
}

export interface LadderTick {
  y: number;
  text: string;
}

export interface LadderGeometry {
  width: number;
  height: number;
  lanes: Lane[];
  arrows: LadderArrow[];
  marks: LadderMark[];
  blocks: LadderBlock[];
  gaps: LadderGap[];
  ticks: LadderTick[];
  /** The tallest arrow, for finding the arrows that cross a window. */
  maxSpan: number;
}

export const yOf = (position: number): number => TOP + position * PX_PER_MS;

/** Wide enough to put state pills beside the host lines rather than on them. */
export const roomy = (width: number): boolean => width >= 620;

export function laneXs(n: number, width: number): number[] {
  const inset = roomy(width) ? 112 : 30;
  const left = (roomy(width) ? GUTTER : GUTTER - 14) + inset;
  const right = width - inset;
  if (n <= 1) return [(left + right) / 2];
  return Array.from({ length: n }, (_, i) => left + ((right - left) * i) / (n - 1));
}

export function ladderGeometry(l: Loaded, width: number): LadderGeometry {
  const { timeline: tl, steps, schedule } = l;
  const xs = laneXs(tl.hosts.length, width);
  const lanes = tl.hosts.map((h, i) => ({ host: h.name, ip: h.ip, x: xs[i]! }));
  const laneX = new Map(lanes.map((ln) => [ln.host, ln.x]));
  const yStep = (k: number): number => yOf(schedule.start[k]!);
  const ev = tl.events;

  const arrivals = new Map<number, number[]>();
  const sent: { seg: SegmentEvent; step: number }[] = [];
  const marks: LadderMark[] = [];
  const opened = new Map<string, { step: number; text: string; call: string; host: string; thread: string }>();
  const blocks: LadderBlock[] = [];
  const threadIdx = new Map<string, number>();
  const perHostThreads = new Map<string, number>();
  const markAt = new Map<string, number>();

  for (let i = 0; i < ev.length; i++) {
    const e = ev[i]!;
    if (e.type === 'segment') sent.push({ seg: e, step: stepOfEvent(steps, i) });
    else if (e.type === 'arrive') {
      const list = arrivals.get(e.segment) ?? [];
      list.push(stepOfEvent(steps, i));
      arrivals.set(e.segment, list);
    } else if (e.type === 'state') {
      const k = stepOfEvent(steps, i);
      const slot = `${k}/${e.sid}`;
      const existing = markAt.get(slot);
      // Two changes of one socket in one step (FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT) show the final state.
      if (existing !== undefined) marks[existing] = { ...marks[existing]!, state: e.to };
      else {
        markAt.set(slot, marks.length);
        const x = laneX.get(e.host) ?? 0;
        const side: -1 | 0 | 1 = !roomy(width) ? 0 : x === xs[0] ? -1 : x === xs[xs.length - 1] ? 1 : 0;
        marks.push({ key: `m${i}`, x, side, y: yStep(k), state: e.to, from: e.from });
      }
    } else if (e.type === 'call-start') {
      opened.set(`${e.host}/${e.thread}/${e.step}`, { step: stepOfEvent(steps, i), text: e.text, call: e.call, host: e.host, thread: e.thread });
    } else if (e.type === 'call') {
      const key = `${e.host}/${e.thread}/${e.step}`;
      const o = opened.get(key);
      if (!o) continue;
      opened.delete(key);
      const k = stepOfEvent(steps, i);
      if (k > o.step) blocks.push(block(o, k, false));
    }
  }
  for (const o of opened.values()) blocks.push(block(o, steps.length - 1, true));

  function block(o: { step: number; text: string; call: string; host: string; thread: string }, end: number, open: boolean): LadderBlock {
    const tkey = `${o.host}/${o.thread}`;
    let idx = threadIdx.get(tkey);
    if (idx === undefined) {
      idx = perHostThreads.get(o.host) ?? 0;
      perHostThreads.set(o.host, idx + 1);
      threadIdx.set(tkey, idx);
    }
    const x0 = laneX.get(o.host) ?? 0;
    // Waiting bars go on the inner side of the line; the outer side holds the state pills.
    const side: 1 | -1 = x0 > width / 2 ? -1 : 1;
    return {
      key: `b${tkey}/${o.step}`,
      x: x0 + side * (7 + 7 * idx),
      y1: yStep(o.step),
      y2: open ? yOf(schedule.total) : yStep(end),
      text: o.text,
      call: o.call,
      side,
      open,
    };
  }

  const flightPx = FLIGHT_MS * PX_PER_MS;
  const arrows: LadderArrow[] = [];
  for (const { seg, step } of sent) {
    const x1 = laneX.get(seg.srcHost) ?? GUTTER;
    const y1 = yStep(step);
    const known = seg.dstHost !== null && laneX.has(seg.dstHost);
    const far = x1 > width / 2 ? GUTTER + 8 : width - 8;
    const xd = known ? laneX.get(seg.dstHost!)! : far;
    const base = { seg, x1, y1, kind: segmentKind(seg.flags, seg.len), retransmit: isResend(seg.why), nowhere: !known };
    const arr = arrivals.get(seg.id) ?? [];
    if (seg.fate === 'dropped' || arr.length === 0) {
      // Lost (or never arrived before the run ended): the arrow stops halfway, where the network ate it.
      const f = seg.fate === 'dropped' ? 0.5 : 1;
      arrows.push({ ...base, key: `s${seg.id}`, x2: x1 + (xd - x1) * f, y2: y1 + flightPx * f, lost: seg.fate === 'dropped', dup: false });
      continue;
    }
    arr.forEach((k, n) => {
      arrows.push({ ...base, key: `s${seg.id}${n ? `d${n}` : ''}`, x2: xd, y2: Math.max(yStep(k), y1 + 4), lost: false, dup: n > 0 });
    });
  }

  const gaps: LadderGap[] = schedule.gaps.map((g) => ({
    key: `g${g.toStep}`,
    y1: yStep(g.toStep - 1),
    y2: yStep(g.toStep),
    text: `${formatDuration(g.simUs)} idle (compressed)`,
  }));

  const ticks: LadderTick[] = [];
  let lastY = -Infinity;
  let lastT = -1;
  for (let k = 1; k < steps.length; k++) {
    const y = yStep(k);
    const t = steps[k]!.t;
    if (t !== lastT && y - lastY >= 30) {
      ticks.push({ y, text: formatDuration(t) });
      lastY = y;
      lastT = t;
    }
  }

  let maxSpan = 0;
  for (const a of arrows) maxSpan = Math.max(maxSpan, a.y2 - a.y1);
  return { width, height: yOf(schedule.total) + BOTTOM, lanes, arrows, marks, blocks, gaps, ticks, maxSpan };
}

/** Arrows whose vertical extent meets [top, bottom]: arrows are sorted by y1, so a binary search bounds them. */
export function visibleArrows(arrows: readonly LadderArrow[], top: number, bottom: number, maxSpan: number): LadderArrow[] {
  let lo = 0;
  let hi = arrows.length;
  const from = top - maxSpan;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arrows[mid]!.y1 < from) lo = mid + 1;
    else hi = mid;
  }
  const out: LadderArrow[] = [];
  for (let i = lo; i < arrows.length && arrows[i]!.y1 <= bottom; i++) {
    const a = arrows[i]!;
    if (Math.max(a.y1, a.y2) >= top) out.push(a);
  }
  return out;
}

/** The simulator's reasons for sending bytes again: a timeout or fast retransmit, or a tail loss probe's resend. */
function isResend(why: string | undefined): boolean {
  return why !== undefined && (why.startsWith('retransmit') || why.startsWith('fast retransmit') || why.startsWith('tail loss probe: resend'));
}
