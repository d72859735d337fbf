// Lesson 5: FIN/ACK teardown, TIME-WAIT, CLOSE-WAIT leaks, resets.

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { formula, sim, type FactDefs } from './Fact.ts';
import { g } from './givens.ts';
import { calls, first, round1, segments, sOf, stateSpans, states, timerSets } from './measure.ts';

export const closingFacts = {
  timeWaitS: (ctx) => {
    const set = first(timerSets(ctx.run('client-closes-first'), { timer: 'time-wait' }), 'TIME-WAIT timer');
    return sim('client-closes-first', 'deadline of the TIME-WAIT timer, as armed', sOf(set.due), 's');
  },
  timeWaitMeasuredS: (ctx) => {
    const span = first(stateSpans(ctx.run('client-closes-first'), 'TIME-WAIT'), 'TIME-WAIT');
    return sim('client-closes-first', 'TIME-WAIT entry to CLOSED', span.to === null ? -1 : round1(sOf(span.to - span.from)), 's');
  },
  timeWaitHostClientFirst: (ctx) => sim('client-closes-first', 'host whose socket entered TIME-WAIT', first(states(ctx.run('client-closes-first'), { to: 'TIME-WAIT' }), 'TIME-WAIT').host),
  timeWaitHostServerFirst: (ctx) => sim('server-closes-first', 'host whose socket entered TIME-WAIT', first(states(ctx.run('server-closes-first'), { to: 'TIME-WAIT' }), 'TIME-WAIT').host),
  teardownSegments: (ctx) => {
    const segs = segments(ctx.run('client-closes-first'));
    const fin = segs.findIndex((s) => s.flags.includes('F'));
    return sim('client-closes-first', 'segments from the first FIN to the end', fin < 0 ? -1 : segs.length - fin);
  },
  rfcTimeWaitS: () => formula(`2 × ${g('rfcMslS')} s`, 2 * g('rfcMslS'), 's'),
  twReuseDefault: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_tw_reuse', Number(SYSCTL_DEFAULTS['net.ipv4.tcp_tw_reuse'])),
  pileupConnections: (ctx) => sim('time-wait-pileup', 'connect() calls by the client', calls(ctx.run('time-wait-pileup'), { host: 'client', call: 'connect' }).length),
  pileupTimeWaits: (ctx) => sim('time-wait-pileup', 'sockets that entered TIME-WAIT', states(ctx.run('time-wait-pileup'), { to: 'TIME-WAIT' }).length),
  exhaustPorts: (ctx) => {
    const range = String(ctx.scenario('ephemeral-port-exhaustion').hosts.client?.sysctl?.['net.ipv4.ip_local_port_range'] ?? '0 -1');
    const [lo, hi] = range.trim().split(/\s+/).map(Number);
    return sim('ephemeral-port-exhaustion', "size of the client's ip_local_port_range", (hi ?? -1) - (lo ?? 0) + 1, 'ports');
  },
  exhaustErrno: (ctx) => sim('ephemeral-port-exhaustion', 'errno of the first failed connect()', calls(ctx.run('ephemeral-port-exhaustion'), { host: 'client', call: 'connect' }).find((c) => c.errno)?.errno ?? 'none'),
  exhaustConnected: (ctx) => {
    const cs = calls(ctx.run('ephemeral-port-exhaustion'), { host: 'client', call: 'connect' });
    const firstFail = cs.findIndex((c) => c.errno);
    return sim('ephemeral-port-exhaustion', 'connect() calls that succeeded before the first failure', firstFail < 0 ? cs.length : firstFail);
  },
  closeWaitHeldS: (ctx) => {
    const tl = ctx.run('close-wait-leak');
    const span = first(stateSpans(tl, 'CLOSE-WAIT').filter((s) => s.host === 'server'), 'server CLOSE-WAIT');
    return sim('close-wait-leak', 'server time in CLOSE-WAIT by the end of the run (never left)', span.to === null ? Math.round(sOf(tl.endT - span.from)) : -1, 's');
  },
  finTimeoutS: (ctx) => {
    const set = first(timerSets(ctx.run('close-wait-leak'), { host: 'client', timer: 'fin-wait-2' }), 'FIN-WAIT-2 timer');
    return sim('close-wait-leak', "deadline of the client's orphaned FIN-WAIT-2 timer, as armed", sOf(set.due), 's');
  },
  finTimeoutTryS: (ctx) => {
    const change = { params: { finTimeout: 30 } };
    const span = first(stateSpans(ctx.run('close-wait-leak', change), 'FIN-WAIT-2'), 'FIN-WAIT-2');
    return sim('close-wait-leak', "client's FIN-WAIT-2 lifetime with tcp_fin_timeout 30", span.to === null ? -1 : round1(sOf(span.to - span.from)), 's', change);
  },
  unreadFlags: (ctx) => sim('reset-unread-data', "the server's flags when it closes", first(segments(ctx.run('reset-unread-data')).filter((s) => s.srcHost === 'server' && s.flags.includes('R')), 'RST').flags),
  unreadErrno: (ctx) => sim('reset-unread-data', "the client's recv() errno", calls(ctx.run('reset-unread-data'), { host: 'client', call: 'recv' }).find((c) => c.errno)?.errno ?? 'none'),
  lingerTimeWaits: (ctx) => sim('reset-linger-zero', 'sockets that entered TIME-WAIT', states(ctx.run('reset-linger-zero'), { to: 'TIME-WAIT' }).length),
  lingerErrno: (ctx) => sim('reset-linger-zero', "the server's recv() errno", calls(ctx.run('reset-linger-zero'), { host: 'server', call: 'recv' }).find((c) => c.errno)?.errno ?? 'none'),
  halfCloseServerSent: (ctx) => {
    const tl = ctx.run('half-close');
    const clientFin = first(segments(tl).filter((s) => s.srcHost === 'client' && s.flags.includes('F')), 'client FIN');
    const after = segments(tl).filter((s) => s.srcHost === 'server' && s.len > 0 && s.t > clientFin.t).reduce((n, s) => n + s.len, 0);
    return sim('half-close', "bytes the server sent after the client's FIN", after, 'bytes');
  },
} satisfies FactDefs;
