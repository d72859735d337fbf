import { describe, expect, test } from 'vitest';
import { runScenario } from '../engine/runScenario.ts';
import { findBuiltin } from '../scenario/library/index.ts';
import type { Scenario, Step } from '../scenario/types.ts';
import type { CallEvent } from '../timeline/types.ts';

const calls = (sc: Scenario): string[] =>
  runScenario(sc)
    .events.filter((e): e is CallEvent => e.type === 'call')
    .map((c) => `${c.host}:${c.call}=${c.errno ?? c.ret}`);

function scenario(steps: Step[], extra: Partial<Scenario> = {}): Scenario {
  return { version: 1, id: 't', title: 't', seed: 1, network: { delayMs: 1 }, hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } }, steps, untilMs: 5000, ...extra };
}

describe('socket calls', () => {
  test('fds are the lowest free number from 3; socket() past RLIMIT_NOFILE fails EMFILE', () => {
    const steps: Step[] = [
      { host: 'client', call: 'socket', as: 'a' },
      { host: 'client', call: 'socket', as: 'b' },
      { host: 'client', call: 'close', fd: 'a' },
      { host: 'client', call: 'socket', as: 'c' },
      { host: 'client', call: 'socket', as: 'd' },
    ];
    expect(calls(scenario(steps, { hosts: { client: { ip: '10.0.0.1', nofile: 5 }, server: { ip: '10.0.0.2' } } }))).toEqual([
      'client:socket=3',
      'client:socket=4',
      'client:close=0',
      'client:socket=3',
      'client:socket=EMFILE',
    ]);
  });

  test('setsockopt() takes any int as a flag and fails EINVAL outside Linux\'s range, as do_tcp_setsockopt does', () => {
    const steps: Step[] = [
      { host: 'client', call: 'socket', as: 'c' },
      { host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 2 },
      { host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPIDLE', value: 0 },
      { host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPCNT', value: 128 },
      { host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPINTVL', value: 32767 },
      { host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_SYNCNT', value: -1 },
    ];
    expect(calls(scenario(steps))).toEqual([
      'client:socket=3',
      'client:setsockopt=0',
      'client:setsockopt=EINVAL',
      'client:setsockopt=EINVAL',
      'client:setsockopt=0',
      'client:setsockopt=EINVAL',
    ]);
  });

  test('a send() that runs into SO_SNDTIMEO returns what it copied; with settimeout it returns after one copy', () => {
    const server: Step[] = [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
      { host: 'server', call: 'accept', fd: 'l', as: 'k' },
    ];
    const sendOutcome = (opt: Step): string => {
      const steps: Step[] = [...server, { host: 'client', call: 'socket', as: 'c' }, { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' }, opt, { host: 'client', call: 'send', fd: 'c', bytes: 1_000_000 }];
      return calls(scenario(steps)).filter((c) => c.startsWith('client:send'))[0]!;
    };
    // Nobody reads: the buffers fill, the time runs out, and the bytes already copied are the answer (not EAGAIN).
    const timed = sendOutcome({ host: 'client', call: 'setsockopt', fd: 'c', opt: 'SO_SNDTIMEO', value: 500 });
    expect(timed).toMatch(/^client:send=\d+$/);
    expect(Number(timed.split('=')[1])).toBeGreaterThan(0);
    const py = sendOutcome({ host: 'client', call: 'settimeout', fd: 'c', seconds: 1 });
    expect(Number(py.split('=')[1])).toBeLessThan(1_000_000);
  });

  test('listen() clamps the backlog to net.core.somaxconn and ss shows it as Send-Q', () => {
    const sc = scenario(
      [
        { host: 'server', call: 'socket', as: 'l' },
        { host: 'server', call: 'bind', fd: 'l', port: 80 },
        { host: 'server', call: 'listen', fd: 'l', backlog: 4096 },
      ],
      { hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2', sysctl: { 'net.core.somaxconn': 128 } } } },
    );
    const rows = runScenario(sc).events.flatMap((e) => (e.type === 'sock' && e.row.state === 'LISTEN' ? [e.row] : []));
    expect(rows.at(-1)).toMatchObject({ recvQ: 0, sendQ: 128, local: '0.0.0.0:80' });
  });

  test('calls on a bad fd fail EBADF; recv before connect fails ENOTCONN; send on an unconnected socket EPIPE', () => {
    expect(
      calls(
        scenario([
          { host: 'client', call: 'close', fd: 9 },
          { host: 'client', call: 'socket', as: 'c' },
          { host: 'client', call: 'recv', fd: 'c', size: 10 },
          { host: 'client', call: 'send', fd: 'c', data: 'x' },
          { host: 'client', call: 'accept', fd: 'c' },
        ]),
      ),
    ).toEqual(['client:close=EBADF', 'client:socket=3', 'client:recv=ENOTCONN', 'client:send=EPIPE', 'client:accept=EINVAL']);
  });

  test('net.ipv4.tcp_tw_reuse = 1 lets connect() take a 4-tuple whose TIME-WAIT is older than 1 s', () => {
    const base = findBuiltin('ephemeral-port-exhaustion')!;
    const run = (reuse: number): string[] => {
      const sc = structuredClone(base);
      sc.hosts.client!.sysctl = { ...sc.hosts.client!.sysctl, 'net.ipv4.tcp_tw_reuse': reuse };
      const fifth = sc.steps.find((s) => s.call === 'socket' && s.as === 'c5')!;
      fifth.at = 2000;
      sc.untilMs = 5000;
      for (const s of sc.steps) delete s.expect;
      return calls(sc).filter((c) => c.startsWith('client:connect'));
    };
    expect(run(2)).toEqual(['client:connect=0', 'client:connect=0', 'client:connect=0', 'client:connect=0', 'client:connect=EADDRNOTAVAIL']);
    expect(run(1)).toEqual(['client:connect=0', 'client:connect=0', 'client:connect=0', 'client:connect=0', 'client:connect=0']);
  });

  test('ephemeral ports come from ip_local_port_range, distinct per destination', () => {
    const tl = runScenario(findBuiltin('time-wait-pileup')!);
    const ports = new Set(tl.events.flatMap((e) => (e.type === 'segment' && e.flags === 'S' ? [Number(e.src.split(':')[1])] : [])));
    expect(ports.size).toBe(20);
    for (const p of ports) expect(p >= 32768 && p <= 60999).toBe(true);
  });

  test('non-blocking connect(): EINPROGRESS, EALREADY during the handshake, 0 once it completed, then EISCONN', () => {
    const steps: Step[] = [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
      { host: 'client', call: 'socket', as: 'c' },
      { host: 'client', call: 'setblocking', fd: 'c', value: false },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
      { host: 'client', at: 100, call: 'connect', fd: 'c', addr: 'server:80' },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    ];
    expect(calls(scenario(steps)).filter((c) => c.startsWith('client:connect'))).toEqual([
      'client:connect=EINPROGRESS',
      'client:connect=EALREADY',
      'client:connect=0',
      'client:connect=EISCONN',
    ]);
  });

  test('SO_LINGER {1, n}: close() returns once the FIN is acknowledged, one round trip later; with the peer gone, after n s', () => {
    const steps = (crash: boolean): Step[] => [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
      { host: 'server', call: 'accept', fd: 'l', as: 'a' },
      ...(crash ? [{ host: 'server', call: 'crash' } as Step] : []),
      { host: 'client', call: 'socket', as: 'c' },
      { host: 'client', call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { onoff: 1, linger: 2 } },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
      { host: 'client', at: 100, call: 'close', fd: 'c' },
    ];
    const closeAt = (crash: boolean): number =>
      runScenario(scenario(steps(crash), { network: { delayMs: 10 } })).events.find((e): e is CallEvent => e.type === 'call' && e.call === 'close')!.t;
    // The peer has received no data, so it ACKs the FIN on its next 4 ms tick (Linux delayed ACK with ato = 0).
    expect(closeAt(false)).toBeGreaterThanOrEqual(120_000);
    expect(closeAt(false)).toBeLessThanOrEqual(130_000);
    expect(closeAt(true)).toBe(2_100_000);
  });
});
