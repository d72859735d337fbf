// /hosts: names, addresses, per-host sysctls and limits.

import { describeWithKind, quote } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { hostAddressProblem } from './ipv4.ts';
import { escapeSegment, jsonPointer } from './jsonPointer.ts';
import { LIMITS } from './limits.ts';
import { NAME_RULE, NAME_PATTERN, type Reporter } from './Reporter.ts';
import { SYSCTL_NAMES, SYSCTL_SPECS } from './sysctlSpecs.ts';
import type { HostSpec, SysctlName, SysctlValues } from './types.ts';

const HOST_KEYS = ['ip', 'sysctl', 'nofile', 'mtu'];

/** Validated hosts by name; a host with errors is still listed so steps that name it are not reported twice. */
export function validateHosts(r: Reporter, raw: unknown): Map<string, HostSpec> {
  const hosts = new Map<string, HostSpec>();
  const o = r.object(raw, '/hosts', '"hosts"');
  if (!o) return hosts;
  const names = Object.keys(o);
  if (names.length === 0) r.error('/hosts', 'needs at least one host, e.g. {"client": {"ip": "10.0.0.1"}}');
  if (names.length > LIMITS.hosts) {
    r.error('/hosts', `has ${names.length} hosts; the limit is ${LIMITS.hosts}`);
    return hosts;
  }
  const byIp = new Map<string, string>();
  for (const name of names) {
    const path = jsonPointer('hosts', name);
    if (!NAME_PATTERN.test(name)) r.error(path, `${quote(name)} is not a valid host name: use ${NAME_RULE}`);
    const host = validateHost(r, o[name], path);
    hosts.set(name, host);
    if (host.ip === '') continue;
    const other = byIp.get(host.ip);
    if (other === undefined) byIp.set(host.ip, name);
    else {
      r.error(`${path}/ip`, `${quote(host.ip)} is also the IP of host ${quote(other)}; every host needs its own address`);
      r.error(jsonPointer('hosts', other, 'ip'), `${quote(host.ip)} is also the IP of host ${quote(name)}; every host needs its own address`);
    }
  }
  return hosts;
}

function validateHost(r: Reporter, raw: unknown, path: string): HostSpec {
  const host: HostSpec = { ip: '' };
  const o = r.object(raw, path, 'a host');
  if (!o) return host;
  r.onlyKeys(o, path, HOST_KEYS, 'a host');
  if (r.present(o, path, 'ip', 'a host')) {
    const ip = r.string(o.ip, `${path}/ip`, 15);
    if (ip !== undefined) {
      const problem = hostAddressProblem(ip);
      if (problem) r.error(`${path}/ip`, `${quote(ip)} ${problem}`);
      else host.ip = ip;
    }
  }
  if (o.sysctl !== undefined) {
    const sysctl = validateSysctls(r, o.sysctl, `${path}/sysctl`);
    if (sysctl) host.sysctl = sysctl;
  }
  if (o.nofile !== undefined) {
    const n = r.integer(o.nofile, `${path}/nofile`, 3, 1_048_576, 'nofile (RLIMIT_NOFILE, counting stdin/stdout/stderr) must be');
    if (n !== undefined) host.nofile = n;
  }
  if (o.mtu !== undefined) {
    const n = r.integer(o.mtu, `${path}/mtu`, 68, 65_536, 'mtu must be');
    if (n !== undefined) host.mtu = n;
  }
  return host;
}

function validateSysctls(r: Reporter, raw: unknown, path: string): SysctlValues | undefined {
  const o = r.object(raw, path, '"sysctl"');
  if (!o) return undefined;
  const out: SysctlValues = {};
  for (const key of Object.keys(o)) {
    const p = `${path}/${escapeSegment(key)}`;
    if (!Object.prototype.hasOwnProperty.call(SYSCTL_SPECS, key)) {
      r.error(p, `unknown sysctl ${quote(key)}${sysctlHint(key)} (known: ${SYSCTL_NAMES.join(', ')})`);
      if (r.full) return out;
      continue;
    }
    const name = key as SysctlName;
    const v = validateSysctlValue(r, name, o[key], p);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

/** Accepts the short forms people type ("tcp_syncookies", "somaxconn", "/proc/sys/net/..."). */
function sysctlHint(key: string): string {
  const dotted = key.replace(/^\/?(proc\/sys\/)?/, '').replace(/\//g, '.');
  const full = SYSCTL_NAMES.find((n) => n === dotted || n.endsWith('.' + dotted));
  if (full) return ` (did you mean "${full}"?)`;
  return didYouMean(key, SYSCTL_NAMES);
}

export function validateSysctlValue(r: Reporter, name: SysctlName, v: unknown, path: string): number | string | undefined {
  const spec = SYSCTL_SPECS[name];
  if (spec.kind === 'int') {
    const unit = spec.unit ? ` (${spec.unit})` : '';
    return r.integer(v, path, spec.min, spec.max, `${name}${unit} must be`);
  }
  const m = typeof v === 'string' ? /^\s*(\d{1,5})\s+(\d{1,5})\s*$/.exec(v) : null;
  const low = m ? Number(m[1]) : NaN;
  const high = m ? Number(m[2]) : NaN;
  if (m && low >= spec.min && high <= spec.max && low <= high) return `${low} ${high}`;
  r.error(path, `${name} must be a string "low high" with ${spec.min} ≤ low ≤ high ≤ ${spec.max}, e.g. "32768 60999", got ${describeWithKind(v)}`);
  return undefined;
}
