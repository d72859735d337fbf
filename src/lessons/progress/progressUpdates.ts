// Pure updates: each returns a new Progress and leaves the old one untouched, so the UI can keep it in a store.
// Times come from the caller (the UI's clock), keeping this layer free of Date.now.

import type { Answer, GradeResult } from '../types.ts';
import type { DrillProgress, LessonProgress, Progress } from './progressTypes.ts';

function lessonOf(p: Progress, lessonId: string): LessonProgress {
  return p.lessons[lessonId] ?? { done: false, answers: {} };
}

export function recordAnswer(p: Progress, lessonId: string, questionId: string, answer: Answer, result: GradeResult, at: number): Progress {
  const lesson = lessonOf(p, lessonId);
  const stored = { answer, correct: result.correct, score: Math.min(1, Math.max(0, result.score)), at };
  return { ...p, lessons: { ...p.lessons, [lessonId]: { ...lesson, answers: { ...lesson.answers, [questionId]: stored } } } };
}

export function markLessonDone(p: Progress, lessonId: string, done = true): Progress {
  return { ...p, lessons: { ...p.lessons, [lessonId]: { ...lessonOf(p, lessonId), done } } };
}

export function recordDrill(p: Progress, drillId: string, drill: DrillProgress): Progress {
  return { ...p, drills: { ...p.drills, [drillId]: drill } };
}

export interface ProgressSummary {
  lessonsDone: number;
  lessonsTotal: number;
  answered: number;
  correct: number;
  /** Sum of scores over answered questions, 0..answered. */
  points: number;
}

/** Counts only lessons and questions the course still has, so stale ids from an older course do not inflate it. */
export function summarizeProgress(p: Progress, course: { id: string; questionIds: string[] }[]): ProgressSummary {
  let lessonsDone = 0, answered = 0, correct = 0, points = 0;
  for (const lesson of course) {
    const lp = p.lessons[lesson.id];
    if (!lp) continue;
    if (lp.done) lessonsDone++;
    for (const qid of lesson.questionIds) {
      const a = lp.answers[qid];
      if (!a) continue;
      answered++;
      if (a.correct) correct++;
      points += a.score;
    }
  }
  return { lessonsDone, lessonsTotal: course.length, answered, correct, points };
}
