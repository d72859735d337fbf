// RTO estimation: RFC 6298 as Linux implements it (tcp_rtt_estimator, __tcp_set_rto): the variance term never
// drops below TCP_RTO_MIN, so RTO = SRTT + max(4·RTTVAR, 200 ms) — 250 ms on a 50 ms path, not 150 ms.

import type { Tcb } from './tcb.ts';
import { TCP_RTO_MAX, TCP_RTO_MIN } from './constants.ts';

export function rttSample(t: Tcb, m: number): void {
  const sample = Math.max(1, m);
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
 * How long data retransmissions go on before ETIMEDOUT: Linux's retransmits_timed_out() turns
 * net.ipv4.tcp_retries2 into a time, as if RTO started at 200 ms and doubled up to 120 s (15 → 924.6 s).
 */
export function retriesTimeout(boundary: number): number {
  const linearBackoffThresh = 9; // ilog2(TCP_RTO_MAX / TCP_RTO_MIN)
  if (boundary <= linearBackoffThresh) return ((2 << boundary) - 1) * TCP_RTO_MIN;
  return ((2 << linearBackoffThresh) - 1) * TCP_RTO_MIN + (boundary - linearBackoffThresh) * TCP_RTO_MAX;
}
