// Checking a scenario text before it is played: size, JSON syntax and the format's rules (with JSON path, line
// and column), and where to cut a run that would be too big for the lab. Loaded with the import dialog, not
// with the first screen. None of these functions throws, whatever the input.

import { formatDuration, parseScenarioText, type Scenario, type ScenarioError } from '../../playback/index.ts';
import { LAB_MAX_EVENTS, MAX_BYTES, type Cut } from './customScenario.ts';

export type TextCheck = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function utf8Bytes(text: string): number {
  // Every UTF-16 unit is at least one byte: a text that long is over any budget without encoding it.
  if (text.length > MAX_BYTES * 4) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** A sentence when a file of this size is refused, else null. */
export function sizeProblem(bytes: number, what = 'This scenario'): string | null {
  if (bytes <= MAX_BYTES) return null;
  return `${what} is ${formatBytes(bytes)}; the lab opens scenario files up to ${formatBytes(MAX_BYTES)}. Split it, or run it with the command line (npx tcp-lab run).`;
}

/** Text → validated scenario, or errors with JSON path, line and column. Never throws. */
export function checkScenarioText(text: unknown): TextCheck {
  try {
    if (typeof text !== 'string') return fail('The scenario must be text (a JSON file).');
    const size = sizeProblem(utf8Bytes(text));
    if (size) return fail(size);
    if (text.trim() === '') return fail('There is nothing to open yet: paste a scenario (JSON) or open a file.');
    const r = parseScenarioText(text);
    if (r.ok) return { ok: true, scenario: r.scenario };
    const errors = r.errors.filter((e) => typeof e.message === 'string' && e.message !== '');
    return errors.length > 0 ? { ok: false, errors } : fail('The scenario is not valid, but the checker gave no reason.');
  } catch (e) {
    return fail(`The scenario could not be read (${e instanceof Error ? e.message.slice(0, 200) : 'unknown error'}).`);
  }
}

function fail(message: string): TextCheck {
  return { ok: false, errors: [{ path: '', message }] };
}

/** "line 14, column 33" (or "" when the error has no place in the text). */
export function whereText(e: ScenarioError): string {
  if (e.line === undefined) return '';
  return e.column === undefined ? `line ${e.line}` : `line ${e.line}, column ${e.column}`;
}

/** The JSON pointer as shown: "" is the whole file. */
export function pathText(path: string): string {
  return path === '' ? '(whole file)' : path;
}

/** Offset in `text` of a 1-based line and column (clamped), for putting the caret on an error. */
export function offsetOf(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) return text.length;
    offset = nl + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end < 0 ? text.length : end;
  return Math.min(lineEnd, offset + Math.max(0, column - 1));
}

/** 1-based line and column of an offset (the caret position shown under the editor). */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  const to = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf('\n'); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: to - start + 1 };
}

// ——— The trial run ———

/** What a bounded trial run of the scenario found (the worker sends this back). */
export interface Trial {
  engineEvents: number;
  events: number;
  /** Simulated end (µs). */
  endT: number;
  truncated?: string;
}

/**
 * Where to cut a run that used up the lab's event budget: just before the instant the budget ran out, so the
 * lab's own run (which has no such budget) stops at the same place. Null when it needs no cut; a string when
 * it cannot be played at all (the budget ran out at the very start).
 */
export function cutFor(trial: Trial, maxEvents = LAB_MAX_EVENTS): Cut | null | string {
  if (!trial.truncated) return null;
  const untilUs = Math.floor(trial.endT) - 1;
  if (!(untilUs >= 1)) {
    return `This scenario does more than ${maxEvents.toLocaleString('en')} things at the very start of the run, which is more than the lab can show. Make it smaller (fewer steps, a smaller count or bytes), or run it with the command line (npx tcp-lab run).`;
  }
  const untilMs = untilUs / 1000;
  return {
    untilMs,
    note: `This run is cut short: the simulator stopped after ${maxEvents.toLocaleString('en')} events (${trial.truncated}), so the lab plays its first ${formatDuration(untilUs)}. The command line runs it in full.`,
  };
}
