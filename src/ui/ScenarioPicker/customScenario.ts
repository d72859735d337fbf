// Scenarios people write themselves ("Open a scenario file…", "Paste JSON"): how the lab plays one, what Download
// JSON saves, and the copy kept in this tab so a reload keeps it. Pure functions — no React, no DOM beyond a
// Storage handed in — and none of them throws, whatever the input. The checks a text goes through before it is
// played are in scenarioText.ts (loaded with the import dialog).

import { formatScenarioError, validateScenario, type Loaded, type Scenario } from '../../playback/index.ts';

/** The id a custom scenario plays under, so the address says `?scenario=custom`. */
export const CUSTOM_ID = 'custom';
/** Scenario files above this are refused before they are read (the biggest built-in is ~6 kB). */
export const MAX_BYTES = 1_000_000;
/**
 * Engine events a custom scenario may use in the lab (the busiest built-in needs ~530). Everything the lab
 * derives grows with the run, so the trial run stops here and the lab plays the part before the cut.
 */
export const LAB_MAX_EVENTS = 25_000;
/** sessionStorage key; the version changes when the stored shape does (an old shape is then dropped). */
export const STORAGE_KEY = 'tcp-lab:custom-scenario:v1';

export interface CustomScenario {
  /** Where it came from: the file's name, or "pasted text". */
  name: string;
  /** The text as written (what Download JSON of an unchanged custom scenario gives back). */
  text: string;
  /** The validated scenario, with its own id. */
  scenario: Scenario;
  /** The trial run hit the lab's event budget: the lab plays the run up to `untilMs` and says why. */
  cut?: Cut;
}

export interface Cut {
  untilMs: number;
  note: string;
}

/** The scenario as the lab plays it: under the custom id, cut where the trial said. */
export function playable(c: CustomScenario): Scenario {
  const s: Scenario = { ...c.scenario, id: CUSTOM_ID };
  if (c.cut && (s.untilMs === undefined || s.untilMs > c.cut.untilMs)) s.untilMs = c.cut.untilMs;
  return s;
}

/**
 * What "Download JSON" saves: the scenario being shown with the current knobs applied (delay, params, seed),
 * under its own id, as a file that opens again here or in `npx tcp-lab run`.
 */
export function downloadable(l: Loaded, custom: CustomScenario | null): { fileName: string; json: string } {
  const isCustom = l.base.id === CUSTOM_ID && custom !== null;
  const out: Record<string, unknown> = { ...(l.scenario as unknown as Record<string, unknown>) };
  if (isCustom) {
    out.id = custom.scenario.id;
    if (custom.scenario.untilMs === undefined) delete out.untilMs;
    else out.untilMs = custom.scenario.untilMs;
  }
  const seed = l.knobs.seed ?? l.base.seed;
  if (seed !== undefined) out.seed = seed;
  // Keys in the order the format documents them.
  const ORDER = ['$schema', 'version', 'id', 'title', 'description', 'topic', 'seed', 'untilMs', 'network', 'hosts', 'steps', 'params'];
  const sorted: Record<string, unknown> = {};
  for (const k of ORDER) if (out[k] !== undefined) sorted[k] = out[k];
  for (const k of Object.keys(out)) if (!(k in sorted) && out[k] !== undefined) sorted[k] = out[k];
  const id = typeof sorted.id === 'string' && /^[a-z0-9-]{1,64}$/.test(sorted.id) ? sorted.id : 'scenario';
  return { fileName: `${id}.json`, json: `${JSON.stringify(sorted, null, 2)}\n` };
}

// ——— The copy kept in this tab ———

interface StoredV1 {
  v: 1;
  name: string;
  text: string;
  cut?: Cut;
}

export type Restored = { kind: 'none' } | { kind: 'ok'; custom: CustomScenario } | { kind: 'dropped'; notice: string };

/** sessionStorage, or null where the page may not use it (a sandboxed frame, privacy settings). */
export function sessionStore(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

/** Keeps the scenario for this tab. Returns a sentence when it could not (the lab goes on without). */
export function saveCustom(storage: Storage | null, c: CustomScenario): string | null {
  if (!storage) return 'This browser does not let the lab keep your scenario, so reloading the page will drop it.';
  const record: StoredV1 = { v: 1, name: c.name, text: c.text, ...(c.cut ? { cut: c.cut } : {}) };
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(record));
    return null;
  } catch {
    return 'Your scenario is too big to keep in this tab, so reloading the page will drop it.';
  }
}

export function clearCustom(storage: Storage | null): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}

/** The scenario kept in this tab, checked again as if it were opened anew; a damaged copy is removed. */
export function loadCustom(storage: Storage | null): Restored {
  let raw: string | null;
  try {
    raw = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  const drop = (why: string): Restored => {
    clearCustom(storage);
    return { kind: 'dropped', notice: `The copy of your scenario kept in this tab was damaged (${why}) and has been removed. Open the file again.` };
  };
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch {
    return drop('it is not valid JSON');
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return drop('it is not a saved scenario');
  const r = rec as Record<string, unknown>;
  if (r.v !== 1) return drop('it was saved in a format this version does not read');
  if (typeof r.text !== 'string') return drop('its text is missing');
  const name = typeof r.name === 'string' && r.name.length <= 200 ? r.name : 'your scenario';
  let cut: Cut | undefined;
  if (r.cut !== undefined) {
    const c = r.cut as Record<string, unknown> | null;
    if (typeof c !== 'object' || c === null || typeof c.untilMs !== 'number' || !(c.untilMs > 0) || !Number.isFinite(c.untilMs) || typeof c.note !== 'string') {
      return drop('its cut is not readable');
    }
    cut = { untilMs: c.untilMs, note: c.note.slice(0, 1000) };
  }
  // Checked again as if it were opened anew (parse and validate; the full text checks ran when it was opened).
  if (r.text.length > MAX_BYTES) return drop('it is bigger than a scenario file may be');
  let doc: unknown;
  try {
    doc = JSON.parse(r.text);
  } catch {
    return drop('its scenario is not valid JSON');
  }
  const v = validateScenario(doc);
  if (!v.ok) return drop(formatScenarioError(v.errors[0]!).slice(0, 200));
  return { kind: 'ok', custom: { name, text: r.text, scenario: v.scenario, ...(cut ? { cut } : {}) } };
}

// ——— Links ———

/** Why `?scenario=custom` cannot be opened from a link, and what to do instead. */
export const NOT_BY_LINK =
  'This link points to a scenario someone opened from their own file. Such a scenario lives only in the browser tab that opened it, so it cannot be shared by link: ask for its file (Download JSON) and open it here with “Open a scenario file…”.';

/** The store's own sentence for a link to a scenario it does not know, about the custom id. */
export function isUnknownCustomProblem(problem: string): boolean {
  return problem.startsWith(`There is no scenario called "${CUSTOM_ID}"`);
}
