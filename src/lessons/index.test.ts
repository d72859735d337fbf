import { describe, expect, it } from 'vitest';
import * as lessons from './index.ts';

describe('the lessons index', () => {
  it('lists ten lessons in order with ids, titles and minutes', () => {
    expect(lessons.courseOutline.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(lessons.courseOutline.map((l) => l.id)).toEqual([
      'sockets', 'socket-calls', 'handshake', 'data', 'closing', 'backlog', 'failures', 'options', 'many-clients', 'reuse',
    ]);
    for (const l of lessons.courseOutline) expect(l.minutes).toBeGreaterThan(0);
    expect(lessons.courseMinutes).toBe(lessons.courseOutline.reduce((n, l) => n + l.minutes, 0));
  });

  it('renders, grades and records a question end to end', () => {
    const { facts } = lessons.computeFacts();
    const page = lessons.resolveLesson(lessons.findLesson('options')!, facts);
    const q = page.questions.find((x) => x.id === 'keepalive-prod')!;
    const result = lessons.grade(q, { kind: 'numeric', value: 90 });
    expect(result.correct).toBe(true);
    let p = lessons.recordAnswer(lessons.emptyProgress(), 'options', q.id, { kind: 'numeric', value: 90 }, result, 1);
    p = lessons.markLessonDone(p, 'options');
    const back = lessons.parseProgress(lessons.serializeProgress(p));
    expect(back.progress).toEqual(p);
    const summary = lessons.summarizeProgress(back.progress, lessons.course.map((l) => ({ id: l.id, questionIds: l.questions.map((x) => x.id) })));
    expect(summary).toMatchObject({ lessonsDone: 1, lessonsTotal: 10, answered: 1, correct: 1 });
  });

  it('the drill renders inside the reuse lesson and scores a self-assessment', () => {
    const { facts } = lessons.computeFacts();
    const page = lessons.resolveLesson(lessons.findLesson('reuse')!, facts);
    const block = page.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'drill');
    expect(block?.kind === 'drill' && block.drill.prompt).toContain('350 ms');
    expect(block?.kind === 'drill' && block.drill.prompt).toContain('310 ms');
    expect(lessons.scoreDrill({ revealed: true, checks: { setup: true, handshakes: true, fix: true } }).passed).toBe(true);
  });
});
