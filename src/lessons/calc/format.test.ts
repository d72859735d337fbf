import { describe, expect, it } from 'vitest';
import { fmt } from './format.ts';

describe('fmt', () => {
  it('groups thousands and trims decimals', () => {
    expect([fmt(65536), fmt(0.05), fmt(131.01), fmt(1 / 3)]).toEqual(['65,536', '0.05', '131.01', '0.333']);
  });
});
