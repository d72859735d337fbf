// SEGMENT ARRIVES (RFC 9293 §3.10.7) for a socket that has a TCB, with Linux's choices where the RFC leaves
// room: RFC 5961 challenge ACKs, delayed ACK and quick-ack, the TIME-WAIT mini-socket, RST on data after close().
// LISTEN and "no socket" are handled by the socket layer (socket/listener.ts, socket/noSocket.ts).

import type { TcpState } from '../timeline/types.ts';
import type { Ctx, TcpResult } from './effects.ts';
import { newCtx } from './effects.ts';
import type { Segment } from './segment.ts';
import { segSpace } from './segment.ts';
import type { Tcb } from './tcb.ts';
import { cloneTcb } from './tcb.ts';
import { JIFFY_US, TCP_INVALID_RATELIMIT_JIFFIES, TCP_TIMEWAIT_LEN, TS_OPTION_BYTES, WSCALE } from './constants.ts';
import { seqAdd, seqDiff, seqGeq, seqGt, seqLeq, seqLt } from './seq.ts';
import { baseRto, rttSample } from './rtt.ts';
import { bqAppend, bqDrop } from './byteQueue.ts';
import { chargeSegment, rcvSkb, receiveWindow } from './rcvSpace.ts';
import { aqAt, aqDropFront, aqPush } from './appendQueue.ts';
import {
  ackSndCheck,
  armRto,
  scheduleLossProbe,
  emit,
  eventDataRecv,
  inFlight,
  makeSeg,
  output,
  retransmitHead,
  sendAck,
  setState,
} from './tcpOutput.ts';

export interface InputEnv {
  /** For a passive child still in SYN-RECEIVED: is its listener's accept queue full? */
  acceptQueueFull: boolean;
  /** net.ipv4.tcp_abort_on_overflow */
  abortOnOverflow: boolean;
}

export interface InputResult extends TcpResult {
  /**
   * 'reopen': a SYN hit TIME-WAIT with a higher sequence number; the TIME-WAIT socket is gone and the SYN goes
   * on to the listener (tcp_timewait_state_process → TCP_TW_SYN). 'overflow': final ACK dropped, queue full.
   * 'overflow-rst': the same with tcp_abort_on_overflow = 1. 'rst-reply': answer with a RST from "no socket".
   */
  verdict?: 'reopen' | 'overflow' | 'overflow-rst' | 'rst-reply';
}

const SYNCHRONIZED: Partial<Record<TcpState, true>> = { ESTABLISHED: true, 'FIN-WAIT-1': true, 'FIN-WAIT-2': true, 'CLOSE-WAIT': true, CLOSING: true, 'LAST-ACK': true };

export function tcpInput(prev: Tcb, seg: Segment, now: number, env: InputEnv): InputResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  let verdict: InputResult['verdict'];
  if (t.state === 'SYN-SENT') synSent(t, seg, ctx);
  else if (t.state === 'TIME-WAIT') verdict = timeWait(t, seg, ctx);
  else if (t.state === 'SYN-RECEIVED' || SYNCHRONIZED[t.state] === true) verdict = synchronized(t, seg, ctx, env);
  return verdict ? { next: t, effects: ctx.effects, verdict } : { next: t, effects: ctx.effects };
}

export function acceptPeerOptions(t: Tcb, seg: Segment): void {
  const peerMss = seg.mss ?? 536; // RFC 9293 §3.7.1: 536 when the option is absent
  t.tsOk = !!seg.ts;
  t.sackOk = !!seg.sackOk;
  t.sndMss = Math.min(peerMss, t.advMss) - (t.tsOk ? TS_OPTION_BYTES : 0);
  t.wscaleOk = seg.wscale !== undefined;
  t.peerWscale = seg.wscale ?? 0;
}

// ---- SYN-SENT (RFC 9293 §3.10.7.3)
function synSent(t: Tcb, seg: Segment, ctx: Ctx): void {
  const f = seg.flags;
  if (f.ack && (seqLeq(seg.ack, t.iss) || seqGt(seg.ack, t.sndNxt))) {
    // An ACK for something we never sent: RST seq=SEG.ACK, unless it is itself a RST.
    if (!f.rst) ctx.effects.push({ type: 'send', seg: { src: t.local, dst: t.remote, seq: seg.ack, ack: 0, flags: { rst: true }, win: 0, data: '', why: 'bad ACK in SYN-SENT' } });
    return;
  }
  if (f.rst) {
    if (!f.ack) return; // RST without an acceptable ACK is ignored in SYN-SENT
    t.err = 'ECONNREFUSED';
    t.timers = {};
    setState(t, ctx, 'CLOSED', 'rcv RST', 'connect() fails: ECONNREFUSED');
    return;
  }
  if (!f.syn) return;
  t.irs = seg.seq;
  t.rcvNxt = seqAdd(seg.seq, 1);
  t.rcvWup = t.rcvNxt;
  acceptPeerOptions(t, seg);
  t.lastRcv = ctx.now;
  if (f.ack) {
    if (t.retransmits === 0) rttSample(t, ctx.now - t.rtoStart);
    t.sndUna = seg.ack;
    t.sndWnd = seg.win; // window in a SYN is never scaled
    t.sndWl1 = seg.seq;
    t.sndWl2 = seg.ack;
    t.retransmits = 0;
    t.timers.retransmit = undefined;
    t.lrcvtime = ctx.now; // tcp_finish_connect
    setState(t, ctx, 'ESTABLISHED', 'rcv SYN,ACK', 'snd ACK');
    sendAck(t, ctx); // tcp_rcv_synsent_state_process: ACK at once
    armKeepalive(t, ctx.now);
    output(t, ctx);
  } else {
    // Simultaneous open: SYN-SENT → SYN-RECEIVED, answer SYN,ACK with our original ISS.
    t.sndWnd = seg.win;
    setState(t, ctx, 'SYN-RECEIVED', 'rcv SYN (simultaneous open)', 'snd SYN,ACK');
    const synack = makeSeg(t, { syn: true, ack: true }, t.iss);
    synack.mss = t.advMss;
    if (t.sackOk) synack.sackOk = true;
    if (t.tsOk) synack.ts = true;
    if (t.wscaleOk) synack.wscale = WSCALE;
    emit(t, ctx, synack);
  }
}

// ---- TIME-WAIT (tcp_minisocks.c: tcp_timewait_state_process)
function timeWait(t: Tcb, seg: Segment, ctx: Ctx): InputResult['verdict'] {
  const f = seg.flags;
  if (seg.seq === t.rcvNxt && (segSpace(seg) === 0 || f.rst)) {
    // "In window segment, it may be only reset or bare ack."
    if (f.rst) {
      // net.ipv4.tcp_rfc1337 = 0: a RST kills TIME-WAIT early ("TIME-WAIT assassination", RFC 1337).
      t.timers = {};
      setState(t, ctx, 'CLOSED', 'rcv RST in TIME-WAIT');
      return undefined;
    }
    t.timers['time-wait'] = ctx.now + TCP_TIMEWAIT_LEN; // inet_twsk_reschedule(tw, TCP_TIMEWAIT_LEN)
    return undefined;
  }
  if (f.syn && !f.rst && !f.ack && seqGt(seg.seq, t.rcvNxt)) {
    t.timers = {};
    setState(t, ctx, 'CLOSED', 'rcv SYN for a new connection on this 4-tuple');
    return 'reopen';
  }
  if (f.rst) return undefined; // a RST outside the window is ignored
  // Anything else restarts the 60 s (when it carries an ACK) and is answered with an ACK, rate-limited
  // (tcp_timewait_check_oow_rate_limit). A resent FIN — our last ACK was lost — is the common case.
  if (f.ack) t.timers['time-wait'] = ctx.now + TCP_TIMEWAIT_LEN;
  const finAgain = f.fin && seqAdd(seg.seq, seg.data.length + 1) === t.rcvNxt;
  if (!oowRateLimited(t, seg, ctx.now)) sendAck(t, ctx, finAgain ? 'ACK of retransmitted FIN' : 'duplicate ACK from TIME-WAIT');
  return undefined;
}

/**
 * tcp_oow_rate_limited: ACKs sent in answer to out-of-window segments, repeated SYNs and challenge ACKs are
 * limited to one per net.ipv4.tcp_invalid_ratelimit (500 ms) per socket, so two stacks cannot ping-pong ACKs
 * forever. Segments that carry data (or a FIN) without SYN are exempt ("not likely part of an ACK loop").
 * Returns true when the ACK must not be sent; otherwise records this one.
 */
function oowRateLimited(t: Tcb, seg: Segment | null, now: number): boolean {
  if (seg && segSpace(seg) > 0 && !seg.flags.syn) return false;
  const jiffy = Math.floor(now / JIFFY_US);
  if (t.lastOowAck >= 0 && jiffy - t.lastOowAck < TCP_INVALID_RATELIMIT_JIFFIES) return true;
  t.lastOowAck = jiffy;
  return false;
}

function acceptable(t: Tcb, seg: Segment): boolean {
  // Linux tcp_sequence(): the segment must not end before the last window edge we advertised (RCV.WUP) and must
  // not start beyond the window offered. It is looser than RFC 9293 §3.10.7.4 in one way that matters: a segment ending exactly
  // at RCV.NXT (a repeated SYN,ACK in simultaneous open) passes on to be ACKed as a duplicate.
  const end = seqAdd(seg.seq, segSpace(seg));
  const wnd = receiveWindow(t);
  return !seqLt(end, t.rcvWup) && !seqGt(seg.seq, seqAdd(t.rcvNxt, wnd));
}

function resetByPeer(t: Tcb, ctx: Ctx): void {
  // tcp_reset(): the error reported depends on where the connection was.
  const st = t.state;
  if (st === 'CLOSE-WAIT') t.err = 'EPIPE';
  else if (st !== 'CLOSING' && st !== 'LAST-ACK' && st !== 'SYN-RECEIVED') t.err = 'ECONNRESET';
  t.timers = {};
  t.rcvShutdown = true;
  t.sndShutdown = true;
  t.reset = true;
  setState(t, ctx, 'CLOSED', 'rcv RST', t.err ? `pending error ${t.err}` : undefined);
}

function challengeAck(t: Tcb, ctx: Ctx, why: string): void {
  // RFC 5961 §3.2/§4.2: answer a suspicious RST or SYN with an ACK showing what we expect — at most one per
  // 500 ms per socket (tcp_send_challenge_ack → __tcp_oow_rate_limited; the global tcp_challenge_ack_limit is
  // INT_MAX since Linux 6.0).
  if (oowRateLimited(t, null, ctx.now)) return;
  emit(t, ctx, makeSeg(t, { ack: true }, t.sndNxt, '', why));
}

function synchronized(t: Tcb, seg: Segment, ctx: Ctx, env: InputEnv): InputResult['verdict'] {
  const f = seg.flags;
  // A passive child still in the SYN queue (Linux request sock, tcp_check_req): a repeated SYN re-sends the
  // SYN-ACK (rate-limited) and restarts the SYN-ACK timer from now, "similar to the idea of fast retransmit".
  if (t.state === 'SYN-RECEIVED' && f.syn && !f.ack && seg.seq === t.irs) {
    if (oowRateLimited(t, seg, ctx.now)) return undefined;
    retransmitHead(t, ctx, 'SYN repeated: resend SYN,ACK');
    if (t.listener !== null && t.timers.retransmit !== undefined) t.timers.retransmit = ctx.now + t.rto;
    return undefined;
  }
  if (!acceptable(t, seg)) {
    if (f.rst) return undefined;
    if (t.state === 'SYN-RECEIVED' && t.listener !== null) return undefined;
    if (!oowRateLimited(t, seg, ctx.now)) sendAck(t, ctx, 'unacceptable segment: duplicate ACK');
    return undefined;
  }
  if (f.rst) {
    if (seg.seq === t.rcvNxt) {
      resetByPeer(t, ctx);
    } else {
      challengeAck(t, ctx, 'challenge ACK (RFC 5961): RST not at RCV.NXT');
    }
    return undefined;
  }
  if (f.syn) {
    if (t.state === 'SYN-RECEIVED' && f.ack && seg.seq === t.irs && seg.ack === t.sndNxt && t.listener === null) {
      // Simultaneous open: the peer's SYN,ACK completes our SYN-RECEIVED (tcp_validate_incoming "goto pass").
    } else {
      challengeAck(t, ctx, 'challenge ACK (RFC 5961): SYN in a synchronized state');
      return undefined;
    }
  }
  if (!f.ack) return undefined;
  t.lastRcv = ctx.now;
  t.keepProbes = 0;

  if (t.state === 'SYN-RECEIVED') {
    if (!(seqGt(seg.ack, t.sndUna) && seqLeq(seg.ack, t.sndNxt))) {
      emit(t, ctx, { src: t.local, dst: t.remote, seq: seg.ack, ack: 0, flags: { rst: true }, win: 0, data: '', why: 'unacceptable ACK in SYN-RECEIVED' });
      return undefined;
    }
    if (t.listener !== null && env.acceptQueueFull) {
      // Linux tcp_check_req → listen_overflow: drop the ACK and keep the request (the SYN-ACK timer resends),
      // or with tcp_abort_on_overflow = 1 answer RST.
      if (env.abortOnOverflow) return 'overflow-rst';
      t.ackedWhileFull = true;
      return 'overflow';
    }
    if (t.retransmits === 0) rttSample(t, ctx.now - t.rtoStart);
    t.sndUna = seg.ack;
    t.sndWnd = t.wscaleOk ? seg.win << t.peerWscale : seg.win;
    t.sndWl1 = seg.seq;
    t.sndWl2 = seg.ack;
    t.retransmits = 0;
    t.timers.retransmit = undefined;
    setState(t, ctx, 'ESTABLISHED', f.syn ? 'rcv SYN,ACK (simultaneous open)' : 'rcv ACK of SYN', t.listener !== null ? 'child moves to the accept queue' : undefined);
    armKeepalive(t, ctx.now);
    if (f.syn) sendAck(t, ctx);
  } else {
    processAck(t, seg, ctx);
    if ((t.state as TcpState) === 'CLOSED') return undefined;
  }

  // Data after close(): the application can never read it, so Linux resets (tcp_rcv_state_process, TCPAbortOnData).
  const hasNewData = seg.data.length > 0 && seqGt(seqAdd(seg.seq, seg.data.length), t.rcvNxt);
  if (hasNewData && t.orphan && (t.state === 'FIN-WAIT-1' || t.state === 'FIN-WAIT-2')) {
    t.timers = {};
    setState(t, ctx, 'CLOSED', 'rcv data after close()', 'snd RST');
    return 'rst-reply';
  }

  if (t.state === 'ESTABLISHED' || t.state === 'FIN-WAIT-1' || t.state === 'FIN-WAIT-2') {
    receiveData(t, seg, ctx);
  } else if (f.fin && seqAdd(seg.seq, seg.data.length + 1) === t.rcvNxt) {
    // A retransmitted FIN in CLOSE-WAIT, CLOSING or LAST-ACK: our ACK was lost; ACK it again.
    sendAck(t, ctx, 'ACK of retransmitted FIN');
  }
  if (t.state !== 'CLOSED' && t.state !== 'TIME-WAIT') output(t, ctx);
  return undefined;
}

function processAck(t: Tcb, seg: Segment, ctx: Ctx): void {
  // SND.MAX, not SND.NXT: after a timeout rewinds SND.NXT (go-back-N), an ACK for data sent before is still valid.
  if (seqGt(seg.ack, t.sndMax)) {
    sendAck(t, ctx, 'ACK of unsent data: answer with an ACK');
    return;
  }
  const wasUna = t.sndUna;
  // After a timeout rewound SND.NXT (goBack), the FIN counts as unsent again; an ACK beyond it (the first copy
  // got through) acknowledges it all the same. A FIN that was sent is always the last thing sent: SND.MAX = FIN+1.
  if (!t.finSent && t.finQueued && t.sndMax === seqAdd(t.finSeq, 1) && seqGt(seg.ack, t.finSeq)) t.finSent = true;
  if (seqGt(seg.ack, t.sndUna)) {
    let acked = seqDiff(seg.ack, t.sndUna);
    if (t.finSent && seqGt(seg.ack, t.finSeq)) acked -= 1;
    const dataAcked = Math.min(acked, t.sndBuf.length);
    t.sndBuf = bqDrop(t.sndBuf, dataAcked);
    t.sndUna = seg.ack;
    if (seqGt(t.sndUna, t.sndNxt)) t.sndNxt = t.sndUna;
    t.pushEnds = t.pushEnds.filter((p) => seqGt(p, t.sndUna));
    let doneChunks = 0;
    for (let c = aqAt(t.sentChunks, 0); c !== undefined && !seqGt(c.end, t.sndUna); c = aqAt(t.sentChunks, ++doneChunks));
    if (doneChunks > 0) t.sentChunks = aqDropFront(t.sentChunks, doneChunks);
    if (t.rttProbe && seqGeq(seg.ack, t.rttProbe.seq)) {
      rttSample(t, ctx.now - t.rttProbe.sentAt);
      t.rttProbe = null;
    }
    if (t.retransmits > 0 && t.srtt > 0) t.rto = baseRto(t);
    t.retransmits = 0;
    t.dupAcks = 0;
    if (t.recover !== null) {
      // NewReno (RFC 6582 §3.2): a partial ACK means the next segment was lost too; resend it at once.
      if (seqLt(seg.ack, t.recover)) retransmitHead(t, ctx, 'fast retransmit (partial ACK)');
      else {
        t.recover = null;
        t.cwnd = t.ssthresh;
      }
    } else if (t.cwnd < t.ssthresh) t.cwnd += 1; // slow start (RFC 5681 §3.1)
    else t.cwnd += 1 / t.cwnd; // congestion avoidance
    armRto(t, ctx.now, true);
    t.xmitProbe = false;
    // tcp_process_tlp_ack: the probe's episode ends once SND.UNA reaches it; if the ACK covers more than the
    // probe and the probe was a resend, a segment had been lost: reduce cwnd as for a fast recovery.
    if (t.tlpHighSeq !== null && !seqLt(seg.ack, t.tlpHighSeq)) {
      if (t.tlpRetrans && seqGt(seg.ack, t.tlpHighSeq)) {
        t.ssthresh = Math.max(2, Math.floor(t.cwnd / 2));
        t.cwnd = t.ssthresh;
      }
      t.tlpHighSeq = null;
    }
    scheduleLossProbe(t, ctx.now, true); // tcp_set_xmit_timer
  } else if (seg.ack === t.sndUna && seg.data.length === 0 && !seg.flags.fin && inFlight(t) > 0 && seg.win << (t.wscaleOk ? t.peerWscale : 0) === t.sndWnd) {
    t.dupAcks += 1;
    if (t.dupAcks === 3 && t.recover === null) {
      t.recover = t.sndMax;
      // Fast retransmit (RFC 5681 §3.2).
      t.ssthresh = Math.max(2, Math.floor(inFlight(t) / t.sndMss / 2));
      t.cwnd = t.ssthresh;
      retransmitHead(t, ctx, 'fast retransmit (3 duplicate ACKs)');
    }
  }
  // Window update (RFC 9293 §3.10.7.4, SND.WL1/WL2 rule).
  if (seqLt(t.sndWl1, seg.seq) || (t.sndWl1 === seg.seq && seqLeq(t.sndWl2, seg.ack))) {
    t.sndWnd = t.wscaleOk ? seg.win << t.peerWscale : seg.win;
    t.sndWl1 = seg.seq;
    t.sndWl2 = seg.ack;
  }
  const finAcked = t.finSent && seqGt(t.sndUna, t.finSeq);
  if (finAcked && wasUna !== t.sndUna) {
    if (t.state === 'FIN-WAIT-1') {
      setState(t, ctx, 'FIN-WAIT-2', 'rcv ACK of FIN');
      t.timers.retransmit = undefined;
      // net.ipv4.tcp_fin_timeout: only an orphan (closed by the application) gives up waiting for the FIN.
      if (t.orphan) t.timers['fin-wait-2'] = ctx.now + t.settings.finTimeout;
    } else if (t.state === 'CLOSING') {
      enterTimeWait(t, ctx, 'rcv ACK of FIN');
    } else if (t.state === 'LAST-ACK') {
      t.timers = {};
      setState(t, ctx, 'CLOSED', 'rcv ACK of FIN');
    }
  }
}

export function enterTimeWait(t: Tcb, ctx: Ctx, cause: string, action?: string): void {
  t.timers = { 'time-wait': ctx.now + TCP_TIMEWAIT_LEN };
  t.lastOowAck = -1; // the TIME-WAIT mini-socket starts with tw_last_oow_ack_time = 0
  setState(t, ctx, 'TIME-WAIT', cause, action);
}

function receiveData(t: Tcb, seg: Segment, ctx: Ctx): void {
  let seq = seg.seq;
  let data = seg.data;
  const fin = !!seg.flags.fin;
  // Trim what we already have (RFC 9293 §3.10.7.4, seventh step).
  const old = seqDiff(t.rcvNxt, seq);
  if (old > 0) {
    if (old >= data.length + (fin ? 1 : 0)) {
      // Entirely old: our ACK was lost, so say again what we have (tcp_data_queue: "A retransmit … force an
      // immediate ack"); without it the sender would retransmit the same segment until it gives up.
      if (data.length > 0 || fin) sendAck(t, ctx, 'duplicate segment: ACK at once');
      return;
    }
    if (old >= data.length) data = '';
    else data = data.slice(old);
    seq = t.rcvNxt;
  }
  if (seq !== t.rcvNxt) {
    // Out of order: keep it (its memory counts) and ACK at once so the sender sees a duplicate ACK (RFC 5681 §4.2).
    if (!t.ooo.some((c) => c.seq === seq)) {
      const truesize = data.length > 0 ? rcvSkb(t, data.length).truesize : 0;
      t.rmem += truesize;
      t.ooo = [...t.ooo, { seq, data, fin, truesize }].sort((a, b) => seqDiff(a.seq, b.seq));
    }
    sendAck(t, ctx, 'out-of-order segment: duplicate ACK');
    return;
  }
  let gotFin = false;
  let gotData = data.length > 0;
  t.rcvBuf = bqAppend(t.rcvBuf, data);
  t.rcvNxt = seqAdd(t.rcvNxt, data.length);
  chargeSegment(t, data.length);
  if (fin) gotFin = true;
  // Pull in queued out-of-order chunks that now fit (their memory was charged when they arrived).
  while (!gotFin && t.ooo.length > 0) {
    const c = t.ooo[0]!;
    const over = seqDiff(t.rcvNxt, c.seq);
    if (over < 0) break;
    t.ooo = t.ooo.slice(1);
    if (over < c.data.length) {
      t.rcvBuf = bqAppend(t.rcvBuf, c.data.slice(over));
      t.rcvNxt = seqAdd(t.rcvNxt, c.data.length - over);
      t.rcvSkbs = aqPush(t.rcvSkbs, { len: c.data.length - over, truesize: c.truesize, room: 0 });
      gotData = true;
    } else t.rmem -= c.truesize;
    if (c.fin && over <= c.data.length) gotFin = true;
  }
  if (data.length > 0) eventDataRecv(t, ctx.now, data.length);
  else if (gotData) eventDataRecv(t, ctx.now, 0);
  if (gotFin) {
    t.rcvNxt = seqAdd(t.rcvNxt, 1);
    t.rcvFin = true;
    for (const c of t.ooo) t.rmem -= c.truesize;
    t.ooo = [];
    finArrived(t, ctx);
    return;
  }
  if (gotData) ackSndCheck(t, ctx);
}

/** tcp_fin(): what a FIN in sequence does in each state. */
function finArrived(t: Tcb, ctx: Ctx): void {
  switch (t.state) {
    case 'ESTABLISHED':
      setState(t, ctx, 'CLOSE-WAIT', 'rcv FIN', 'ACK it (delayed); recv() will return 0');
      // Linux enters ping-pong mode, so the ACK of the FIN is delayed and can ride on our own FIN.
      t.pingpong = true;
      ackSndCheck(t, ctx, true);
      break;
    case 'FIN-WAIT-1':
      setState(t, ctx, 'CLOSING', 'rcv FIN (simultaneous close)', 'snd ACK');
      sendAck(t, ctx);
      break;
    case 'FIN-WAIT-2':
      sendAck(t, ctx);
      enterTimeWait(t, ctx, 'rcv FIN', 'snd ACK');
      break;
    default:
      break;
  }
}

function armKeepalive(t: Tcb, now: number): void {
  if (t.settings.keepalive) t.timers.keepalive = now + t.settings.keepIdle;
}

export { armKeepalive };
