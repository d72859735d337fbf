// Short, safe renderings of arbitrary input for error messages: a 1 MB string or a deep object must not end up in one.

const MAX_SHOWN = 40;

export function quote(s: string): string {
  const shown = s.length > MAX_SHOWN ? s.slice(0, MAX_SHOWN) + '…' : s;
  return JSON.stringify(shown);
}

export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isFinite(v) ? 'a number' : 'a non-finite number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    case 'undefined':
      return 'nothing';
    default:
      return `a ${typeof v}`;
  }
}

/** `"abc"`, `42`, `true`, `null`, `an object`, `an array` ... */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : kindOf(v);
  if (typeof v === 'boolean' || v === null) return String(v);
  return kindOf(v);
}

/** `"abc" (a string)` for values whose rendering does not say their type. */
export function describeWithKind(v: unknown): string {
  if (typeof v === 'string') return `${quote(v)} (a string)`;
  return describeValue(v);
}
