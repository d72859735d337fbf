// The wire between hosts: a one-way delay and the scenario's faults. It decides each segment's fate and
// arrival times when the segment is sent; random loss draws from the scenario's seeded RNG.

import type { Fault, FaultMatch } from '../scenario/types.ts';
import type { Rng } from '../random.ts';

export interface WireSegment {
  fromHost: string;
  toHost: string | null;
  flags: string;
  len: number;
}

export interface Verdict {
  /** Arrival times (µs); empty when lost or held back. */
  arrive: number[];
  note?: string;
  /** Set when a reorder fault holds this segment back: it arrives at the fallback time unless released sooner. */
  held?: { token: number; fallbackAt: number };
  /** Held segments released by this one: each arrives just after it. */
  releases: { token: number; at: number }[];
}

interface FaultState {
  fault: Fault;
  seen: number;
  hits: number;
}

/** Shared by every verdict that releases nothing (most of them): never written to. */
const NO_RELEASES: Verdict['releases'] = Object.freeze([]) as unknown as Verdict['releases'];

/** How long a reordered segment waits for a later one to overtake it. */
const REORDER_FALLBACK = 200_000;

export class Network {
  private faults: FaultState[];
  private held = new Map<string, number[]>();
  private nextToken = 1;

  constructor(
    private readonly delay: number,
    faults: Fault[],
    private readonly rng: Rng,
  ) {
    this.faults = faults.map((fault) => ({ fault, seen: 0, hits: 0 }));
  }

  transmit(seg: WireSegment, now: number): Verdict {
    if (seg.toHost === null) return { arrive: [], note: 'no host has this address', releases: NO_RELEASES };
    let arrive = [now + this.delay];
    if (this.faults.length === 0 && this.held.size === 0) return { arrive, releases: NO_RELEASES };
    let note: string | undefined;
    let hold = false;
    for (const fs of this.faults) {
      const f = fs.fault;
      if (f.action === 'loss') {
        if (f.match && !matches(f.match, seg, now)) continue;
        if (this.rng.float() < f.rate) return { arrive: [], note: 'random loss', releases: NO_RELEASES };
        continue;
      }
      if (!matches(f.match, seg, now)) continue;
      fs.seen += 1;
      // `count` consecutive matches starting at the n-th (docs/scenario-format.md, faults); without `nth`, the
      // first `count`; without `count`, only the n-th (or every one).
      const limit = f.count ?? (f.match.nth !== undefined ? 1 : Infinity);
      if (f.match.nth !== undefined && fs.seen < f.match.nth) continue;
      if (fs.hits >= limit) continue;
      fs.hits += 1;
      if (f.action === 'drop') return { arrive: [], note: 'fault: drop', releases: [] };
      if (f.action === 'duplicate') {
        // The copy lands in the same instant, right after the original: both are in before the receiving
        // program runs, as on a real host where the two arrive microseconds apart.
        arrive = [...arrive, arrive[arrive.length - 1]!];
        note = 'fault: duplicated';
      } else if (f.action === 'delay') {
        arrive = arrive.map((a) => a + Math.round(f.delayMs * 1000));
        note = `fault: delayed ${f.delayMs} ms`;
      } else {
        hold = true;
        note = 'fault: reordered';
      }
    }
    if (!hold && this.held.size === 0) return note ? { arrive, note, releases: [] } : { arrive, releases: [] };
    const path = `${seg.fromHost}>${seg.toHost}`;
    if (hold) {
      const token = this.nextToken++;
      this.held.set(path, [...(this.held.get(path) ?? []), token]);
      return { arrive: [], note: note ?? 'fault: reordered', held: { token, fallbackAt: now + this.delay + REORDER_FALLBACK }, releases: [] };
    }
    const waiting = this.held.get(path) ?? [];
    this.held.delete(path);
    const last = arrive[arrive.length - 1]!;
    const releases = waiting.map((token, i) => ({ token, at: last + 1 + i }));
    return note ? { arrive, note, releases } : { arrive, releases };
  }
}

export function matches(m: FaultMatch, seg: WireSegment, now: number): boolean {
  if (m.from !== undefined && m.from !== seg.fromHost) return false;
  if (m.to !== undefined && m.to !== seg.toHost) return false;
  if (m.flags !== undefined && m.flags !== seg.flags) return false;
  if (m.hasData !== undefined && m.hasData !== seg.len > 0) return false;
  if (m.afterMs !== undefined && now < m.afterMs * 1000) return false;
  if (m.beforeMs !== undefined && now >= m.beforeMs * 1000) return false;
  return true;
}
