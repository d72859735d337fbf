// The four calculators as data: their fields (with the course's numbers as starting values) and a pure function
// from the field values to results, each with the working the lessons' calculators produce. The components only
// draw them; the numbers all come from src/lessons/calc.

import { backlogSize, coldStart, fmt, keepaliveDetection, littlesLaw, poolMax, sequentialCalls, type Facts } from '../../../lessons/index.ts';
import type { FieldSpec } from './NumberField.tsx';

export interface CalcResult {
  label: string;
  value: string;
  working: string;
}

export interface CalcDef {
  id: string;
  title: string;
  intro: string;
  formula: string;
  fields: (FieldSpec & { key: string; start: (f: Facts) => number })[];
  presets?: { label: string; values: (f: Facts) => Record<string, number> }[];
  compute(v: Record<string, number>): CalcResult[];
}

const num = (f: Facts, id: string, fallback: number): number => {
  const v = f[id]?.value;
  return typeof v === 'number' ? v : fallback;
};

const duration = (s: number): string => (s >= 7200 ? `about ${fmt(Math.round((s / 3600) * 10) / 10)} hours` : s >= 120 ? `about ${fmt(Math.round((s / 60) * 10) / 10)} minutes` : `${fmt(s)} seconds`);

export const poolSizeCalc: CalcDef = {
  id: 'pool-size',
  title: 'Pool size from rate × latency',
  intro: 'How many connections are busy at once at peak (Little’s law), rounded up, with headroom for bursts.',
  formula: 'pool = ceil(rate × latency) × headroom',
  fields: [
    { key: 'rate', label: 'Peak calls per second', unit: '/s', min: 0, max: 10_000_000, start: (f) => num(f, 'peakRps', 2000) },
    { key: 'latency', label: 'Time each call holds a connection', unit: 'ms', min: 0, max: 3_600_000, start: (f) => num(f, 'callMs', 50) },
    { key: 'headroom', label: 'Headroom', unit: '×', min: 1, max: 10, start: (f) => num(f, 'headroom', 1.25) },
  ],
  compute: (v) => {
    const l = littlesLaw(v.rate!, v.latency!);
    const p = poolMax(v.rate!, v.latency!, v.headroom!);
    return [
      { label: 'Busy at once on average', value: fmt(l.value), working: l.working },
      { label: 'Pool size', value: `${fmt(p.value)} connections`, working: p.working },
    ];
  },
};

export const keepaliveCalc: CalcDef = {
  id: 'keepalive',
  title: 'How long keepalive takes to notice a dead peer',
  intro: 'After the connection has been idle for KEEPIDLE, the kernel sends a probe every KEEPINTVL and gives up after KEEPCNT unanswered ones.',
  formula: 'detection = idle + interval × count',
  fields: [
    { key: 'idle', label: 'TCP_KEEPIDLE', unit: 's', min: 1, max: 32_767, integer: true, start: (f) => num(f, 'kaProdIdleS', 60) },
    { key: 'intvl', label: 'TCP_KEEPINTVL', unit: 's', min: 1, max: 32_767, integer: true, start: (f) => num(f, 'kaProdIntvlS', 10) },
    { key: 'cnt', label: 'TCP_KEEPCNT', unit: 'probes', min: 1, max: 127, integer: true, start: (f) => num(f, 'kaProdCnt', 3) },
  ],
  presets: [
    { label: 'Production values (the chapter)', values: (f) => ({ idle: num(f, 'kaProdIdleS', 60), intvl: num(f, 'kaProdIntvlS', 10), cnt: num(f, 'kaProdCnt', 3) }) },
    { label: 'Linux defaults', values: (f) => ({ idle: num(f, 'kaLinuxIdleS', 7200), intvl: num(f, 'kaLinuxIntvlS', 75), cnt: num(f, 'kaLinuxCnt', 9) }) },
  ],
  compute: (v) => {
    const r = keepaliveDetection({ idleS: v.idle!, intvlS: v.intvl!, cnt: v.cnt! });
    return [{ label: 'Dead peer noticed after', value: `${fmt(r.value)} s (${duration(r.value)})`, working: r.working }];
  },
};

export const coldStartCalc: CalcDef = {
  id: 'cold-start',
  title: 'Cold start against round-trip time',
  intro: 'A new connection pays its handshakes (TCP, then TLS 1.3: a round trip each) before the request; a reused one does not.',
  formula: 'cold call = setup round trips × RTT + call time',
  fields: [
    { key: 'rtt', label: 'Round-trip time', unit: 'ms', min: 0, max: 10_000, start: (f) => num(f, 'rttMs', 50) },
    { key: 'setup', label: 'Round trips of setup', unit: 'RTT', min: 0, max: 10, integer: true, start: (f) => num(f, 'tcpRtts', 1) + num(f, 'tls13Rtts', 1) },
    { key: 'call', label: 'The call itself, once connected', unit: 'ms', min: 0, max: 600_000, start: (f) => num(f, 'callMs', 50) },
    { key: 'n', label: 'Sequential calls', unit: 'calls', min: 1, max: 10_000_000, integer: true, start: (f) => num(f, 'sequentialCalls', 1000) },
  ],
  compute: (v) => {
    const c = coldStart({ rttMs: v.rtt!, setupRtts: v.setup!, callMs: v.call! });
    const s = sequentialCalls(v.n!, c.cold.value, c.warm.value);
    const out: CalcResult[] = [
      { label: 'Setup for a new connection', value: `${fmt(c.setup.value)} ms`, working: c.setup.working },
      { label: 'A call on a new connection', value: `${fmt(c.cold.value)} ms`, working: c.cold.working },
      { label: 'A call on a reused connection', value: `${fmt(c.warm.value)} ms`, working: c.warm.working },
      { label: `${fmt(v.n!)} calls, a new connection each`, value: `${fmt(s.withoutReuse.value)} s`, working: s.withoutReuse.working },
      { label: `${fmt(v.n!)} calls on one reused connection`, value: `${fmt(s.withReuse.value)} s`, working: s.withReuse.working },
    ];
    if (Number.isFinite(s.speedup.value)) out.push({ label: 'Speed-up from reuse', value: `${fmt(s.speedup.value)}×`, working: s.speedup.working });
    return out;
  },
};

export const backlogCalc: CalcDef = {
  id: 'backlog',
  title: 'Listen backlog for a burst',
  intro: 'Connections that arrive while the server is busy between accept() calls wait in the accept queue; Linux caps listen()’s backlog at net.core.somaxconn.',
  formula: 'backlog = min(ceil(burst rate × time between accepts), somaxconn)',
  fields: [
    { key: 'burst', label: 'New connections per second in a burst', unit: '/s', min: 0, max: 10_000_000, start: (f) => num(f, 'incidentPeakRps', 5000) },
    { key: 'latency', label: 'Time between accept() calls', unit: 'ms', min: 0, max: 600_000, start: (f) => num(f, 'acceptLatencyMs', 50) },
    { key: 'somaxconn', label: 'net.core.somaxconn', min: 1, max: 2_147_483_647, integer: true, start: (f) => num(f, 'somaxconnLinux', 4096) },
  ],
  compute: (v) => {
    const r = backlogSize(v.burst!, v.latency!, v.somaxconn!);
    return [
      { label: 'Backlog wanted', value: fmt(r.wanted), working: `${fmt(v.burst!)}/s × ${fmt(v.latency! / 1000)} s, rounded up` },
      { label: 'Backlog Linux gives you', value: `${fmt(r.value)}${r.clamped ? ' (capped by somaxconn: raise it)' : ''}`, working: r.working },
    ];
  },
};

/** Where each calculator appears: after the section that works the same example by hand. */
export const CALC_PLACES: { lesson: string; section: string; calc: CalcDef }[] = [
  { lesson: 'backlog', section: 'sizing', calc: backlogCalc },
  { lesson: 'options', section: 'keepalive', calc: keepaliveCalc },
  { lesson: 'reuse', section: 'cost-model', calc: coldStartCalc },
  { lesson: 'reuse', section: 'pools', calc: poolSizeCalc },
];
