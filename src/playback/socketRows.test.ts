import { describe, expect, test } from 'vitest';
import { runScenario, TimelineIndex } from '../sim/index.ts';
import { appliedAt, buildSteps } from './buildSteps.ts';
import { socketTables, ssDuration, ssStateName } from './socketRows.ts';
import { tinyHandshake } from './testScenarios.ts';

describe('socket table', () => {
  test('ss prints durations its own way', () => {
    expect(ssDuration(59_400)).toBe('59sec');
    expect(ssDuration(204)).toBe('204ms');
    expect(ssDuration(1200)).toBe('1.200ms');
    expect(ssDuration(90_000)).toBe('1min30sec');
    expect(ssDuration(0)).toBe('0ms');
    expect(ssDuration(-5)).toBe('0ms');
  });

  test('ss state names', () => {
    expect(ssStateName('ESTABLISHED')).toBe('ESTAB');
    expect(ssStateName('SYN-RECEIVED')).toBe('SYN-RECV');
    expect(ssStateName('TIME-WAIT')).toBe('TIME-WAIT');
  });

  test('every step: one table per host, state agrees with the latest state change', () => {
    const tl = runScenario(tinyHandshake);
    const steps = buildSteps(tl);
    const index = new TimelineIndex(tl);
    let sawTimeWait = false;
    for (let k = 0; k < steps.length; k++) {
      const view = index.stateAt(appliedAt(steps, k));
      const tables = socketTables(view, tl.hosts);
      expect(tables.map((t) => t.host)).toEqual(['client', 'server']);
      for (const t of tables) {
        for (const r of t.rows) {
          const last = view.lastState[r.sid];
          if (last) expect(r.state).toBe(last.to);
          if (r.state === 'TIME-WAIT') {
            sawTimeWait = true;
            expect(r.timer).toMatch(/^timer:\(timewait,(\d+min)?(\d+sec)?(\d+ms)?\)$/);
          }
        }
      }
    }
    expect(sawTimeWait).toBe(true);
  });
});
