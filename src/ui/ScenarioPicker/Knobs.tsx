// Knobs that rerun the scenario at once: one-way delay, seed, and the scenario's own params.
// A param on /network/delayMs or /seed is already covered by the delay and seed knobs.

import { useId, useState } from 'react';
import { DELAY_PRESETS, getPointer, type ScenarioParam } from '../../playback/index.ts';
import { useActions, usePlayback } from '../hooks/usePlayback.ts';

const COVERED = new Set(['/network/delayMs', '/seed']);

export function Knobs() {
  const a = useActions();
  const loaded = usePlayback((s) => s.loaded);
  const id = useId();
  if (!loaded) return null;
  const { base, knobs, scenario } = loaded;
  const delay = scenario.network?.delayMs ?? 0;
  const seed = knobs.seed ?? base.seed ?? 1;
  // A scenario whose story needs a bounded delay says so with a param on /network/delayMs.
  const bound = Object.values(base.params ?? {}).find((p) => p.path === '/network/delayMs');
  const allowed = DELAY_PRESETS.filter((p) => (bound?.min === undefined || p.ms >= bound.min) && (bound?.max === undefined || p.ms <= bound.max));
  const presets = allowed.some((p) => p.ms === delay) ? allowed : [...allowed, { ms: delay, label: `${delay} ms (this scenario)` }].sort((x, y) => x.ms - y.ms);
  const params = Object.entries(base.params ?? {}).filter(([, p]) => !COVERED.has(p.path));

  return (
    <div className="knobs">
      <label className="knob" htmlFor={`${id}-delay`}>
        <span>One-way delay</span>
        <select id={`${id}-delay`} value={delay} onChange={(e) => a.setKnobs({ delayMs: Number(e.target.value) })}>
          {presets.map((p) => (
            <option key={p.ms} value={p.ms}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <SeedKnob seed={seed} onSeed={(s) => a.setKnobs({ seed: s })} />
      {params.map(([name, p]) => (
        <ParamKnob key={`${base.id}/${name}`} param={p} value={knobs.params[name] ?? (getPointer(base, p.path) as number | string | undefined)} onChange={(v) => a.setKnobs({ params: { [name]: v } })} />
      ))}
    </div>
  );
}

function SeedKnob({ seed, onSeed }: { seed: number; onSeed: (s: number) => void }) {
  const id = useId();
  const [text, setText] = useState(String(seed));
  const [shown, setShown] = useState(seed);
  if (shown !== seed) {
    setShown(seed);
    setText(String(seed));
  }
  const valid = /^\d{1,10}$/.test(text) && Number(text) <= 0xffffffff;
  const commit = (): void => {
    if (valid && Number(text) !== seed) onSeed(Number(text));
  };
  return (
    <div className="knob">
      <label htmlFor={`${id}-seed`}>Seed</label>
      <span className="knob-inline">
        <input
          id={`${id}-seed`}
          inputMode="numeric"
          value={text}
          aria-invalid={!valid}
          aria-describedby={`${id}-seed-help`}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
          size={10}
        />
        <button type="button" className="btn btn-small" onClick={() => onSeed(Math.floor(Math.random() * 1_000_000))}>
          New seed
        </button>
      </span>
      <small id={`${id}-seed-help`} className={valid ? 'knob-help' : 'knob-help knob-error'}>
        {valid ? 'Changes ports, initial sequence numbers and random loss.' : 'A whole number from 0 to 4294967295.'}
      </small>
    </div>
  );
}

function ParamKnob({ param, value, onChange }: { param: ScenarioParam; value: number | string | undefined; onChange: (v: number | string) => void }) {
  const id = useId();
  if (param.options) {
    return (
      <label className="knob" htmlFor={id}>
        <span>{param.label}</span>
        <select id={id} value={String(value ?? param.options[0])} onChange={(e) => onChange(typeof param.options![0] === 'number' ? Number(e.target.value) : e.target.value)}>
          {param.options.map((o) => (
            <option key={String(o)} value={String(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  const num = typeof value === 'number' ? value : Number(value ?? param.min ?? 0);
  return (
    <label className="knob" htmlFor={id}>
      <span>
        {param.label}: <output>{num}</output>
      </span>
      <input id={id} type="range" min={param.min} max={param.max} step={param.step ?? 'any'} value={num} onChange={(e) => onChange(Number(e.target.value))} />
    </label>
  );
}

/** "(one-way delay 5 ms, seed 1)": what the run uses now, visible while the settings are folded away. */
export function KnobSummary() {
  const loaded = usePlayback((s) => s.loaded);
  if (!loaded) return null;
  const delay = loaded.scenario.network?.delayMs ?? 0;
  const seed = loaded.knobs.seed ?? loaded.base.seed ?? 1;
  const changed = loaded.knobs.delayMs !== null || loaded.knobs.seed !== null || Object.keys(loaded.knobs.params).length > 0;
  return (
    <span className="muted">
      (one-way delay {delay} ms, seed {seed}
      {changed ? ', changed' : ''})
    </span>
  );
}
