import { expect, test } from 'vitest';
import fc from 'fast-check';
import type { AppendQueue } from './appendQueue.ts';
import { aqAt, aqDropFront, aqLength, aqPush, aqReplaceLast, emptyQueue } from './appendQueue.ts';

const toArray = (q: AppendQueue<number>): number[] => Array.from({ length: aqLength(q) }, (_, i) => aqAt(q, i)!);

test('every version keeps its own items, whichever version later operations start from', () => {
  fc.assert(
    fc.property(
      fc.array(fc.record({ from: fc.nat(), op: fc.constantFrom('push', 'drop', 'replace'), v: fc.integer(), k: fc.nat(4) }), { maxLength: 300 }),
      (ops) => {
        const versions: { q: AppendQueue<number>; model: number[] }[] = [{ q: emptyQueue<number>(), model: [] }];
        for (const o of ops) {
          const base = versions[o.from % versions.length]!;
          if (o.op === 'push') versions.push({ q: aqPush(base.q, o.v), model: [...base.model, o.v] });
          else if (o.op === 'drop') versions.push({ q: aqDropFront(base.q, o.k), model: base.model.slice(o.k) });
          else if (base.model.length > 0) versions.push({ q: aqReplaceLast(base.q, o.v), model: [...base.model.slice(0, -1), o.v] });
        }
        for (const v of versions) expect(toArray(v.q)).toEqual(v.model);
      },
    ),
  );
});
