import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { littlesLaw } from './littlesLaw.ts';
import { fdCeiling, poolMax, poolSizeWithBuffer } from './poolSize.ts';

describe('pool sizing', () => {
  it("Little's law: 2,000/s × 50 ms = 100", () => {
    expect(littlesLaw(2000, 50)).toEqual({ value: 100, working: '2,000/s × 0.05 s = 100' });
  });
  it('the chapter: 1000 rps × 10 ms = 10, + 20 % = 12', () => {
    const r = poolSizeWithBuffer(1000, 10, 0.2);
    expect([r.base, r.extra, r.value]).toEqual([10, 2, 12]);
  });
  it('the lesson: ceil(2000 × 0.05) × 1.25 = 125', () => {
    const r = poolMax(2000, 50, 1.25);
    expect([r.inFlight, r.value]).toEqual([100, 125]);
  });
  it('rounds fractional connections up', () => {
    expect(poolMax(30, 50, 1.25)).toMatchObject({ inFlight: 2, value: 3 });
  });
  it('fd ceiling: K × P against the limit', () => {
    expect(fdCeiling(10, 125, 65536)).toMatchObject({ value: 1250, fits: true });
    expect(fdCeiling(10, 125, 1024)).toMatchObject({ value: 1250, fits: false, headroom: -226 });
  });
  it('the pool never comes out smaller than the in-flight count', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100000 }), fc.integer({ min: 1, max: 5000 }), (rate, ms) => {
      const r = poolMax(rate, ms, 1.25);
      return r.value >= r.inFlight && r.inFlight >= (rate * ms) / 1000 - 1e-6;
    }));
  });
});
