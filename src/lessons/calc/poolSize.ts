// Two pool-sizing rules from the course texts, both Little's law plus headroom:
// the chapter adds a buffer to rate × latency; the lesson rounds up first, then multiplies by 1.25.

import { fmt, type Worked } from './format.ts';

/** The chapter's rule: base = rate × latency, plus buffer × base. */
export function poolSizeWithBuffer(ratePerS: number, latencyMs: number, bufferFraction: number): Worked & { base: number; extra: number } {
  const base = ratePerS * (latencyMs / 1000);
  const extra = base * bufferFraction;
  const value = Math.ceil(base + extra - 1e-9);
  return {
    value,
    base,
    extra,
    working: `${fmt(ratePerS)} × ${fmt(latencyMs / 1000)} = ${fmt(base)}; ${fmt(base)} + ${fmt(base)} × ${fmt(bufferFraction)} = ${fmt(value)}`,
  };
}

/** The lesson's rule: pool_max = ceil(peak × latency) × headroom, rounded up to whole connections. */
export function poolMax(peakPerS: number, latencyMs: number, headroom: number): Worked & { inFlight: number } {
  const inFlight = Math.ceil(peakPerS * (latencyMs / 1000) - 1e-9);
  const value = Math.ceil(inFlight * headroom - 1e-9);
  return {
    value,
    inFlight,
    working: `ceil(${fmt(peakPerS)} × ${fmt(latencyMs / 1000)}) × ${fmt(headroom)} = ${fmt(inFlight)} × ${fmt(headroom)} = ${fmt(value)}`,
  };
}

/** K upstreams × P connections each use K × P fds; they must fit under the per-process limit. */
export function fdCeiling(upstreams: number, perPool: number, fdLimit: number): Worked & { fits: boolean; headroom: number } {
  const value = upstreams * perPool;
  const fits = value <= fdLimit;
  return {
    value,
    fits,
    headroom: fdLimit - value,
    working: `${fmt(upstreams)} × ${fmt(perPool)} = ${fmt(value)} fds ${fits ? '≤' : '>'} ${fmt(fdLimit)}`,
  };
}
