import { describe, expect, test } from 'vitest';
import { runScenario } from '../sim/index.ts';
import { buildSteps } from './buildSteps.ts';
import { formatDuration, hostName, narrate, narrationContext } from './narrate.ts';
import { relativeSeqNumbers, segmentLabel } from './seqNumbers.ts';
import { lostSyn, tinyHandshake } from './testScenarios.ts';

function all(sc = tinyHandshake, rel = true): string[] {
  const tl = runScenario(sc);
  const steps = buildSteps(tl);
  const ctx = narrationContext(tl, steps, relativeSeqNumbers(tl));
  return steps.map((_, k) => narrate(ctx, k, rel));
}

describe('narrate', () => {
  test('one sentence per step, in the course’s words', () => {
    const lines = all();
    expect(lines[0]).toMatch(/Nothing has happened yet/);
    for (const l of lines) expect(l).toMatch(/^[A-Z].*\.$/);
    expect(lines).toContain('The server calls bind(3, 0.0.0.0:8080), which returns 0.');
    expect(lines.find((l) => l.includes('connect('))).toMatch(/waits for the handshake to complete; it sends SYN, seq 0; CLOSED → SYN-SENT\.$/);
    expect(lines.find((l) => l.startsWith('The server receives SYN'))).toMatch(/it replies SYN,ACK, seq 0, ack 1; LISTEN → SYN-RECEIVED; SYN queue 1 of 4/);
    expect(lines.find((l) => l.includes('accept() returns'))).toMatch(/The server's accept\(\) returns 4 after waiting \d+(\.\d+)? ms: a new socket for 10\.0\.0\.1:\d+/);
    // Whether recv() finds the data already there depends on timing; either way the narration says what it got.
    expect(lines.some((l) => /^The server calls recv\(4, 1024\), which returns 5, the bytes "hello"\.$|^The server's recv\(\) returns 5( after waiting [\d.]+ ms)?, the bytes "hello"\.$/.test(l))).toBe(true);
  });

  test('absolute numbers when asked', () => {
    const lines = all(tinyHandshake, false);
    expect(lines.find((l) => l.includes('connect('))).toMatch(/SYN, seq \d{4,}/);
  });

  test('a lost segment is announced as it leaves', () => {
    const lines = all(lostSyn);
    expect(lines.find((l) => l.includes('connect('))).toMatch(/which will be lost \(fault: drop\)/);
    expect(lines.some((l) => /retransmission timer fires; it retransmits SYN, seq 0/.test(l))).toBe(true);
  });

  test('helpers', () => {
    expect(hostName('client')).toBe('the client');
    expect(hostName('alice')).toBe('Alice');
    expect(formatDuration(60_000_000)).toBe('60 s');
    expect(formatDuration(1_010_000)).toBe('1.01 s');
    expect(formatDuration(5000)).toBe('5 ms');
    expect(formatDuration(50)).toBe('50 µs');
  });

  test('segment labels', () => {
    const tl = runScenario(tinyHandshake);
    const rel = relativeSeqNumbers(tl);
    const segs = tl.events.filter((e) => e.type === 'segment');
    expect(segmentLabel(segs[0]!, rel)).toBe('S 0');
    expect(segmentLabel(segs[1]!, rel)).toBe('S. 0 ack 1');
    const data = segs.find((s) => s.len > 0)!;
    expect(segmentLabel(data, rel)).toBe('P. 1:6 ack 1 (5)');
    expect(segmentLabel(segs[0]!, null)).toBe(`S ${segs[0]!.seq}`);
  });
});
