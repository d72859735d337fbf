// A TCP state as a labelled badge: its color groups the phase, its shape tells it apart without color.

import type { TcpState } from '../../playback/index.ts';
import { statePhase } from '../theme/statePhase.ts';

export function StateBadge({ state, label }: { state: TcpState; label?: string }) {
  const phase = statePhase(state);
  return (
    <span className={`badge badge-${phase}`} title={state} data-state={state}>
      <span className="badge-mark" aria-hidden="true" />
      {label ?? state}
    </span>
  );
}
