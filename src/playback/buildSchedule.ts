// The play track: where each step sits on a wall-clock line (ms at 1×). Play walks this line; the ladder
// diagram uses it as its vertical axis, so an arrow's slope is its flight time as the student watches it.
// Simulated time is scaled so that one typical one-way trip takes FLIGHT_MS; every step gets at least
// MIN_DWELL_MS so simultaneous events can be read one by one; and an idle stretch longer than MAX_GAP_MS
// (a 60 s TIME-WAIT, a 1 s retransmission timeout on a LAN) is compressed to MAX_GAP_MS and listed in `gaps`
// so the screen can say so.

import type { Timeline } from '../sim/index.ts';
import type { Step } from './buildSteps.ts';

export const FLIGHT_MS = 1200;
export const MIN_DWELL_MS = 650;
export const MAX_GAP_MS = 2400;

export interface Gap {
  /** The step the compressed stretch leads to. */
  toStep: number;
  /** Simulated idle time (µs) and the track time it was given (ms). */
  simUs: number;
  wallMs: number;
}

export interface Schedule {
  /** Track position (ms) where step k begins. */
  start: Float64Array;
  /** Track position of the end of the last step. */
  total: number;
  msPerUs: number;
  gaps: Gap[];
}

/** Median one-way delay of the delivered segments, or the median gap between steps when none flew. */
export function typicalFlightUs(tl: Timeline, steps: readonly Step[]): number {
  const flights: number[] = [];
  for (const e of tl.events) if (e.type === 'segment' && e.arrive.length > 0) flights.push(e.arrive[0]! - e.t);
  const positive = flights.filter((d) => d > 0);
  if (positive.length) return median(positive);
  const gaps: number[] = [];
  for (let k = 1; k < steps.length; k++) {
    const d = steps[k]!.t - steps[k - 1]!.t;
    if (d > 0) gaps.push(d);
  }
  return gaps.length ? median(gaps) : 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

export function buildSchedule(tl: Timeline, steps: readonly Step[]): Schedule {
  const msPerUs = FLIGHT_MS / typicalFlightUs(tl, steps);
  const start = new Float64Array(steps.length);
  const gaps: Gap[] = [];
  let pos = 0;
  for (let k = 1; k < steps.length; k++) {
    const simUs = steps[k]!.t - steps[k - 1]!.t;
    const raw = simUs * msPerUs;
    if (raw > MAX_GAP_MS) gaps.push({ toStep: k, simUs, wallMs: MAX_GAP_MS });
    pos += k === 1 && simUs === 0 ? MIN_DWELL_MS / 2 : Math.max(MIN_DWELL_MS, Math.min(raw, MAX_GAP_MS));
    start[k] = pos;
  }
  return { start, total: pos + MIN_DWELL_MS, msPerUs, gaps };
}

/** The step being shown at track position p (the last one that has begun). */
export function stepAtPosition(s: Schedule, p: number): number {
  const a = s.start;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Track position of simulated time t (µs): the start of the first step at or after t, interpolated inside
 * the stretch between two steps. Used for arrivals and losses, which have no step of their own.
 */
export function positionOfTime(s: Schedule, steps: readonly Step[], t: number): number {
  const n = steps.length;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid]!.t < t) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= n) {
    const last = steps[n - 1]!;
    return Math.min(s.total, s.start[n - 1]! + (t - last.t) * s.msPerUs);
  }
  if (lo === 0) return 0;
  const a = steps[lo - 1]!;
  const b = steps[lo]!;
  const f = (t - a.t) / (b.t - a.t);
  return s.start[lo - 1]! + f * (s.start[lo]! - s.start[lo - 1]!);
}

/** The compressed stretch the track position p lies in, if any. */
export function gapAt(s: Schedule, p: number): Gap | null {
  const k = stepAtPosition(s, p);
  // Inside the stretch only once the step before it has had its dwell: a paused step is not fast-forwarding.
  if (p - s.start[k]! < MIN_DWELL_MS) return null;
  let lo = 0;
  let hi = s.gaps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = s.gaps[mid]!;
    if (g.toStep === k + 1) return g;
    if (g.toStep < k + 1) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}
