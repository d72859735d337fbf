// Small scenarios written for the playback tests, so they do not depend on how the built-in library evolves.

import type { Scenario } from '../sim/index.ts';

export const tinyHandshake: Scenario = {
  version: 1,
  id: 'test-handshake',
  title: 'Test: handshake, request, close',
  topic: 'handshake',
  seed: 3,
  network: { delayMs: 5 },
  hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } },
  steps: [
    { host: 'server', call: 'socket', as: 'lfd' },
    { host: 'server', call: 'bind', fd: 'lfd', port: 8080 },
    { host: 'server', call: 'listen', fd: 'lfd', backlog: 4 },
    { host: 'server', call: 'accept', fd: 'lfd', as: 'conn' },
    { host: 'server', call: 'recv', fd: 'conn', size: 1024 },
    { host: 'server', call: 'close', fd: 'conn' },
    { host: 'client', at: 10, call: 'socket', as: 'c' },
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:8080' },
    { host: 'client', call: 'send', fd: 'c', data: 'hello' },
    { host: 'client', call: 'close', fd: 'c' },
  ],
  params: {
    backlog: { label: 'listen() backlog', path: '/steps/2/backlog', min: 1, max: 128 },
  },
};

export const lostSyn: Scenario = {
  version: 1,
  id: 'test-lost-syn',
  title: 'Test: the first SYN is lost',
  topic: 'failures',
  network: { delayMs: 20, faults: [{ action: 'drop', match: { flags: 'S', nth: 1 } }] },
  hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } },
  steps: [
    { host: 'server', call: 'socket', as: 'lfd' },
    { host: 'server', call: 'bind', fd: 'lfd', port: 80 },
    { host: 'server', call: 'listen', fd: 'lfd' },
    { host: 'server', call: 'accept', fd: 'lfd', as: 'conn' },
    { host: 'client', call: 'socket', as: 'c' },
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    { host: 'client', call: 'close', fd: 'c' },
  ],
};

export const testCatalog = {
  scenarios: [tinyHandshake, lostSyn],
  find: (id: string) => [tinyHandshake, lostSyn].find((s) => s.id === id),
};
