// Lesson 3: the handshake's numbers, its cost per round trip, and SYN floods.

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { formula, sim, type FactDefs, type FactContext } from './Fact.ts';
import { g } from './givens.ts';
import { calls, callDuration, first, msOf, round1, segments, sOf, timerSets } from './measure.ts';

function connectMs(ctx: FactContext, id: string, change?: { delayMs?: number; params?: Record<string, number> }): number {
  const tl = ctx.run(id, change);
  const c = first(calls(tl, { host: 'client', call: 'connect' }), `connect() in ${id}`);
  return msOf(callDuration(tl, c));
}

export const handshakeFacts = {
  hsOneWayMs: (ctx) => sim('handshake', 'network.delayMs of the scenario', ctx.scenario('handshake').network?.delayMs ?? 0, 'ms'),
  hsRttMs: (ctx) => formula(`2 × ${ctx.scenario('handshake').network?.delayMs ?? 0} ms`, 2 * (ctx.scenario('handshake').network?.delayMs ?? 0), 'ms'),
  hsConnectMs: (ctx) => sim('handshake', 'connect() call to return', connectMs(ctx, 'handshake'), 'ms'),
  hsAcceptAfterConnectMs: (ctx) => {
    const tl = ctx.run('handshake');
    const a = first(calls(tl, { host: 'server', call: 'accept' }), 'accept()');
    const c = first(calls(tl, { host: 'client', call: 'connect' }), 'connect()');
    return sim('handshake', 'accept() return minus connect() return', msOf(a.t - c.t), 'ms');
  },
  hsClientIsn: (ctx) => sim('handshake', 'seq of the SYN', first(segments(ctx.run('handshake')), 'SYN').seq),
  hsServerIsn: (ctx) => sim('handshake', 'seq of the SYN-ACK', segments(ctx.run('handshake'))[1]?.seq ?? -1),
  hsSynAckAck: (ctx) => sim('handshake', 'ack of the SYN-ACK', segments(ctx.run('handshake'))[1]?.ack ?? -1),
  hsFinalAck: (ctx) => sim('handshake', 'ack of the final ACK', segments(ctx.run('handshake'))[2]?.ack ?? -1),
  hsSegments: (ctx) => sim('handshake', 'segments in the run', segments(ctx.run('handshake')).length),

  lanConnectMs: (ctx) => {
    const change = { delayMs: g('lanOneWayMs') };
    return sim('handshake', 'connect() duration with the delay knob at a LAN value', connectMs(ctx, 'handshake', change), 'ms', change);
  },
  worldOneWayMs: () => formula(`${g('worldRttMs')} ms ÷ 2`, g('worldRttMs') / 2, 'ms'),
  worldConnectMs: (ctx) => {
    const change = { delayMs: g('worldRttMs') / 2 };
    return sim('handshake', 'connect() duration with the one-way delay at half the round trip', connectMs(ctx, 'handshake', change), 'ms', change);
  },

  lostSynackConnectMs: (ctx) => sim('lost-synack', 'connect() duration when the first SYN-ACK is lost', Math.round(connectMs(ctx, 'lost-synack')), 'ms'),
  initialRtoMs: (ctx) => {
    const set = first(timerSets(ctx.run('lost-synack'), { host: 'client', timer: 'retransmit' }), 'retransmit timer');
    return sim('lost-synack', "deadline of the client's first retransmission timer, as armed", msOf(set.due), 'ms');
  },
  initialRtoMeasuredMs: (ctx) => {
    const syns = segments(ctx.run('lost-synack')).filter((s) => s.flags === 'S');
    const [a, b] = syns;
    return sim('lost-synack', 'gap between the SYN and its retransmission', a && b ? Math.round(msOf(b.t - a.t)) : -1, 'ms');
  },

  floodSyns: (ctx) => {
    const step = ctx.scenario('syn-flood-cookies').steps.find((s) => s.call === 'synflood');
    return sim('syn-flood-cookies', 'count of the synflood step', step && step.call === 'synflood' ? step.count : -1, 'SYNs');
  },
  // Measured, not the backlog argument: Linux lets the SYN queue hold one more than its limit (listen(8) holds 9).
  floodBacklog: (ctx) => {
    let peak = -1;
    for (const e of ctx.run('syn-flood-cookies').events) if (e.type === 'queue' && e.synQueue > peak) peak = e.synQueue;
    return sim('syn-flood-cookies', "the most half-open entries the listener's SYN queue held", peak);
  },
  floodCookieConnectMs: (ctx) => sim('syn-flood-cookies', "the genuine client's connect() duration", connectMs(ctx, 'syn-flood-cookies'), 'ms'),
  floodNoCookieConnectS: (ctx) => sim('syn-flood-no-cookies', "the genuine client's connect() duration", round1(connectMs(ctx, 'syn-flood-no-cookies') / 1000), 's'),
  cookiesOffOutcome: (ctx) => {
    const change = { params: { syncookies: 0 } };
    const tl = ctx.run('syn-flood-cookies', change);
    const c = calls(tl, { host: 'client', call: 'connect' })[0];
    const outcome = !c ? 'still waiting' : c.errno ? c.errno : 'connected';
    return sim('syn-flood-cookies', `client connect() by the end of the run (${sOf(tl.endT)} s)`, outcome, '', change);
  },
  synackRetries: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_synack_retries', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_synack_retries'])),
  maxSynBacklogLinux: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_max_syn_backlog', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_max_syn_backlog'])),
} satisfies FactDefs;
