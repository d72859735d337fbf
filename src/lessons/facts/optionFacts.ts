// Lesson 8: SO_REUSEADDR, SO_REUSEPORT, keepalive timing, TCP_NODELAY.

import { SYSCTL_DEFAULTS, type Scenario } from '../../sim/index.ts';
import { keepaliveDetection } from '../calc/keepaliveDetection.ts';
import { formula, sim, type FactDefs, type FactContext } from './Fact.ts';
import { g } from './givens.ts';
import { calls, first, round1, segments, sOf } from './measure.ts';
import type { LabChange } from '../types.ts';

function sockopt(sc: Scenario, opt: string): number {
  const s = sc.steps.find((x) => x.call === 'setsockopt' && x.opt === opt);
  return s && s.call === 'setsockopt' && typeof s.value === 'number' ? s.value : -1;
}

/** Seconds from the last segment heard from the client to the keepalive RST. */
function detectS(ctx: FactContext, change?: LabChange): number {
  const segs = segments(ctx.run('keepalive-dead-peer', change));
  const rst = first(segs.filter((s) => s.srcHost === 'server' && s.flags.includes('R')), 'keepalive RST');
  const heard = segs.filter((s) => s.srcHost === 'client' && s.fate === 'delivered' && s.t < rst.t).at(-1);
  return heard ? round1(sOf(rst.t - Math.max(...heard.arrive))) : -1;
}

const linuxKa = () => ({
  idleS: Number(SYSCTL_DEFAULTS['net.ipv4.tcp_keepalive_time']),
  intvlS: Number(SYSCTL_DEFAULTS['net.ipv4.tcp_keepalive_intvl']),
  cnt: Number(SYSCTL_DEFAULTS['net.ipv4.tcp_keepalive_probes']),
});

export const optionFacts = {
  kaIdleS: (ctx) => sim('keepalive-dead-peer', 'TCP_KEEPIDLE set by the server', sockopt(ctx.scenario('keepalive-dead-peer'), 'TCP_KEEPIDLE'), 's'),
  kaIntvlS: (ctx) => sim('keepalive-dead-peer', 'TCP_KEEPINTVL set by the server', sockopt(ctx.scenario('keepalive-dead-peer'), 'TCP_KEEPINTVL'), 's'),
  kaCnt: (ctx) => sim('keepalive-dead-peer', 'TCP_KEEPCNT set by the server', sockopt(ctx.scenario('keepalive-dead-peer'), 'TCP_KEEPCNT')),
  kaFormulaS: (ctx) => {
    const sc = ctx.scenario('keepalive-dead-peer');
    const r = keepaliveDetection({ idleS: sockopt(sc, 'TCP_KEEPIDLE'), intvlS: sockopt(sc, 'TCP_KEEPINTVL'), cnt: sockopt(sc, 'TCP_KEEPCNT') });
    return formula(r.working, r.value, 's');
  },
  kaDetectS: (ctx) => sim('keepalive-dead-peer', "the server's RST minus the last segment it heard", detectS(ctx), 's'),
  kaProbes: (ctx) => sim('keepalive-dead-peer', 'segments marked keepalive probe', segments(ctx.run('keepalive-dead-peer')).filter((s) => s.why?.startsWith('keepalive probe')).length),
  kaErrno: (ctx) => sim('keepalive-dead-peer', "the server's recv() errno", calls(ctx.run('keepalive-dead-peer'), { host: 'server', call: 'recv' }).find((c) => c.errno)?.errno ?? 'none'),
  kaTryCnt3S: (ctx) => {
    const change = { params: { keepCnt: g('kaProdCnt') } };
    return sim('keepalive-dead-peer', 'detection time with TCP_KEEPCNT set to the production value', detectS(ctx, change), 's', change);
  },
  kaProdFormulaS: () => {
    const r = keepaliveDetection({ idleS: g('kaProdIdleS'), intvlS: g('kaProdIntvlS'), cnt: g('kaProdCnt') });
    return formula(r.working, r.value, 's');
  },
  kaLinuxIdleS: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_keepalive_time', linuxKa().idleS, 's'),
  kaLinuxIntvlS: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_keepalive_intvl', linuxKa().intvlS, 's'),
  kaLinuxCnt: () => sim(undefined, 'SYSCTL_DEFAULTS net.ipv4.tcp_keepalive_probes', linuxKa().cnt),
  kaLinuxFormulaS: () => {
    const r = keepaliveDetection(linuxKa());
    return formula(r.working, r.value, 's');
  },
  kaLinuxIdleH: () => formula(`${linuxKa().idleS} s ÷ 3,600 s per hour`, linuxKa().idleS / 3600, 'hours'),
  kaOffState: (ctx) => {
    const tl = ctx.run('keepalive-off-dead-peer');
    const recvs = calls(tl, { host: 'server', call: 'recv' });
    const stillWaiting = tl.events.filter((e) => e.type === 'call-start' && e.host === 'server' && e.call === 'recv').length > recvs.length;
    return sim('keepalive-off-dead-peer', "the server's recv() at the end of the run", stillWaiting ? 'still blocked' : 'returned');
  },
  kaOffRunS: (ctx) => sim('keepalive-off-dead-peer', 'length of the run', Math.round((ctx.scenario('keepalive-off-dead-peer').untilMs ?? 0) / 1000), 's'),
  reuseaddrWorksBind: (ctx) => {
    const binds = calls(ctx.run('reuseaddr-restart-works'), { host: 'server', call: 'bind' });
    const b = binds.at(-1);
    return sim('reuseaddr-restart-works', 'result of the restarted bind()', b?.errno ?? String(b?.ret ?? 'none'));
  },
  twoListenersErrno: (ctx) => sim('reuseaddr-two-listeners', 'errno of the second bind()', calls(ctx.run('reuseaddr-two-listeners'), { host: 'server', call: 'bind' }).find((c) => c.errno)?.errno ?? 'none'),
  reuseportSplit: (ctx) => {
    const accepts = calls(ctx.run('reuseport-workers'), { host: 'server', call: 'accept' }).filter((c) => c.ret !== undefined && c.ret >= 0);
    const per = new Map<string, number>();
    for (const a of accepts) per.set(a.thread, (per.get(a.thread) ?? 0) + 1);
    const counts = [...per.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, n]) => n);
    return sim('reuseport-workers', 'connections accepted by each worker', counts.join(' and '));
  },
  reuseportClients: (ctx) => sim('reuseport-workers', 'clients that connect', calls(ctx.run('reuseport-workers'), { host: 'client', call: 'connect' }).length),
} satisfies FactDefs;
