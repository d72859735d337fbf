import { describe, expect, it } from 'vitest';
import { grade, PROGRESS_KEY, type ProgressStorage, type ResolvedQuestion } from '../../../lessons/index.ts';
import { createProgressStore } from './createProgressStore.ts';
import { TICKS_KEY } from './conceptTicks.ts';

function memory(init: Record<string, string> = {}): ProgressStorage & { data: Record<string, string> } {
  const data = { ...init };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
    removeItem: (k) => {
      delete data[k];
    },
  };
}

const q: ResolvedQuestion = {
  id: 'q1',
  kind: 'single',
  prompt: 'p',
  explanation: 'e',
  options: [
    { id: 'a', text: 'A', feedback: 'fa', correct: true },
    { id: 'b', text: 'B', feedback: 'fb', correct: false },
  ],
};

describe('createProgressStore', () => {
  it('saves every change and a new store (a reload) reads it back', () => {
    const storage = memory();
    const s = createProgressStore(storage, () => 1234);
    const answer = { kind: 'single', choice: 'b' } as const;
    s.getState().answer('handshake', 'q1', answer, grade(q, answer));
    s.getState().setDone('handshake', true);
    s.getState().saveDrill('cold-start', { text: 'handshakes', checks: { setup: true }, revealed: true });
    s.getState().tick('handshake', true);
    const again = createProgressStore(storage, () => 0).getState();
    expect(again.notices).toEqual([]);
    expect(again.progress.lessons.handshake).toEqual({ done: true, answers: { q1: { answer, correct: false, score: 0, at: 1234 } } });
    expect(again.progress.drills['cold-start']).toEqual({ text: 'handshakes', checks: { setup: true }, revealed: true, at: 1234 });
    expect(again.ticks).toEqual({ handshake: true });
  });

  it('corrupt storage never throws: fresh progress and the reasons to show', () => {
    for (const bad of ['{not json', '[]', '{"version":"x"}', 'null']) {
      const s = createProgressStore(memory({ [PROGRESS_KEY]: bad, [TICKS_KEY]: '{"oops":1}' }), () => 0).getState();
      expect(s.progress.lessons).toEqual({});
      expect(s.ticks).toEqual({});
      if (bad !== 'null') expect(s.notices.length).toBeGreaterThan(0);
    }
  });

  it('keeps what can be kept from partly broken data', () => {
    const stored = JSON.stringify({
      version: 2,
      lessons: { handshake: { done: true, answers: { good: { answer: { kind: 'numeric', value: 1 }, correct: true, score: 1, at: 5 }, bad: { answer: 42 } } } },
      drills: {},
    });
    const s = createProgressStore(memory({ [PROGRESS_KEY]: stored }), () => 0).getState();
    expect(s.progress.lessons.handshake?.done).toBe(true);
    expect(Object.keys(s.progress.lessons.handshake?.answers ?? {})).toEqual(['good']);
    expect(s.notices.join(' ')).toMatch(/bad/);
    s.dismissNotices();
  });

  it('a storage that refuses to save keeps progress for the visit and says why', () => {
    const storage = memory();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const s = createProgressStore(storage, () => 0);
    s.getState().setDone('closing', true);
    expect(s.getState().progress.lessons.closing?.done).toBe(true);
    expect(s.getState().saveError).toMatch(/would not let/);
  });

  it('a storage that throws on every call (sandboxed frame) still loads', () => {
    const boom = (): never => {
      throw new Error('SecurityError');
    };
    const s = createProgressStore({ getItem: boom, setItem: boom, removeItem: boom }, () => 0);
    expect(s.getState().progress.lessons).toEqual({});
    expect(s.getState().notices.length).toBe(1);
    s.getState().reset();
    expect(s.getState().notices).toEqual([]);
  });

  it('reset forgets answers, drills and ticks, in storage too', () => {
    const storage = memory();
    const s = createProgressStore(storage, () => 0);
    s.getState().setDone('sockets', true);
    s.getState().tick('pools', true);
    s.getState().reset();
    expect(s.getState().progress.lessons).toEqual({});
    expect(s.getState().ticks).toEqual({});
    expect(storage.data).toEqual({});
  });

  it('reload picks up what another tab saved', () => {
    const storage = memory();
    const a = createProgressStore(storage, () => 0);
    const b = createProgressStore(storage, () => 0);
    a.getState().setDone('data', true);
    b.getState().reload();
    expect(b.getState().progress.lessons.data?.done).toBe(true);
  });
});
