// Lesson 4: segments and ACKs, delayed ACK, Nagle against TCP_NODELAY, retransmission, per-call timeouts.

import { sim, type FactDefs, type FactContext } from './Fact.ts';
import { calls, callDuration, first, msOf, segments, sOf, timerSets } from './measure.ts';
import type { LabChange } from '../types.ts';

function dataSegments(ctx: FactContext, id: string, change?: LabChange) {
  return segments(ctx.run(id, change)).filter((s) => s.srcHost === 'client' && s.len > 0);
}

/** A seed whose random losses hit data segments (seed 1 only loses ACKs): the lesson's try-this uses it. */
export const LOSSY_SEED: LabChange = { seed: 2 };

function lossy(ctx: FactContext): { bytes: number; lost: number; resent: number } {
  const tl = ctx.run('lossy-transfer', LOSSY_SEED);
  const data = segments(tl).filter((s) => s.srcHost === 'client' && s.len > 0);
  return {
    bytes: calls(tl, { host: 'server', call: 'recv' }).reduce((n, c) => n + Math.max(0, c.ret ?? 0), 0),
    lost: data.filter((s) => s.fate === 'dropped').length,
    // Sent again = starts below the highest byte already sent (a retransmission, or a tail loss probe resending).
    resent: data.reduce(
      (acc, s) => {
        const end = (s.seq + s.len) >>> 0;
        const again = acc.top !== null && ((s.seq - acc.top) | 0) < 0;
        return { top: acc.top === null || ((end - acc.top) | 0) > 0 ? end : acc.top, n: acc.n + (again ? 1 : 0) };
      },
      { top: null as number | null, n: 0 },
    ).n,
  };
}

export const dataFacts = {
  nagleWrites: (ctx) => sim('nagle-hello', 'client send() calls', calls(ctx.run('nagle-hello'), { host: 'client', call: 'send' }).length),
  nagleSegments: (ctx) => sim('nagle-hello', 'client segments carrying data', dataSegments(ctx, 'nagle-hello').length),
  nagleFirst: (ctx) => sim('nagle-hello', 'payload of the first data segment', `"${first(dataSegments(ctx, 'nagle-hello'), 'data').data ?? ''}"`),
  nagleSecond: (ctx) => sim('nagle-hello', 'payload of the second data segment', `"${dataSegments(ctx, 'nagle-hello')[1]?.data ?? ''}"`),
  nagleHoldMs: (ctx) => {
    const [a, b] = dataSegments(ctx, 'nagle-hello');
    return sim('nagle-hello', 'time between the first and second data segments', a && b ? msOf(b.t - a.t) : -1, 'ms');
  },
  nagleRttMs: (ctx) => sim('nagle-hello', 'twice network.delayMs', 2 * (ctx.scenario('nagle-hello').network?.delayMs ?? 0), 'ms'),
  nodelaySegments: (ctx) => sim('nodelay-hello', 'client segments carrying data', dataSegments(ctx, 'nodelay-hello').length),
  nagleLanSegments: (ctx) => {
    const change = { delayMs: 0.05 };
    return sim('nagle-hello', 'client data segments with the delay near zero', dataSegments(ctx, 'nagle-hello', change).length, '', change);
  },

  delayedAckMs: (ctx) => {
    const set = first(timerSets(ctx.run('close-wait-leak'), { timer: 'delayed-ack' }), 'delayed-ACK timer');
    return sim('close-wait-leak', 'deadline of the delayed-ACK timer, as armed', msOf(set.due), 'ms');
  },
  delayedAckMeasuredMs: (ctx) => {
    const tl = ctx.run('close-wait-leak');
    const segs = segments(tl);
    const ack = first(segs.filter((s) => s.why === 'delayed ACK'), 'delayed ACK');
    // The segment it acknowledges is the last one from the peer that arrived before it left.
    const acked = segs.filter((s) => s.srcHost !== ack.srcHost && s.arrive.some((t) => t <= ack.t)).at(-1);
    const arrived = acked ? Math.max(...acked.arrive.filter((t) => t <= ack.t)) : ack.t;
    return sim('close-wait-leak', 'a delayed ACK minus the arrival of the segment it acknowledges', Math.round(msOf(ack.t - arrived)), 'ms');
  },
  rtoMs: (ctx) => {
    const tl = ctx.run('lost-data-retransmit');
    const lost = first(segments(tl).filter((s) => s.srcHost === 'client' && s.len > 0), 'request');
    const set = first(timerSets(tl, { host: 'client', timer: 'retransmit' }).filter((x) => x.t === lost.t), 'RTO armed with the request');
    return sim('lost-data-retransmit', 'retransmission timeout armed when the request left', msOf(set.due), 'ms');
  },
  rtoMeasuredMs: (ctx) => {
    const segs = segments(ctx.run('lost-data-retransmit')).filter((s) => s.srcHost === 'client' && s.len > 0);
    const [a, b] = segs;
    return sim('lost-data-retransmit', 'retransmission time minus the lost original', a && b ? Math.round(msOf(b.t - a.t)) : -1, 'ms');
  },
  rtoRttMs: (ctx) => sim('lost-data-retransmit', 'twice network.delayMs', 2 * (ctx.scenario('lost-data-retransmit').network?.delayMs ?? 0), 'ms'),
  lossyBytes: (ctx) => sim('lossy-transfer', 'bytes the server read', lossy(ctx).bytes, 'bytes', LOSSY_SEED),
  lossyLostData: (ctx) => sim('lossy-transfer', 'client data segments lost on the link', lossy(ctx).lost, '', LOSSY_SEED),
  lossyRetransmits: (ctx) => sim('lossy-transfer', 'client data segments sent again', lossy(ctx).resent, '', LOSSY_SEED),
  lossyRatePct: (ctx) => {
    const f = ctx.scenario('lossy-transfer').network?.faults?.find((x) => x.action === 'loss');
    return sim('lossy-transfer', 'rate of the loss fault', f && f.action === 'loss' ? f.rate * 100 : -1, '%');
  },
  recvTimeoutS: (ctx) => {
    const tl = ctx.run('recv-timeout');
    const c = first(calls(tl, { host: 'client', call: 'recv' }), 'recv() on client');
    return sim('recv-timeout', "the client's recv() duration before it failed", sOf(callDuration(tl, c)), 's');
  },
  recvTimeoutErrno: (ctx) => sim('recv-timeout', "the client's recv() errno", first(calls(ctx.run('recv-timeout'), { host: 'client', call: 'recv' }), 'recv()').errno ?? 'none'),
  recvServerAnswerS: (ctx) => {
    const send = calls(ctx.run('recv-timeout'), { host: 'server', call: 'send' }).at(-1);
    return sim('recv-timeout', "when the server's answer left", send ? Math.round(sOf(send.t)) : -1, 's');
  },
} satisfies FactDefs;
