import { expect, test } from 'vitest';
import { SimClock, ms, sec } from './clock.ts';

test('the clock only moves forward', () => {
  const c = new SimClock();
  c.advanceTo(ms(1.5));
  expect(c.now()).toBe(1500);
  c.advanceTo(1500);
  expect(() => c.advanceTo(1499)).toThrow(/back in time/);
});

test('unit helpers give integer microseconds', () => {
  expect(ms(0.05)).toBe(50);
  expect(sec(60)).toBe(60_000_000);
});
