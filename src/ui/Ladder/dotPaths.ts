// The dots riding the arrows in flight, as one SVG path per kind of segment: a frame of play rewrites five `d`
// attributes instead of hundreds of circles (each of which the browser would restyle and lay out again).

import type { SegmentKind } from '../theme/statePhase.ts';
import type { LadderArrow } from './ladderGeometry.ts';

export const DOT_KINDS: readonly SegmentKind[] = ['syn', 'data', 'ack', 'fin', 'rst'];
export const DOT_R = 4.5;

/** One circle as a subpath centred on (cx, 0): the dots' group is moved to the now line's y. */
function circle(cx: number): string {
  const x = Math.round((cx - DOT_R) * 10) / 10;
  return `M${x} 0a${DOT_R} ${DOT_R} 0 1 0 ${2 * DOT_R} 0a${DOT_R} ${DOT_R} 0 1 0 ${-2 * DOT_R} 0`;
}

/**
 * The dots at "now" = y: one per arrow strictly between its ends, at the x where the arrow crosses y.
 * Returns the path data per kind (empty string for none) and how many dots there are.
 */
export function dotPaths(arrows: readonly LadderArrow[], y: number): { d: Record<SegmentKind, string>; count: number } {
  const parts: Record<SegmentKind, string[]> = { syn: [], data: [], ack: [], fin: [], rst: [] };
  let count = 0;
  for (const a of arrows) {
    if (!(y > a.y1 && y < a.y2)) continue;
    const f = (y - a.y1) / (a.y2 - a.y1);
    (parts[a.kind] ?? parts.ack).push(circle(a.x1 + (a.x2 - a.x1) * f));
    count++;
  }
  return { d: { syn: parts.syn.join(''), data: parts.data.join(''), ack: parts.ack.join(''), fin: parts.fin.join(''), rst: parts.rst.join('') }, count };
}
