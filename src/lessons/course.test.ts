import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../sim/index.ts';
import { course } from './course.ts';
import { computeFacts } from './facts/computeFacts.ts';
import { grade } from './grade.ts';
import { numberFreeTemplates } from './lessonTemplates.ts';
import { typedNumbers } from './numberPolicy.ts';
import { resolveLesson } from './resolveLesson.ts';
import { gradePrediction } from './predict.ts';
import type { Answer, Block, LabRef, ResolvedQuestion } from './types.ts';

const { facts } = computeFacts();

function labsOf(blocks: Block[]): LabRef[] {
  return blocks.flatMap((b) => ('lab' in b ? [b.lab] : []));
}

/** A right answer built from the key, and a wrong one, for any resolved question. */
function answers(q: ResolvedQuestion): { right: Answer; wrong: Answer } {
  switch (q.kind) {
    case 'single': {
      const right = q.options.find((o) => o.correct)!;
      const wrong = q.options.find((o) => !o.correct)!;
      return { right: { kind: 'single', choice: right.id }, wrong: { kind: 'single', choice: wrong.id } };
    }
    case 'multi': {
      const right = q.options.filter((o) => o.correct).map((o) => o.id);
      return { right: { kind: 'multi', choices: right }, wrong: { kind: 'multi', choices: q.options.filter((o) => !o.correct).map((o) => o.id) } };
    }
    case 'numeric':
      return { right: { kind: 'numeric', value: q.answer }, wrong: { kind: 'numeric', value: q.answer * 3 + 1000 } };
    case 'order':
      return { right: { kind: 'order', order: q.correctOrder }, wrong: { kind: 'order', order: [...q.correctOrder].reverse() } };
  }
}

describe('the course', () => {
  it('has unique lesson ids and numbers in order', () => {
    expect(new Set(course.map((l) => l.id)).size).toBe(course.length);
    expect(course.map((l) => l.number)).toEqual(course.map((_, i) => i + 1));
  });

  for (const lesson of course) {
    describe(`lesson ${lesson.number}: ${lesson.title}`, () => {
      const resolved = resolveLesson(lesson, facts);

      it('resolves with no problems (every placeholder has a fact, every key is decided)', () => {
        expect(resolved.problems).toEqual([]);
      });

      it('states no number of its own: digits only through facts, code or version names', () => {
        const offenders = numberFreeTemplates(lesson).flatMap(({ where, text }) => typedNumbers(text).map((n) => `${where}: "${n}"`));
        expect(offenders).toEqual([]);
      });

      it('refers only to built-in scenarios and their declared params', () => {
        for (const lab of labsOf(lesson.sections.flatMap((s) => s.blocks))) {
          const sc = findBuiltin(lab.scenario);
          expect(sc, lab.scenario).toBeDefined();
          for (const p of Object.keys(lab.params ?? {})) expect(sc?.params?.[p], `${lab.scenario} param ${p}`).toBeDefined();
          expect(lab.views.length).toBeGreaterThan(0);
        }
      });

      it('has at least three questions with unique ids', () => {
        expect(lesson.questions.length).toBeGreaterThanOrEqual(3);
        const ids = [...lesson.questions.map((q) => q.id), ...lesson.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'try' || b.kind === 'predict' ? [b.id] : [])))];
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('grades every question right with its key and wrong otherwise', () => {
        const qs = [...resolved.questions, ...resolved.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'try' ? [b.question] : [])))];
        for (const q of qs) {
          const { right, wrong } = answers(q);
          expect(grade(q, right).correct, `${q.id} right`).toBe(true);
          expect(grade(q, wrong).correct, `${q.id} wrong`).toBe(false);
          if (q.kind === 'single' || q.kind === 'multi') for (const o of q.options) expect(o.feedback.length, `${q.id}/${o.id} feedback`).toBeGreaterThan(0);
        }
      });

      it('measures each try-this answer on the run the student will make', () => {
        for (const b of lesson.sections.flatMap((s) => s.blocks)) {
          if (b.kind !== 'try') continue;
          const keyFacts = b.question.kind === 'numeric' ? [b.question.answer.fact]
            : b.question.kind === 'single' || b.question.kind === 'multi' ? b.question.options.flatMap((o) => (typeof o.correct === 'object' ? [o.correct.fact] : [])) : [];
          expect(keyFacts.length, `${b.id} has a measured key`).toBeGreaterThan(0);
          for (const id of keyFacts) {
            const src = facts[id]!.source;
            expect(src.kind, `${b.id}: ${id}`).toBe('simulator');
            if (src.kind !== 'simulator') continue;
            expect(src.scenario).toBe(b.lab.scenario);
            const change = { params: b.lab.params, seed: b.lab.seed, delayMs: b.lab.delayMs };
            expect({ params: src.change?.params, seed: src.change?.seed, delayMs: src.change?.delayMs }).toEqual(change);
          }
        }
      });

      it('predict-the-next-segment blocks grade the simulator’s own segment as right', () => {
        for (const b of resolved.sections.flatMap((s) => s.blocks)) {
          if (b.kind !== 'predict') continue;
          const a = b.question.answer;
          expect(gradePrediction(b.question, { flags: a.flags, seq: a.seq, ack: a.ack }).correct).toBe(true);
          expect(gradePrediction(b.question, { flags: a.flags, seq: a.seq + 1, ack: a.ack }).correct).toBe(false);
        }
      });
    });
  }
});
