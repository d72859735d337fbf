import { describe, expect, test } from 'vitest';
import { createRng } from '../random.ts';
import type { Fault } from '../scenario/types.ts';
import { Network } from './Network.ts';

const seg = { fromHost: 'client', toHost: 'server', flags: 'P.', len: 32 };

/** Which of `n` matching segments the faults let through (true) or drop (false). */
function fates(faults: Fault[], n: number): boolean[] {
  const net = new Network(5000, faults, createRng(1));
  return Array.from({ length: n }, (_, i) => net.transmit(seg, i * 1000).arrive.length > 0);
}

describe('Network faults (docs/scenario-format.md)', () => {
  test('nth alone hits only the n-th match', () => {
    expect(fates([{ action: 'drop', match: { from: 'client', nth: 2 } }], 4)).toEqual([true, false, true, true]);
  });

  test('count alone hits the first count matches', () => {
    expect(fates([{ action: 'drop', match: { from: 'client' }, count: 2 }], 4)).toEqual([false, false, true, true]);
  });

  test('nth and count hit count consecutive matches starting at the n-th', () => {
    expect(fates([{ action: 'drop', match: { from: 'client', nth: 2 }, count: 2 }], 5)).toEqual([true, false, false, true, true]);
  });

  test('neither hits every match; a match that does not fit is never counted', () => {
    expect(fates([{ action: 'drop', match: { from: 'client' } }], 3)).toEqual([false, false, false]);
    expect(fates([{ action: 'drop', match: { from: 'server' } }], 3)).toEqual([true, true, true]);
  });

  test('duplicate delivers twice, delay later', () => {
    const net = new Network(5000, [{ action: 'duplicate', match: { nth: 1 } }, { action: 'delay', match: { nth: 2 }, delayMs: 100 }], createRng(1));
    expect(net.transmit(seg, 0).arrive).toEqual([5000, 5000]);
    expect(net.transmit(seg, 0).arrive).toEqual([105000]);
  });
});
