// Random access into a timeline: the view state after any event, found by restoring the nearest checkpoint
// and replaying at most `every` events (ongardie/raftscope's seek). Nothing here re-runs TCP.

import type { QueueEvent, SegmentEvent, SocketRow, StateEvent, Timeline, TimelineEvent, TimelineEventType } from './types.ts';

export interface ThreadView {
  host: string;
  thread: string;
  /** The call in progress (started, not returned), with its text, e.g. "accept(3)". */
  call: string | null;
  text: string | null;
  since: number | null;
  step: number | null;
  /** The last call that returned, with its result in words ("4", "ECONNREFUSED"). */
  last: { call: string; result: string; t: number; step: number } | null;
}

export interface QueueView {
  sid: number;
  host: string;
  listener: string;
  synQueue: number;
  acceptQueue: number;
  synMax: number;
  acceptMax: number;
  change: string;
}

export interface ViewState {
  /** Number of events applied: 0 = before anything happened. */
  applied: number;
  t: number;
  sockets: Record<number, SocketRow>;
  threads: Record<string, ThreadView>;
  queues: Record<number, QueueView>;
  /** The latest state change of each socket (by sid). */
  lastState: Record<number, StateEvent>;
  /** The latest segment sent, if any. */
  lastSegment: SegmentEvent | null;
}

const emptyState = (): ViewState => ({ applied: 0, t: 0, sockets: {}, threads: {}, queues: {}, lastState: {}, lastSegment: null });

function clone(v: ViewState): ViewState {
  const threads: Record<string, ThreadView> = {};
  for (const [k, th] of Object.entries(v.threads)) threads[k] = { ...th };
  return { ...v, sockets: { ...v.sockets }, threads, queues: { ...v.queues }, lastState: { ...v.lastState } };
}

function threadOf(v: ViewState, host: string, thread: string): ThreadView {
  const key = `${host}/${thread}`;
  let th = v.threads[key];
  if (!th) {
    th = { host, thread, call: null, text: null, since: null, step: null, last: null };
    v.threads[key] = th;
  }
  return th;
}

/** Apply one event to a working view state (mutates it; callers own the copy). */
export function applyEvent(v: ViewState, e: TimelineEvent): void {
  v.applied += 1;
  v.t = e.t;
  switch (e.type) {
    case 'sock':
      if (e.gone) delete v.sockets[e.row.sid];
      else v.sockets[e.row.sid] = e.row;
      break;
    case 'call-start': {
      const th = threadOf(v, e.host, e.thread);
      th.call = e.call;
      th.text = e.text;
      th.since = e.t;
      th.step = e.step;
      break;
    }
    case 'call': {
      const th = threadOf(v, e.host, e.thread);
      th.call = null;
      th.text = null;
      th.since = null;
      th.step = null;
      th.last = { call: e.call, result: e.errno ?? String(e.ret ?? 0), t: e.t, step: e.step };
      break;
    }
    case 'state':
      v.lastState[e.sid] = e;
      break;
    case 'queue':
      v.queues[e.sid] = queueView(e);
      break;
    case 'segment':
      v.lastSegment = e;
      break;
    default:
      break;
  }
}

function queueView(e: QueueEvent): QueueView {
  return { sid: e.sid, host: e.host, listener: e.listener, synQueue: e.synQueue, acceptQueue: e.acceptQueue, synMax: e.synMax, acceptMax: e.acceptMax, change: e.change };
}

export class TimelineIndex {
  private readonly checkpoints: ViewState[] = [];

  constructor(
    readonly timeline: Timeline,
    private readonly every = 256,
  ) {
    const work = emptyState();
    this.checkpoints.push(clone(work));
    const ev = timeline.events;
    for (let i = 0; i < ev.length; i++) {
      applyEvent(work, ev[i]!);
      if ((i + 1) % every === 0) this.checkpoints.push(clone(work));
    }
  }

  get length(): number {
    return this.timeline.events.length;
  }

  /** The view after the first `applied` events (0 ≤ applied ≤ length). */
  stateAt(applied: number): ViewState {
    const n = Math.max(0, Math.min(this.length, Math.floor(applied)));
    const k = Math.floor(n / this.every);
    const v = clone(this.checkpoints[k]!);
    const ev = this.timeline.events;
    for (let i = k * this.every; i < n; i++) applyEvent(v, ev[i]!);
    return v;
  }

  /** Index of the first event at or after `from` whose type is one of `types`, or -1. */
  findNext(from: number, types: readonly TimelineEventType[]): number {
    const ev = this.timeline.events;
    for (let i = Math.max(0, from); i < ev.length; i++) if (types.includes(ev[i]!.type)) return i;
    return -1;
  }

  /** Index of the last event at or before `from` whose type is one of `types`, or -1. */
  findPrev(from: number, types: readonly TimelineEventType[]): number {
    const ev = this.timeline.events;
    for (let i = Math.min(ev.length - 1, from); i >= 0; i--) if (types.includes(ev[i]!.type)) return i;
    return -1;
  }

  /** Number of events that happened at or before simulated time `t` (µs): binary search. */
  appliedAtTime(t: number): number {
    const ev = this.timeline.events;
    let lo = 0;
    let hi = ev.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ev[mid]!.t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
