// A one-at-a-time server: request k (1-based) finishes after k service times, so the last of n waits n × service.
// With w workers, requests finish in waves of w.

import { fmt, type Worked } from './format.ts';

export function sequentialServer(n: number, serviceS: number, workers = 1): Worked & { finishTimes: number[] } {
  const finishTimes = Array.from({ length: n }, (_, i) => (Math.floor(i / workers) + 1) * serviceS);
  const value = finishTimes[finishTimes.length - 1] ?? 0;
  const waves = Math.ceil(n / workers);
  const working = workers === 1
    ? `${fmt(n)} × ${fmt(serviceS)} s = ${fmt(value)} s`
    : `ceil(${fmt(n)} ÷ ${fmt(workers)}) × ${fmt(serviceS)} s = ${fmt(waves)} × ${fmt(serviceS)} s = ${fmt(value)} s`;
  return { value, finishTimes, working };
}
