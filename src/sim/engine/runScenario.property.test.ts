// Property tests over generated scenarios: lossy, duplicating, reordering networks must still deliver the byte
// stream whole and in order, or some call must report an error; every run is reproducible from its seed;
// and no run ever takes a state transition missing from the table.

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import type { Fault, Scenario, Step } from '../scenario/types.ts';
import type { CallEvent, StateEvent } from '../timeline/types.ts';
import { isAllowedTransition } from '../tcp/transitionTable.ts';
import { toJsonl } from '../output/toJsonl.ts';
import { runScenario } from './runScenario.ts';

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

export function transferScenario(chunks: string[], faults: Fault[], seed: number, delayMs: number, nodelay: boolean): Scenario {
  const steps: Step[] = [
    { host: 'server', call: 'socket', as: 'l' },
    { host: 'server', call: 'bind', fd: 'l', port: 80 },
    { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
    { host: 'server', call: 'accept', fd: 'l', as: 'a' },
    ...Array.from({ length: 400 }, (): Step => ({ host: 'server', call: 'recv', fd: 'a', size: 65536 })),
    { host: 'server', call: 'close', fd: 'a' },
    { host: 'client', call: 'socket', as: 'c' },
    ...(nodelay ? [{ host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 1 } as Step] : []),
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    ...chunks.map((data): Step => ({ host: 'client', call: 'send', fd: 'c', data })),
    { host: 'client', call: 'close', fd: 'c' },
  ];
  return { version: 1, id: 'generated-transfer', title: 'generated', seed, network: { delayMs, faults }, hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } }, steps, untilMs: 2_000_000 };
}

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
});
