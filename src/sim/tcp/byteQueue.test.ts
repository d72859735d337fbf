import { expect, test } from 'vitest';
import fc from 'fast-check';
import { EMPTY_QUEUE, bqAppend, bqDrop, bqSlice, bqText } from './byteQueue.ts';

test('behaves like a string under append, drop and slice', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.record({ op: fc.constant('append' as const), s: fc.string({ maxLength: 20 }) }), fc.record({ op: fc.constant('drop' as const), n: fc.nat(30) }), fc.record({ op: fc.constant('slice' as const), from: fc.nat(30), n: fc.nat(30) }))),
      (ops) => {
        let q = EMPTY_QUEUE;
        let model = '';
        for (const o of ops) {
          if (o.op === 'append') {
            q = bqAppend(q, o.s);
            model += o.s;
          } else if (o.op === 'drop') {
            q = bqDrop(q, o.n);
            model = model.slice(o.n);
          } else {
            expect(bqSlice(q, o.from, o.n)).toBe(model.slice(o.from, o.from + o.n));
          }
          expect(q.length).toBe(model.length);
        }
        expect(bqText(q)).toBe(model);
      },
    ),
  );
});

test('older versions are unchanged by later operations', () => {
  const a = bqAppend(EMPTY_QUEUE, 'hello');
  const b = bqDrop(bqAppend(a, ' world'), 3);
  expect(bqText(a)).toBe('hello');
  expect(bqText(b)).toBe('lo world');
});
