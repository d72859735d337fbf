import { describe, expect, test } from 'vitest';
import { builtinCatalog, loadRun, NO_KNOBS } from '../../playback/index.ts';
import { ladderGeometry, visibleArrows } from './ladderGeometry.ts';

const builtinScenarios = builtinCatalog.scenarios;
const findBuiltin = builtinCatalog.find;

function geo(id: string, width = 800) {
  const r = loadRun(findBuiltin(id)!, NO_KNOBS);
  if (!r.ok) throw new Error(r.message);
  return { g: ladderGeometry(r.loaded, width), l: r.loaded };
}

describe('ladder geometry', () => {
  test('one arrow per delivery, going down from sender to receiver', () => {
    const { g, l } = geo('handshake');
    const segs = l.timeline.events.filter((e) => e.type === 'segment');
    expect(g.arrows).toHaveLength(segs.length);
    const x = new Map(g.lanes.map((ln) => [ln.host, ln.x]));
    for (const a of g.arrows) {
      expect(a.y2).toBeGreaterThan(a.y1);
      expect(a.x1).toBe(x.get(a.seg.srcHost));
      if (!a.lost) expect(a.x2).toBe(x.get(a.seg.dstHost!));
    }
    for (let i = 1; i < g.arrows.length; i++) expect(g.arrows[i]!.y1).toBeGreaterThanOrEqual(g.arrows[i - 1]!.y1);
  });

  test('a lost segment stops halfway and is marked', () => {
    const { g } = geo('lost-synack');
    const lost = g.arrows.filter((a) => a.lost);
    expect(lost.length).toBeGreaterThan(0);
    expect(lost[0]!.seg.flags).toBe('S.');
    expect(g.arrows.some((a) => a.retransmit)).toBe(true);
  });

  test('a blocked call is a bar on its host line; TIME-WAIT is a compressed gap', () => {
    const { g } = geo('client-closes-first');
    expect(g.blocks.some((b) => b.call === 'accept')).toBe(true);
    // 60 s of TIME-WAIT, plus the timer wheel's slack (up to 2 s at HZ 250).
    expect(g.gaps.some((gap) => /6[0-2](\.\d+)? s idle/.test(gap.text))).toBe(true);
    expect(g.marks.some((m) => m.state === 'TIME-WAIT')).toBe(true);
  });

  test('visibleArrows returns exactly the arrows meeting the window', () => {
    const { g } = geo('time-wait-pileup');
    const top = g.height / 3;
    const bottom = top + 500;
    const want = g.arrows.filter((a) => Math.max(a.y1, a.y2) >= top && a.y1 <= bottom);
    expect(visibleArrows(g.arrows, top, bottom, g.maxSpan)).toEqual(want);
  });

  test.each(builtinScenarios.map((s) => [s.id] as const))('%s: geometry stays inside the drawing, even on a phone', (id) => {
    const { g } = geo(id, 330);
    for (const a of g.arrows) {
      for (const v of [a.x1, a.x2, a.y1, a.y2]) expect(Number.isFinite(v)).toBe(true);
      expect(Math.min(a.x1, a.x2)).toBeGreaterThanOrEqual(0);
      expect(Math.max(a.x1, a.x2)).toBeLessThanOrEqual(330);
      expect(a.y2).toBeLessThanOrEqual(g.height);
    }
  });
});
