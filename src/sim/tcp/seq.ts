// Sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4): comparisons use the signed 32-bit difference,
// so 0x00000005 is "after" 0xfffffff0.

export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;
export const seqDiff = (a: number, b: number): number => (a - b) | 0;
export const seqLt = (a: number, b: number): boolean => seqDiff(a, b) < 0;
export const seqLeq = (a: number, b: number): boolean => seqDiff(a, b) <= 0;
export const seqGt = (a: number, b: number): boolean => seqDiff(a, b) > 0;
export const seqGeq = (a: number, b: number): boolean => seqDiff(a, b) >= 0;
/** a < x <= b */
export const seqBetweenExcl = (a: number, x: number, b: number): boolean => seqLt(a, x) && seqLeq(x, b);
