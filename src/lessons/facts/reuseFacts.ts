// Lesson 10: what reuse saves, measured (cold-start, http-keepalive) and computed (the course's cost model).

import { coldStart, pooledQueries, sequentialCalls } from '../calc/coldStart.ts';
import { littlesLaw } from '../calc/littlesLaw.ts';
import { fdCeiling, poolMax, poolSizeWithBuffer } from '../calc/poolSize.ts';
import { fmt } from '../calc/format.ts';
import { formula, sim, type FactDefs, type FactContext } from './Fact.ts';
import { g } from './givens.ts';
import { calls, msOf, states } from './measure.ts';
import type { LabChange } from '../types.ts';

/** First and second call durations in cold-start: connect() start → first answer; second send → second answer. */
function coldCalls(ctx: FactContext, change?: LabChange): [number, number] {
  const tl = ctx.run('cold-start', change);
  const connectStart = tl.events.find((e) => e.type === 'call-start' && e.host === 'client' && e.call === 'connect');
  const answers = calls(tl, { host: 'client', call: 'recv' }).filter((c) => c.data?.startsWith('HTTP/'));
  const sends = calls(tl, { host: 'client', call: 'send' });
  const [a1, a2] = answers;
  const secondSend = a1 ? sends.find((s) => s.t >= a1.t) : undefined;
  if (!connectStart || !a1 || !a2 || !secondSend) return [-1, -1];
  return [msOf(a1.t - connectStart.t), msOf(a2.t - secondSend.t)];
}

const lastAnswerMs = (ctx: FactContext, id: string): number => {
  const answers = calls(ctx.run(id), { host: 'client', call: 'recv' }).filter((c) => (c.ret ?? 0) > 0);
  return answers.length ? msOf(answers[answers.length - 1]!.t) : -1;
};

const cold = () => coldStart({ rttMs: g('rttMs'), setupRtts: g('tcpRtts') + g('tls13Rtts'), callMs: g('callMs') });

export const reuseFacts = {
  coldFirstMs: (ctx) => sim('cold-start', 'connect() start to the first answer', coldCalls(ctx)[0], 'ms'),
  coldSecondMs: (ctx) => sim('cold-start', 'second request sent to its answer', coldCalls(ctx)[1], 'ms'),
  coldRttMs: (ctx) => sim('cold-start', 'twice network.delayMs', 2 * (ctx.scenario('cold-start').network?.delayMs ?? 0), 'ms'),
  coldWorkMs: (ctx) => {
    const s = ctx.scenario('cold-start').steps.find((x) => x.call === 'sleep');
    return sim('cold-start', "the server's work per request", s && s.call === 'sleep' ? s.ms : -1, 'ms');
  },
  coldTryFirstMs: (ctx) => {
    const change = { params: { delay: g('worldRttMs') / 2 } };
    return sim('cold-start', 'first call with the one-way delay at half the world round trip', coldCalls(ctx, change)[0], 'ms', change);
  },
  keepaliveLastMs: (ctx) => sim('http-keepalive', 'time of the second answer', lastAnswerMs(ctx, 'http-keepalive'), 'ms'),
  twoConnLastMs: (ctx) => sim('http-two-connections', 'time of the second answer', lastAnswerMs(ctx, 'http-two-connections'), 'ms'),
  keepaliveHandshakes: (ctx) => sim('http-keepalive', 'connect() calls', calls(ctx.run('http-keepalive'), { host: 'client', call: 'connect' }).length),
  twoConnHandshakes: (ctx) => sim('http-two-connections', 'connect() calls', calls(ctx.run('http-two-connections'), { host: 'client', call: 'connect' }).length),
  twoConnTimeWaits: (ctx) => sim('http-two-connections', 'client sockets that entered TIME-WAIT', states(ctx.run('http-two-connections'), { host: 'client', to: 'TIME-WAIT' }).length),
  staleIdleS: (ctx) => {
    const s = ctx.scenario('stale-pool-connection').steps.find((x) => x.host === 'server' && x.timeoutMs !== undefined);
    return sim('stale-pool-connection', "the server's idle deadline", (s?.timeoutMs ?? -1000) / 1000, 's');
  },
  staleRecv: (ctx) => {
    const r = calls(ctx.run('stale-pool-connection'), { host: 'client', call: 'recv' }).at(-1);
    return sim('stale-pool-connection', "the reused connection's recv() result", r?.errno ?? String(r?.ret ?? 'none'));
  },

  setupMs: () => formula(cold().setup.working, cold().setup.value, 'ms'),
  coldCallMs: () => formula(cold().cold.working, cold().cold.value, 'ms'),
  warmCallMs: () => formula(cold().warm.working, cold().warm.value, 'ms'),
  noReuseS: () => {
    const r = sequentialCalls(g('sequentialCalls'), cold().cold.value, cold().warm.value);
    return formula(r.withoutReuse.working, r.withoutReuse.value, 's');
  },
  reuseS: () => {
    const r = sequentialCalls(g('sequentialCalls'), cold().cold.value, cold().warm.value);
    return formula(r.withReuse.working, r.withReuse.value, 's');
  },
  reuseSpeedup: () => {
    const r = sequentialCalls(g('sequentialCalls'), cold().cold.value, cold().warm.value);
    return formula(r.speedup.working, r.speedup.value, '×');
  },
  unpooledMs: () => {
    const r = pooledQueries(g('poolDemoQueries'), g('poolDemoSetupMs'), g('poolDemoQueryMs'));
    return formula(r.unpooled.working, r.unpooled.value, 'ms');
  },
  pooledMs: () => {
    const r = pooledQueries(g('poolDemoQueries'), g('poolDemoSetupMs'), g('poolDemoQueryMs'));
    return formula(r.pooled.working, r.pooled.value, 'ms');
  },
  littleL: () => {
    const r = littlesLaw(g('peakRps'), g('callMs'));
    return formula(r.working, r.value, 'connections');
  },
  poolMaxLesson: () => {
    const r = poolMax(g('peakRps'), g('callMs'), g('headroom'));
    return formula(r.working, r.value, 'connections');
  },
  poolChapter: () => {
    const r = poolSizeWithBuffer(g('chapterRps'), g('chapterQueryMs'), g('chapterBuffer'));
    return formula(r.working, r.value, 'connections');
  },
  chapterBufferPct: () => formula(`${g('chapterBuffer')} × 100`, g('chapterBuffer') * 100, '%'),
  fdForPools: () => {
    const p = poolMax(g('peakRps'), g('callMs'), g('headroom')).value;
    const r = fdCeiling(g('upstreams'), p, g('limitNofile'));
    return formula(r.working, r.value, 'fds');
  },
  fdForPoolsFitsOldLimit: () => {
    const p = poolMax(g('peakRps'), g('callMs'), g('headroom')).value;
    const r = fdCeiling(g('upstreams'), p, g('fdDefaultText'));
    return formula(r.working, r.fits ? 'fits' : 'does not fit');
  },
  poolCapacityRps: () => {
    const v = g('tracePoolMax') / (g('callMs') / 1000);
    return formula(`${fmt(g('tracePoolMax'))} connections ÷ ${fmt(g('callMs') / 1000)} s`, v, '/s');
  },
  spikeBacklog: () => {
    const capacity = g('tracePoolMax') / (g('callMs') / 1000);
    const v = (g('traceSpikeRps') - capacity) * g('traceSpikeS');
    return formula(`(${fmt(g('traceSpikeRps'))} − ${fmt(capacity)})/s × ${fmt(g('traceSpikeS'))} s`, v, 'requests');
  },
  spikeInFlight: () => {
    const r = littlesLaw(g('traceSpikeRps'), g('callMs'));
    return formula(r.working, r.value, 'connections');
  },
  incidentHoldMs: () => formula(`${g('incidentCalls')} × ${g('callMs')} ms`, g('incidentCalls') * g('callMs'), 'ms'),
  incidentNeeded: () => {
    const r = littlesLaw(g('incidentNormalRps'), g('incidentCalls') * g('callMs'));
    return formula(r.working, r.value, 'connections');
  },
  poolIdleMarginS: () => formula(`${g('lbIdleS')} s − ${g('poolIdleS')} s`, g('lbIdleS') - g('poolIdleS'), 's'),
  drillGapMs: () => formula(`${g('drillFirstCallMs')} ms − ${g('drillLaterCallMs')} ms`, g('drillFirstCallMs') - g('drillLaterCallMs'), 'ms'),
  incidentLatencyRatio: () => formula(`${fmt(g('incidentPeakMs'))} ms ÷ ${g('incidentNormalMs')} ms`, g('incidentPeakMs') / g('incidentNormalMs'), '×'),
} satisfies FactDefs;
