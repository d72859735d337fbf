import { describe, expect, it } from 'vitest';
import { loadProgress, PROGRESS_KEY, resetProgress, saveProgress, type ProgressStorage } from './progressStorage.ts';
import { markLessonDone, recordAnswer, recordDrill, summarizeProgress } from './progressUpdates.ts';
import { emptyProgress } from './progressTypes.ts';

function memory(): ProgressStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const throwing: ProgressStorage = {
  getItem: () => { throw new Error('SecurityError'); },
  setItem: () => { throw new Error('QuotaExceededError'); },
  removeItem: () => { throw new Error('SecurityError'); },
};

describe('progress storage', () => {
  it('saves and loads through the adapter', () => {
    const s = memory();
    let p = markLessonDone(emptyProgress(), 'sockets');
    p = recordAnswer(p, 'sockets', 'socket-is', { kind: 'single', choice: 'endpoint' }, { correct: true, score: 1, lines: [], explanation: '' }, 10);
    p = recordDrill(p, 'cold-start', { text: 'handshakes', checks: { setup: true }, revealed: true, at: 11 });
    expect(saveProgress(s, p)).toEqual({ ok: true });
    expect(s.data.has(PROGRESS_KEY)).toBe(true);
    expect(loadProgress(s)).toEqual({ progress: p, reasons: [] });
  });

  it('a storage that throws is reported, not thrown', () => {
    expect(loadProgress(throwing).reasons[0]).toMatch(/would not let the lab read/);
    expect(saveProgress(throwing, emptyProgress())).toMatchObject({ ok: false });
    expect(resetProgress(throwing)).toEqual(emptyProgress());
  });

  it('corrupted storage loads as fresh progress with a reason', () => {
    const s = memory();
    s.setItem(PROGRESS_KEY, '{"version":2,"lessons":{"sockets":{"done":tr');
    const r = loadProgress(s);
    expect(r.progress).toEqual(emptyProgress());
    expect(r.reasons).toHaveLength(1);
  });

  it('reset clears storage', () => {
    const s = memory();
    saveProgress(s, markLessonDone(emptyProgress(), 'sockets'));
    expect(resetProgress(s)).toEqual(emptyProgress());
    expect(s.data.size).toBe(0);
  });

  it('updates do not change the progress they were given', () => {
    const p = emptyProgress();
    markLessonDone(p, 'sockets');
    expect(p).toEqual(emptyProgress());
  });

  it('summary counts only what the course still has', () => {
    let p = markLessonDone(emptyProgress(), 'sockets');
    p = markLessonDone(p, 'retired-lesson');
    p = recordAnswer(p, 'sockets', 'q1', { kind: 'numeric', value: 1 }, { correct: false, score: 0.5, lines: [], explanation: '' }, 1);
    p = recordAnswer(p, 'sockets', 'gone', { kind: 'numeric', value: 1 }, { correct: true, score: 1, lines: [], explanation: '' }, 1);
    expect(summarizeProgress(p, [{ id: 'sockets', questionIds: ['q1', 'q2'] }, { id: 'handshake', questionIds: [] }]))
      .toEqual({ lessonsDone: 1, lessonsTotal: 2, answered: 1, correct: 0, points: 0.5 });
  });
});
