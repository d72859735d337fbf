// Linux sysctls the simulator honours, with the defaults of a 6.x kernel (Documentation/networking/ip-sysctl.rst).

import type { SysctlName, SysctlValues } from '../scenario/types.ts';

export interface Sysctl {
  somaxconn: number;
  maxSynBacklog: number;
  syncookies: number;
  abortOnOverflow: number;
  synRetries: number;
  synLinearTimeouts: number;
  synackRetries: number;
  finTimeout: number; // s
  keepaliveTime: number; // s
  keepaliveIntvl: number; // s
  keepaliveProbes: number;
  retries2: number;
  twReuse: number;
  portLow: number;
  portHigh: number;
}

export const SYSCTL_DEFAULTS: Readonly<Record<SysctlName, number | string>> = {
  'net.core.somaxconn': 4096, // 128 before Linux 5.4
  'net.ipv4.tcp_max_syn_backlog': 2048, // scales with memory; ≥ 128
  'net.ipv4.tcp_syncookies': 1,
  'net.ipv4.tcp_abort_on_overflow': 0,
  'net.ipv4.tcp_syn_retries': 6,
  'net.ipv4.tcp_syn_linear_timeouts': 4, // Linux ≥ 6.5
  'net.ipv4.tcp_synack_retries': 5,
  'net.ipv4.tcp_fin_timeout': 60,
  'net.ipv4.tcp_keepalive_time': 7200,
  'net.ipv4.tcp_keepalive_intvl': 75,
  'net.ipv4.tcp_keepalive_probes': 9,
  'net.ipv4.tcp_retries2': 15,
  'net.ipv4.tcp_tw_reuse': 2, // 2 = loopback only
  'net.ipv4.ip_local_port_range': '32768 60999',
};

export function resolveSysctl(values: SysctlValues | undefined): Sysctl {
  const v = { ...SYSCTL_DEFAULTS, ...(values ?? {}) };
  const n = (k: SysctlName): number => Number(v[k]);
  const [low, high] = String(v['net.ipv4.ip_local_port_range']).trim().split(/\s+/).map(Number);
  return {
    somaxconn: n('net.core.somaxconn'),
    maxSynBacklog: n('net.ipv4.tcp_max_syn_backlog'),
    syncookies: n('net.ipv4.tcp_syncookies'),
    abortOnOverflow: n('net.ipv4.tcp_abort_on_overflow'),
    synRetries: n('net.ipv4.tcp_syn_retries'),
    synLinearTimeouts: n('net.ipv4.tcp_syn_linear_timeouts'),
    synackRetries: n('net.ipv4.tcp_synack_retries'),
    finTimeout: n('net.ipv4.tcp_fin_timeout'),
    keepaliveTime: n('net.ipv4.tcp_keepalive_time'),
    keepaliveIntvl: n('net.ipv4.tcp_keepalive_intvl'),
    keepaliveProbes: n('net.ipv4.tcp_keepalive_probes'),
    retries2: n('net.ipv4.tcp_retries2'),
    twReuse: n('net.ipv4.tcp_tw_reuse'),
    portLow: low ?? 32768,
    portHigh: high ?? 60999,
  };
}
