// Timer expiry: retransmission (SYN with Linux's linear timeouts, SYN-ACK, data), delayed ACK, keepalive,
// zero-window probe, TIME-WAIT and the orphaned FIN-WAIT-2 timeout (net/ipv4/tcp_timer.c).

import type { TimerKind } from '../timeline/types.ts';
import type { TcpResult } from './effects.ts';
import { newCtx } from './effects.ts';
import type { Tcb } from './tcb.ts';
import { cloneTcb } from './tcb.ts';
import { TCP_ATO_MIN, TCP_RTO_MAX, TCP_TIMEOUT_INIT } from './constants.ts';
import { seqAdd, seqGt } from './seq.ts';
import { retriesTimeout } from './rtt.ts';
import { emptyQueue } from './appendQueue.ts';
import { inFlight, lossProbe, makeSeg, emit, output, probeWithData, retransmitHead, sendAck, sendRst, setState } from './tcpOutput.ts';

export interface TimerEnv {
  /** SYN-ACK retries for a passive child, after Linux's pruning of old requests in a busy SYN queue. */
  synackRetries: number;
}

export function tcpTimer(prev: Tcb, kind: TimerKind, now: number, env: TimerEnv): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  t.timers[kind] = undefined;
  switch (kind) {
    case 'retransmit':
      if (t.xmitProbe) lossProbe(t, ctx);
      else retransmitTimer(t, ctx, env);
      break;
    case 'delayed-ack':
      if (t.ackPending) {
        // tcp_delack_timer_handler: a missed delayed ACK inflates ATO, or ends ping-pong mode.
        if (!t.pingpong) t.ato = Math.min(t.ato * 2 || TCP_ATO_MIN, t.rto);
        else {
          t.pingpong = false;
          t.ato = TCP_ATO_MIN;
        }
        sendAck(t, ctx, 'delayed ACK');
      }
      break;
    case 'keepalive':
      keepaliveTimer(t, ctx);
      break;
    case 'persist':
      if (t.sndWnd - inFlight(t) > 0) {
        if (!probeWithData(t, ctx)) output(t, ctx);
      } else {
        emit(t, ctx, makeSeg(t, { ack: true }, seqAdd(t.sndUna, -1), '', 'zero-window probe'));
        t.timers.persist = now + Math.min(t.rto * 2 ** Math.min(t.retransmits, 10), TCP_RTO_MAX);
        t.retransmits += 1;
      }
      break;
    case 'time-wait':
      t.timers = {};
      setState(t, ctx, 'CLOSED', 'TIME-WAIT timer (60 s) expired');
      break;
    case 'fin-wait-2':
      t.timers = {};
      setState(t, ctx, 'CLOSED', 'net.ipv4.tcp_fin_timeout expired (orphaned FIN-WAIT-2)');
      break;
  }
  return { next: t, effects: ctx.effects };
}

function giveUp(t: Tcb, ctx: ReturnType<typeof newCtx>, cause: string, err: string | null): void {
  t.timers = {};
  if (err) t.err = err;
  t.rcvShutdown = true;
  t.sndShutdown = true;
  setState(t, ctx, 'CLOSED', cause, err ? `pending error ${err}` : undefined);
}

function retransmitTimer(t: Tcb, ctx: ReturnType<typeof newCtx>, env: TimerEnv): void {
  const s = t.settings;
  if (t.state === 'SYN-SENT' || (t.state === 'SYN-RECEIVED' && t.listener === null)) {
    // tcp_write_timeout: SYN-SENT gives up after tcp_syn_retries + tcp_syn_linear_timeouts retransmissions, or
    // once tcp_syn_retries, read as a time (retransmits_timed_out from the first SYN), has passed: with
    // tcp_syn_retries = 2 that is 7 s, reached after the fifth retransmission, before the count runs out.
    const max = s.synRetries + (t.state === 'SYN-SENT' ? s.synLinearTimeouts : 0);
    if (t.retransmits >= max) return giveUp(t, ctx, `SYN retransmitted ${t.retransmits} times without answer`, 'ETIMEDOUT');
    if (t.retransmits > 0 && ctx.now - t.rtoStart >= retriesTimeout(s.synRetries, TCP_TIMEOUT_INIT)) {
      return giveUp(t, ctx, `SYN unanswered for tcp_syn_retries = ${s.synRetries} read as time (${retriesTimeout(s.synRetries, TCP_TIMEOUT_INIT) / 1e6} s)`, 'ETIMEDOUT');
    }
    retransmitHead(t, ctx, 'retransmit');
    t.retransmits += 1;
    // net.ipv4.tcp_syn_linear_timeouts: the first retransmissions keep RTO at 1 s, then it doubles.
    if (t.state !== 'SYN-SENT' || t.retransmits > s.synLinearTimeouts) t.rto = Math.min(t.rto * 2, TCP_RTO_MAX);
    t.timers.retransmit = ctx.now + t.rto;
    return;
  }
  if (t.state === 'SYN-RECEIVED') {
    // reqsk_timer_handler: SYN-ACK resent at 1, 3, 7, 15, 31 s; the request is dropped after tcp_synack_retries.
    if (t.retransmits >= env.synackRetries) return giveUp(t, ctx, `SYN-ACK unanswered after ${t.retransmits} retransmissions`, null);
    retransmitHead(t, ctx, 'retransmit');
    t.retransmits += 1;
    t.rto = Math.min(t.rto * 2, TCP_RTO_MAX);
    t.timers.retransmit = ctx.now + t.rto;
    return;
  }
  if (inFlight(t) === 0) return;
  t.tlpHighSeq = null; // tcp_retransmit_timer: a timeout ends any loss-probe episode
  if (ctx.now - t.rtoStart >= retriesTimeout(s.retries2)) {
    return giveUp(t, ctx, `data unacknowledged after net.ipv4.tcp_retries2 = ${s.retries2}`, 'ETIMEDOUT');
  }
  // RFC 6298 §5.4–5.6 and RFC 5681 §3.1: back off and collapse the congestion window and, like Linux's tcp_enter_loss,
  // count every outstanding segment as lost, so sending restarts at SND.UNA (go-back-N) as the window reopens.
  t.ssthresh = Math.max(2, Math.floor(inFlight(t) / t.sndMss / 2));
  t.cwnd = 1;
  t.recover = null;
  t.dupAcks = 0;
  goBack(t);
  output(t, ctx);
  t.rttProbe = null;
  t.retransmits += 1;
  t.rto = Math.min(t.rto * 2, TCP_RTO_MAX);
  t.timers.retransmit = ctx.now + t.rto;
  t.xmitProbe = false; // in loss recovery (TCP_CA_Loss) there are no loss probes
}

/** Rewind SND.NXT to SND.UNA so output() resends from the first unacknowledged byte (and the FIN again). */
function goBack(t: Tcb): void {
  if (t.finSent && !seqGt(t.sndUna, t.finSeq)) t.finSent = false;
  t.sndNxt = t.sndUna;
  t.sentChunks = emptyQueue();
}

function keepaliveTimer(t: Tcb, ctx: ReturnType<typeof newCtx>): void {
  const s = t.settings;
  if (!s.keepalive || t.state === 'CLOSED' || t.state === 'SYN-SENT' || t.state === 'LISTEN') return;
  if (inFlight(t) > 0) {
    // Data in flight: the retransmission timer watches the peer instead.
    t.timers.keepalive = ctx.now + s.keepIdle;
    return;
  }
  const idle = ctx.now - t.lastRcv;
  if (idle < s.keepIdle && t.keepProbes === 0) {
    t.timers.keepalive = t.lastRcv + s.keepIdle;
    return;
  }
  if (t.keepProbes >= s.keepCnt) {
    // tcp_keepalive_timer: TCP_KEEPCNT probes unanswered → RST and ETIMEDOUT.
    sendRst(t, ctx, `keepalive: ${t.keepProbes} probes unanswered`);
    return giveUp(t, ctx, 'keepalive gave up', 'ETIMEDOUT');
  }
  // A probe is a bare ACK one below SND.UNA, so the peer must answer with a duplicate ACK (tcp_xmit_probe_skb).
  emit(t, ctx, makeSeg(t, { ack: true }, seqAdd(t.sndUna, -1), '', `keepalive probe ${t.keepProbes + 1}`));
  t.keepProbes += 1;
  t.timers.keepalive = ctx.now + s.keepIntvl;
}
