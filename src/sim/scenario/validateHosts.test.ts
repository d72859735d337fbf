import { describe, expect, it } from 'vitest';
import { errorLines, makeScenario } from './testing/makeScenario.ts';

const withHosts = (hosts: unknown) => makeScenario({ hosts, steps: [{ host: 'server', call: 'sleep', ms: 1 }] });

describe('validateHosts', () => {
  it('accepts hosts with sysctls, nofile and mtu', () => {
    expect(errorLines(withHosts({
      server: { ip: '10.0.0.2', nofile: 6, mtu: 9000, sysctl: { 'net.core.somaxconn': 128, 'net.ipv4.ip_local_port_range': '40000 40003' } },
    }))).toEqual([]);
  });

  it.each([
    ['10.0.0.300', '"10.0.0.300" is not an IPv4 address'],
    ['10.0.0', '"10.0.0" is not an IPv4 address'],
    ['010.0.0.1', '"010.0.0.1" is not an IPv4 address'],
    ['0.0.0.0', '"0.0.0.0" is the wildcard address 0.0.0.0, not a host address'],
    ['255.255.255.255', '"255.255.255.255" is the broadcast address, not a host address'],
    ['224.0.0.1', '"224.0.0.1" is a multicast address, not a host address'],
  ])('rejects the host address %s', (ip, message) => {
    expect(errorLines(withHosts({ server: { ip } }))).toEqual([`/hosts/server/ip: ${message}`]);
  });

  it('requires ip and a valid host name', () => {
    expect(errorLines(withHosts({ server: {} }))).toEqual(['/hosts/server: a host needs "ip"']);
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2' }, 'web server': { ip: '10.0.0.3' } }))).toEqual([
      '/hosts/web server: "web server" is not a valid host name: use a letter or _ followed by up to 31 letters, digits, _ or -',
    ]);
  });

  it('needs at least one host', () => {
    expect(errorLines(withHosts({}))).toContain('/hosts: needs at least one host, e.g. {"client": {"ip": "10.0.0.1"}}');
  });

  it('reports a shared IP on both hosts', () => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2' }, other: { ip: '10.0.0.2' } }))).toEqual([
      '/hosts/other/ip: "10.0.0.2" is also the IP of host "server"; every host needs its own address',
      '/hosts/server/ip: "10.0.0.2" is also the IP of host "other"; every host needs its own address',
    ]);
  });

  it('rejects unknown host keys', () => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', nofiles: 6 } }))).toEqual([
      '/hosts/server/nofiles: unknown key "nofiles" in a host (did you mean "nofile"?) (allowed: ip, sysctl, nofile, mtu)',
    ]);
  });

  it('checks nofile and mtu ranges', () => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', nofile: 2, mtu: 20 } }))).toEqual([
      '/hosts/server/nofile: nofile (RLIMIT_NOFILE, counting stdin/stdout/stderr) must be an integer from 3 to 1048576, got 2',
      '/hosts/server/mtu: mtu must be an integer from 68 to 65536, got 20',
    ]);
  });

  it('names unknown sysctls and suggests the full name for short forms', () => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', sysctl: { tcp_syncookies: 0 } } }))[0]).toBe(
      '/hosts/server/sysctl/tcp_syncookies: unknown sysctl "tcp_syncookies" (did you mean "net.ipv4.tcp_syncookies"?) (known: net.core.somaxconn, net.ipv4.tcp_max_syn_backlog, net.ipv4.tcp_syncookies, net.ipv4.tcp_abort_on_overflow, net.ipv4.tcp_syn_retries, net.ipv4.tcp_syn_linear_timeouts, net.ipv4.tcp_synack_retries, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_time, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes, net.ipv4.tcp_retries2, net.ipv4.tcp_tw_reuse, net.ipv4.ip_local_port_range)',
    );
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_syncookie': 0 } } }))[0]).toMatch(/did you mean "net\.ipv4\.tcp_syncookies"/);
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_tw_recycle': 1 } } }))[0]).toMatch(/^\/hosts\/server\/sysctl\/net\.ipv4\.tcp_tw_recycle: unknown sysctl/);
  });

  it('checks sysctl values against their ranges', () => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', sysctl: { 'net.ipv4.tcp_syncookies': 3, 'net.ipv4.tcp_fin_timeout': 0, 'net.ipv4.tcp_syn_retries': '6' } } }))).toEqual([
      '/hosts/server/sysctl/net.ipv4.tcp_syncookies: net.ipv4.tcp_syncookies must be an integer from 0 to 2, got 3',
      '/hosts/server/sysctl/net.ipv4.tcp_fin_timeout: net.ipv4.tcp_fin_timeout (seconds) must be an integer from 1 to 2147483, got 0',
      '/hosts/server/sysctl/net.ipv4.tcp_syn_retries: net.ipv4.tcp_syn_retries must be an integer from 1 to 127, got "6" (a string)',
    ]);
  });

  it.each(['32768 60999', ' 1024\t65535 ', '40000 40000'])('accepts the port range %j', (range) => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', sysctl: { 'net.ipv4.ip_local_port_range': range } } }))).toEqual([]);
  });

  it.each(['60999 32768', '0 100', '1 70000', '32768-60999', 32768])('rejects the port range %j', (range) => {
    expect(errorLines(withHosts({ server: { ip: '10.0.0.2', sysctl: { 'net.ipv4.ip_local_port_range': range } } }))[0]).toMatch(
      /^\/hosts\/server\/sysctl\/net\.ipv4\.ip_local_port_range: net\.ipv4\.ip_local_port_range must be a string "low high" with 1 ≤ low ≤ high ≤ 65535/,
    );
  });
});
