import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findBuiltin, runScenario, type SegmentEvent, type Timeline } from '../sim/index.ts';
import { flagsOf, gradePrediction, makePredictQuestion, predictableSegments } from './predict.ts';

function run(id: string): Timeline {
  const sc = findBuiltin(id);
  if (!sc) throw new Error(`no built-in scenario ${id}`);
  return runScenario(sc);
}
const segments = (tl: Timeline): SegmentEvent[] => tl.events.filter((e): e is SegmentEvent => e.type === 'segment');

describe('flagsOf', () => {
  it('reads tcpdump notation', () => {
    expect(flagsOf('S')).toEqual(['SYN']);
    expect(flagsOf('S.')).toEqual(['SYN', 'ACK']);
    expect(flagsOf('FP.')).toEqual(['ACK', 'PSH', 'FIN']);
    expect(flagsOf('R')).toEqual(['RST']);
  });
});

describe('makePredictQuestion on the handshake', () => {
  const tl = run('handshake');
  it('SYN: seq 0 relative, no ack asked', () => {
    const q = makePredictQuestion(tl, 0)!;
    expect(q.answer).toMatchObject({ flags: ['SYN'], seq: 0, ack: null });
    expect(q.askAck).toBe(false);
    expect(q.before).toEqual([]);
  });
  it('SYN-ACK: the server’s own seq 0, ack = client ISN + 1', () => {
    const q = makePredictQuestion(tl, 1)!;
    expect(q.answer).toMatchObject({ flags: ['SYN', 'ACK'], seq: 0, ack: 1 });
    expect(q.from).toBe('server');
    expect(q.before.map((s) => s.id)).toEqual([0]);
  });
  it('final ACK: seq 1 ack 1, graded against the simulator’s segment', () => {
    const q = makePredictQuestion(tl, 2)!;
    const raw = segments(tl)[2]!;
    const isnClient = segments(tl)[0]!.seq;
    const isnServer = segments(tl)[1]!.seq;
    expect(q.answer.seq).toBe(raw.seq - isnClient);
    expect(q.answer.ack).toBe(raw.ack - isnServer);
    expect(gradePrediction(q, { flags: ['ACK'], seq: 1, ack: 1 })).toMatchObject({ correct: true, score: 1 });
    const wrong = gradePrediction(q, { flags: ['SYN', 'ACK'], seq: 1, ack: 0 });
    expect(wrong.correct).toBe(false);
    expect(wrong.score).toBeCloseTo(1 / 3);
    expect(wrong.lines.map((l) => [l.id, l.correct])).toEqual([['flags', false], ['seq', true], ['ack', false]]);
  });
  it('no segment with that id: null', () => {
    expect(makePredictQuestion(tl, 99)).toBeNull();
  });
});

describe('makePredictQuestion on other scenarios', () => {
  it('connection refused: RST,ACK with an absolute seq of 0 and ack = ISN + 1', () => {
    const q = makePredictQuestion(run('connection-refused'), 1)!;
    expect(q.answer).toMatchObject({ flags: ['ACK', 'RST'], seq: 0, ack: 1 });
    expect(q.seqBase).toBe('absolute');
    expect(gradePrediction(q, { flags: ['RST', 'ACK'], seq: 0, ack: 1 }).correct).toBe(true);
  });
  it('Nagle: the held-back "ello" leaves at relative seq 2 with 4 bytes', () => {
    const tl = run('nagle-hello');
    const ello = segments(tl).find((s) => s.data === 'ello')!;
    const q = makePredictQuestion(tl, ello.id)!;
    expect(q.answer).toMatchObject({ flags: ['ACK', 'PSH'], seq: 2, ack: 1, len: 4 });
    expect(gradePrediction(q, { flags: [], seq: null, ack: null }).explanation).toMatch(/next seq from this side is 6/);
  });
  it('a keepalive probe reuses the last acknowledged byte: seq one below SND.NXT', () => {
    const tl = run('keepalive-dead-peer');
    const probe = segments(tl).find((s) => s.why?.startsWith('keepalive probe'))!;
    const q = makePredictQuestion(tl, probe.id)!;
    const last = q.before.filter((s) => s.from === q.from).at(-1)!;
    expect(q.answer.seq).toBe(last.seq + last.len - 1);
    expect(q.answer.flags).toEqual(['ACK']);
  });
  it('an unanswerable prediction never throws and scores 0', () => {
    const q = makePredictQuestion(run('handshake'), 1)!;
    expect(gradePrediction(q, { flags: null as unknown as string[], seq: null, ack: null })).toMatchObject({ correct: false, score: 0 });
  });
});

describe('predict questions across the whole library', () => {
  it('every predictable segment of every scenario grades its own answer as right', () => {
    for (const id of ['handshake', 'client-closes-first', 'half-close', 'simultaneous-open', 'lost-synack', 'reset-linger-zero', 'http-keepalive']) {
      const tl = run(id);
      const ids = predictableSegments(tl);
      expect(ids.length).toBeGreaterThan(0);
      for (const sid of ids) {
        const q = makePredictQuestion(tl, sid)!;
        expect(gradePrediction(q, { flags: q.answer.flags, seq: q.answer.seq, ack: q.answer.ack }).correct).toBe(true);
      }
    }
  });
  it('any wrong seq is graded wrong', () => {
    const tl = run('client-closes-first');
    const ids = predictableSegments(tl);
    fc.assert(fc.property(fc.constantFrom(...ids), fc.integer({ min: 1, max: 1000 }), (sid, off) => {
      const q = makePredictQuestion(tl, sid)!;
      return !gradePrediction(q, { flags: q.answer.flags, seq: q.answer.seq + off, ack: q.answer.ack }).correct;
    }));
  });
});
