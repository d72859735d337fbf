// Lesson 7: the error table, each row measured on its scenario.

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { synSchedule, type SynScheduleInput } from '../calc/synSchedule.ts';
import { formula, sim, type FactContext, type FactDefs } from './Fact.ts';
import { calls, callDuration, first, msOf, round1, segments, sOf, timerSets } from './measure.ts';

/** Linux's SYN schedule inputs: the initial RTO as the simulator arms it, and the default sysctls. */
function linuxSyn(ctx: FactContext): SynScheduleInput {
  const set = first(timerSets(ctx.run('connect-timeout'), { host: 'client', timer: 'retransmit' }), 'SYN retransmission timer');
  return {
    initialRtoS: sOf(set.due),
    linear: Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_linear_timeouts']),
    retries: Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_retries']),
  };
}

const errnoOf = (cs: { errno?: string }[]): string => cs.find((c) => c.errno)?.errno ?? 'none';

export const failureFacts = {
  refusedErrno: (ctx) => sim('connection-refused', "the client's connect() errno", errnoOf(calls(ctx.run('connection-refused'), { host: 'client', call: 'connect' }))),
  refusedMs: (ctx) => {
    const tl = ctx.run('connection-refused');
    return sim('connection-refused', 'connect() duration', msOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()'))), 'ms');
  },
  refusedFlags: (ctx) => sim('connection-refused', "the server host's answer to the SYN", first(segments(ctx.run('connection-refused')).filter((s) => s.srcHost === 'server'), 'answer').flags),
  synSchedule: (ctx) => {
    const syns = segments(ctx.run('connect-timeout')).filter((s) => s.flags === 'S');
    const t0 = first(syns, 'SYN').t;
    return sim('connect-timeout', 'send times of the retransmitted SYNs, from the first, to one decimal', syns.slice(1).map((s) => round1(sOf(s.t - t0))).join(', '));
  },
  synScheduleNominal: (ctx) => {
    const s = synSchedule(linuxSyn(ctx));
    return formula(`running sums of ${s.working}`, s.sendTimes.join(', '));
  },
  connectTimeoutNominalS: (ctx) => {
    const s = synSchedule(linuxSyn(ctx));
    return formula(s.working, s.failAt, 's');
  },
  synRetransmits: (ctx) => sim('connect-timeout', 'SYNs marked retransmit', segments(ctx.run('connect-timeout')).filter((s) => s.flags === 'S' && s.why === 'retransmit').length),
  connectTimeoutS: (ctx) => {
    const tl = ctx.run('connect-timeout');
    return sim('connect-timeout', 'connect() duration until ETIMEDOUT', round1(sOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()')))), 's');
  },
  connectTimeoutErrno: (ctx) => sim('connect-timeout', "the client's connect() errno", errnoOf(calls(ctx.run('connect-timeout'), { host: 'client', call: 'connect' }))),
  synRetriesLinux: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_syn_retries', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_retries'])),
  synLinearLinux: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_syn_linear_timeouts', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_linear_timeouts'])),
  olderKernelTimeoutS: (ctx) => {
    // Before Linux 6.5 there were no linear retries: every wait doubled from the initial RTO.
    const s = synSchedule({ ...linuxSyn(ctx), linear: 0 });
    return formula(s.working, s.failAt, 's');
  },
  synRetriesTryS: (ctx) => {
    const change = { params: { synRetries: 3 } };
    const tl = ctx.run('connect-timeout', change);
    return sim('connect-timeout', 'connect() duration with tcp_syn_retries 3', round1(sOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()')))), 's', change);
  },
  settimeoutS: (ctx) => {
    const tl = ctx.run('connect-settimeout');
    return sim('connect-settimeout', 'connect() duration until the deadline', sOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()'))), 's');
  },
  crashErrno: (ctx) => sim('process-crash-reset', "the client's recv() errno", errnoOf(calls(ctx.run('process-crash-reset'), { host: 'client', call: 'recv' }))),
  emfileLimit: (ctx) => sim('emfile', "the server's nofile", ctx.scenario('emfile').hosts.server?.nofile ?? -1, 'fds'),
  emfileAccepted: (ctx) => {
    const accepts = calls(ctx.run('emfile'), { host: 'server', call: 'accept' });
    const firstFail = accepts.findIndex((c) => c.errno);
    return sim('emfile', 'accept() calls that succeeded before the first EMFILE', firstFail < 0 ? accepts.length : firstFail);
  },
  emfileErrno: (ctx) => sim('emfile', 'errno of the failing accept()', errnoOf(calls(ctx.run('emfile'), { host: 'server', call: 'accept' }))),
  emfileTryAccepted: (ctx) => {
    const change = { params: { nofile: 5 } };
    const accepts = calls(ctx.run('emfile', change), { host: 'server', call: 'accept' });
    const firstFail = accepts.findIndex((c) => c.errno);
    return sim('emfile', 'accept() calls before EMFILE with nofile 5', firstFail < 0 ? accepts.length : firstFail, '', change);
  },
  addrInUseErrno: (ctx) => sim('reuseaddr-restart-fails', 'errno of the second bind()', errnoOf(calls(ctx.run('reuseaddr-restart-fails'), { host: 'server', call: 'bind' }))),
} satisfies FactDefs;
