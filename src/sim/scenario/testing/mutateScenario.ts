// Test support for the property tests: small, targeted breakages of a valid scenario, each with the JSON pointer of
// the place it touched.

import { jsonPointer } from '../jsonPointer.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Mutation =
  | { kind: 'delete'; at: string[] }
  | { kind: 'replace'; at: string[]; value: Json }
  | { kind: 'renameCall'; step: number; name: string }
  | { kind: 'breakFd'; step: number; name: string };

/** Every place in `value` below the root, as segment lists. */
export function allPaths(value: Json, prefix: string[] = [], out: string[][] = []): string[][] {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([...prefix, String(i)]); allPaths(v, [...prefix, String(i)], out); });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      allPaths(v, [...prefix, k], out);
    }
  }
  return out;
}

/** Applies `m` to a copy of `s`; returns the copy and the pointer of the mutated place. */
export function applyMutation(s: Json, m: Mutation): { result: Json; at: string } {
  const copy = structuredClone(s);
  switch (m.kind) {
    case 'delete': {
      const parent = walk(copy, m.at.slice(0, -1)) as Record<string, Json>;
      delete parent[m.at[m.at.length - 1]!];
      return { result: copy, at: jsonPointer(...m.at) };
    }
    case 'replace': {
      const parent = walk(copy, m.at.slice(0, -1)) as Record<string, Json>;
      parent[m.at[m.at.length - 1]!] = m.value;
      return { result: copy, at: jsonPointer(...m.at) };
    }
    case 'renameCall':
    case 'breakFd': {
      const step = walk(copy, ['steps', String(m.step)]) as Record<string, Json>;
      step[m.kind === 'renameCall' ? 'call' : 'fd'] = m.name;
      return { result: copy, at: jsonPointer('steps', m.step, m.kind === 'renameCall' ? 'call' : 'fd') };
    }
  }
}

function walk(root: Json, segments: string[]): Json {
  let node = root;
  for (const s of segments) node = (node as Record<string, Json>)[s]!;
  return node;
}
