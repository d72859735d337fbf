import { describe, expect, it } from 'vitest';
import { synSchedule } from './synSchedule.ts';

describe('synSchedule', () => {
  it('Linux ≥ 6.5 defaults: resends at 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s, ETIMEDOUT at 131 s', () => {
    const s = synSchedule({ initialRtoS: 1, linear: 4, retries: 6 });
    expect(s.sendTimes).toEqual([1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    expect(s.failAt).toBe(131);
    expect(s.working).toBe('1 + 1 + 1 + 1 + 1 + 2 + 4 + 8 + 16 + 32 + 64');
  });
  it('older kernels: 1, 3, 7, 15, 31, 63 s, ETIMEDOUT at 127 s', () => {
    const s = synSchedule({ initialRtoS: 1, linear: 0, retries: 6 });
    expect(s.sendTimes).toEqual([1, 3, 7, 15, 31, 63]);
    expect(s.failAt).toBe(127);
  });
  it('fewer retries give up sooner', () => {
    expect(synSchedule({ initialRtoS: 1, linear: 4, retries: 3 }).failAt).toBe(5 + 2 + 4 + 8);
  });
});
