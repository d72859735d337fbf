import { describe, expect, it } from 'vitest';
import { computeFacts } from '../../../lessons/index.ts';
import { backlogCalc, CALC_PLACES, coldStartCalc, keepaliveCalc, poolSizeCalc, type CalcDef } from './calcs.ts';
import { readField } from './NumberField.tsx';

const facts = computeFacts().facts;
const startValues = (d: CalcDef): Record<string, number> => Object.fromEntries(d.fields.map((f) => [f.key, f.start(facts)]));
const run = (d: CalcDef, over: Record<string, number> = {}) => d.compute({ ...startValues(d), ...over });

describe('calculators start from the lesson’s worked examples and agree with them', () => {
  it('pool size', () => {
    const [, pool] = run(poolSizeCalc);
    expect(pool!.working).toBe(facts.poolMaxLesson!.source.kind === 'formula' ? facts.poolMaxLesson!.source.working : '');
  });
  it('keepalive, with both presets', () => {
    expect(run(keepaliveCalc)[0]!.working).toBe((facts.kaProdFormulaS!.source as { working: string }).working);
    const linux = keepaliveCalc.presets![1]!.values(facts);
    expect(run(keepaliveCalc, linux)[0]!.working).toBe((facts.kaLinuxFormulaS!.source as { working: string }).working);
    expect(run(keepaliveCalc, linux)[0]!.value).toMatch(/hours/);
  });
  it('cold start', () => {
    const r = run(coldStartCalc);
    expect(r.map((x) => x.working)).toEqual(
      ['setupMs', 'coldCallMs', 'warmCallMs', 'noReuseS', 'reuseS', 'reuseSpeedup'].map((id) => (facts[id]!.source as { working: string }).working),
    );
  });
  it('backlog, clamped by an old somaxconn', () => {
    expect(run(backlogCalc)[1]!.working).toBe((facts.backlogWanted!.source as { working: string }).working);
    const old = run(backlogCalc, { somaxconn: 128 });
    expect(old[1]!.working).toBe((facts.backlogOldClamp!.source as { working: string }).working);
    expect(old[1]!.value).toMatch(/capped/);
  });
  it('a zero call time does not print a speed-up of infinity', () => {
    expect(run(coldStartCalc, { call: 0, rtt: 0 }).some((r) => /Infinity|NaN/.test(r.value))).toBe(false);
  });
  it('every place names a section that exists', async () => {
    const { findLesson } = await import('../../../lessons/index.ts');
    for (const p of CALC_PLACES) expect(findLesson(p.lesson)?.sections.some((s) => s.id === p.section), `${p.lesson}/${p.section}`).toBe(true);
  });
});

describe('readField', () => {
  const spec = { label: 'n', min: 1, max: 10, integer: true };
  it('checks numbers, bounds and whole numbers', () => {
    expect(readField(spec, '3')).toEqual({ ok: true, value: 3 });
    expect(readField(spec, '')).toEqual({ ok: false, error: 'Enter a number.' });
    expect(readField(spec, 'x')).toEqual({ ok: false, error: 'Not a number.' });
    expect(readField(spec, '2.5')).toEqual({ ok: false, error: 'Use a whole number.' });
    expect(readField(spec, '11')).toEqual({ ok: false, error: 'Between 1 and 10.' });
  });
});
