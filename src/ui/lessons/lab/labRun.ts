// From a lesson's lab reference to what the playback store takes: knobs, the link that opens the same run in
// the full lab, the list of changes a "try this" makes (with the scenario's own values), and the step at which a
// given segment goes on the wire. Pure, so the course's every lab reference can be checked in Node.

import { appliedAt, builtinCatalog, createPlaybackStore, getPointer, linkSearch, stepOfEvent, type Knobs, type Loaded, type PlaybackStore, type Scenario } from '../../../playback/index.ts';
import type { LabChange, LabRef, LabView } from '../../../lessons/index.ts';

export function knobsOf(change: LabChange): Knobs {
  return { seed: change.seed ?? null, delayMs: change.delayMs ?? null, params: { ...(change.params ?? {}) } };
}

export function hasChange(change: LabChange): boolean {
  return change.seed !== undefined || change.delayMs !== undefined || Object.keys(change.params ?? {}).length > 0;
}

/** `?scenario=…&step=0…`: the same run, opened in the full lab. */
export function labLink(lab: LabRef, step = 0): string {
  return linkSearch({ scenario: lab.scenario, step, seed: lab.seed ?? null, delayMs: lab.delayMs ?? null, params: lab.params ?? {} });
}

export interface KnobChange {
  label: string;
  from: string;
  to: string;
}

/** What a "try this" turns, in the scenario's own words: "SYN cookies (tcp_syncookies): 1 → 0". */
export function describeChange(base: Scenario, change: LabChange): KnobChange[] {
  const out: KnobChange[] = [];
  for (const [name, value] of Object.entries(change.params ?? {})) {
    const p = base.params?.[name];
    const was = p ? getPointer(base, p.path) : undefined;
    out.push({ label: p?.label ?? name, from: was === undefined ? 'default' : String(was), to: String(value) });
  }
  if (change.delayMs !== undefined) out.push({ label: 'One-way delay', from: `${base.network?.delayMs ?? 0} ms`, to: `${change.delayMs} ms` });
  if (change.seed !== undefined) out.push({ label: 'Seed', from: String(base.seed ?? 1), to: String(change.seed) });
  return out;
}

export type OpenedLab = { ok: true; store: PlaybackStore; base: Scenario } | { ok: false; error: string };

/** A fresh playback store with the scenario loaded, or why not. */
export function openLab(scenario: string, knobs: Knobs, at = 0): OpenedLab {
  const base = builtinCatalog.find(scenario);
  if (!base) return { ok: false, error: `The lab has no scenario called "${scenario}".` };
  const store = createPlaybackStore(builtinCatalog);
  if (!store.getState().load(base, knobs, at)) return { ok: false, error: store.getState().problems.join(' ') || `"${scenario}" could not run.` };
  return { ok: true, store, base };
}

/** The step whose events put segment `id` on the wire, or null when the run has no such segment. */
export function segmentStep(loaded: Loaded, id: number): number | null {
  const i = loaded.timeline.events.findIndex((e) => e.type === 'segment' && e.id === id);
  if (i < 0) return null;
  const k = stepOfEvent(loaded.steps, i);
  return appliedAt(loaded.steps, k) > i ? k : null;
}

/** The panels to draw for a lab reference, in its order: narration is always shown above them (it is the
 *  diagram's text alternative), and timers live in ss's Timer column. */
export type Panel = 'ladder' | 'states' | 'calls' | 'queues' | 'ss' | 'tcpdump';

export function panelsOf(views: readonly LabView[]): Panel[] {
  const out: Panel[] = [];
  for (const v of views) {
    const p: Panel | null = v === 'narration' ? null : v === 'timers' ? 'ss' : v;
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}
