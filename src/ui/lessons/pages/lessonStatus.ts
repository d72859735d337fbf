// Per-lesson completion for the index and the lesson header, from the stored progress. Only the lesson's own quiz
// counts toward "answered"; try-this and predict answers are kept too but are practice, not the check.

import { course, summarizeProgress, type Progress, type ProgressSummary } from '../../../lessons/index.ts';

export interface LessonStatus {
  state: 'new' | 'started' | 'done';
  done: boolean;
  answered: number;
  correct: number;
  total: number;
}

export const QUIZ = course.map((l) => ({ id: l.id, questionIds: l.questions.map((q) => q.id) }));

export function lessonStatus(lessonId: string, p: Progress): LessonStatus {
  const ids = QUIZ.find((l) => l.id === lessonId)?.questionIds ?? [];
  const lp = p.lessons[lessonId];
  const answered = ids.filter((id) => lp?.answers[id]).length;
  const correct = ids.filter((id) => lp?.answers[id]?.correct).length;
  const touched = lp !== undefined && (lp.done || Object.keys(lp.answers).length > 0);
  return { state: lp?.done ? 'done' : touched ? 'started' : 'new', done: lp?.done ?? false, answered, correct, total: ids.length };
}

export function statusText(s: LessonStatus): string {
  const quiz = s.answered === 0 ? 'quiz not started' : `${s.answered} of ${s.total} questions answered, ${s.correct} right`;
  return s.state === 'done' ? `Done · ${quiz}` : s.state === 'started' ? `In progress · ${quiz}` : 'Not started';
}

export function courseSummary(p: Progress): ProgressSummary {
  return summarizeProgress(p, QUIZ);
}

/** The lesson to carry on with: the first one not marked done (null when all are). */
export function nextLesson(p: Progress): string | null {
  return course.find((l) => !p.lessons[l.id]?.done)?.id ?? null;
}
