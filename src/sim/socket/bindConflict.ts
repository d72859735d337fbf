// bind() conflict rules (net/ipv4/inet_connection_sock.c: inet_bind_conflict), as a pure predicate.
// SO_REUSEADDR lets a socket share a port only with sockets that also set it and are not listening;
// SO_REUSEPORT lets sockets share it outright when all of them set it (same user).

import type { TcpState } from '../timeline/types.ts';

export interface BoundSocket {
  ip: string; // "0.0.0.0" = INADDR_ANY
  port: number;
  reuseaddr: boolean;
  reuseport: boolean;
  state: TcpState;
}

export function bindConflicts(existing: BoundSocket, wanted: Omit<BoundSocket, 'state'>): boolean {
  if (existing.port !== wanted.port) return false;
  const overlap = existing.ip === '0.0.0.0' || wanted.ip === '0.0.0.0' || existing.ip === wanted.ip;
  if (!overlap) return false;
  if (wanted.reuseaddr && existing.reuseaddr && existing.state !== 'LISTEN') return false;
  if (wanted.reuseport && existing.reuseport) return false;
  return true;
}
