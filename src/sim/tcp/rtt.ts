// RTO estimation: RFC 6298 as Linux implements it (tcp_rtt_estimator, __tcp_set_rto): the variance term never
// drops below TCP_RTO_MIN, so RTO = SRTT + max(4·RTTVAR, 200 ms) — 250 ms on a 50 ms path, not 150 ms.

import type { Tcb } from './tcb.ts';
import { TCP_RTO_MAX, TCP_RTO_MIN } from './constants.ts';

export function rttSample(t: Tcb, m: number): void {
  const sample = Math.max(1, m);
  if (t.minRtt === 0 || sample < t.minRtt) t.minRtt = sample; // tcp_update_rtt_min
  if (t.srtt === 0) {
    t.srtt = sample;
    t.rttvar = sample / 2; // RFC 6298 §2.2
  } else {
    const err = sample - t.srtt;
    t.rttvar = 0.75 * t.rttvar + 0.25 * Math.abs(err);
    t.srtt = t.srtt + err / 8;
  }
  t.rto = baseRto(t);
}

/** RTO without backoff: what an ACK of new data restores after retransmissions (Linux icsk_backoff = 0). */
export function baseRto(t: Tcb): number {
  return Math.min(TCP_RTO_MAX, Math.round(t.srtt + Math.max(4 * t.rttvar, TCP_RTO_MIN)));
}

/**
 * How long retransmissions go on before ETIMEDOUT: Linux's retransmits_timed_out() turns a retry count into a
 * time (tcp_model_timeout), as if RTO started at `rtoBase` and doubled up to 120 s. Data: tcp_retries2 from
 * 200 ms (15 → 924.6 s). SYNs: tcp_syn_retries from 1 s (6 → 127 s, 2 → 7 s), checked besides the count.
 */
export function retriesTimeout(boundary: number, rtoBase: number = TCP_RTO_MIN): number {
  const linearBackoffThresh = Math.floor(Math.log2(TCP_RTO_MAX / rtoBase)); // ilog2(TCP_RTO_MAX / rto_base)
  if (boundary <= linearBackoffThresh) return ((2 << boundary) - 1) * rtoBase;
  return ((2 << linearBackoffThresh) - 1) * rtoBase + (boundary - linearBackoffThresh) * TCP_RTO_MAX;
}
