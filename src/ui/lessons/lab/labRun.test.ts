import { describe, expect, it } from 'vitest';
import { builtinCatalog, parseLink } from '../../../playback/index.ts';
import { computeFacts, course, flagsOf, resolveLesson, type ResolvedBlock } from '../../../lessons/index.ts';
import { describeChange, hasChange, knobsOf, labLink, openLab, panelsOf, segmentStep } from './labRun.ts';

const resolved = course.map((l) => resolveLesson(l, computeFacts().facts));
const blocks = resolved.flatMap((l) => l.sections.flatMap((s) => s.blocks));
const labRefs = blocks.flatMap((b) => ('lab' in b ? [b.lab] : []));

describe('labRun', () => {
  it('every lab reference in the course opens in a playback store', () => {
    expect(labRefs.length).toBeGreaterThan(20);
    for (const lab of labRefs) {
      const r = openLab(lab.scenario, knobsOf(lab));
      expect(r.ok, `${lab.scenario} ${JSON.stringify(lab.params ?? {})}`).toBe(true);
    }
  });

  it('predict questions name a segment the lab shows at a step of its own, with the flags the key expects', () => {
    const predicts = blocks.filter((b): b is Extract<ResolvedBlock, { kind: 'predict' }> => b.kind === 'predict');
    expect(predicts.length).toBeGreaterThan(5);
    for (const b of predicts) {
      const r = openLab(b.lab.scenario, knobsOf(b.lab));
      if (!r.ok) throw new Error(r.error);
      const loaded = r.store.getState().loaded!;
      const k = segmentStep(loaded, b.question.segmentId);
      expect(k, b.id).not.toBeNull();
      expect(k!).toBeGreaterThan(0);
      const seg = loaded.timeline.events.slice(loaded.steps[k!]!.first, loaded.steps[k!]!.last + 1).find((e) => e.type === 'segment' && e.id === b.question.segmentId);
      expect(seg && seg.type === 'segment' ? flagsOf(seg.flags) : null, b.id).toEqual(b.question.answer.flags);
      // Nothing of it is visible one step earlier.
      const before = loaded.timeline.events.slice(0, loaded.steps[k! - 1]!.last + 1);
      expect(before.some((e) => e.type === 'segment' && e.id === b.question.segmentId)).toBe(false);
    }
  });

  it('labLink opens the same run in the lab', () => {
    const link = labLink({ scenario: 'syn-flood-cookies', views: ['ladder'], params: { syncookies: 0 }, seed: 7 });
    expect(parseLink(link)).toMatchObject({ scenario: 'syn-flood-cookies', step: 0, seed: 7, params: { syncookies: '0' } });
  });

  it('describes a try-this change with the scenario’s own label and value', () => {
    const base = builtinCatalog.find('syn-flood-cookies')!;
    const [c] = describeChange(base, { params: { syncookies: 0 } });
    expect(c!.to).toBe('0');
    expect(c!.from).toBe('1');
    expect(c!.label.length).toBeGreaterThan(3);
    expect(describeChange(base, { delayMs: 75, seed: 3 }).map((x) => x.label)).toEqual(['One-way delay', 'Seed']);
    expect(hasChange({})).toBe(false);
    expect(hasChange({ params: {} })).toBe(false);
    expect(hasChange({ seed: 2 })).toBe(true);
  });

  it('a missing scenario is an error, not a throw', () => {
    expect(openLab('no-such', knobsOf({}))).toMatchObject({ ok: false });
  });

  it('panels: narration apart, timers as ss, no duplicates', () => {
    expect(panelsOf(['ladder', 'narration', 'timers', 'ss', 'calls'])).toEqual(['ladder', 'ss', 'calls']);
  });
});
