import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProgress } from './parseProgress.ts';

const v1 = {
  version: 1,
  completed: ['sockets', 'handshake'],
  answers: {
    'sockets/socket-is': { answer: { kind: 'single', choice: 'endpoint' }, correct: true, score: 1, at: 100 },
    'handshake/handshake-adds': { answer: { kind: 'single', choice: 'encryption' }, correct: false, score: 0, at: 200 },
    'no-slash': { answer: { kind: 'single', choice: 'a' }, correct: true, score: 1, at: 1 },
  },
  drill: { text: 'The first call pays for the handshakes.', ticks: ['setup', 'handshakes'], revealed: true, at: 300 },
};

describe('migrations', () => {
  it('v1 → v2: finished lessons, answers grouped by lesson, the drill under its id', () => {
    const r = parseProgress(JSON.stringify(v1));
    expect(r.progress).toEqual({
      version: 2,
      lessons: {
        sockets: { done: true, answers: { 'socket-is': v1.answers['sockets/socket-is'] } },
        handshake: { done: true, answers: { 'handshake-adds': v1.answers['handshake/handshake-adds'] } },
      },
      drills: { 'cold-start': { text: v1.drill.text, checks: { setup: true, handshakes: true }, revealed: true, at: 300 } },
    });
    expect(r.reasons).toEqual(['v1: answer "no-slash" has no lesson/question key and was dropped']);
  });

  it('data without a version is read as v1', () => {
    const { version: _, ...unversioned } = v1;
    const r = parseProgress(JSON.stringify(unversioned));
    expect(r.progress.lessons.sockets?.done).toBe(true);
    expect(r.reasons[0]).toMatch(/no version/);
  });

  it('an answer for a lesson that was not finished still survives the migration', () => {
    const r = parseProgress(JSON.stringify({ version: 1, completed: [], answers: { 'backlog/x': v1.answers['sockets/socket-is'] } }));
    expect(r.progress.lessons.backlog).toEqual({ done: false, answers: { x: v1.answers['sockets/socket-is'] } });
  });

  it('never throws on arbitrary v1-shaped junk', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (completed, answers, drill) => {
      const r = parseProgress(JSON.stringify({ version: 1, completed, answers, drill }));
      expect(r.progress.version).toBe(2);
    }));
  });
});
