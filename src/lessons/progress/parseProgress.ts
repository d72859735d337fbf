// Reads stored progress without ever throwing. Whatever is readable is kept; whatever is not is dropped entry by
// entry (one bad answer costs that answer, not the lesson), and each loss is explained in `reasons` for the UI.

import { sanitizeAnswer } from './sanitizeAnswer.ts';
import { MIGRATIONS } from './migrations.ts';
import {
  emptyProgress,
  MAX_DRILL_TEXT,
  PROGRESS_ID,
  PROGRESS_VERSION,
  type DrillProgress,
  type LessonProgress,
  type ParsedProgress,
  type Progress,
  type StoredAnswer,
} from './progressTypes.ts';

/** Stored text longer than this is not progress this app wrote; refuse it before JSON.parse does any work. */
const MAX_STORED_CHARS = 2_000_000;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function short(s: string): string {
  return s.length > 40 ? s.slice(0, 40) + '…' : s;
}

export function parseProgress(stored: string | null | undefined): ParsedProgress {
  if (stored === null || stored === undefined || stored === '') return { progress: emptyProgress(), reasons: [] };
  if (typeof stored !== 'string') return { progress: emptyProgress(), reasons: ['stored progress is not text; starting fresh'] };
  if (stored.length > MAX_STORED_CHARS) return { progress: emptyProgress(), reasons: ['stored progress is too large to be ours; starting fresh'] };
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return { progress: emptyProgress(), reasons: ['stored progress is not valid JSON (cut short?); starting fresh'] };
  }
  return readProgress(json);
}

/** The same checks for an already-parsed value (e.g. an imported file). */
export function readProgress(json: unknown): ParsedProgress {
  const reasons: string[] = [];
  if (!isObj(json)) return { progress: emptyProgress(), reasons: ['stored progress is not an object; starting fresh'] };
  let doc: Record<string, unknown> = json;
  let version = doc.version;
  if (version === undefined) {
    reasons.push('stored progress has no version; read as version 1');
    version = 1;
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { progress: emptyProgress(), reasons: [`stored progress has an unknown version (${short(String(version))}); starting fresh`] };
  }
  if (version > PROGRESS_VERSION) {
    reasons.push(`stored progress is from a newer TCP Lab (version ${version}); keeping what this version understands`);
  }
  try {
    for (let v = version; v < PROGRESS_VERSION; v++) {
      const step = MIGRATIONS[v];
      if (!step) return { progress: emptyProgress(), reasons: [...reasons, `no way to read version ${v}; starting fresh`] };
      doc = step(doc, reasons);
    }
  } catch {
    // Migrations are written not to throw; this guards against an input shape nobody foresaw.
    return { progress: emptyProgress(), reasons: [...reasons, 'stored progress could not be upgraded; starting fresh'] };
  }
  const progress = emptyProgress();
  readLessons(doc.lessons, progress, reasons);
  readDrills(doc.drills, progress, reasons);
  return { progress, reasons };
}

function readLessons(raw: unknown, out: Progress, reasons: string[]): void {
  if (raw === undefined) return;
  if (!isObj(raw)) {
    reasons.push('lesson progress was unreadable and was dropped');
    return;
  }
  for (const [id, entry] of Object.entries(raw)) {
    if (!PROGRESS_ID.test(id)) {
      reasons.push(`lesson "${short(id)}": not a lesson id; dropped`);
      continue;
    }
    if (!isObj(entry)) {
      reasons.push(`lesson "${id}": unreadable; dropped`);
      continue;
    }
    const lesson: LessonProgress = { done: false, answers: {} };
    if (typeof entry.done === 'boolean') lesson.done = entry.done;
    else if (entry.done !== undefined) reasons.push(`lesson "${id}": "done" was not true/false; read as not done`);
    if (isObj(entry.answers)) {
      for (const [qid, stored] of Object.entries(entry.answers)) {
        const answer = PROGRESS_ID.test(qid) ? readStoredAnswer(stored) : null;
        if (answer) lesson.answers[qid] = answer;
        else reasons.push(`lesson "${id}": answer "${short(qid)}" was unreadable; dropped`);
      }
    } else if (entry.answers !== undefined) {
      reasons.push(`lesson "${id}": answers were unreadable; dropped`);
    }
    out.lessons[id] = lesson;
  }
}

function readStoredAnswer(v: unknown): StoredAnswer | null {
  if (!isObj(v)) return null;
  const answer = sanitizeAnswer(v.answer);
  if (!answer) return null;
  if (typeof v.correct !== 'boolean') return null;
  if (typeof v.score !== 'number' || !(v.score >= 0 && v.score <= 1)) return null;
  if (typeof v.at !== 'number' || !Number.isFinite(v.at)) return null;
  return { answer, correct: v.correct, score: v.score, at: v.at };
}

function readDrills(raw: unknown, out: Progress, reasons: string[]): void {
  if (raw === undefined) return;
  if (!isObj(raw)) {
    reasons.push('drill answers were unreadable and were dropped');
    return;
  }
  for (const [id, entry] of Object.entries(raw)) {
    const drill = PROGRESS_ID.test(id) ? readDrill(id, entry, reasons) : null;
    if (drill) out.drills[id] = drill;
    else reasons.push(`drill "${short(id)}": unreadable; dropped`);
  }
}

function readDrill(id: string, v: unknown, reasons: string[]): DrillProgress | null {
  if (!isObj(v) || typeof v.text !== 'string') return null;
  let text = v.text;
  if (text.length > MAX_DRILL_TEXT) {
    text = text.slice(0, MAX_DRILL_TEXT);
    reasons.push(`drill "${id}": answer was cut to ${MAX_DRILL_TEXT} characters`);
  }
  const checks: Record<string, boolean> = {};
  if (isObj(v.checks)) {
    for (const [cid, ticked] of Object.entries(v.checks)) {
      if (PROGRESS_ID.test(cid) && typeof ticked === 'boolean') checks[cid] = ticked;
      else reasons.push(`drill "${id}": check "${short(cid)}" was unreadable; dropped`);
    }
  }
  const revealed = typeof v.revealed === 'boolean' ? v.revealed : false;
  const at = typeof v.at === 'number' && Number.isFinite(v.at) ? v.at : 0;
  return { text, checks, revealed, at };
}
