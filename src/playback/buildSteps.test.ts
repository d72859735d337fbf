import { describe, expect, test } from 'vitest';
import { builtinScenarios, runScenario } from '../sim/index.ts';
import { appliedAt, buildSteps, kindOf, stepAtTime, stepOfEvent } from './buildSteps.ts';
import { lostSyn, tinyHandshake } from './testScenarios.ts';

const scenarios = [tinyHandshake, lostSyn, ...builtinScenarios];

describe('buildSteps', () => {
  test.each(scenarios.map((s) => [s.id, s] as const))('%s: steps tile the timeline, each about something visible', (_id, sc) => {
    const tl = runScenario(sc);
    const steps = buildSteps(tl);
    expect(steps[0]).toMatchObject({ first: 0, last: -1, primary: -1 });
    for (let k = 1; k < steps.length; k++) {
      const s = steps[k]!;
      expect(s.first).toBe(steps[k - 1]!.last + 1);
      expect(s.last).toBeGreaterThanOrEqual(s.first);
      expect(s.primary).toBeGreaterThanOrEqual(s.first);
      expect(s.primary).toBeLessThanOrEqual(s.last);
      expect(kindOf(tl.events[s.primary]!)).not.toBeNull();
      expect(s.kinds).toBeGreaterThan(0);
      if (k < steps.length - 1) for (let i = s.first; i <= s.last; i++) expect(tl.events[i]!.t).toBe(s.t);
    }
    expect(appliedAt(steps, steps.length - 1)).toBe(tl.events.length);
  });

  test('bookkeeping rows never make a step of their own', () => {
    const tl = runScenario(tinyHandshake);
    const steps = buildSteps(tl);
    for (const s of steps.slice(1)) {
      const types = tl.events.slice(s.first, s.last + 1).map((e) => e.type);
      expect(types.some((t) => t !== 'sock' && t !== 'timer')).toBe(true);
    }
  });

  test('a call that returns at once is one step; a blocking one is two', () => {
    const tl = runScenario(tinyHandshake);
    const steps = buildSteps(tl);
    const prim = steps.slice(1).map((s) => tl.events[s.primary]!);
    const bind = prim.find((e) => e.type === 'call-start' && e.call === 'bind');
    expect(bind).toBeDefined();
    expect(prim.filter((e) => e.type === 'call' && e.call === 'bind')).toHaveLength(0);
    expect(prim.some((e) => e.type === 'call-start' && e.call === 'accept')).toBe(true);
    expect(prim.some((e) => e.type === 'call' && e.call === 'accept')).toBe(true);
  });

  test('an arrival and what the receiver did about it form one step', () => {
    const tl = runScenario(tinyHandshake);
    const steps = buildSteps(tl);
    const synArrival = steps.slice(1).find((s) => {
      const e = tl.events[s.primary]!;
      return e.type === 'arrive' && e.host === 'server';
    })!;
    const types = tl.events.slice(synArrival.first, synArrival.last + 1).map((e) => e.type);
    expect(types).toContain('state');
    expect(types).toContain('segment');
  });

  test('stepOfEvent and stepAtTime invert the tiling', () => {
    const tl = runScenario(tinyHandshake);
    const steps = buildSteps(tl);
    for (let k = 1; k < steps.length; k++) {
      for (let i = steps[k]!.first; i <= steps[k]!.last; i++) expect(stepOfEvent(steps, i)).toBe(k);
      expect(steps[stepAtTime(steps, steps[k]!.t)]!.t).toBe(steps[k]!.t);
    }
    expect(stepAtTime(steps, -1)).toBe(0);
  });
});
