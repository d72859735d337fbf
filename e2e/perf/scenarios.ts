// Scenarios for the frame-rate measurements: many segments in flight at once, which no built-in has.

import { loadRun, NO_KNOBS, validateScenario, type Scenario } from '../../src/playback/index.ts';
import { ladderGeometry, yOf } from '../../src/ui/Ladder/ladderGeometry.ts';

/**
 * 400 SYNs from forged addresses within 20 ms, to a server 150 ms away: every one is still on the wire when the
 * last leaves, so the ladder has 400 arrows (and dots) in flight at once — and the SYN-ACKs to nowhere after.
 */
export const synflood400: Scenario = {
  version: 1,
  id: 'perf-synflood-400',
  title: 'Perf: 400 SYNs in flight',
  description: 'A SYN flood of 400 forged SYNs, 0.05 ms apart, against a server 150 ms away: all 400 are in flight at once.',
  network: { delayMs: 150 },
  hosts: {
    attacker: { ip: '10.0.0.66' },
    server: { ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_max_syn_backlog': 4096, 'net.ipv4.tcp_syncookies': 0 } },
  },
  steps: [
    { host: 'server', call: 'socket', as: 'l' },
    { host: 'server', call: 'bind', fd: 'l', port: 80 },
    { host: 'server', call: 'listen', fd: 'l', backlog: 4096 },
    { host: 'attacker', at: 10, call: 'synflood', addr: 'server:80', count: 400, intervalMs: 0.05 },
  ],
};

/** The step at which the most segments are in flight on the ladder (sent above "now", arriving below it). */
export function peakInFlight(scenario: Scenario, width = 700): { step: number; inFlight: number; steps: number } {
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error(`invalid perf scenario: ${JSON.stringify(v.errors)}`);
  const r = loadRun(v.scenario, NO_KNOBS);
  if (!r.ok) throw new Error(r.message);
  const l = r.loaded;
  const geo = ladderGeometry(l, width);
  let best = { step: 0, inFlight: 0, steps: l.steps.length };
  for (let k = 0; k < l.steps.length; k++) {
    const y = yOf(l.schedule.start[k]!);
    let n = 0;
    for (const a of geo.arrows) if (a.y1 < y && y < a.y2) n++;
    if (n > best.inFlight) best = { step: k, inFlight: n, steps: l.steps.length };
  }
  return best;
}
