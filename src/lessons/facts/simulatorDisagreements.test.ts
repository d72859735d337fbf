// Places where the simulator once disagreed with Linux while these lessons were written. They were reported to the
// simulator's owner rather than worked around in the lessons, and each test states what Linux does, so a regression
// shows up here as well as in the lesson that relies on it.

import { describe, expect, it } from 'vitest';
import { builtinScenarios, runScenario, SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { computeFacts } from './computeFacts.ts';

/** Source ports that connect() picked outside the host's ip_local_port_range (hosts that bind() are skipped). */
function portsOutsideRange(id: string): string[] {
  const sc = builtinScenarios.find((s) => s.id === id)!;
  const tl = runScenario(sc);
  const bad: string[] = [];
  for (const e of tl.events) {
    if (e.type !== 'state' || e.from !== 'CLOSED' || e.to !== 'SYN-SENT') continue;
    if (sc.steps.some((s) => s.host === e.host && s.call === 'bind')) continue;
    const port = Number(e.socket.split('>')[0]!.split(':')[1]);
    const range = String(sc.hosts[e.host]?.sysctl?.['net.ipv4.ip_local_port_range'] ?? SYSCTL_DEFAULTS['net.ipv4.ip_local_port_range']);
    const [lo, hi] = range.trim().split(/\s+/).map(Number);
    if (port < lo! || port > hi!) bad.push(`${e.host}:${port}`);
  }
  return bad;
}

describe('ephemeral ports stay inside ip_local_port_range', () => {
  for (const sc of builtinScenarios) {
    if (sc.id === 'many-clients-one-port') continue;
    it(sc.id, () => expect(portsOutsideRange(sc.id)).toEqual([]));
  }
  // Was: client2 (10.0.0.3) got port 8508, because `(hash + perturb) & ~1` is a signed 32-bit value that can be
  // negative, and `portLow + (negative % span)` then falls below the range.
  it('many-clients-one-port (once gave client2 port 8508)', () => {
    expect(portsOutsideRange('many-clients-one-port')).toEqual([]);
  });
});

describe('ephemeral port exhaustion', () => {
  // Was: only even ports were scanned, so a four-port range ran out after two connections. Linux's
  // __inet_hash_connect scans one parity, then the other.
  it('every port of the range is used before connect() fails EADDRNOTAVAIL', () => {
    const { facts } = computeFacts();
    expect(facts.exhaustConnected?.value).toBe(facts.exhaustPorts?.value);
  });
});
