// A scenario file as text (the CLI's `validate`, the lab's editor): JSON syntax errors with line and column,
// duplicate keys, then validateScenario, with each error placed at the line where its value starts.

import { parseJsonText, type TextPosition } from './parseJsonText.ts';
import type { ScenarioError } from './Reporter.ts';
import type { Scenario } from './types.ts';
import { validateScenario } from './validateScenario.ts';

/** `value` is the parsed JSON as written (for editors and knobs); `scenario` is its validated copy. */
export type ParseResult = { ok: true; scenario: Scenario; value: unknown } | { ok: false; errors: ScenarioError[] };

export function parseScenarioText(text: string): ParseResult {
  try {
    if (typeof text !== 'string') return { ok: false, errors: [{ path: '', message: 'the scenario text must be a string' }] };
    const parsed = parseJsonText(text);
    if (!parsed.ok) {
      const { line, column, message } = parsed.error;
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${message}`, line, column }] };
    }
    const errors: ScenarioError[] = parsed.duplicates.map((d) => ({
      path: d.path,
      message: `duplicate key ${JSON.stringify(d.key.slice(0, 40))}: JSON keeps only the last value, so remove one of them`,
      line: d.line,
      column: d.column,
    }));
    const result = validateScenario(parsed.value);
    if (result.ok && errors.length === 0) return { ok: true, scenario: result.scenario, value: parsed.value };
    if (!result.ok) errors.push(...locate(text, result.errors));
    return { ok: false, errors };
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `the scenario could not be read (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'})` }] };
  }
}

/** Adds line/column: where the error's value starts, or its nearest ancestor that exists (for a missing key). */
function locate(text: string, errors: readonly ScenarioError[]): ScenarioError[] {
  const wanted = new Set<string>();
  for (const e of errors) for (const p of ancestors(e.path)) wanted.add(p);
  const parsed = parseJsonText(text, wanted);
  if (!parsed.ok) return [...errors];
  return errors.map((e) => {
    let pos: TextPosition | undefined;
    for (const p of ancestors(e.path)) if ((pos = parsed.positions.get(p))) break;
    return pos ? { ...e, line: pos.line, column: pos.column } : e;
  });
}

/** The pointer itself, then each ancestor up to "". */
function ancestors(pointer: string): string[] {
  const out = [pointer];
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = pointer.lastIndexOf('/', i - 1)) {
    out.push(pointer.slice(0, i));
    if (i === 0) break;
  }
  return out;
}
