import { describe, expect, it } from 'vitest';
import { parseJsonText } from './parseJsonText.ts';

const error = (text: string) => {
  const r = parseJsonText(text);
  return r.ok ? undefined : r.error;
};

describe('parseJsonText', () => {
  it.each([
    '{}', '[]', '0', '-0.5e+3', '"a\\u00e9\\n"', 'true', 'null', '{"a": [1, {"b": []}], "c": "d"}', ' \n[ 1 , 2 ]\n',
  ])('parses %j like JSON.parse', (text) => {
    const r = parseJsonText(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });

  it('keeps "__proto__" as a plain key', () => {
    const r = parseJsonText('{"__proto__": {"polluted": true}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 8, 'trailing comma before "}": JSON does not allow one'],
    ['[1, 2,]', 1, 6, 'trailing comma before "]": JSON does not allow one'],
    ['{a: 1}', 1, 2, 'expected a property name, found "a" (property names must be in double quotes)'],
    ["{'a': 1}", 1, 2, 'expected a property name, found "\'" (JSON strings use double quotes)'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}" after a property value, found "\\""'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name "a", found "1"'],
    ['{"a": tru}', 1, 7, 'expected a value, found "t" (text must be in double quotes)'],
    ['// hi\n{}', 1, 1, 'comments are not allowed in JSON'],
    ['{"a": "x\ny"}', 1, 9, 'line break inside a string (write \\n)'],
    ['{"a": "x', 1, 7, 'unterminated string (missing closing ")'],
    ['{"a": 01}', 1, 7, 'bad number "01" (no leading zeros in JSON)'],
    ['{"a": "\\x"}', 1, 8, 'bad escape "\\x" in a string'],
    ['[1, 2', 1, 6, 'the file ends inside an array (missing "]")'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the document'],
    ['', 1, 1, 'the file ends where a value was expected'],
    ['\n\n   ]', 3, 4, 'expected a value, found "]"'],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    expect(error(text)).toEqual({ line, column, message });
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    expect(error('['.repeat(100_000))).toEqual({ line: 1, column: 257, message: 'nested deeper than 256 levels' });
    const ok = parseJsonText('['.repeat(200) + ']'.repeat(200));
    expect(ok.ok).toBe(true);
  });

  it('lists duplicate keys and the positions asked for', () => {
    const r = parseJsonText('{\n "a": 1,\n "b": {"c": [10, 20]},\n "a": 2\n}', new Set(['/b/c/1', '/a', '']));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.duplicates).toEqual([{ path: '/a', key: 'a', line: 4, column: 2 }]);
    expect(r.positions.get('/b/c/1')).toEqual({ line: 3, column: 18 });
    expect(r.positions.get('')).toEqual({ line: 1, column: 1 });
    expect(r.value).toEqual({ a: 2, b: { c: [10, 20] } });
  });

});
