import { describe, expect, it } from 'vitest';
import { resolveLesson } from './resolveLesson.ts';
import { computeFacts } from './facts/computeFacts.ts';
import type { Lesson } from './types.ts';

const { facts } = computeFacts();

const broken = {
  id: 'broken',
  number: 99,
  title: 'Broken',
  minutes: 1,
  summary: 'uses {{noSuchFact}}',
  goals: [],
  sections: [
    {
      id: 's',
      heading: 'h',
      blocks: [
        { kind: 'predict', id: 'p', lab: { scenario: 'handshake', views: ['ladder'] }, segment: { flags: 'R' }, intro: 'x' },
        { kind: 'predict', id: 'p2', lab: { scenario: 'no-such-scenario', views: ['ladder'] }, segment: {}, intro: 'x' },
        { kind: 'drill', drillId: 'no-such-drill' },
      ],
    },
  ],
  questions: [
    {
      id: 'two-right',
      kind: 'single',
      prompt: 'p',
      explanation: 'e',
      options: [
        { id: 'a', text: 'a', feedback: 'f', correct: true },
        { id: 'b', text: 'b', feedback: 'f', correct: true },
      ],
    },
    { id: 'n', kind: 'numeric', prompt: 'p', explanation: 'e', answer: { fact: 'refusedErrno' }, unit: '', tolerance: {} },
  ],
} as unknown as Lesson;

describe('resolveLesson', () => {
  it('lists every problem instead of throwing', () => {
    const r = resolveLesson(broken, facts);
    expect([...r.problems].sort()).toEqual([
      'broken/s#0: no segment matches {"flags":"R"} in handshake',
      'broken/s#1: no built-in scenario "no-such-scenario"',
      'broken/s#2: no drill "no-such-drill"',
      'broken/two-right: a single-choice question needs exactly one right option',
      'broken/n: no numeric fact "refusedErrno"',
      'broken/summary: no fact "noSuchFact"',
    ].sort());
    expect(r.sections[0]?.blocks).toEqual([]);
  });
  it('builds a predict question from the picked segment and keeps the block id', () => {
    const lesson = { ...broken, summary: '', questions: [], sections: [{ id: 's', heading: 'h', blocks: [{ kind: 'predict', id: 'mine', lab: { scenario: 'handshake', views: ['ladder'] }, segment: { from: 'server', flags: 'S.' }, intro: 'x' }] }] } as unknown as Lesson;
    const r = resolveLesson(lesson, facts);
    expect([...r.problems].sort()).toEqual([]);
    const b = r.sections[0]!.blocks[0]!;
    expect(b.kind === 'predict' && [b.question.id, b.question.answer.flags, b.question.answer.ack]).toEqual(['mine', ['SYN', 'ACK'], 1]);
  });
});
