// Builders for TCP unit tests: a client and a server TCB and a way to carry segments between them.

import type { TcpEffect } from './effects.ts';
import type { Segment } from './segment.ts';
import type { Tcb } from './tcb.ts';
import { createTcb, defaultSettings } from './tcb.ts';

export const CLIENT = { ip: '10.0.0.1', port: 40000 };
export const SERVER = { ip: '10.0.0.2', port: 80 };

export function clientTcb(iss = 1000): Tcb {
  return createTcb(CLIENT, SERVER, iss, defaultSettings(), 1460);
}

export function serverChild(iss = 5000): Tcb {
  const t = createTcb(SERVER, CLIENT, iss, defaultSettings(), 1460);
  t.listener = 1;
  return t;
}

export const sent = (effects: TcpEffect[]): Segment[] => effects.flatMap((e) => (e.type === 'send' ? [e.seg] : []));
export const states = (effects: TcpEffect[]): string[] => effects.flatMap((e) => (e.type === 'state' ? [`${e.from}>${e.to}`] : []));
