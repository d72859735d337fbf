import { describe, expect, it } from 'vitest';
import { sequentialServer } from './sequentialServer.ts';

describe('sequentialServer', () => {
  it('three 10 s requests finish at 10, 20, 30 s', () => {
    expect(sequentialServer(3, 10)).toMatchObject({ value: 30, finishTimes: [10, 20, 30], working: '3 × 10 s = 30 s' });
  });
  it('with enough workers they all finish at 10 s', () => {
    expect(sequentialServer(3, 10, 3).finishTimes).toEqual([10, 10, 10]);
  });
  it('a pool of 2 finishes in waves', () => {
    expect(sequentialServer(3, 10, 2)).toMatchObject({ value: 20, finishTimes: [10, 10, 20] });
  });
});
