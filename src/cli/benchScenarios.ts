// Scenarios sized for measuring the engine, not for teaching.

import type { Scenario, Step } from '../sim/scenario/types.ts';

export function bulkScenario(bytes: number, lossRate: number): Scenario {
  const steps: Step[] = [
    { host: 'server', call: 'socket', as: 'l' },
    { host: 'server', call: 'bind', fd: 'l', port: 80 },
    { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
    { host: 'server', call: 'accept', fd: 'l', as: 'a' },
    ...Array.from({ length: 20000 }, (): Step => ({ host: 'server', call: 'recv', fd: 'a', size: 1 << 20 })),
    { host: 'client', call: 'socket', as: 'c' },
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    { host: 'client', call: 'send', fd: 'c', bytes },
    { host: 'client', call: 'close', fd: 'c' },
  ];
  return { version: 1, id: 'bench-bulk', title: 'bulk', seed: 3, network: { delayMs: 5, faults: lossRate ? [{ action: 'loss', rate: lossRate }] : [] }, hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } }, steps, untilMs: 10_000_000 };
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
