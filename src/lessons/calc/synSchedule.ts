// When Linux resends an unanswered SYN and when connect() gives up (tcp_write_timeout, retransmits_timed_out).
// Since Linux 6.5 the first tcp_syn_linear_timeouts retransmissions keep the initial RTO; after that each wait
// doubles. There are linear + tcp_syn_retries retransmissions, and the call fails one more wait after the last.
// Older kernels are the case linear = 0.

import { fmt } from './format.ts';

export interface SynScheduleInput {
  initialRtoS: number;
  linear: number;
  retries: number;
}

export interface SynSchedule {
  /** Each wait, in seconds: before the 1st retransmission, …, and after the last one until ETIMEDOUT. */
  waits: number[];
  /** Send times of the retransmissions, seconds after the first SYN. */
  sendTimes: number[];
  /** When connect() fails with ETIMEDOUT, seconds after the first SYN. */
  failAt: number;
  working: string;
}

export function synSchedule({ initialRtoS, linear, retries }: SynScheduleInput): SynSchedule {
  const total = linear + retries;
  const waits = Array.from({ length: total + 1 }, (_, i) => (i <= linear ? initialRtoS : initialRtoS * 2 ** (i - linear)));
  const sendTimes: number[] = [];
  let t = 0;
  for (const w of waits) {
    t += w;
    sendTimes.push(t);
  }
  const failAt = sendTimes.pop() ?? 0;
  return { waits, sendTimes, failAt, working: waits.map(fmt).join(' + ') };
}
