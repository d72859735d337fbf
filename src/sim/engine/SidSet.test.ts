import { describe, expect, it } from 'vitest';
import { SidSet } from './SidSet.ts';

describe('SidSet', () => {
  it('keeps insertion order without duplicates and forgets everything on clear', () => {
    const s = new SidSet();
    s.add(5);
    s.add(2);
    s.add(5);
    expect([...s.values()]).toEqual([5, 2]);
    expect(s.has(2)).toBe(true);
    expect(s.has(3)).toBe(false);
    s.clear();
    expect(s.has(5)).toBe(false);
    expect(s.values()).toEqual([]);
    s.add(2);
    expect(s.has(2)).toBe(true);
    expect(s.has(5)).toBe(false);
  });
});
