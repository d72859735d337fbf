// Runs a lab reference (built-in scenario + knobs) and caches the timeline: lessons resolve predict questions
// from real runs, and the simulator is deterministic, so one run per reference is enough.

import { runScenario, type Timeline } from '../sim/index.ts';
import { applyLabChange } from './facts/applyLabChange.ts';
import type { LabRef } from './types.ts';

const cache = new Map<string, Timeline>();

export type LabRun = { ok: true; timeline: Timeline } | { ok: false; error: string };

export function runLab(lab: Pick<LabRef, 'scenario' | 'params' | 'seed' | 'delayMs'>): LabRun {
  const change: Record<string, unknown> = {};
  if (lab.params) change.params = lab.params;
  if (lab.seed !== undefined) change.seed = lab.seed;
  if (lab.delayMs !== undefined) change.delayMs = lab.delayMs;
  const key = `${lab.scenario} ${JSON.stringify(change)}`;
  const hit = cache.get(key);
  if (hit) return { ok: true, timeline: hit };
  const sc = applyLabChange(lab.scenario, change);
  if (!sc.ok) return sc;
  const timeline = runScenario(sc.scenario);
  cache.set(key, timeline);
  return { ok: true, timeline };
}
