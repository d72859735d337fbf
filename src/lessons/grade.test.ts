import { describe, expect, it } from 'vitest';
import { grade } from './grade.ts';
import type { Answer, ResolvedQuestion } from './types.ts';

const single: ResolvedQuestion = {
  kind: 'single', id: 's', prompt: 'p', explanation: 'why',
  options: [
    { id: 'a', text: 'A', feedback: 'fa', correct: true },
    { id: 'b', text: 'B', feedback: 'fb', correct: false },
  ],
};
const multi: ResolvedQuestion = {
  kind: 'multi', id: 'm', prompt: 'p', explanation: 'why',
  options: [
    { id: 'a', text: 'A', feedback: 'fa', correct: true },
    { id: 'b', text: 'B', feedback: 'fb', correct: true },
    { id: 'c', text: 'C', feedback: 'fc', correct: false },
  ],
};
const numeric: ResolvedQuestion = { kind: 'numeric', id: 'n', prompt: 'p', explanation: 'why', answer: 120, unit: 's', tolerance: { abs: 1 } };
const order: ResolvedQuestion = {
  kind: 'order', id: 'o', prompt: 'p', explanation: 'why',
  items: [{ id: 'socket', text: 'socket()' }, { id: 'bind', text: 'bind()' }, { id: 'listen', text: 'listen()' }],
  correctOrder: ['socket', 'bind', 'listen'],
};

describe('grade', () => {
  it('single choice: right and wrong, with feedback for every option', () => {
    const right = grade(single, { kind: 'single', choice: 'a' });
    expect(right).toMatchObject({ correct: true, score: 1 });
    expect(right.lines).toEqual([
      { id: 'a', text: 'fa', picked: true, correct: true },
      { id: 'b', text: 'fb', picked: false, correct: false },
    ]);
    expect(grade(single, { kind: 'single', choice: 'b' })).toMatchObject({ correct: false, score: 0 });
  });
  it('single choice: an unknown option is wrong with a problem', () => {
    expect(grade(single, { kind: 'single', choice: 'zzz' })).toMatchObject({ correct: false, problem: 'no option "zzz"' });
  });
  it('multi-select: exact set is correct, partial credit otherwise', () => {
    expect(grade(multi, { kind: 'multi', choices: ['a', 'b'] })).toMatchObject({ correct: true, score: 1 });
    expect(grade(multi, { kind: 'multi', choices: ['a'] })).toMatchObject({ correct: false, score: 0.5 });
    expect(grade(multi, { kind: 'multi', choices: ['a', 'c'] })).toMatchObject({ correct: false, score: 0 });
    expect(grade(multi, { kind: 'multi', choices: ['a', 'b', 'c'] })).toMatchObject({ correct: false, score: 0.5 });
    expect(grade(multi, { kind: 'multi', choices: [] })).toMatchObject({ correct: false, score: 0 });
  });
  it('numeric: inside the tolerance is right, outside says which way', () => {
    expect(grade(numeric, { kind: 'numeric', value: 121 })).toMatchObject({ correct: true });
    const low = grade(numeric, { kind: 'numeric', value: 90 });
    expect(low.correct).toBe(false);
    expect(low.lines[0]?.text).toBe('90 is too low; the answer is 120 s');
    expect(grade(numeric, { kind: 'numeric', value: Number.NaN })).toMatchObject({ correct: false, problem: 'enter a number' });
  });
  it('numeric: relative tolerance scales with the answer', () => {
    const q: ResolvedQuestion = { ...numeric, answer: 131, tolerance: { rel: 0.05 } } as ResolvedQuestion;
    expect(grade(q, { kind: 'numeric', value: 127 }).correct).toBe(true);
    expect(grade(q, { kind: 'numeric', value: 120 }).correct).toBe(false);
  });
  it('ordering: right order, a swap earns partial credit, a missing item is a problem', () => {
    expect(grade(order, { kind: 'order', order: ['socket', 'bind', 'listen'] })).toMatchObject({ correct: true, score: 1 });
    const swapped = grade(order, { kind: 'order', order: ['bind', 'socket', 'listen'] });
    expect(swapped.correct).toBe(false);
    expect(swapped.score).toBeCloseTo(1 / 3);
    expect(swapped.lines.map((l) => l.correct)).toEqual([false, false, true]);
    expect(grade(order, { kind: 'order', order: ['socket', 'bind'] })).toMatchObject({ correct: false, problem: 'put every item in the list exactly once' });
  });
  it('an answer of the wrong kind is graded wrong, never thrown', () => {
    expect(grade(single, { kind: 'numeric', value: 1 })).toMatchObject({ correct: false, score: 0 });
    expect(grade(order, { kind: 'order', order: null } as unknown as Answer)).toMatchObject({ correct: false });
  });
});
