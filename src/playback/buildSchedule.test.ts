import { describe, expect, test } from 'vitest';
import { findBuiltin, runScenario } from '../sim/index.ts';
import { buildSteps } from './buildSteps.ts';
import { buildSchedule, FLIGHT_MS, gapAt, MAX_GAP_MS, MIN_DWELL_MS, positionOfTime, stepAtPosition } from './buildSchedule.ts';
import { tinyHandshake } from './testScenarios.ts';

describe('buildSchedule', () => {
  const tl = runScenario(tinyHandshake);
  const steps = buildSteps(tl);
  const s = buildSchedule(tl, steps);

  test('every step gets at least the minimum dwell, in order', () => {
    for (let k = 2; k < steps.length; k++) expect(s.start[k]! - s.start[k - 1]!).toBeGreaterThanOrEqual(MIN_DWELL_MS - 1e-9);
    expect(s.total).toBeGreaterThan(s.start[steps.length - 1]!);
  });

  test('one typical flight lasts FLIGHT_MS on the track', () => {
    expect(5000 * s.msPerUs).toBeCloseTo(FLIGHT_MS);
  });

  test('stepAtPosition inverts start', () => {
    for (let k = 0; k < steps.length; k++) {
      expect(stepAtPosition(s, s.start[k]!)).toBe(k);
      if (k + 1 < steps.length) expect(stepAtPosition(s, s.start[k + 1]! - 0.01)).toBe(k);
    }
  });

  test('positionOfTime is monotonic and hits step starts', () => {
    let prev = -1;
    for (let t = 0; t <= tl.endT; t += 500) {
      const p = positionOfTime(s, steps, t);
      expect(p).toBeGreaterThanOrEqual(prev);
      prev = p;
    }
    const k = steps.findIndex((st, i) => i > 0 && st.t > 0);
    expect(positionOfTime(s, steps, steps[k]!.t)).toBe(s.start[k]);
  });

  test('a 60 s TIME-WAIT is compressed and reported', () => {
    const sc = findBuiltin('client-closes-first')!;
    const t2 = runScenario(sc);
    const st = buildSteps(t2);
    const sc2 = buildSchedule(t2, st);
    const big = sc2.gaps.find((g) => g.simUs >= 59_000_000);
    expect(big).toBeDefined();
    expect(big!.wallMs).toBe(MAX_GAP_MS);
    const k = big!.toStep;
    expect(sc2.start[k]! - sc2.start[k - 1]!).toBe(MAX_GAP_MS);
    expect(gapAt(sc2, (sc2.start[k]! + sc2.start[k - 1]!) / 2)).toBe(big);
    expect(gapAt(sc2, sc2.start[k - 1]!)).toBeNull();
    expect(gapAt(sc2, sc2.start[k]!)).toBeNull();
  });
});
