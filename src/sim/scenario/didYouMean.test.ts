import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from './didYouMean.ts';

describe('didYouMean', () => {
  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('conect', 'connect', 3)).toBe(1);
    expect(editDistance('dorp', 'drop', 3)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'abcdefgh', 2)).toBe(Infinity);
  });

  it('suggests a close candidate and nothing for a far one', () => {
    expect(didYouMean('conect', ['socket', 'connect', 'close'])).toBe(' (did you mean "connect"?)');
    expect(closest('SO_REUSEADR', ['SO_REUSEADDR', 'SO_REUSEPORT'])).toBe('SO_REUSEADDR');
    expect(closest('so_reuseaddr', ['SO_REUSEADDR'])).toBe('SO_REUSEADDR');
    expect(didYouMean('frobnicate', ['socket', 'connect'])).toBe('');
    expect(didYouMean('', ['a'])).toBe('');
    expect(didYouMean('x'.repeat(10_000), ['x'])).toBe('');
  });
});
