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

test('every version keeps its own bytes, whichever version later operations start from', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ from: fc.nat(), drop: fc.boolean(), s: fc.string({ minLength: 1, maxLength: 5 }), n: fc.nat(8) }), { maxLength: 200 }),
      (ops) => {
        const versions: { q: typeof EMPTY_QUEUE; text: string }[] = [{ q: EMPTY_QUEUE, text: '' }];
        for (const o of ops) {
          const base = versions[o.from % versions.length]!;
          versions.push(o.drop ? { q: bqDrop(base.q, o.n), text: base.text.slice(o.n) } : { q: bqAppend(base.q, o.s), text: base.text + o.s });
        }
        for (const v of versions) expect(bqText(v.q)).toBe(v.text);
      },
    ),
  );
});

test('a long-lived queue lets go of chunks it has dropped', () => {
  let q = bqAppend(EMPTY_QUEUE, 'abcd');
  for (let i = 0; i < 1000; i++) q = bqDrop(bqAppend(q, 'efgh'), 4);
  expect(q.chunks.length).toBeLessThan(200);
  expect(bqText(q)).toBe('efgh');
});
