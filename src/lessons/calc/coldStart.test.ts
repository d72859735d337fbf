import { describe, expect, it } from 'vitest';
import { coldStart, pooledQueries, sequentialCalls } from './coldStart.ts';

describe('coldStart', () => {
  it('50 ms RTT: 100 ms setup + 50 ms call = 150 ms against 50 ms reused', () => {
    const r = coldStart({ rttMs: 50, callMs: 50 });
    expect([r.setup.value, r.cold.value, r.warm.value]).toEqual([100, 150, 50]);
    expect(r.setup.working).toBe('2 × 50 ms = 100 ms');
  });
  it('1,000 sequential calls: 150 s against 50 s, 3×', () => {
    const r = sequentialCalls(1000, 150, 50);
    expect([r.withoutReuse.value, r.withReuse.value, r.speedup.value]).toEqual([150, 50, 3]);
    expect(r.withoutReuse.working).toBe('1,000 × 150 ms = 150 s');
  });
  it("the chapter's pool example: 3 × (50 + 5) = 165 ms against 15 ms", () => {
    const r = pooledQueries(3, 50, 5);
    expect([r.unpooled.value, r.pooled.value]).toEqual([165, 15]);
    expect(r.unpooled.working).toBe('3 × (50 + 5) ms = 165 ms');
  });
});
