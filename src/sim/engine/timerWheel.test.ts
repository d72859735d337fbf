import { expect, test } from 'vitest';
import fc from 'fast-check';
import { wheelFireTime } from './timerWheel.ts';

test('never early; late by at most one granule of the level', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 2e8 }), fc.integer({ min: 0, max: 1 << 20 }), (now, delay, phase) => {
      const fire = wheelFireTime(now, now + delay, phase);
      expect(fire).toBeGreaterThan(now + delay - 1000);
      const jiffies = Math.ceil(delay / 1000);
      const gran = jiffies < 63 ? 1 : jiffies < 504 ? 8 : jiffies < 4032 ? 64 : jiffies < 32256 ? 512 : jiffies < 258048 ? 4096 : 32768;
      expect(fire - (now + delay)).toBeLessThanOrEqual((gran + 2) * 1000);
    }),
  );
});

test('a 40 ms delayed ACK fires one jiffy late; a 1 s RTO within 64 ms; 60 s TIME-WAIT within 4.1 s', () => {
  expect(wheelFireTime(0, 40_000, 0)).toBe(41_000);
  const rto = wheelFireTime(0, 1_000_000, 5);
  expect(rto).toBeGreaterThan(1_000_000);
  expect(rto).toBeLessThanOrEqual(1_064_000);
  const tw = wheelFireTime(0, 60_000_000, 123);
  expect(tw).toBeGreaterThan(60_000_000);
  expect(tw).toBeLessThanOrEqual(64_096_000);
});
