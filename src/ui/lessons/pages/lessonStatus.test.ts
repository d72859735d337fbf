import { describe, expect, it } from 'vitest';
import { course, emptyProgress, grade, markLessonDone, recordAnswer, computeFacts, resolveLesson } from '../../../lessons/index.ts';
import { courseSummary, lessonStatus, nextLesson, statusText } from './lessonStatus.ts';

const hs = resolveLesson(course.find((l) => l.id === 'handshake')!, computeFacts().facts);

describe('lessonStatus', () => {
  it('new, started, done', () => {
    let p = emptyProgress();
    expect(lessonStatus('handshake', p)).toMatchObject({ state: 'new', answered: 0, total: hs.questions.length });
    expect(statusText(lessonStatus('handshake', p))).toBe('Not started');
    const q = hs.questions[0]!;
    const a = q.kind === 'single' ? { kind: 'single' as const, choice: q.options.find((o) => o.correct)!.id } : null;
    p = recordAnswer(p, 'handshake', q.id, a!, grade(q, a!), 1);
    expect(lessonStatus('handshake', p)).toMatchObject({ state: 'started', answered: 1, correct: 1 });
    expect(statusText(lessonStatus('handshake', p))).toMatch(/^In progress · 1 of \d+ questions answered, 1 right$/);
    p = markLessonDone(p, 'handshake');
    expect(lessonStatus('handshake', p).state).toBe('done');
    expect(courseSummary(p)).toMatchObject({ lessonsDone: 1, answered: 1, correct: 1 });
  });
  it('practice answers (try this, predict) start a lesson but do not count as quiz answers', () => {
    const p = recordAnswer(emptyProgress(), 'closing', 'predict-server-fin', { kind: 'predict', flags: ['FIN'], seq: 1, ack: 1 }, { correct: false, score: 0.5, lines: [], explanation: '' }, 1);
    expect(lessonStatus('closing', p)).toMatchObject({ state: 'started', answered: 0 });
  });
  it('nextLesson is the first lesson not done', () => {
    let p = emptyProgress();
    expect(nextLesson(p)).toBe(course[0]!.id);
    p = markLessonDone(p, course[0]!.id);
    expect(nextLesson(p)).toBe(course[1]!.id);
    for (const l of course) p = markLessonDone(p, l.id);
    expect(nextLesson(p)).toBeNull();
  });
});
