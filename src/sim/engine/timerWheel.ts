// When a kernel timer really fires. Linux keeps TCP timers (retransmit, delayed ACK, keepalive, zero-window
// probe, TIME-WAIT, SYN-ACK) in the timer wheel (kernel/time/timer.c), which never fires early but rounds the
// expiry up to its level's granularity: 1 jiffy below 63 jiffies, 8 below 504, 64 below 4032, 512 below
// 32256, 4096 below 258048, … So a 1 s RTO fires 1.001–1.064 s later and a 60 s TIME-WAIT lasts 60–64 s —
// the slack seen in every kernel recording. Timers in one bucket run newest first (hlist_add_head).
// HZ is 250 (CONFIG_HZ_250, Debian's default): a jiffy is 4 ms, so a 1 s RTO (250 jiffies) lands in level 1
// with 32 ms slots, 2–16 s timers in 256 ms slots and 16 s and more in 2.048 s slots — exactly the lateness
// measured in conformance/fixtures (SYNs at 1.01–1.03 s, ETIMEDOUT at 133.4–133.9 s instead of 131 s).

import { JIFFY_US } from '../tcp/constants.ts';
const LVL_CLK_SHIFT = 3;
const LVL_START = (n: number): number => 63 << ((n - 1) * LVL_CLK_SHIFT);

/**
 * The simulated time (µs) at which a timer armed at `now` for `due` fires. `phase` is the jiffies counter at
 * time 0 (the machine's uptime, drawn from the seed), which decides where the bucket boundaries fall.
 */
export function wheelFireTime(now: number, due: number, phase: number): number {
  // expires = jiffies + the timeout in whole jiffies (rounded up, like usecs_to_jiffies); where in the current
  // jiffy "now" falls does not matter, so a timeout of 0 fires at the next tick, 0–4 ms later.
  const jNow = Math.floor(now / JIFFY_US) + phase;
  const jExp = jNow + Math.max(0, Math.ceil((due - now) / JIFFY_US));
  const delta = jExp - jNow;
  let lvl = 0;
  while (lvl < 8 && delta >= LVL_START(lvl + 1)) lvl++;
  const gran = 1 << (lvl * LVL_CLK_SHIFT);
  // calc_index(): round up to the next boundary of the level, strictly after the expiry.
  const bucket = (Math.floor(jExp / gran) + 1) * gran;
  return (bucket - phase) * JIFFY_US;
}
