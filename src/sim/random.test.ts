import { describe, expect, test } from 'vitest';
import { createRng, hash32 } from './random.ts';

describe('createRng', () => {
  test('same seed gives the same sequence', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a.u32());
    const ys = Array.from({ length: 100 }, () => b.u32());
    expect(xs).toEqual(ys);
  });
  test('different seeds diverge', () => {
    expect(createRng(1).u32()).not.toBe(createRng(2).u32());
  });
  test('float is in [0,1) and int in [0,n)', () => {
    const r = createRng(7);
    for (let i = 0; i < 10_000; i++) {
      const f = r.float();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
      const n = r.int(6);
      expect(Number.isInteger(n) && n >= 0 && n < 6).toBe(true);
    }
  });
  test('ints are roughly uniform', () => {
    const r = createRng(3);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[r.int(4)]! += 1;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(600);
  });
  test('hash32 is stable and keyed', () => {
    expect(hash32('abc', 1)).toBe(hash32('abc', 1));
    expect(hash32('abc', 1)).not.toBe(hash32('abc', 2));
  });
});
