import { describe, expect, it } from 'vitest';
import { computeFacts, course, grade, resolveLesson, type ResolvedQuestion } from '../../../lessons/index.ts';
import { initialDraft, move, toAnswer, verdict } from './draft.ts';

const questions = course.flatMap((l) => resolveLesson(l, computeFacts().facts).questions);
const byKind = (k: ResolvedQuestion['kind']) => questions.find((q) => q.kind === k)!;

describe('draft → answer', () => {
  it('single and multi need a pick', () => {
    const s = byKind('single');
    expect(toAnswer(s, initialDraft(s))).toEqual({ ok: false, error: 'Pick one answer first.' });
    const m = byKind('multi');
    expect(toAnswer(m, initialDraft(m))).toMatchObject({ ok: false });
    const ids = m.kind === 'multi' ? m.options.map((o) => o.id) : [];
    // Picks come back in the options' order, whatever order they were ticked in.
    expect(toAnswer(m, { ...initialDraft(m), choices: [ids[2]!, ids[0]!] })).toEqual({ ok: true, answer: { kind: 'multi', choices: [ids[0], ids[2]] } });
  });

  it('numeric reads forgiving input and refuses words', () => {
    const n = byKind('numeric');
    expect(toAnswer(n, { ...initialDraft(n), value: '1,000' })).toEqual({ ok: true, answer: { kind: 'numeric', value: 1000 } });
    expect(toAnswer(n, { ...initialDraft(n), value: 'sixty' })).toEqual({ ok: false, error: '“sixty” is not a number.' });
    expect(toAnswer(n, initialDraft(n))).toEqual({ ok: false, error: 'Enter a number first.' });
  });

  it('order starts wrong for every ordering question of the course', () => {
    for (const q of questions.filter((x) => x.kind === 'order')) {
      const a = toAnswer(q, initialDraft(q));
      expect(a.ok && grade(q, a.answer).correct, q.id).toBe(false);
    }
  });

  it('a saved answer is put back; a stale one is ignored', () => {
    const o = byKind('order');
    if (o.kind !== 'order') throw new Error('no order question');
    expect(initialDraft(o, { kind: 'order', order: o.correctOrder }).order).toEqual(o.correctOrder);
    expect(initialDraft(o, { kind: 'order', order: ['gone'] }).order).toEqual(o.items.map((i) => i.id));
    const s = byKind('single');
    expect(initialDraft(s, { kind: 'numeric', value: 3 }).choice).toBeNull();
    expect(initialDraft(byKind('numeric'), { kind: 'numeric', value: 3 }).value).toBe('3');
  });
});

describe('helpers', () => {
  it('move clamps at the ends', () => {
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
  });
  it('verdict', () => {
    expect(verdict(true, 1)).toBe('Correct.');
    expect(verdict(false, 0.5)).toBe('Partly right: 50% of the marks.');
    expect(verdict(false, 0)).toBe('Not quite.');
  });
});
