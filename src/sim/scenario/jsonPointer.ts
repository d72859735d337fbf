// RFC 6901 JSON pointers: the error paths of the validator and the `path` of a scenario param.

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function jsonPointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + escapeSegment(s)).join('');
}

/** Splits a pointer into its unescaped segments, or returns null when it is not a pointer ("" is the whole document). */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return null;
  const segments = pointer.slice(1).split('/');
  for (const s of segments) if (/~[^01]|~$/.test(s)) return null;
  return segments.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a pointer names, or undefined. Only own properties count, so "/constructor" resolves to nothing. */
export function resolvePointer(root: unknown, segments: readonly string[]): unknown {
  let node: unknown = root;
  for (const s of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]{0,8})$/.test(s)) return undefined;
      node = node[Number(s)];
    } else if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, s)) {
      node = (node as Record<string, unknown>)[s];
    } else {
      return undefined;
    }
  }
  return node;
}

/** True when `ancestor` is `pointer` itself or one of its ancestors. */
export function isPointerPrefix(ancestor: string, pointer: string): boolean {
  return pointer === ancestor || pointer.startsWith(ancestor + '/');
}
