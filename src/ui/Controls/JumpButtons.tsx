// Jump to the previous/next step of a kind: a segment, a state change, a call.

import type { StepKind } from '../../playback/index.ts';
import { useActions } from '../hooks/usePlayback.ts';

const KINDS: { kind: StepKind; label: string }[] = [
  { kind: 'segment', label: 'segment' },
  { kind: 'state', label: 'state change' },
  { kind: 'call', label: 'call' },
];

export function JumpButtons() {
  const a = useActions();
  return (
    <div className="jumps" role="group" aria-label="Jump to">
      <span className="jumps-label">Jump to</span>
      {KINDS.map(({ kind, label }) => (
        <span key={kind} className="jump-pair">
          <button type="button" className="btn btn-small" onClick={() => a.jump(kind, -1)} aria-label={`Previous ${label}`}>
            ‹
          </button>
          <span className="jump-kind">{label}</span>
          <button type="button" className="btn btn-small" onClick={() => a.jump(kind, 1)} aria-label={`Next ${label}`}>
            ›
          </button>
        </span>
      ))}
    </div>
  );
}
