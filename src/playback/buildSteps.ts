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

const STIMULI = new Set<TimelineEvent['type']>(['call-start', 'call', 'timer', 'note']);

const callKey = (e: { host: string; thread: string; step: number }): string => `${e.host}/${e.thread}/${e.step}`;

interface Open extends Step {
  /** Set when the step began with a call-start: the call whose immediate return it may absorb. */
  call: string | null;
}

/**
 * Does `e` begin a new step? The simulator records what one stimulus caused (an arrival, a call, a timer)
 * together and closes it with the socket rows that changed, so a new step starts after those rows, at a new
 * stimulus, at a new instant or on another host. An arrival's consequences are recorded before the `arrive`
 * event itself, so the arrival joins the step its consequences opened.
 */
function opens(e: TimelineEvent, prev: TimelineEvent | undefined, cur: Open, ev: readonly TimelineEvent[]): boolean {
  if (e.type === 'call-start' || e.type === 'note' || (e.type === 'timer' && e.action === 'fired')) return true;
  if (e.type === 'call') {
    if (cur.call === callKey(e) && cur.t === e.t) return false;
    // A call that returns while the kernel handles something else (accept taking a child off the queue)
    // joins that step; a call after another stimulus is a step of its own.
    if (STIMULI.has(ev[cur.primary]!.type)) return true;
  }
  if (e.t !== cur.t || hostOf(e) !== cur.host) return true;
  // A socket that closes is removed mid-way (its `sock … gone` row precedes the arrival that closed it).
  if (e.type === 'arrive' && !STIMULI.has(ev[cur.primary]!.type) && ev[cur.primary]!.type !== 'arrive') return false;
  return prev !== undefined && (prev.type === 'sock' || prev.type === 'arrive' || prev.type === 'call');
}

export function buildSteps(tl: Timeline): Step[] {
  const steps: Step[] = [{ first: 0, last: -1, primary: -1, t: 0, host: '', kinds: 0 }];
  const ev = tl.events;
  let cur: Open | null = null;
  // Bookkeeping recorded at a later instant than the open step (a timer set just before the arrival that
  // set it) belongs to the step that comes next.
  let pending = -1;
  for (let i = 0; i < ev.length; i++) {
    const e = ev[i]!;
    const kind = kindOf(e);
    if (kind === null) {
      if (cur && e.t === cur.t && pending < 0) cur.last = i;
      else if (pending < 0) pending = i;
      continue;
    }
    if (cur && pending < 0 && !opens(e, ev[i - 1], cur, ev)) {
      cur.last = i;
      cur.kinds |= KIND_BIT[kind];
      // An arrival or a call's return names the step its consequences opened, unless a stimulus began it.
      if ((e.type === 'arrive' || e.type === 'call') && !STIMULI.has(ev[cur.primary]!.type)) cur.primary = i;
      continue;
    }
    const first = pending >= 0 ? pending : i;
    if (cur) {
      cur.last = first - 1;
      steps.push(close(cur));
    }
    pending = -1;
    cur = {
      first: steps.length === 1 ? 0 : first,
      last: i,
      primary: i,
      t: e.t,
      host: hostOf(e),
      kinds: KIND_BIT[kind],
      call: e.type === 'call-start' ? callKey(e) : null,
    };
  }
  if (cur) {
    cur.last = ev.length - 1;
    steps.push(close(cur));
  }
  return steps;
}

function close(o: Open): Step {
  return { first: o.first, last: o.last, primary: o.primary, t: o.t, host: o.host, kinds: o.kinds };
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
