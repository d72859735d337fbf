// Lesson 7: the error table, each row measured on its scenario.

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { formula, sim, type FactDefs } from './Fact.ts';
import { calls, callDuration, first, msOf, segments, sOf } from './measure.ts';

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
    return sim('connect-timeout', 'send times of the retransmitted SYNs, from the first', syns.slice(1).map((s) => Math.round(sOf(s.t - t0))).join(', '));
  },
  synRetransmits: (ctx) => sim('connect-timeout', 'SYNs marked retransmit', segments(ctx.run('connect-timeout')).filter((s) => s.flags === 'S' && s.why === 'retransmit').length),
  connectTimeoutS: (ctx) => {
    const tl = ctx.run('connect-timeout');
    return sim('connect-timeout', 'connect() duration until ETIMEDOUT', Math.round(sOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()')))), 's');
  },
  connectTimeoutErrno: (ctx) => sim('connect-timeout', "the client's connect() errno", errnoOf(calls(ctx.run('connect-timeout'), { host: 'client', call: 'connect' }))),
  synRetriesLinux: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_syn_retries', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_retries'])),
  synLinearLinux: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_syn_linear_timeouts', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_linear_timeouts'])),
  olderKernelTimeoutS: () => {
    // Before Linux 6.5 every wait doubled from the 1 s initial RTO: 1 + 2 + … + 64 over tcp_syn_retries = 6.
    const retries = Number(SYSCTL_DEFAULTS['net.ipv4.tcp_syn_retries']);
    const waits = Array.from({ length: retries + 1 }, (_, i) => 2 ** i);
    return formula(`${waits.join(' + ')}`, waits.reduce((a, b) => a + b, 0), 's');
  },
  synRetriesTryS: (ctx) => {
    const change = { params: { synRetries: 3 } };
    const tl = ctx.run('connect-timeout', change);
    return sim('connect-timeout', 'connect() duration with tcp_syn_retries 3', Math.round(sOf(callDuration(tl, first(calls(tl, { host: 'client', call: 'connect' }), 'connect()')))), 's', change);
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
