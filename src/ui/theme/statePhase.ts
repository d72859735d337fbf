// States grouped by phase of the connection's life. Each phase has a color (Okabe–Ito, safe for the common
// color-vision deficiencies) and a mark shape in CSS, so no state is told apart by color alone.

import type { TcpState } from '../../playback/index.ts';

export type Phase = 'closed' | 'listen' | 'opening' | 'open' | 'closing' | 'waiting';

const PHASES: Record<TcpState, Phase> = {
  CLOSED: 'closed',
  LISTEN: 'listen',
  'SYN-SENT': 'opening',
  'SYN-RECEIVED': 'opening',
  ESTABLISHED: 'open',
  'FIN-WAIT-1': 'closing',
  'FIN-WAIT-2': 'closing',
  CLOSING: 'closing',
  'CLOSE-WAIT': 'waiting',
  'LAST-ACK': 'waiting',
  'TIME-WAIT': 'waiting',
};

export function statePhase(s: TcpState): Phase {
  return PHASES[s];
}

export type SegmentKind = 'syn' | 'fin' | 'rst' | 'data' | 'ack';

/** RST wins over everything, then SYN, then FIN, then data; a bare ACK last. */
export function segmentKind(flags: string, len: number): SegmentKind {
  if (flags.includes('R')) return 'rst';
  if (flags.includes('S')) return 'syn';
  if (flags.includes('F')) return 'fin';
  if (len > 0) return 'data';
  return 'ack';
}
