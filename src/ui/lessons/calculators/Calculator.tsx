// A calculator form: fields with the course's numbers to start from, results that follow every keystroke, and
// the formula with the numbers in, as the lessons' calculators write it.

import { useId, useState } from 'react';
import type { Facts } from '../../../lessons/index.ts';
import type { CalcDef } from './calcs.ts';
import { NumberField, readField } from './NumberField.tsx';

export function Calculator({ def, facts }: { def: CalcDef; facts: Facts }) {
  const id = useId();
  const start = (): Record<string, string> => Object.fromEntries(def.fields.map((f) => [f.key, String(f.start(facts))]));
  const [raw, setRaw] = useState(start);
  const read = def.fields.map((f) => [f.key, readField(f, raw[f.key] ?? '')] as const);
  const bad = read.filter(([, r]) => !r.ok).length;
  const values = Object.fromEntries(read.map(([k, r]) => [k, r.ok ? r.value : Number.NaN]));
  const results = bad === 0 ? def.compute(values) : [];
  return (
    <section className="calc" aria-labelledby={`${id}-h`} data-calc={def.id}>
      <p className="try-kicker">Calculator</p>
      <h3 id={`${id}-h`} className="calc-title">
        {def.title}
      </h3>
      <p className="calc-intro">{def.intro}</p>
      <p className="calc-formula">
        <code>{def.formula}</code>
      </p>
      {def.presets && (
        <div className="calc-presets" role="group" aria-label="Start from">
          {def.presets.map((p) => (
            <button key={p.label} type="button" className="btn btn-small" onClick={() => setRaw(Object.fromEntries(Object.entries(p.values(facts)).map(([k, v]) => [k, String(v)])))}>
              {p.label}
            </button>
          ))}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setRaw(start())}>
            Reset
          </button>
        </div>
      )}
      <div className="calc-fields">
        {def.fields.map((f) => (
          <NumberField key={f.key} spec={f} value={raw[f.key] ?? ''} onChange={(v) => setRaw((r) => ({ ...r, [f.key]: v }))} />
        ))}
      </div>
      <output className="calc-results" aria-live="polite">
        {bad > 0 ? (
          <span className="muted">Fix the field{bad > 1 ? 's' : ''} above to see the result.</span>
        ) : (
          <dl>
            {results.map((r) => (
              <div key={r.label} className="calc-row">
                <dt>{r.label}</dt>
                <dd>
                  <strong className="calc-value">{r.value}</strong>
                  <code className="calc-working">{r.working}</code>
                </dd>
              </div>
            ))}
          </dl>
        )}
      </output>
    </section>
  );
}
