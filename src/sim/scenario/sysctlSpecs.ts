// The sysctls a host may set, with the bounds the validator enforces and Linux 6.x's defaults (Documentation/
// networking/ip-sysctl.rst). Where the kernel itself accepts any int, the bound is the one that still makes sense for a
// simulation; per-socket options with the same meaning use the same bounds as their setsockopt counterparts.

import type { SysctlName } from './types.ts';

export interface SysctlSpec {
  /** 'int': an integer in [min, max]; 'portRange': "low high" as /proc prints it. */
  kind: 'int' | 'portRange';
  min: number;
  max: number;
  /** Linux's default, as the value a scenario would write. */
  linuxDefault: number | string;
  unit?: 'seconds';
  summary: string;
}

const INT_MAX = 2_147_483_647;

export const SYSCTL_SPECS: Readonly<Record<SysctlName, SysctlSpec>> = {
  'net.core.somaxconn': { kind: 'int', min: 0, max: INT_MAX, linuxDefault: 4096, summary: 'cap on every listen() backlog' },
  'net.ipv4.tcp_max_syn_backlog': { kind: 'int', min: 0, max: INT_MAX, linuxDefault: 1024, summary: 'cap on the SYN queue of a listener (the default depends on memory: 128 to 2048 and more)' },
  'net.ipv4.tcp_syncookies': { kind: 'int', min: 0, max: 2, linuxDefault: 1, summary: '0 off, 1 when the SYN queue is full, 2 always' },
  'net.ipv4.tcp_abort_on_overflow': { kind: 'int', min: 0, max: 1, linuxDefault: 0, summary: '1: answer the final ACK with RST when the accept queue is full' },
  'net.ipv4.tcp_syn_retries': { kind: 'int', min: 1, max: 127, linuxDefault: 6, summary: 'SYN retransmissions before connect() gives up (exponential part)' },
  'net.ipv4.tcp_syn_linear_timeouts': { kind: 'int', min: 0, max: 127, linuxDefault: 4, summary: 'first SYN retransmissions at a fixed 1 s interval (Linux 6.5+)' },
  'net.ipv4.tcp_synack_retries': { kind: 'int', min: 0, max: 255, linuxDefault: 5, summary: 'SYN-ACK retransmissions before a half-open entry is dropped' },
  'net.ipv4.tcp_fin_timeout': { kind: 'int', min: 1, max: 2_147_483, linuxDefault: 60, unit: 'seconds', summary: 'lifetime of an orphaned FIN-WAIT-2 socket' },
  'net.ipv4.tcp_keepalive_time': { kind: 'int', min: 1, max: 32_767, linuxDefault: 7200, unit: 'seconds', summary: 'idle time before the first keepalive probe' },
  'net.ipv4.tcp_keepalive_intvl': { kind: 'int', min: 1, max: 32_767, linuxDefault: 75, unit: 'seconds', summary: 'interval between keepalive probes' },
  'net.ipv4.tcp_keepalive_probes': { kind: 'int', min: 1, max: 127, linuxDefault: 9, summary: 'unanswered probes before the connection is dropped' },
  'net.ipv4.tcp_retries2': { kind: 'int', min: 0, max: 255, linuxDefault: 15, summary: 'data retransmissions before an established connection is dropped' },
  'net.ipv4.tcp_tw_reuse': { kind: 'int', min: 0, max: 2, linuxDefault: 2, summary: 'reuse TIME-WAIT ports for connect(): 0 off, 1 on, 2 loopback only' },
  'net.ipv4.ip_local_port_range': { kind: 'portRange', min: 1, max: 65_535, linuxDefault: '32768 60999', summary: 'ephemeral ports for connect() without bind()' },
};

export const SYSCTL_NAMES = Object.keys(SYSCTL_SPECS) as SysctlName[];
