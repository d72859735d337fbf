// Turns a lab reference (built-in id + knobs) into a runnable scenario. Params go through the scenario's own
// declared JSON pointers, and the result is re-validated, so a lesson can only turn knobs the scenario exposes.

import { findBuiltin, validateScenario, formatScenarioError, type Scenario } from '../../sim/index.ts';
import type { LabChange } from '../types.ts';

export type LabScenario = { ok: true; scenario: Scenario } | { ok: false; error: string };

function setAtPointer(root: unknown, pointer: string, value: unknown): boolean {
  const parts = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = parts.pop();
  if (last === undefined) return false;
  let node: unknown = root;
  for (const p of parts) {
    if (typeof node !== 'object' || node === null) return false;
    const rec = node as Record<string, unknown>;
    // Sysctl and other optional objects may be absent in the file: create them, as the lab's knob would.
    if (rec[p] === undefined) rec[p] = {};
    node = rec[p];
  }
  if (typeof node !== 'object' || node === null) return false;
  (node as Record<string, unknown>)[last] = value;
  return true;
}

export function applyLabChange(scenarioId: string, change: LabChange = {}): LabScenario {
  const base = findBuiltin(scenarioId);
  if (!base) return { ok: false, error: `no built-in scenario "${scenarioId}"` };
  const copy = structuredClone(base) as Scenario & Record<string, unknown>;
  for (const [name, value] of Object.entries(change.params ?? {})) {
    const param = base.params?.[name];
    if (!param) return { ok: false, error: `scenario "${scenarioId}" has no param "${name}"` };
    if (!setAtPointer(copy, param.path, value)) return { ok: false, error: `param "${name}" points nowhere (${param.path})` };
  }
  if (change.seed !== undefined) copy.seed = change.seed;
  if (change.delayMs !== undefined) copy.network = { ...(copy.network ?? {}), delayMs: change.delayMs };
  const checked = validateScenario(copy);
  if (!checked.ok) return { ok: false, error: checked.errors.map(formatScenarioError).join('; ') };
  return { ok: true, scenario: checked.scenario };
}
