// Knobs rerun a scenario with a different seed, one-way delay or one of the scenario's own `params`
// (JSON pointers with bounds). The scenario is copied, edited and validated again: a knob can never hand
// the engine something the CLI would refuse.

import { formatScenarioError, validateScenario, type Scenario } from '../sim/index.ts';

export type ParamValue = number | string;

export interface Knobs {
  seed: number | null;
  delayMs: number | null;
  params: Record<string, ParamValue>;
}

export const NO_KNOBS: Knobs = { seed: null, delayMs: null, params: {} };

/** One-way delays a student can pick: from a LAN to across the world. */
export const DELAY_PRESETS: readonly { ms: number; label: string }[] = [
  { ms: 0.1, label: 'LAN (0.1 ms)' },
  { ms: 1, label: 'Same data center (1 ms)' },
  { ms: 10, label: 'Same region (10 ms)' },
  { ms: 40, label: 'Across a continent (40 ms)' },
  { ms: 75, label: 'Across the world (75 ms, 150 ms round trip)' },
  { ms: 150, label: 'Across the world and back (150 ms)' },
];

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Set the value at an RFC 6901 pointer, creating missing objects on the way (not array slots). */
export function setPointer(doc: unknown, pointer: string, value: unknown): boolean {
  if (!pointer.startsWith('/')) return false;
  const tokens = pointer.slice(1).split('/').map(unescape);
  let node = doc as Record<string, unknown> | unknown[];
  for (let i = 0; i < tokens.length - 1; i++) {
    const key = tokens[i]!;
    if (Array.isArray(node)) {
      const next = node[Number(key)];
      if (next === undefined || next === null || typeof next !== 'object') return false;
      node = next as Record<string, unknown>;
    } else {
      if (node[key] === undefined) node[key] = {};
      const next = node[key];
      if (next === null || typeof next !== 'object') return false;
      node = next as Record<string, unknown>;
    }
  }
  const last = tokens[tokens.length - 1]!;
  if (Array.isArray(node)) {
    const idx = Number(last);
    if (!Number.isInteger(idx) || idx < 0 || idx >= node.length) return false;
    node[idx] = value;
  } else node[last] = value;
  return true;
}

export function getPointer(doc: unknown, pointer: string): unknown {
  if (!pointer.startsWith('/')) return undefined;
  let node: unknown = doc;
  for (const token of pointer.slice(1).split('/').map(unescape)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

export type Knobbed = { ok: true; scenario: Scenario } | { ok: false; message: string };

export function applyKnobs(base: Scenario, knobs: Knobs): Knobbed {
  if (knobs.delayMs === null && Object.keys(knobs.params).length === 0) return { ok: true, scenario: base };
  const copy = structuredClone(base) as Scenario;
  if (knobs.delayMs !== null) copy.network = { ...copy.network, delayMs: knobs.delayMs };
  for (const [name, value] of Object.entries(knobs.params)) {
    const param = base.params?.[name];
    if (!param) return { ok: false, message: `This scenario has no knob named "${name}".` };
    if (typeof value === 'number' && ((param.min !== undefined && value < param.min) || (param.max !== undefined && value > param.max))) {
      return { ok: false, message: `${param.label} must be between ${param.min ?? '−∞'} and ${param.max ?? '∞'}; got ${value}.` };
    }
    if (param.options && !param.options.includes(value)) {
      return { ok: false, message: `${param.label} must be one of ${param.options.join(', ')}; got ${value}.` };
    }
    if (!setPointer(copy, param.path, value)) return { ok: false, message: `${param.label}: ${param.path} is not in this scenario.` };
  }
  const v = validateScenario(copy);
  if (!v.ok) return { ok: false, message: `These settings make an invalid scenario: ${v.errors.map(formatScenarioError).join('; ')}` };
  return { ok: true, scenario: v.scenario };
}
