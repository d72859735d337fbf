// Scenarios sized for measuring the engine, not for teaching.

import type { Scenario, Step } from '../sim/scenario/types.ts';
import type { Timeline } from '../sim/timeline/types.ts';

/**
 * A client streams `bytes` to a server over a lossy link; the server reads with a 64 KB buffer. A program would
 * loop until recv() returns 0; the format has no loops, so the reader makes `reads` calls (by default enough for
 * one segment per call). Use readsNeeded() to size it so that every call but the last returns data.
 */
export function bulkScenario(bytes: number, lossRate: number, reads = Math.ceil(bytes / 1448) + 2): Scenario {
  const steps: Step[] = [
    { host: 'server', call: 'socket', as: 'l' },
    { host: 'server', call: 'bind', fd: 'l', port: 80 },
    { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
    { host: 'server', call: 'accept', fd: 'l', as: 'a' },
    ...Array.from({ length: reads }, (): Step => ({ host: 'server', call: 'recv', fd: 'a', size: 65_536 })),
    { host: 'client', call: 'socket', as: 'c' },
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    { host: 'client', call: 'send', fd: 'c', bytes },
    { host: 'client', call: 'close', fd: 'c' },
  ];
  return { version: 1, id: 'bench-bulk', title: 'bulk', seed: 3, network: { delayMs: 5, faults: lossRate ? [{ action: 'loss', rate: lossRate }] : [] }, hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } }, steps, untilMs: 10_000_000 };
}

/** How many of a run's server recv() calls returned data, plus one for the end-of-file. */
export function readsNeeded(tl: Timeline): number {
  let n = 1;
  for (const e of tl.events) if (e.type === 'call' && e.call === 'recv' && e.host === 'server' && (e.ret ?? 0) > 0) n++;
  return n;
}

export function synFloodScenario(count: number, backlog: number): Scenario {
  return {
    version: 1,
    id: 'bench-syn-flood',
    title: 'SYN flood',
    seed: 1,
    network: { delayMs: 1 },
    hosts: { server: { ip: '10.0.0.2' }, attacker: { ip: '10.0.0.66' }, client: { ip: '10.0.0.1' } },
    steps: [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog },
      { host: 'server', call: 'accept', fd: 'l', as: 'a' },
      { host: 'attacker', call: 'synflood', addr: 'server:80', count, intervalMs: 0.01 },
      { host: 'client', at: 50, call: 'socket', as: 'c' },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:80', expect: 0 },
    ],
    untilMs: 1000,
  };
}
