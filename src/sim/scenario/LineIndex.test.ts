import { describe, expect, it } from 'vitest';
import { LineIndex } from './LineIndex.ts';

describe('LineIndex', () => {
  it('maps offsets to lines and columns', () => {
    const idx = new LineIndex('ab\ncd\n\nef');
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(3)).toEqual({ line: 2, column: 1 });
    expect(idx.position(7)).toEqual({ line: 4, column: 1 });
    expect(idx.position(8)).toEqual({ line: 4, column: 2 });
  });
});
