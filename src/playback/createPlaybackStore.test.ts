import { describe, expect, test } from 'vitest';
import { applyEvent, builtinScenarios, runScenario, type ViewState } from '../sim/index.ts';
import { applyKnobs, NO_KNOBS } from './applyKnobs.ts';
import { appliedAt, KIND_BIT } from './buildSteps.ts';
import { createPlaybackStore } from './createPlaybackStore.ts';
import { testCatalog, tinyHandshake } from './testScenarios.ts';

/** The view of a fresh run stopped after `applied` events, folded from scratch. */
function freshView(sc: typeof tinyHandshake, applied: number, seed?: number): ViewState {
  const tl = runScenario(sc, seed === undefined ? {} : { seed });
  const v: ViewState = { applied: 0, t: 0, sockets: {}, threads: {}, queues: {}, lastState: {}, lastSegment: null };
  for (let i = 0; i < applied; i++) applyEvent(v, tl.events[i]!);
  return v;
}

function loaded(sc = tinyHandshake) {
  const store = createPlaybackStore(testCatalog);
  expect(store.getState().load(sc)).toBe(true);
  return store;
}

describe('createPlaybackStore', () => {
  test('seeking to any step equals a fresh run stopped at that step', () => {
    const store = loaded();
    const l = store.getState().loaded!;
    for (let k = l.steps.length - 1; k >= 0; k -= 1) {
      store.getState().seek(k);
      expect(store.getState().view).toEqual(freshView(tinyHandshake, appliedAt(l.steps, k)));
    }
  });

  test.each(builtinScenarios.map((s) => [s.id, s] as const))('%s: random seeks match fresh runs; back then forward is the same state', (_id, sc) => {
    const store = createPlaybackStore();
    store.getState().load(sc);
    const l = store.getState().loaded!;
    const tl = runScenario(sc);
    const n = l.steps.length;
    const picks = [0, n - 1, n >> 1, 1, Math.floor(n / 3), Math.floor((2 * n) / 3)].filter((k) => k >= 0 && k < n);
    for (const k of picks) {
      store.getState().seek(k);
      const v: ViewState = { applied: 0, t: 0, sockets: {}, threads: {}, queues: {}, lastState: {}, lastSegment: null };
      for (let i = 0; i < appliedAt(l.steps, k); i++) applyEvent(v, tl.events[i]!);
      expect(store.getState().view).toEqual(v);
      const before = store.getState().view;
      const narration = store.getState().narration;
      store.getState().prev();
      store.getState().next();
      if (k > 0) {
        expect(store.getState().view).toEqual(before);
        expect(store.getState().narration).toBe(narration);
      }
      expect(narration.length).toBeGreaterThan(5);
    }
  });

  test('next and prev move one step and stop at the ends', () => {
    const store = loaded();
    const last = store.getState().loaded!.steps.length - 1;
    store.getState().prev();
    expect(store.getState().step).toBe(0);
    store.getState().next();
    expect(store.getState().step).toBe(1);
    store.getState().seek(last + 50);
    expect(store.getState().step).toBe(last);
    store.getState().next();
    expect(store.getState().step).toBe(last);
    store.getState().seek(-3);
    expect(store.getState().step).toBe(0);
    store.getState().seek(Number.NaN);
    expect(store.getState().step).toBe(0);
  });

  test('play walks the track scaled by speed and pauses at the end', () => {
    const store = loaded();
    const { schedule, steps } = store.getState().loaded!;
    store.getState().setSpeed(2);
    store.getState().play();
    store.getState().tick(100);
    expect(store.getState().position).toBeCloseTo(200);
    let guard = 0;
    while (store.getState().playing && guard++ < 100_000) store.getState().tick(16);
    expect(store.getState().playing).toBe(false);
    expect(store.getState().step).toBe(steps.length - 1);
    expect(store.getState().position).toBe(schedule.total);
    // Play at the end starts over.
    store.getState().play();
    expect(store.getState().step).toBe(0);
    expect(store.getState().playing).toBe(true);
  });

  test('the step shown while playing is the one whose time has come', () => {
    const store = loaded();
    const { schedule } = store.getState().loaded!;
    store.getState().play();
    store.getState().tick(schedule.start[3]! + 1);
    expect(store.getState().step).toBe(3);
    store.getState().pause();
    store.getState().tick(10_000);
    expect(store.getState().step).toBe(3);
  });

  test('speed is clamped to 0.25×–4×', () => {
    const store = loaded();
    store.getState().setSpeed(10);
    expect(store.getState().speed).toBe(4);
    store.getState().setSpeed(0.01);
    expect(store.getState().speed).toBe(0.25);
    store.getState().setSpeed(Number.NaN);
    expect(store.getState().speed).toBe(1);
  });

  test('jump finds the next and previous step of a kind', () => {
    const store = loaded();
    const { steps, timeline } = store.getState().loaded!;
    expect(store.getState().jump('segment', 1)).toBe(true);
    const k = store.getState().step;
    expect(steps[k]!.kinds & KIND_BIT.segment).toBeTruthy();
    for (let j = 1; j < k; j++) expect(steps[j]!.kinds & KIND_BIT.segment).toBe(0);
    const first = timeline.events.slice(steps[k]!.first, steps[k]!.last + 1).find((e) => e.type === 'segment');
    expect(first && first.type === 'segment' && first.flags).toBe('S');
    expect(store.getState().jump('state', 1)).toBe(true);
    expect(store.getState().step).toBeGreaterThan(k);
    expect(store.getState().jump('call', -1)).toBe(true);
    store.getState().seek(0);
    expect(store.getState().jump('state', -1)).toBe(false);
    expect(store.getState().step).toBe(0);
  });

  test('seekTime lands on the last step at or before the time', () => {
    const store = loaded();
    const { steps } = store.getState().loaded!;
    const target = steps[5]!.t;
    store.getState().seekTime(target);
    expect(steps[store.getState().step]!.t).toBe(target);
    expect(steps[store.getState().step + 1]?.t ?? Infinity).toBeGreaterThan(target);
  });

  test('knobs rerun the scenario and keep the step', () => {
    const store = loaded();
    store.getState().seek(6);
    expect(store.getState().setKnobs({ seed: 99 })).toBe(true);
    expect(store.getState().step).toBe(6);
    expect(store.getState().view).toEqual(freshView(tinyHandshake, appliedAt(store.getState().loaded!.steps, 6), 99));
    expect(store.getState().setKnobs({ delayMs: 150 })).toBe(true);
    const slow = store.getState().loaded!;
    // The last segment leaves later on a slower path (the run's end can fall on the same timer-wheel slot).
    const lastSegT = (tl: typeof slow.timeline): number => tl.events.filter((e) => e.type === 'segment').at(-1)!.t;
    expect(lastSegT(slow.timeline)).toBeGreaterThan(lastSegT(runScenario(tinyHandshake)));
    expect(store.getState().setKnobs({ params: { backlog: 1000 } })).toBe(false);
    expect(store.getState().problems[0]).toMatch(/between 1 and 128/);
    expect(store.getState().loaded).toBe(slow);
  });

  test('a link opens exactly that view', () => {
    const store = createPlaybackStore(testCatalog);
    store.getState().openLink('?scenario=test-lost-syn&step=4&seed=7');
    const s = store.getState();
    expect(s.loaded!.base.id).toBe('test-lost-syn');
    expect(s.step).toBe(4);
    expect(s.loaded!.knobs.seed).toBe(7);
    expect(s.problems).toEqual([]);
  });

  test.each([
    ['?scenario=nope&step=2', /no scenario called "nope"/, 2],
    ['?scenario=test-handshake&step=99999', /past the end/, -1],
    ['?scenario=test-handshake&step=abc', /not a whole number/, 0],
    ['?scenario=test-handshake&step=-4', /does not exist/, 0],
    ['?scenario=test-handshake&seed=banana&step=3', /seed "banana"/, 3],
    ['?scenario=test-handshake&p.backlog=5000', /between 1 and 128/, 0],
    ['?scenario=test-handshake&p.nosuch=1', /no setting "nosuch"/, 0],
  ])('bad link %s: a message and the nearest valid view', (search, message, step) => {
    const store = createPlaybackStore(testCatalog);
    expect(() => store.getState().openLink(search)).not.toThrow();
    const s = store.getState();
    expect(s.loaded).not.toBeNull();
    expect(s.view).not.toBeNull();
    expect(s.problems.join(' ')).toMatch(message);
    expect(s.step).toBe(step === -1 ? s.loaded!.steps.length - 1 : step);
  });

  test('an empty link opens the first scenario at the start, quietly', () => {
    const store = createPlaybackStore(testCatalog);
    store.getState().openLink('');
    expect(store.getState().loaded!.base.id).toBe('test-handshake');
    expect(store.getState().step).toBe(0);
    expect(store.getState().problems).toEqual([]);
  });

  test('the relative/absolute toggle changes the narration, not the view', () => {
    const store = loaded();
    store.getState().jump('segment', 1);
    const rel = store.getState().narration;
    const view = store.getState().view;
    store.getState().setRelative(false);
    expect(store.getState().narration).not.toBe(rel);
    expect(store.getState().view).toBe(view);
    expect(rel).toMatch(/SYN, seq 0/);
  });

  test('applyKnobs leaves the original scenario alone', () => {
    const before = JSON.stringify(tinyHandshake);
    const r = applyKnobs(tinyHandshake, { ...NO_KNOBS, delayMs: 75, params: { backlog: 2 } });
    expect(r.ok).toBe(true);
    expect(JSON.stringify(tinyHandshake)).toBe(before);
  });
});
