// Links: `?scenario=<id>&step=<n>&seed=<s>` (plus `delay=<ms>` and `p.<param>=<value>` for other knobs)
// opens exactly that view. Parsing never throws: every bad part becomes a problem the lab shows beside the
// nearest valid view.

export interface LinkRequest {
  scenario: string | null;
  step: number | null;
  seed: number | null;
  delayMs: number | null;
  params: Record<string, string>;
  problems: string[];
}

const INT = /^-?\d+$/;
const NUM = /^-?(\d+\.?\d*|\.\d+)$/;

export function parseLink(search: string): LinkRequest {
  const q = new URLSearchParams(search);
  const out: LinkRequest = { scenario: null, step: null, seed: null, delayMs: null, params: {}, problems: [] };
  const id = q.get('scenario');
  if (id !== null && id.trim() !== '') out.scenario = id.trim();

  const step = q.get('step');
  if (step !== null) {
    if (INT.test(step.trim())) out.step = Number(step.trim());
    else out.problems.push(`The link's step "${step}" is not a whole number, so the lab opens at the start.`);
  }

  const seed = q.get('seed');
  if (seed !== null) {
    const n = Number(seed.trim());
    if (INT.test(seed.trim()) && n >= 0 && n <= 0xffffffff) out.seed = n;
    else out.problems.push(`The link's seed "${seed}" is not a whole number from 0 to 4294967295, so the scenario's own seed is used.`);
  }

  const delay = q.get('delay');
  if (delay !== null) {
    const n = Number(delay.trim());
    if (NUM.test(delay.trim()) && n >= 0 && n <= 10_000) out.delayMs = n;
    else out.problems.push(`The link's delay "${delay}" is not a number of milliseconds from 0 to 10000, so the scenario's own delay is used.`);
  }

  for (const [k, v] of q) if (k.startsWith('p.') && k.length > 2) out.params[k.slice(2)] = v;
  return out;
}

export interface LinkState {
  scenario: string;
  step: number;
  seed: number | null;
  delayMs: number | null;
  params: Record<string, number | string>;
}

/** The query string for a view, in a stable order so equal views have equal links. */
export function linkSearch(s: LinkState): string {
  const q = new URLSearchParams();
  q.set('scenario', s.scenario);
  q.set('step', String(s.step));
  if (s.seed !== null) q.set('seed', String(s.seed));
  if (s.delayMs !== null) q.set('delay', String(s.delayMs));
  for (const k of Object.keys(s.params).sort()) q.set(`p.${k}`, String(s.params[k]));
  return `?${q.toString()}`;
}

/** A param value from a link, typed as the scenario's param expects; null when it cannot be. */
export function coerceParam(raw: string, sample: unknown): number | string | null {
  if (typeof sample === 'string') return raw;
  return NUM.test(raw.trim()) ? Number(raw.trim()) : null;
}
