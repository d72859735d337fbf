import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProgress } from './parseProgress.ts';
import { serializeProgress } from './serializeProgress.ts';
import { emptyProgress, PROGRESS_VERSION, type Progress } from './progressTypes.ts';
import type { Answer } from '../types.ts';

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,12}$/);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => (Object.is(n, -0) ? 0 : n));
const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({ kind: fc.constant('single' as const), choice: fc.string({ maxLength: 20 }) }),
  fc.record({ kind: fc.constant('multi' as const), choices: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }) }),
  fc.record({ kind: fc.constant('numeric' as const), value: finite }),
  fc.record({ kind: fc.constant('order' as const), order: fc.array(id, { maxLength: 6 }) }),
  fc.record({ kind: fc.constant('predict' as const), flags: fc.array(fc.constantFrom('SYN', 'ACK', 'FIN', 'RST', 'PSH')), seq: fc.option(fc.nat()), ack: fc.option(fc.nat()) }),
);
const stored = fc.record({ answer, correct: fc.boolean(), score: fc.double({ min: 0, max: 1, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n)), at: fc.nat() });
const lesson = fc.record({ done: fc.boolean(), answers: fc.dictionary(id, stored, { maxKeys: 4 }) });
const drill = fc.record({ text: fc.string({ maxLength: 200 }), checks: fc.dictionary(id, fc.boolean(), { maxKeys: 4 }), revealed: fc.boolean(), at: fc.nat() });
const progress: fc.Arbitrary<Progress> = fc.record({
  version: fc.constant(PROGRESS_VERSION),
  lessons: fc.dictionary(id, lesson, { maxKeys: 5 }),
  drills: fc.dictionary(id, drill, { maxKeys: 2 }),
});

/** Plain copies, so the comparison ignores prototypes. */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('parseProgress', () => {
  it('nothing stored: fresh progress, no complaints', () => {
    expect(parseProgress(null)).toEqual({ progress: emptyProgress(), reasons: [] });
    expect(parseProgress('')).toEqual({ progress: emptyProgress(), reasons: [] });
  });

  it('round trip: serialize then parse gives the same progress and no reasons', () => {
    fc.assert(fc.property(progress, (p) => {
      const back = parseProgress(serializeProgress(p));
      expect(back.reasons).toEqual([]);
      expect(back.progress).toEqual(plain(p));
    }));
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseProgress(s);
      expect(r.progress.version).toBe(PROGRESS_VERSION);
    }));
  });

  it('never throws on arbitrary JSON, and always returns a well-formed progress', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const r = parseProgress(JSON.stringify(v));
      expect(r.progress.version).toBe(PROGRESS_VERSION);
      expect(parseProgress(serializeProgress(r.progress)).reasons).toEqual([]);
    }));
  });

  it('never throws on truncated progress', () => {
    fc.assert(fc.property(progress, fc.nat(), (p, cut) => {
      const text = serializeProgress(p);
      parseProgress(text.slice(0, cut % (text.length + 1)));
    }));
  });

  it('mutating one answer loses at most that answer', () => {
    const withAnswer = progress.filter((p) => Object.values(p.lessons).some((l) => Object.keys(l.answers).length > 0));
    fc.assert(fc.property(withAnswer, fc.jsonValue(), fc.nat(), (p, junk, pick) => {
      const doc = plain(p) as { lessons: Record<string, { answers: Record<string, unknown> }> };
      const slots = Object.entries(doc.lessons).flatMap(([l, lp]) => Object.keys(lp.answers).map((q) => [l, q] as const));
      const [l, q] = slots[pick % slots.length]!;
      doc.lessons[l]!.answers[q] = junk;
      const r = parseProgress(JSON.stringify(doc));
      for (const [ol, oq] of slots) {
        if (ol === l && oq === q) continue;
        expect(r.progress.lessons[ol]!.answers[oq]).toEqual(plain(p.lessons[ol]!.answers[oq]));
      }
      expect(r.progress.lessons[l]!.done).toBe(p.lessons[l]!.done);
    }));
  });

  it('mutating one drill check loses at most that check', () => {
    fc.assert(fc.property(progress, id, fc.jsonValue(), (p, did, junk) => {
      const doc = plain({ ...p, drills: { ...p.drills, [did]: { text: 'x', checks: { a: true, b: false }, revealed: true, at: 1 } } }) as Progress;
      (doc.drills[did]!.checks as Record<string, unknown>).a = junk;
      const r = parseProgress(JSON.stringify(doc));
      expect(r.progress.drills[did]!.checks.b).toBe(false);
      expect(r.progress.drills[did]!.text).toBe('x');
    }));
  });

  it('a bad answer is dropped with a reason; the rest is kept', () => {
    const doc = {
      version: 2,
      lessons: {
        sockets: {
          done: true,
          answers: {
            good: { answer: { kind: 'single', choice: 'a' }, correct: true, score: 1, at: 5 },
            bad: { answer: { kind: 'numeric', value: 'ten' }, correct: true, score: 1, at: 5 },
            worse: { answer: { kind: 'single', choice: 'a' }, correct: true, score: 7, at: 5 },
          },
        },
      },
      drills: {},
    };
    const r = parseProgress(JSON.stringify(doc));
    expect(Object.keys(r.progress.lessons.sockets!.answers)).toEqual(['good']);
    expect(r.progress.lessons.sockets!.done).toBe(true);
    expect(r.reasons).toEqual(['lesson "sockets": answer "bad" was unreadable; dropped', 'lesson "sockets": answer "worse" was unreadable; dropped']);
  });

  it('wrong types are explained, never thrown', () => {
    expect(parseProgress('42').reasons).toEqual(['stored progress is not an object; starting fresh']);
    expect(parseProgress('{"version":"two"}').reasons[0]).toMatch(/unknown version/);
    expect(parseProgress('{"version":2,"lessons":[]}').reasons).toEqual(['lesson progress was unreadable and was dropped']);
    expect(parseProgress('{"version":2,"lessons":{"__proto__":{"done":true}}}').reasons[0]).toMatch(/not a lesson id/);
    expect(parseProgress('{"version":2,"lessons":{"x":{"done":"yes"}}}').progress.lessons.x).toEqual({ done: false, answers: {} });
    expect(parseProgress('{"vers').reasons[0]).toMatch(/not valid JSON/);
  });

  it('progress from a newer app keeps what this version understands', () => {
    const r = parseProgress(JSON.stringify({ version: 9, lessons: { sockets: { done: true, answers: {}, stars: 3 } }, badges: [] }));
    expect(r.progress.lessons.sockets).toEqual({ done: true, answers: {} });
    expect(r.reasons[0]).toMatch(/newer TCP Lab/);
  });

  it('an over-long drill answer is cut, not lost', () => {
    const r = parseProgress(JSON.stringify({ version: 2, drills: { 'cold-start': { text: 'x'.repeat(30_000), checks: {}, revealed: true, at: 1 } } }));
    expect(r.progress.drills['cold-start']!.text.length).toBe(20_000);
    expect(r.reasons[0]).toMatch(/cut/);
  });
});
