// The socket options a step may set, with the values the validator accepts. Like the kernel, which takes any C
// int for an option and only then checks it, the validator accepts any int where Linux answers EINVAL at run time
// (`valid` is the range Linux allows: MAX_TCP_KEEPIDLE 32767, MAX_TCP_KEEPCNT 127, MAX_TCP_SYNCNT 127), and flags
// are any int, non-zero meaning on (sock_valbool_flag), or a JSON boolean.

import type { SockOptName } from './types.ts';

export interface SockOptSpec {
  level: 'SOL_SOCKET' | 'IPPROTO_TCP';
  /** 'flag': an int, non-zero = on; 'int': an integer in [min, max]; 'linger': {onoff, linger}. */
  kind: 'flag' | 'int' | 'linger';
  min: number;
  max: number;
  /** Values outside this range load, and setsockopt() fails with EINVAL, as on Linux. */
  valid?: readonly [number, number];
  unit?: 'seconds' | 'ms' | 'bytes';
  summary: string;
}

export const INT_MIN = -2_147_483_648;
export const INT_MAX = 2_147_483_647;
const flag = (level: SockOptSpec['level'], summary: string): SockOptSpec => ({ level, kind: 'flag', min: INT_MIN, max: INT_MAX, summary });

export const SOCKOPT_SPECS: Readonly<Record<SockOptName, SockOptSpec>> = {
  SO_REUSEADDR: flag('SOL_SOCKET', 'bind() may share a port with sockets that are not listening (e.g. TIME-WAIT)'),
  SO_REUSEPORT: flag('SOL_SOCKET', 'several sockets, each with the option, may bind and listen on one port'),
  SO_KEEPALIVE: flag('SOL_SOCKET', 'send keepalive probes on an idle connection'),
  SO_LINGER: { level: 'SOL_SOCKET', kind: 'linger', min: 0, max: 2_147_483, unit: 'seconds', summary: '{"onoff":1,"linger":0}: close() resets the connection instead of FIN' },
  SO_RCVTIMEO: { level: 'SOL_SOCKET', kind: 'int', min: 0, max: 1_000_000_000, unit: 'ms', summary: 'recv()/accept() fail EAGAIN after this long; 0 = never' },
  SO_SNDTIMEO: { level: 'SOL_SOCKET', kind: 'int', min: 0, max: 1_000_000_000, unit: 'ms', summary: 'send() fails EAGAIN, connect() EINPROGRESS, after this long; 0 = never' },
  SO_RCVBUF: { level: 'SOL_SOCKET', kind: 'int', min: 1, max: 2_147_483_647, unit: 'bytes', summary: 'receive buffer; Linux doubles the value for bookkeeping' },
  SO_SNDBUF: { level: 'SOL_SOCKET', kind: 'int', min: 1, max: 2_147_483_647, unit: 'bytes', summary: 'send buffer; Linux doubles the value for bookkeeping' },
  TCP_NODELAY: flag('IPPROTO_TCP', 'turn Nagle off: small segments leave at once'),
  TCP_KEEPIDLE: { level: 'IPPROTO_TCP', kind: 'int', min: INT_MIN, max: INT_MAX, valid: [1, 32_767], unit: 'seconds', summary: 'idle time before the first keepalive probe' },
  TCP_KEEPINTVL: { level: 'IPPROTO_TCP', kind: 'int', min: INT_MIN, max: INT_MAX, valid: [1, 32_767], unit: 'seconds', summary: 'interval between keepalive probes' },
  TCP_KEEPCNT: { level: 'IPPROTO_TCP', kind: 'int', min: INT_MIN, max: INT_MAX, valid: [1, 127], summary: 'unanswered probes before the connection is dropped' },
  TCP_SYNCNT: { level: 'IPPROTO_TCP', kind: 'int', min: INT_MIN, max: INT_MAX, valid: [1, 127], summary: 'SYN retransmissions for this socket (replaces tcp_syn_retries)' },
};

export const SOCKOPT_NAMES = Object.keys(SOCKOPT_SPECS) as SockOptName[];
