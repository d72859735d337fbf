import { expect, test } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from './EventQueue.ts';

test('pops by time, then by insertion order for ties', () => {
  const q = new EventQueue<string>();
  q.push(5, 'c');
  q.push(1, 'a');
  q.push(5, 'd');
  q.push(1, 'b');
  const out: string[] = [];
  while (q.size) out.push(q.pop()!.item);
  expect(out).toEqual(['a', 'b', 'c', 'd']);
});

test('property: output is sorted by (t, order) for any input', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
      const q = new EventQueue<number>();
      times.forEach((t, i) => q.push(t, i));
      const got: [number, number][] = [];
      while (q.size) {
        const e = q.pop()!;
        got.push([e.t, e.item]);
      }
      const want = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      expect(got).toEqual(want);
    }),
  );
});
