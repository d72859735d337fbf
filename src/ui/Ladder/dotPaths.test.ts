import { describe, expect, test } from 'vitest';
import { builtinCatalog, loadRun, NO_KNOBS } from '../../playback/index.ts';
import { DOT_R, dotPaths } from './dotPaths.ts';
import { ladderGeometry, type LadderArrow } from './ladderGeometry.ts';

const arrow = (x1: number, y1: number, x2: number, y2: number, kind: LadderArrow['kind']): LadderArrow =>
  ({ key: `${x1}/${y1}`, seg: {} as LadderArrow['seg'], x1, y1, x2, y2, kind, lost: false, retransmit: false, dup: false, nowhere: false }) as LadderArrow;

/** The centres of the circles in a path ("M x 0 a…" per circle). */
const centres = (d: string): number[] => [...d.matchAll(/M(-?[\d.]+) 0/g)].map((m) => Number(m[1]) + DOT_R);

describe('dots in flight', () => {
  test('one dot per arrow strictly between its ends, where the arrow crosses now, grouped by kind', () => {
    const arrows = [arrow(100, 0, 500, 100, 'syn'), arrow(500, 20, 100, 60, 'ack'), arrow(100, 50, 500, 150, 'syn'), arrow(100, 100, 500, 200, 'data')];
    const { d, count } = dotPaths(arrows, 50);
    expect(count).toBe(2);
    expect(centres(d.syn)).toEqual([300]);
    expect(centres(d.ack)).toEqual([200]);
    expect(d.data).toBe('');
    expect(dotPaths(arrows, 100).count).toBe(1); // the first has just arrived, the last has not left
  });

  test('as many dots as segments in flight in a real run', () => {
    const r = loadRun(builtinCatalog.find('lost-data-retransmit')!, NO_KNOBS);
    if (!r.ok) throw new Error(r.message);
    const g = ladderGeometry(r.loaded, 800);
    for (const a of g.arrows) {
      const y = (a.y1 + a.y2) / 2;
      const { d, count } = dotPaths(g.arrows, y);
      const expected = g.arrows.filter((b) => y > b.y1 && y < b.y2).length;
      expect(count).toBe(expected);
      expect(Object.values(d).reduce((n, s) => n + centres(s).length, 0)).toBe(expected);
    }
  });
});
