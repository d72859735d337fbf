// Steps: what "Next step" moves through. A step is one thing a student can see happen — a call, an arrival
// and what the receiving stack did about it, a timer firing, a note — never a bookkeeping row (`sock`, a timer
// being set or cleared). Every step names the exact range of timeline events it covers, so the view at step k
// is simply "the first `appliedAt(k)` events applied", and seeking cannot drift from a fresh run.

import type { Timeline, TimelineEvent } from '../sim/index.ts';

export type StepKind = 'call' | 'segment' | 'arrive' | 'state' | 'timer' | 'queue' | 'note';

export const KIND_BIT: Readonly<Record<StepKind, number>> = {
  call: 1,
  segment: 2,
  arrive: 4,
  state: 8,
  timer: 16,
  queue: 32,
  note: 64,
};

export interface Step {
  /** First timeline event the step covers. */
  first: number;
  /** Last event it covers, inclusive: bookkeeping rows that follow belong to the step before them. */
  last: number;
  /** The event the step is about (its narration's subject); -1 for step 0, the start. */
  primary: number;
  /** Simulated time (µs). */
  t: number;
  /** Host the step happens on ('' for the start). */
  host: string;
  /** KIND_BIT of every meaningful event inside the step. */
  kinds: number;
}

export function kindOf(e: TimelineEvent): StepKind | null {
  switch (e.type) {
    case 'call-start':
    case 'call':
      return 'call';
    case 'timer':
      return e.action === 'fired' ? 'timer' : null;
    case 'sock':
      return null;
    default:
      return e.type;
  }
}

export function hostOf(e: TimelineEvent): string {
  switch (e.type) {
    case 'segment':
      return e.srcHost;
    case 'sock':
      return e.row.host;
    case 'note':
      return e.host ?? '';
    default:
      return e.host;
  }
}

/**
 * One step per engine event (Timeline.marks): a stimulus — a call, an arrival, a timer, a deadline — and
 * everything it caused, so an arrival and what the receiving stack did about it are one step, and a call that
 * returns because of that arrival belongs to it too. A range with nothing a student can see (only socket rows,
 * a timer re-armed) joins the step before it.
 */
export function buildSteps(tl: Timeline): Step[] {
  const steps: Step[] = [{ first: 0, last: -1, primary: -1, t: 0, host: '', kinds: 0 }];
  const ev = tl.events;
  const marks = tl.marks.length > 0 && tl.marks[0] === 0 ? tl.marks : [0, ...tl.marks];
  for (let m = 0; m < marks.length; m++) {
    const first = marks[m]!;
    const end = m + 1 < marks.length ? marks[m + 1]! : ev.length;
    if (first >= end) continue;
    // A blocked call that returns because of this stimulus ("accept() returns 4 after waiting 50 ms") is a step
    // of its own, right after the stimulus that woke it.
    let start = first;
    let primary = -1;
    let kinds = 0;
    const push = (last: number): void => {
      if (primary < 0) {
        steps[steps.length - 1]!.last = last;
        return;
      }
      const p = ev[primary]!;
      steps.push({ first: start, last, primary, t: p.t, host: hostOf(p), kinds });
    };
    for (let i = first; i < end; i++) {
      const e = ev[i]!;
      const k = kindOf(e);
      if (k === null) continue;
      if (e.type === 'call' && e.blocked && primary >= 0 && primary !== i) {
        push(i - 1);
        start = i;
        primary = -1;
        kinds = 0;
      }
      if (primary < 0) primary = i;
      kinds |= KIND_BIT[k];
    }
    push(end - 1);
  }
  const lastStep = steps[steps.length - 1]!;
  if (lastStep.last < ev.length - 1) lastStep.last = ev.length - 1;
  return steps;
}

/** Number of timeline events applied when the lab shows step k. */
export const appliedAt = (steps: readonly Step[], k: number): number => steps[k]!.last + 1;

/** The step that covers timeline event i. */
export function stepOfEvent(steps: readonly Step[], i: number): number {
  let lo = 1;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]!.first <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The last step at or before simulated time t (µs). */
export function stepAtTime(steps: readonly Step[], t: number): number {
  let lo = 0;
  let hi = steps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (steps[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
