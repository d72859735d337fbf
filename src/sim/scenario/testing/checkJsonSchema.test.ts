import { describe, expect, it } from 'vitest';
import { checkJsonSchema } from './checkJsonSchema.ts';

describe('checkJsonSchema', () => {
  const schema = {
    type: 'object',
    required: ['n'],
    additionalProperties: false,
    properties: {
      n: { type: 'integer', minimum: 1, maximum: 9 },
      s: { type: 'string', pattern: '^a', maxLength: 3 },
      k: { $ref: '#/$defs/kind' },
      list: { type: 'array', maxItems: 2, items: { enum: [1, 'x'] } },
    },
    if: { properties: { k: { const: 'b' } }, required: ['k'] },
    then: { required: ['s'] },
    $defs: { kind: { anyOf: [{ const: 'a' }, { const: 'b' }] } },
  };

  it('accepts a matching value and reports each failing keyword at its path', () => {
    expect(checkJsonSchema(schema, { n: 3, s: 'ab', k: 'a', list: [1, 'x'] })).toEqual([]);
    expect(checkJsonSchema(schema, { n: 0, s: 'bcde', k: 'c', list: [2, 1, 1], z: 1 })).toEqual([
      { path: '/n', keyword: 'minimum' },
      { path: '/s', keyword: 'maxLength' },
      { path: '/s', keyword: 'pattern' },
      { path: '/k', keyword: 'anyOf' },
      { path: '/list', keyword: 'maxItems' },
      { path: '/list/0', keyword: 'enum' },
      { path: '/z', keyword: 'false' },
    ]);
    expect(checkJsonSchema(schema, { k: 'b', n: 1.5 })).toEqual([
      { path: '/n', keyword: 'type' },
      { path: '', keyword: 'required' },
    ]);
    expect(checkJsonSchema(schema, { n: 2, k: 'b' })).toEqual([{ path: '', keyword: 'required' }]);
  });

  it('refuses keywords it does not implement', () => {
    expect(() => checkJsonSchema({ unevaluatedProperties: false }, {})).toThrow(/unsupported schema keyword unevaluatedProperties/);
    expect(() => checkJsonSchema({ $ref: '#/$defs/missing' }, {})).toThrow(/unresolvable \$ref/);
  });
});
