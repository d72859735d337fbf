// What a fresh HTTPS connection costs before the request: TCP's handshake (1 RTT) then TLS 1.3's (1 RTT).
// The request itself then takes its own time. Reuse skips both handshakes.

import { fmt, type Worked } from './format.ts';

export interface ColdStartInput {
  rttMs: number;
  /** Round trips of setup: TCP 1 + TLS 1.3 1 = 2 by default. */
  setupRtts?: number;
  /** The call's own time once connected. */
  callMs: number;
}

export interface ColdStartResult {
  setup: Worked;
  cold: Worked;
  warm: Worked;
}

export function coldStart({ rttMs, setupRtts = 2, callMs }: ColdStartInput): ColdStartResult {
  const setupMs = setupRtts * rttMs;
  return {
    setup: { value: setupMs, working: `${fmt(setupRtts)} × ${fmt(rttMs)} ms = ${fmt(setupMs)} ms` },
    cold: { value: setupMs + callMs, working: `${fmt(setupMs)} ms + ${fmt(callMs)} ms = ${fmt(setupMs + callMs)} ms` },
    warm: { value: callMs, working: `${fmt(callMs)} ms (handshakes already paid)` },
  };
}

export interface SequentialCallsResult {
  withoutReuse: Worked;
  withReuse: Worked;
  speedup: Worked;
}

/** n calls one after another: each pays setup without reuse; with reuse only the call time (first setup ignored, as the course does). */
export function sequentialCalls(n: number, coldMs: number, warmMs: number): SequentialCallsResult {
  const without = (n * coldMs) / 1000;
  const withR = (n * warmMs) / 1000;
  const speedup = without / withR;
  return {
    withoutReuse: { value: without, working: `${fmt(n)} × ${fmt(coldMs)} ms = ${fmt(without)} s` },
    withReuse: { value: withR, working: `${fmt(n)} × ${fmt(warmMs)} ms = ${fmt(withR)} s` },
    speedup: { value: speedup, working: `${fmt(without)} s ÷ ${fmt(withR)} s = ${fmt(speedup)}×` },
  };
}

/** The chapter's pool example: n queries each paying setup + query, against n queries on pooled connections. */
export function pooledQueries(n: number, setupMs: number, queryMs: number): { unpooled: Worked; pooled: Worked } {
  const unpooled = n * (setupMs + queryMs);
  const pooled = n * queryMs;
  return {
    unpooled: { value: unpooled, working: `${fmt(n)} × (${fmt(setupMs)} + ${fmt(queryMs)}) ms = ${fmt(unpooled)} ms` },
    pooled: { value: pooled, working: `${fmt(n)} × ${fmt(queryMs)} ms = ${fmt(pooled)} ms` },
  };
}
