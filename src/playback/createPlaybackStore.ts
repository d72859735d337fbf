// The lab's one source of truth: which scenario, which step, playing or not, how fast. A zustand *vanilla*
// store, so it runs and is tested in Node; React reads it through src/ui/hooks/usePlayback.ts only.
// Every view derives from (timeline, step): seeking restores a TimelineIndex checkpoint, never re-runs TCP.

import { createStore, type StoreApi } from 'zustand/vanilla';
import { builtinScenarios, findBuiltin, runScenario, TimelineIndex, type Scenario, type Timeline, type ViewState } from '../sim/index.ts';
import { applyKnobs, NO_KNOBS, type Knobs } from './applyKnobs.ts';
import { appliedAt, buildSteps, KIND_BIT, stepAtTime, type Step, type StepKind } from './buildSteps.ts';
import { buildSchedule, gapAt, stepAtPosition, type Gap, type Schedule } from './buildSchedule.ts';
import { narrate, narrationContext, type NarrationContext } from './narrate.ts';
import { coerceParam, parseLink } from './parseLink.ts';
import { relativeSeqNumbers } from './seqNumbers.ts';

export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 3, 4] as const;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

export interface Catalog {
  scenarios: readonly Scenario[];
  find(id: string): Scenario | undefined;
}

export const builtinCatalog: Catalog = { scenarios: builtinScenarios, find: findBuiltin };

/** Everything derived from one run; replaced as a whole when the scenario or a knob changes. */
export interface Loaded {
  base: Scenario;
  scenario: Scenario;
  knobs: Knobs;
  timeline: Timeline;
  index: TimelineIndex;
  steps: readonly Step[];
  schedule: Schedule;
  narration: NarrationContext;
}

export interface PlaybackState {
  loaded: Loaded | null;
  step: number;
  /** The view after the step's events: sockets, threads, queues, last state changes. */
  view: ViewState | null;
  /** Position on the play track (ms at 1×); continuous while playing. */
  position: number;
  playing: boolean;
  speed: number;
  /** Relative (per-connection, from 0) or absolute sequence numbers. */
  relative: boolean;
  /** The segment whose details are open, by id. */
  selected: number | null;
  narration: string;
  /** The compressed idle stretch play is crossing right now, if any. */
  gap: Gap | null;
  /** Things the student should know: a bad link, a knob that could not apply. */
  problems: string[];
}

export interface PlaybackActions {
  load(base: Scenario, knobs?: Knobs, at?: number): boolean;
  openLink(search: string): void;
  setKnobs(knobs: Partial<Knobs>): boolean;
  play(): void;
  pause(): void;
  toggle(): void;
  restart(): void;
  next(): void;
  prev(): void;
  seek(step: number): void;
  seekTime(us: number): void;
  seekPosition(position: number): void;
  jump(kind: StepKind, dir: 1 | -1): boolean;
  setSpeed(speed: number): void;
  /** Advance play by dtMs of wall time; the frame loop calls it. */
  tick(dtMs: number): void;
  setRelative(relative: boolean): void;
  select(segment: number | null): void;
  dismissProblems(): void;
}

export type PlaybackStore = StoreApi<PlaybackState & PlaybackActions>;

export function clampSpeed(s: number): number {
  return Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : 1;
}

export function loadRun(base: Scenario, knobs: Knobs): { ok: true; loaded: Loaded } | { ok: false; message: string } {
  const k = applyKnobs(base, knobs);
  if (!k.ok) return k;
  let timeline: Timeline;
  try {
    timeline = runScenario(k.scenario, knobs.seed !== null ? { seed: knobs.seed } : {});
  } catch (e) {
    return { ok: false, message: `The simulator could not run "${base.id}": ${e instanceof Error ? e.message : String(e)}` };
  }
  const steps = buildSteps(timeline);
  const index = new TimelineIndex(timeline);
  const schedule = buildSchedule(timeline, steps);
  const narration = narrationContext(timeline, steps, relativeSeqNumbers(timeline));
  return { ok: true, loaded: { base, scenario: k.scenario, knobs, timeline, index, steps, schedule, narration } };
}

export function createPlaybackStore(catalog: Catalog = builtinCatalog): PlaybackStore {
  return createStore<PlaybackState & PlaybackActions>()((set, get) => {
    /** Move to step k (clamped); `position` defaults to the step's start on the track. */
    const go = (k: number, position?: number, extra: Partial<PlaybackState> = {}): void => {
      const s = get();
      const l = s.loaded;
      if (!l) return;
      const step = Math.max(0, Math.min(l.steps.length - 1, Math.floor(Number.isFinite(k) ? k : 0)));
      const pos = position ?? l.schedule.start[step]!;
      if (step === s.step && s.view && s.relative === (extra.relative ?? s.relative)) {
        set({ position: pos, gap: gapAt(l.schedule, pos), ...extra });
        return;
      }
      const relative = extra.relative ?? s.relative;
      set({
        step,
        position: pos,
        view: l.index.stateAt(appliedAt(l.steps, step)),
        narration: narrate(l.narration, step, relative),
        gap: gapAt(l.schedule, pos),
        ...extra,
      });
    };

    return {
      loaded: null,
      step: 0,
      view: null,
      position: 0,
      playing: false,
      speed: 1,
      relative: true,
      selected: null,
      narration: '',
      gap: null,
      problems: [],

      load(base, knobs = NO_KNOBS, at = 0) {
        const r = loadRun(base, knobs);
        if (!r.ok) {
          set({ problems: [...get().problems, r.message] });
          return false;
        }
        set({ loaded: r.loaded, playing: false, selected: null, view: null, step: -1 });
        go(at);
        return true;
      },

      openLink(search) {
        const req = parseLink(search);
        const problems = [...req.problems];
        let base = req.scenario ? catalog.find(req.scenario) : undefined;
        if (req.scenario && !base) {
          const first = catalog.scenarios[0];
          problems.push(`There is no scenario called "${req.scenario}"${first ? `; showing "${first.title}" instead` : ''}. Pick one from the list.`);
        }
        base ??= catalog.scenarios[0];
        if (!base) {
          set({ problems: [...problems, 'No scenarios are available.'] });
          return;
        }
        const params: Knobs['params'] = {};
        for (const [name, raw] of Object.entries(req.params)) {
          const p = base.params?.[name];
          if (!p) {
            problems.push(`This scenario has no setting "${name}"; it was ignored.`);
            continue;
          }
          const v = coerceParam(raw, p.options?.[0] ?? p.min ?? 0);
          if (v === null) problems.push(`${p.label}: "${raw}" is not a number; the scenario's value is used.`);
          else params[name] = v;
        }
        let knobs: Knobs = { seed: req.seed, delayMs: req.delayMs, params };
        set({ problems: [] });
        if (!get().load(base, knobs, 0)) {
          problems.push(...get().problems);
          knobs = { ...NO_KNOBS, seed: req.seed };
          get().load(base, knobs, 0);
        }
        const l = get().loaded;
        let step = req.step ?? 0;
        if (l) {
          const last = l.steps.length - 1;
          if (step > last) {
            problems.push(`Step ${step} is past the end of this run, which has ${last} steps; showing the last one.`);
            step = last;
          } else if (step < 0) {
            problems.push(`Step ${step} does not exist; steps count from 0 (the start).`);
            step = 0;
          }
          go(step);
        }
        set({ problems });
      },

      setKnobs(partial) {
        const l = get().loaded;
        if (!l) return false;
        const knobs: Knobs = { ...l.knobs, ...partial, params: { ...l.knobs.params, ...(partial.params ?? {}) } };
        const step = get().step;
        const r = loadRun(l.base, knobs);
        if (!r.ok) {
          set({ problems: [r.message] });
          return false;
        }
        set({ loaded: r.loaded, playing: false, selected: null, view: null, problems: [] });
        go(step);
        return true;
      },

      play() {
        const s = get();
        if (!s.loaded) return;
        if (s.step >= s.loaded.steps.length - 1) go(0);
        set({ playing: true });
      },
      pause() {
        set({ playing: false });
      },
      toggle() {
        if (get().playing) get().pause();
        else get().play();
      },
      restart() {
        go(0, undefined, { playing: false });
      },
      next() {
        go(get().step + 1, undefined, { playing: false });
      },
      prev() {
        go(get().step - 1, undefined, { playing: false });
      },
      seek(step) {
        go(step, undefined, { playing: false });
      },
      seekTime(us) {
        const l = get().loaded;
        if (l) go(stepAtTime(l.steps, us), undefined, { playing: false });
      },
      seekPosition(position) {
        const l = get().loaded;
        if (!l) return;
        const p = Math.max(0, Math.min(l.schedule.total, position));
        go(stepAtPosition(l.schedule, p), p);
      },
      jump(kind, dir) {
        const s = get();
        const l = s.loaded;
        if (!l) return false;
        const bit = KIND_BIT[kind];
        for (let k = s.step + dir; k >= 0 && k < l.steps.length; k += dir) {
          if (l.steps[k]!.kinds & bit) {
            go(k, undefined, { playing: false });
            return true;
          }
        }
        return false;
      },
      setSpeed(speed) {
        set({ speed: clampSpeed(speed) });
      },
      tick(dtMs) {
        const s = get();
        const l = s.loaded;
        if (!s.playing || !l || !(dtMs > 0)) return;
        const p = s.position + dtMs * s.speed;
        if (p >= l.schedule.total) {
          go(l.steps.length - 1, l.schedule.total, { playing: false });
          return;
        }
        go(stepAtPosition(l.schedule, p), p);
      },
      setRelative(relative) {
        const s = get();
        if (!s.loaded) {
          set({ relative });
          return;
        }
        set({ relative, narration: narrate(s.loaded.narration, s.step, relative) });
      },
      select(segment) {
        set({ selected: segment });
      },
      dismissProblems() {
        set({ problems: [] });
      },
    };
  });
}
