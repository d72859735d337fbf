// Lesson 6: the SYN queue and the accept queue, somaxconn, overflow.

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { sim, type FactDefs } from './Fact.ts';
import { acceptQueuePeak, calls, callDuration, first, msOf, segments, sOf } from './measure.ts';

const listenBacklog = (steps: readonly { call: string }[]): number => {
  const s = steps.find((x) => x.call === 'listen') as { backlog?: number } | undefined;
  return s?.backlog ?? -1;
};

export const backlogFacts = {
  overflowBacklog: (ctx) => sim('backlog-overflow', 'the listen() backlog', listenBacklog(ctx.scenario('backlog-overflow').steps)),
  overflowHeld: (ctx) => sim('backlog-overflow', 'largest accept-queue length', acceptQueuePeak(ctx.run('backlog-overflow')).peak),
  overflowClients: (ctx) => sim('backlog-overflow', 'clients that connect', calls(ctx.run('backlog-overflow'), { host: 'client', call: 'connect' }).length),
  overflowDrops: (ctx) => sim('backlog-overflow', "queue events 'overflow…'", acceptQueuePeak(ctx.run('backlog-overflow')).overflows, 'SYNs'),
  overflowAcceptAtS: (ctx) => sim('backlog-overflow', 'time of the first accept() return', sOf(first(calls(ctx.run('backlog-overflow'), { host: 'server', call: 'accept' }), 'accept()').t), 's'),
  overflowRetryMs: (ctx) => {
    const dropped = segments(ctx.run('backlog-overflow')).filter((s) => s.flags === 'S');
    const third = dropped[2];
    const again = third ? dropped.find((s) => s.src === third.src && s.t > third.t) : undefined;
    return sim('backlog-overflow', "a dropped client's SYN retransmission gap", third && again ? Math.round(msOf(again.t - third.t)) : -1, 'ms');
  },
  overflowSlowConnectS: (ctx) => {
    const tl = ctx.run('backlog-overflow');
    const slow = Math.max(...calls(tl, { host: 'client', call: 'connect' }).map((c) => callDuration(tl, c)));
    return sim('backlog-overflow', 'longest connect() duration', Math.round(sOf(slow) * 10) / 10, 's');
  },
  overflowTryConnected: (ctx) => {
    const change = { params: { backlog: 3 } };
    const tl = ctx.run('backlog-overflow', change);
    const quick = calls(tl, { host: 'client', call: 'connect' }).filter((c) => c.ret === 0 && callDuration(tl, c) < 500_000).length;
    return sim('backlog-overflow', 'clients connected within half a second, with backlog 3', quick, '', change);
  },
  somaxconnRequested: (ctx) => sim('somaxconn-caps-backlog', 'the listen() backlog', listenBacklog(ctx.scenario('somaxconn-caps-backlog').steps)),
  somaxconnSet: (ctx) => sim('somaxconn-caps-backlog', "the server's net.core.somaxconn", Number(ctx.scenario('somaxconn-caps-backlog').hosts.server?.sysctl?.['net.core.somaxconn'] ?? -1)),
  somaxconnLimit: (ctx) => sim('somaxconn-caps-backlog', 'acceptMax of the listener', acceptQueuePeak(ctx.run('somaxconn-caps-backlog')).max),
  somaxconnHeld: (ctx) => sim('somaxconn-caps-backlog', 'largest accept-queue length', acceptQueuePeak(ctx.run('somaxconn-caps-backlog')).peak),
  somaxconnLinux: () => sim(undefined, 'SYSCTL_DEFAULTS net.core.somaxconn', Number(SYSCTL_DEFAULTS['net.core.somaxconn'])),
  overflowConnectMs: (ctx) => {
    const tl = ctx.run('backlog-overflow');
    return sim('backlog-overflow', "first client's connect() duration", msOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()'))), 'ms');
  },
} satisfies FactDefs;
