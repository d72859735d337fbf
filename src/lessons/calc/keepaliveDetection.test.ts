import { describe, expect, it } from 'vitest';
import { keepaliveDetection } from './keepaliveDetection.ts';

describe('keepaliveDetection', () => {
  it('the chapter: 60 + 10 × 6 = 120 s', () => {
    expect(keepaliveDetection({ idleS: 60, intvlS: 10, cnt: 6 })).toEqual({ value: 120, working: '60 + 10 × 6 = 120 s' });
  });
  it('the common production values: 60/10/3 → 90 s', () => {
    expect(keepaliveDetection({ idleS: 60, intvlS: 10, cnt: 3 }).value).toBe(90);
  });
  it('Linux defaults 7200/75/9 → 7875 s', () => {
    expect(keepaliveDetection({ idleS: 7200, intvlS: 75, cnt: 9 }).working).toBe('7,200 + 75 × 9 = 7,875 s');
  });
});
