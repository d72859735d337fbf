// A fact is a number (or short text) a lesson states, with where it came from. Lessons never type numbers into
// prose: they write {{factId}} and the fact supplies value, display text and provenance.

import { fmt } from '../calc/format.ts';
import type { Timeline, Scenario } from '../../sim/index.ts';
import type { LabChange } from '../types.ts';

export type FactSource =
  /** Measured on a run of a built-in scenario (with the given knobs), or read from the simulator's Linux defaults. */
  | { kind: 'simulator'; scenario?: string; change?: LabChange; how: string }
  /** Computed by a formula the lesson shows; `working` is that formula with the numbers in. */
  | { kind: 'formula'; working: string }
  /** A starting number of a worked example, as the course text sets it. */
  | { kind: 'given'; from: string };

export interface Fact {
  id: string;
  value: number | string;
  /** The text that replaces {{id}}: the value with its unit, formatted. */
  display: string;
  source: FactSource;
}

/** Units print after the number: "50 ms", "3×", "28,232 ports". */
export function display(value: number | string, unit = ''): string {
  if (typeof value === 'string') return value;
  const n = fmt(value);
  if (unit === '') return n;
  if (unit === '×' || unit === '%') return n + unit;
  return `${n} ${unit}`;
}

export interface FactContext {
  /** Runs a built-in scenario once per (id, change) and caches the timeline. */
  run(scenario: string, change?: LabChange): Timeline;
  scenario(scenario: string): Scenario;
}

type Def = (ctx: FactContext) => Omit<Fact, 'id'>;
export type FactDefs = Record<string, Def>;

export const sim = (scenario: string | undefined, how: string, value: number | string, unit = '', change?: LabChange): Omit<Fact, 'id'> => {
  const source: FactSource = { kind: 'simulator', how };
  if (scenario !== undefined) source.scenario = scenario;
  if (change !== undefined) source.change = change;
  return { value, display: display(value, unit), source };
};

export const formula = (working: string, value: number | string, unit = ''): Omit<Fact, 'id'> => ({
  value,
  display: display(value, unit),
  source: { kind: 'formula', working },
});

export const given = (from: string, value: number | string, unit = ''): Omit<Fact, 'id'> => ({
  value,
  display: display(value, unit),
  source: { kind: 'given', from },
});
