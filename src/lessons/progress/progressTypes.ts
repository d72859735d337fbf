// The student's progress as the browser keeps it. Versioned so an old tab's data can be read after the app changes:
// every shape ever written has a migration to the current one (see migrations.ts).

import type { Answer } from '../types.ts';

export const PROGRESS_VERSION = 2;

/** Lesson, question, drill and check ids: the only keys progress accepts, which also keeps "__proto__" out. */
export const PROGRESS_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Longest drill answer kept; longer text is cut (with a reason) rather than refused. */
export const MAX_DRILL_TEXT = 20_000;

export interface StoredAnswer {
  answer: Answer;
  correct: boolean;
  /** 0..1 */
  score: number;
  /** When answered, ms since the epoch, as the UI's clock gave it. */
  at: number;
}

export interface LessonProgress {
  done: boolean;
  /** Question id → the latest answer. */
  answers: Record<string, StoredAnswer>;
}

export interface DrillProgress {
  text: string;
  /** Rubric check id → ticked by the student. */
  checks: Record<string, boolean>;
  /** Set once the student has seen the model answer: the self-assessment only counts after that. */
  revealed: boolean;
  at: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
  drills: Record<string, DrillProgress>;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {}, drills: {} };
}

/** What parseProgress hands back: always a usable Progress, plus why anything was dropped or changed. */
export interface ParsedProgress {
  progress: Progress;
  reasons: string[];
}
