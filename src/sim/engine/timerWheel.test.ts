import { expect, test } from 'vitest';
import fc from 'fast-check';
import { wheelFireTime } from './timerWheel.ts';

test('never early; late by at most one slot of the level (HZ = 250)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 2e8 }), fc.integer({ min: 0, max: 1 << 20 }), (now, delay, phase) => {
      const fire = wheelFireTime(now, now + delay, phase);
      expect(fire).toBeGreaterThan(now + delay - 4000);
      const jiffies = Math.ceil(delay / 4000) + 1;
      const gran = jiffies < 63 ? 1 : jiffies < 504 ? 8 : jiffies < 4032 ? 64 : jiffies < 32256 ? 512 : jiffies < 258048 ? 4096 : 32768;
      expect(fire - (now + delay)).toBeLessThanOrEqual((gran + 2) * 4000);
    }),
  );
});

test('slots match the kernel recordings: 40 ms ACK +1 jiffy, 1 s RTO ≤ 32 ms late, 60 s TIME-WAIT ≤ 2.048 s late', () => {
  expect(wheelFireTime(0, 40_000, 0)).toBe(44_000);
  for (const phase of [0, 3, 7, 100, 12345]) {
    const rto = wheelFireTime(0, 1_000_000, phase);
    expect(rto).toBeGreaterThan(1_000_000);
    expect(rto).toBeLessThanOrEqual(1_032_000);
    const tw = wheelFireTime(0, 60_000_000, phase);
    expect(tw).toBeGreaterThan(60_000_000);
    expect(tw).toBeLessThanOrEqual(62_048_000);
  }
});
