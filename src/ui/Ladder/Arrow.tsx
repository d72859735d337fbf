// One segment: a sloped line with its label. Memoized, so it renders once per (arrow, label, selection).

import { memo } from 'react';
import { segmentLabel, type SeqNumbers } from '../../playback/index.ts';
import type { LadderArrow } from './ladderGeometry.ts';

interface Props {
  arrow: LadderArrow;
  rel: SeqNumbers | null;
  selected: boolean;
  onSelect: (id: number) => void;
}

export const Arrow = memo(function Arrow({ arrow: a, rel, selected, onSelect }: Props) {
  const label = `${a.retransmit ? '↻ ' : ''}${a.dup ? 'dup ' : ''}${segmentLabel(a.seg, rel)}`;
  const mx = (a.x1 + a.x2) / 2;
  const my = (a.y1 + a.y2) / 2;
  const cls = `arrow arrow-${a.kind}${a.lost ? ' arrow-lost' : ''}${a.retransmit ? ' arrow-rtx' : ''}${a.dup ? ' arrow-dup' : ''}${selected ? ' arrow-selected' : ''}`;
  return (
    <g className={cls} onClick={() => onSelect(a.seg.id)} data-seg={a.seg.id}>
      <title>{`${label}${a.lost ? ` — lost (${a.seg.faultNote ?? 'dropped'})` : ''}${a.seg.why ? ` — ${a.seg.why}` : ''}`}</title>
      <line className="arrow-hit" x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} />
      <line className="arrow-line" x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} markerEnd={a.lost ? undefined : `url(#head-${a.kind})`} />
      {a.lost && (
        <g className="lost-mark" transform={`translate(${a.x2} ${a.y2})`}>
          <path d="M-6 -6L6 6M6 -6L-6 6" />
          <text x={0} y={18} textAnchor="middle">
            lost
          </text>
        </g>
      )}
      <text className="arrow-label" x={mx} y={my - 5} textAnchor="middle">
        {label}
      </text>
    </g>
  );
});
