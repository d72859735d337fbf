// Lessons 1–2: endpoints, the 4-tuple, ephemeral ports, the call sequence and file descriptors.

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { formula, sim, type FactDefs } from './Fact.ts';
import { g } from './givens.ts';
import { calls, callDuration, finalSockets, first, msOf, states } from './measure.ts';

const portRange = (): [number, number] => {
  const [lo, hi] = String(SYSCTL_DEFAULTS['net.ipv4.ip_local_port_range']).trim().split(/\s+/).map(Number);
  return [lo ?? 0, hi ?? 0];
};

export const socketFacts = {
  portRangeLinux: () => {
    const [lo, hi] = portRange();
    return sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.ip_local_port_range', `${lo}–${hi}`);
  },
  portCountLinux: () => {
    const [lo, hi] = portRange();
    return formula(`${hi} − ${lo} + 1`, hi - lo + 1, 'ports');
  },

  manyClientsEstablished: (ctx) => {
    const tl = ctx.run('many-clients-one-port');
    const n = new Set(states(tl, { host: 'server', to: 'ESTABLISHED' }).map((s) => s.sid)).size;
    return sim('many-clients-one-port', 'server sockets that reached ESTABLISHED', n);
  },
  manyClientsListeners: (ctx) => {
    const tl = ctx.run('many-clients-one-port');
    const n = states(tl, { host: 'server', to: 'LISTEN' }).length;
    return sim('many-clients-one-port', 'server sockets that entered LISTEN', n);
  },
  manyClientsSameHostPorts: (ctx) => {
    const tl = ctx.run('many-clients-one-port');
    const ports = calls(tl, { host: 'server', call: 'accept' })
      .map((c) => c.peer ?? '')
      .filter((p) => p.startsWith(tl.hosts.find((h) => h.name === 'client')?.ip + ':'))
      .map((p) => p.split(':')[1]);
    return sim('many-clients-one-port', 'source ports of the accepted connections from host "client"', ports.join(' and '));
  },

  firstFd: (ctx) => {
    const c = first(calls(ctx.run('handshake'), { host: 'server', call: 'socket' }), 'socket() on server');
    return sim('handshake', "the server's socket() return value", c.ret ?? -1);
  },
  acceptFd: (ctx) => {
    const c = first(calls(ctx.run('handshake'), { host: 'server', call: 'accept' }), 'accept() on server');
    return sim('handshake', "the server's accept() return value", c.ret ?? -1);
  },
  acceptWaitMs: (ctx) => {
    const tl = ctx.run('handshake');
    const c = first(calls(tl, { host: 'server', call: 'accept' }), 'accept() on server');
    return sim('handshake', 'time accept() blocked, call to return', msOf(callDuration(tl, c)), 'ms');
  },
  acceptWaitWorldMs: (ctx) => {
    const change = { delayMs: g('worldRttMs') / 2 };
    const tl = ctx.run('handshake', change);
    const c = first(calls(tl, { host: 'server', call: 'accept' }), 'accept() on server');
    return sim('handshake', 'time accept() blocked with the one-way delay at half the world round trip', msOf(callDuration(tl, c)), 'ms', change);
  },
  clientStartMs: (ctx) => {
    const s = ctx.scenario('handshake').steps.find((x) => x.host === 'client' && x.at !== undefined);
    return sim('handshake', "the client's first step time (at)", s?.at ?? -1, 'ms');
  },
  lwaConnectResult: (ctx) => {
    const c = first(calls(ctx.run('listen-without-accept'), { host: 'client', call: 'connect' }), 'connect() on client');
    return sim('listen-without-accept', "the client's connect() result", c.errno ?? String(c.ret));
  },
  lwaListenerRecvQ: (ctx) => {
    const row = finalSockets(ctx.run('listen-without-accept')).find((r) => r.host === 'server' && r.state === 'LISTEN');
    return sim('listen-without-accept', 'Recv-Q of the LISTEN row at the end (accept queue length)', row?.recvQ ?? -1);
  },
  lwaChildRecvQ: (ctx) => {
    const row = finalSockets(ctx.run('listen-without-accept')).find((r) => r.host === 'server' && r.state === 'ESTABLISHED');
    return sim('listen-without-accept', 'Recv-Q of the queued connection at the end (unread bytes)', row?.recvQ ?? -1, 'bytes');
  },
} satisfies FactDefs;
