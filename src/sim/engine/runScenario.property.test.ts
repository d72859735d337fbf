// Property tests over generated scenarios: lossy, duplicating, reordering networks must still deliver the byte
// stream whole and in order, or some call must report an error; every run is reproducible from its seed;
// and no run ever takes a state transition missing from the table.

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Fault } from '../scenario/types.ts';
import type { CallEvent, StateEvent } from '../timeline/types.ts';
import { isAllowedTransition } from '../tcp/transitionTable.ts';
import { toJsonl } from '../output/toJsonl.ts';
import { runScenario } from './runScenario.ts';
import { findBuiltin } from '../scenario/library/index.ts';
import { transferScenario } from './transferScenario.ts';

// Sizes straddle the MSS (1448) and the send buffer (128 KB), where a blocking send() must wait and resume.
const chunkArb = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.integer({ min: 1, max: 6000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 100_000, max: 400_000 }).map((n) => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n)),
);
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({ action: fc.constant('loss' as const), rate: fc.double({ min: 0, max: 0.25, noNaN: true }) }),
  fc.record({ action: fc.constant('drop' as const), match: fc.record({ nth: fc.integer({ min: 1, max: 12 }) }) }),
  fc.record({ action: fc.constant('duplicate' as const), match: fc.record({ nth: fc.integer({ min: 1, max: 12 }) }) }),
  fc.record({ action: fc.constant('reorder' as const), match: fc.record({ nth: fc.integer({ min: 1, max: 12 }) }) }),
  fc.record({ action: fc.constant('delay' as const), match: fc.record({ nth: fc.integer({ min: 1, max: 12 }) }), delayMs: fc.integer({ min: 1, max: 300 }) }),
);

const scenarioArb = fc.record({
  chunks: fc.array(chunkArb, { minLength: 1, maxLength: 8 }),
  faults: fc.array(faultArb, { maxLength: 3 }),
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  delayMs: fc.double({ min: 0.05, max: 80, noNaN: true }),
  nodelay: fc.boolean(),
});

function checkDelivery(chunks: string[], faults: Fault[], seed: number, delayMs: number, nodelay: boolean): void {
  const tl = runScenario(transferScenario(chunks, faults, seed, delayMs, nodelay));
  const sent = chunks.join('');
  const calls = tl.events.filter((e): e is CallEvent => e.type === 'call');
  const recvs = calls.filter((c) => c.host === 'server' && c.call === 'recv');
  const got = recvs.map((c) => c.data ?? '').join('');
  const errored = calls.some((c) => c.errno !== undefined);
  const sawEof = recvs.some((c) => c.ret === 0 && c.errno === undefined);
  // Never corrupted, never out of order: what arrived is always a prefix of what was sent.
  expect(sent.startsWith(got)).toBe(true);
  if (sawEof) expect(got).toBe(sent);
  else expect(errored || recvs.length === 400).toBe(true);
  for (const e of tl.events) {
    if (e.type === 'state') expect(isAllowedTransition((e as StateEvent).from, (e as StateEvent).to), `${e.from} → ${e.to}`).toBe(true);
  }
}

describe('generated transfers', () => {
  test('the byte stream arrives whole and in order, or an error is reported; only table transitions', () => {
    fc.assert(
      fc.property(scenarioArb, ({ chunks, faults, seed, delayMs, nodelay }) => checkDelivery(chunks, faults, seed, delayMs, nodelay)),
      { numRuns: 150 },
    );
  });

  test('same scenario and seed ⇒ identical jsonl', () => {
    fc.assert(
      fc.property(scenarioArb, ({ chunks, faults, seed, delayMs, nodelay }) => {
        const sc = transferScenario(chunks, faults, seed, delayMs, nodelay);
        expect(toJsonl(runScenario(sc), true)).toBe(toJsonl(runScenario(sc), true));
      }),
      { numRuns: 40 },
    );
  });

  test('a different seed changes the ISNs and ports but not the outcome of a clean run', () => {
    const a = runScenario(transferScenario(['hello'], [], 1, 5, false));
    const b = runScenario(transferScenario(['hello'], [], 2, 5, false));
    const outcome = (tl: typeof a): string[] => tl.events.filter((e): e is CallEvent => e.type === 'call').map((c) => `${c.host} ${c.call} ${c.errno ?? c.ret}`);
    expect(outcome(a)).toEqual(outcome(b));
    expect(toJsonl(a)).not.toBe(toJsonl(b));
  });
});

describe('regressions found by the generators', () => {
  // fast-check, seed run 0: a fractional congestion window let output() emit 0-byte "segments" forever (OOM).
  test('(regression) fractional cwnd after a drop never stalls the sender', () => {
    const big = (n: number): string => 'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n);
    const chunks = [big(215470), big(100526), big(316227), 'ab', 'x'.repeat(505), 'x'.repeat(2717), 'abcdef'];
    const faults: Fault[] = [{ action: 'delay', match: { nth: 10 }, delayMs: 235 }, { action: 'drop', match: { nth: 6 } }];
    checkDelivery(chunks, faults, 1, 0.11, true);
  });

  // fast-check seed 1524103805: 4096 bytes then one more: a recv() result above the timeline's preview size.
  test('(regression) seed 1524103805: recv data longer than a preview is still delivered whole', () => {
    checkDelivery(['x'.repeat(4096), ' '], [], 0, 0.05, false);
  });

  // fast-check seed -1882715099: the ACK covering a segment was lost and the receiver ignored the retransmission
  // of that fully received segment instead of ACKing it again, so the sender retried until ETIMEDOUT.
  test('(regression) seed -1882715099: a retransmitted, already received segment is ACKed again', () => {
    checkDelivery(['abcdefghij'.repeat(10_000), 'x'], [{ action: 'loss', rate: 0.08855621912516655 }], 0, 0.05, false);
  });

  // lossy-transfer, seed 1, once tail loss probes came in: the probe carried the FIN through but its ACK was lost;
  // the RTO rewound SND.NXT and forgot the FIN had been sent, so the next ACK (covering it) was not taken as the
  // FIN's ACK and a second FIN went out one sequence number too far, ending in a RST.
  test('(regression) lossy-transfer seed 1: an ACK of a FIN sent before a timeout still acknowledges it', () => {
    const tl = runScenario(findBuiltin('lossy-transfer')!);
    const segs = tl.events.filter((e) => e.type === 'segment');
    expect(segs.some((e) => e.type === 'segment' && e.flags.includes('R'))).toBe(false);
    const fins = new Set(segs.flatMap((e) => (e.type === 'segment' && e.flags.includes('F') && e.srcHost === 'client' ? [e.seq + e.len] : [])));
    expect(fins.size).toBe(1);
  });
});
