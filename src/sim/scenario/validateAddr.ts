// The address of a connect or synflood step: "host:port" with a host of the scenario, or "ip:port".

import { describeWithKind, quote } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { isIPv4, splitHostPort } from './ipv4.ts';
import type { Reporter } from './Reporter.ts';

/** "host:port" or "ip:port"; the host must be one of the scenario's. */
export function validateAddr(r: Reporter, v: unknown, path: string, hostNames: readonly string[], call: string): string | undefined {
  if (typeof v !== 'string' || v.length > 64) {
    r.error(path, `must be "host:port" or "ip:port", got ${describeWithKind(v)}`);
    return undefined;
  }
  const parts = splitHostPort(v);
  if (!parts) {
    r.error(path, `${quote(v)} must be "host:port" or "ip:port", e.g. "server:8080"`);
    return undefined;
  }
  let ok = true;
  if (!/^\d{1,5}$/.test(parts.port) || Number(parts.port) < 1 || Number(parts.port) > 65_535 || (parts.port.length > 1 && parts.port.startsWith('0'))) {
    r.error(path, `${quote(v)}: the port must be from 1 to 65535${call === 'connect' && parts.port === '0' ? ' (port 0 cannot be connected to)' : ''}`);
    ok = false;
  }
  if (!hostNames.includes(parts.host) && !isIPv4(parts.host)) {
    const looksLikeIp = /^[\d.]+$/.test(parts.host);
    r.error(path, looksLikeIp
      ? `${quote(v)}: ${quote(parts.host)} is not an IPv4 address`
      : `${quote(v)}: ${quote(parts.host)} is not a host${didYouMean(parts.host, hostNames)} (hosts: ${hostNames.join(', ')})`);
    ok = false;
  }
  return ok ? v : undefined;
}
