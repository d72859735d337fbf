// A client sends chunks to a server that reads until end of stream: the workload of the property tests.

import type { Fault, Scenario, Step } from '../scenario/types.ts';

export function transferScenario(chunks: string[], faults: Fault[], seed: number, delayMs: number, nodelay: boolean): Scenario {
  const steps: Step[] = [
    { host: 'server', call: 'socket', as: 'l' },
    { host: 'server', call: 'bind', fd: 'l', port: 80 },
    { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
    { host: 'server', call: 'accept', fd: 'l', as: 'a' },
    ...Array.from({ length: 400 }, (): Step => ({ host: 'server', call: 'recv', fd: 'a', size: 65536 })),
    { host: 'server', call: 'close', fd: 'a' },
    { host: 'client', call: 'socket', as: 'c' },
    ...(nodelay ? [{ host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 1 } as Step] : []),
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    ...chunks.map((data): Step => ({ host: 'client', call: 'send', fd: 'c', data })),
    { host: 'client', call: 'close', fd: 'c' },
  ];
  return { version: 1, id: 'generated-transfer', title: 'generated', seed, network: { delayMs, faults }, hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } }, steps, untilMs: 2_000_000 };
}
