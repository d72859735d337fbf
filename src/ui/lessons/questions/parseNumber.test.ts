import { describe, expect, it } from 'vitest';
import { splitCode } from '../blocks/splitCode.ts';
import { parseNumberInput } from './parseNumber.ts';

describe('parseNumberInput', () => {
  it('reads what students type', () => {
    expect(parseNumberInput('60')).toBe(60);
    expect(parseNumberInput(' 3,394,835,398 ')).toBe(3394835398);
    expect(parseNumberInput('1 000')).toBe(1000);
    expect(parseNumberInput('−2')).toBe(-2);
    expect(parseNumberInput('0,5')).toBe(0.5);
    expect(parseNumberInput('.25')).toBe(0.25);
    expect(parseNumberInput('60 s')).toBe(60);
    expect(parseNumberInput('300ms')).toBe(300);
    expect(parseNumberInput('1.5')).toBe(1.5);
    expect(parseNumberInput('1,23')).toBe(1.23); // a decimal comma: not a thousands group
  });
  it('refuses what is not one number', () => {
    for (const s of ['', ' ', 'abc', '1.2.3', '1,2,3', '--1', '1e400', '12-3', 'Infinity', 'NaN', ',']) expect(parseNumberInput(s), s).toBeNull();
  });
});

describe('splitCode', () => {
  it('splits code spans and keeps unpaired backticks', () => {
    expect(splitCode('call `accept()` now')).toEqual([
      { text: 'call ', code: false },
      { text: 'accept()', code: true },
      { text: ' now', code: false },
    ]);
    expect(splitCode('`a``b`')).toEqual([
      { text: 'a', code: true },
      { text: 'b', code: true },
    ]);
    expect(splitCode('odd ` tick')).toEqual([{ text: 'odd ` tick', code: false }]);
    expect(splitCode('')).toEqual([]);
  });
});
