// A tiny JSON Schema (draft 2020-12) checker for the keywords docs/scenario.schema.json uses, so tests can hold the
// published schema to the validator without a schema library. An unsupported keyword throws: the schema cannot quietly
// grow a rule this checker would ignore.

export interface SchemaError {
  path: string;
  keyword: string;
}

type Schema = boolean | Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'examples', 'default', '$defs']);
const KEYWORDS = new Set([
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'propertyNames', 'minProperties',
  'maxProperties', 'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref',
]);

export function checkJsonSchema(root: Schema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  check(root, root, value, '', errors);
  return errors;
}

function check(root: Schema, schema: Schema, v: unknown, path: string, out: SchemaError[]): void {
  if (schema === true) return;
  if (schema === false) {
    out.push({ path, keyword: 'false' });
    return;
  }
  const fail = (keyword: string) => out.push({ path, keyword });
  for (const k of Object.keys(schema)) if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`unsupported schema keyword ${k} at ${path}`);
  const s = schema;
  if (s.$ref !== undefined) check(root, resolveRef(root, s.$ref as string), v, path, out);
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type : [s.type]).some((t) => hasType(v, t as string))) fail('type');
  if (s.enum !== undefined && !(s.enum as unknown[]).some((e) => equal(e, v))) fail('enum');
  if (s.const !== undefined && !equal(s.const, v)) fail('const');
  if (typeof v === 'number') {
    if (typeof s.minimum === 'number' && v < s.minimum) fail('minimum');
    if (typeof s.maximum === 'number' && v > s.maximum) fail('maximum');
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) fail('exclusiveMinimum');
    if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) fail('exclusiveMaximum');
  }
  if (typeof v === 'string') {
    const length = [...v].length; // JSON Schema counts code points
    if (typeof s.minLength === 'number' && length < s.minLength) fail('minLength');
    if (typeof s.maxLength === 'number' && length > s.maxLength) fail('maxLength');
    if (typeof s.pattern === 'string' && !new RegExp(s.pattern, 'u').test(v)) fail('pattern');
  }
  if (Array.isArray(v)) {
    if (typeof s.minItems === 'number' && v.length < s.minItems) fail('minItems');
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) fail('maxItems');
    if (s.items !== undefined) v.forEach((x, i) => check(root, s.items as Schema, x, `${path}/${i}`, out));
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) checkObject(root, s, v as Record<string, unknown>, path, out, fail);
  if (s.allOf !== undefined) for (const sub of s.allOf as Schema[]) check(root, sub, v, path, out);
  if (s.anyOf !== undefined && !(s.anyOf as Schema[]).some((sub) => passes(root, sub, v))) fail('anyOf');
  if (s.oneOf !== undefined && (s.oneOf as Schema[]).filter((sub) => passes(root, sub, v)).length !== 1) fail('oneOf');
  if (s.not !== undefined && passes(root, s.not as Schema, v)) fail('not');
  if (s.if !== undefined) {
    const branch = passes(root, s.if as Schema, v) ? s.then : s.else;
    if (branch !== undefined) check(root, branch as Schema, v, path, out);
  }
}

function checkObject(root: Schema, s: Record<string, unknown>, v: Record<string, unknown>, path: string, out: SchemaError[], fail: (k: string) => void): void {
  const keys = Object.keys(v);
  if (typeof s.minProperties === 'number' && keys.length < s.minProperties) fail('minProperties');
  if (typeof s.maxProperties === 'number' && keys.length > s.maxProperties) fail('maxProperties');
  for (const r of (s.required as string[] | undefined) ?? []) if (!Object.prototype.hasOwnProperty.call(v, r)) fail('required');
  const props = (s.properties as Record<string, Schema> | undefined) ?? {};
  for (const k of keys) {
    const p = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (s.propertyNames !== undefined) check(root, s.propertyNames as Schema, k, p, out);
    if (Object.prototype.hasOwnProperty.call(props, k)) check(root, props[k]!, v[k], p, out);
    else if (s.additionalProperties !== undefined) check(root, s.additionalProperties as Schema, v[k], p, out);
  }
}

function passes(root: Schema, schema: Schema, v: unknown): boolean {
  const errors: SchemaError[] = [];
  check(root, schema, v, '', errors);
  return errors.length === 0;
}

function resolveRef(root: Schema, ref: string): Schema {
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  const defs = typeof root === 'object' ? (root.$defs as Record<string, Schema> | undefined) : undefined;
  const target = m && defs ? defs[m[1]!] : undefined;
  if (target === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return target;
}

function hasType(v: unknown, t: string): boolean {
  switch (t) {
    case 'null':
      return v === null;
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'string':
      return typeof v === 'string';
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    default:
      throw new Error(`unsupported type ${t}`);
  }
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
