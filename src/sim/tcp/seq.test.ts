import { expect, test } from 'vitest';
import { seqAdd, seqBetweenExcl, seqDiff, seqGt, seqLt } from './seq.ts';

test('comparisons wrap modulo 2^32 (RFC 9293 §3.4)', () => {
  expect(seqLt(0xfffffff0, 5)).toBe(true);
  expect(seqGt(5, 0xfffffff0)).toBe(true);
  expect(seqAdd(0xffffffff, 2)).toBe(1);
  expect(seqDiff(1, 0xffffffff)).toBe(2);
  expect(seqBetweenExcl(0xfffffffe, 0, 3)).toBe(true);
  expect(seqBetweenExcl(0xfffffffe, 0xfffffffe, 3)).toBe(false);
});
