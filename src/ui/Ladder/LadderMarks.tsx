// What happens on a host's line: state changes as labelled pills, blocked calls as bars beside the line.

import { memo } from 'react';
import { statePhase } from '../theme/statePhase.ts';
import { roomy, type LadderGeometry } from './ladderGeometry.ts';

/** Short names where the lanes are close together (RFC 793's own abbreviations). */
const SHORT: Record<string, string> = { 'SYN-RECEIVED': 'SYN-RCVD', ESTABLISHED: 'ESTAB' };

export const LadderMarks = memo(function LadderMarks({ geo, top, height }: { geo: LadderGeometry; top: number; height: number }) {
  const narrow = !roomy(geo.width);
  const lo = top - 200;
  const hi = top + height + 200;
  return (
    <g>
      {geo.blocks
        .filter((b) => b.y2 >= lo && b.y1 <= hi)
        .map((b) => (
          <g key={b.key} className={`block${b.open ? ' block-open' : ''}`}>
            <rect x={b.x - 3} y={b.y1} width={6} height={Math.max(6, b.y2 - b.y1)} rx={3} />
            <text x={b.x + b.side * 8} y={b.y1 + 12} textAnchor={b.side > 0 ? 'start' : 'end'}>
              {b.call}() waits
            </text>
          </g>
        ))}
      {geo.marks
        .filter((m) => m.y >= lo && m.y <= hi)
        .map((m) => {
          const label = narrow ? (SHORT[m.state] ?? m.state) : m.state;
          const w = label.length * 6.6 + 14;
          // Beside the line when there is room; on it, just below the arrowheads, when there is not.
          const dx = m.side === 0 ? 0 : m.side * (w / 2 + 8);
          const dy = m.side === 0 ? 13 : 0;
          const cx = Math.min(geo.width - w / 2 - 2, Math.max(w / 2 + 2, m.x + dx));
          return (
            <g key={m.key} className={`mark mark-${statePhase(m.state)}`} transform={`translate(${cx} ${m.y + dy})`}>
              <title>{m.state}</title>
              <rect x={-w / 2} y={-9} width={w} height={18} rx={9} />
              <text x={0} y={4} textAnchor="middle">
                {label}
              </text>
            </g>
          );
        })}
    </g>
  );
});
