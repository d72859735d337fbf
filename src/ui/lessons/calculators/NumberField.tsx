// A number input for the calculators: typed as text (so "1,000" works), checked against its bounds, with the
// problem said next to it.

import { useId } from 'react';
import { parseNumberInput } from '../questions/parseNumber.ts';

export interface FieldSpec {
  label: string;
  unit?: string;
  min: number;
  max: number;
  integer?: boolean;
}

/** The value of a field's text, or why it is not usable. */
export function readField(spec: FieldSpec, raw: string): { ok: true; value: number } | { ok: false; error: string } {
  const n = parseNumberInput(raw);
  if (n === null) return { ok: false, error: raw.trim() === '' ? 'Enter a number.' : 'Not a number.' };
  if (spec.integer && !Number.isInteger(n)) return { ok: false, error: 'Use a whole number.' };
  if (n < spec.min || n > spec.max) return { ok: false, error: `Between ${spec.min.toLocaleString('en')} and ${spec.max.toLocaleString('en')}.` };
  return { ok: true, value: n };
}

export function NumberField({ spec, value, onChange }: { spec: FieldSpec; value: string; onChange(v: string): void }) {
  const id = useId();
  const r = readField(spec, value);
  return (
    <div className="calc-field">
      <label htmlFor={id}>{spec.label}</label>
      <div className="numeric-row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={r.ok ? undefined : true}
          aria-describedby={r.ok ? undefined : `${id}-e`}
        />
        {spec.unit && <span className="unit">{spec.unit}</span>}
      </div>
      {!r.ok && (
        <small id={`${id}-e`} className="q-error">
          {r.error}
        </small>
      )}
    </div>
  );
}
