// Building and sending segments: ACKs, data under Nagle and the peer's window, FIN, SYN and SYN-ACK.
// Every rule cites where Linux (net/ipv4/tcp_output.c) or the RFC takes it from.

import type { TcpState } from '../timeline/types.ts';
import type { Ctx } from './effects.ts';
import type { Flags, Segment } from './segment.ts';
import type { Tcb } from './tcb.ts';
import { TCP_ATO_MIN, TCP_DELACK_MAX, TCP_MAX_QUICKACKS, WSCALE } from './constants.ts';
import { seqAdd, seqDiff, seqGt, seqLt } from './seq.ts';
import { bqSlice } from './byteQueue.ts';
import { computeWindow, growWindow, initBufferSpace, measureRcvMss, selectWindow } from './rcvSpace.ts';

export function setState(t: Tcb, ctx: Ctx, to: TcpState, cause: string, action?: string): void {
  if (t.state === to) return;
  ctx.effects.push({ type: 'state', from: t.state, to, cause, ...(action ? { action } : {}) });
  t.state = to;
  if (to === 'ESTABLISHED') initBufferSpace(t); // tcp_init_transfer
}

/** The 16-bit window field: a SYN's is the initial window, unscaled (RFC 7323 §2.2); others tcp_select_window. */
function windowField(t: Tcb, syn: boolean): number {
  if (syn) return Math.min(65535, t.rcvWnd);
  return selectWindow(t);
}

export function makeSeg(t: Tcb, flags: Flags, seq: number, data = '', why?: string): Segment {
  const seg: Segment = {
    src: t.local,
    dst: t.remote,
    seq,
    ack: flags.ack ? t.rcvNxt : 0,
    flags,
    win: windowField(t, !!flags.syn),
    data,
  };
  if (why) seg.why = why;
  return seg;
}

/** Every segment that carries ACK acknowledges everything received: the pending delayed ACK is satisfied. */
function ackSent(t: Tcb, ctx: Ctx): void {
  // tcp_dec_quickack_mode: one quick ACK used; leaving quick-ack mode deflates the ACK timeout.
  if (t.ackPending && t.quick > 0) {
    t.quick -= 1;
    if (t.quick === 0) t.ato = TCP_ATO_MIN;
  }
  t.ackPending = false;
  t.ackPushed = 0;
  t.unackedRcv = 0;
  t.rcvWup = t.rcvNxt;
  if (t.timers['delayed-ack'] !== undefined) delete t.timers['delayed-ack'];
  void ctx;
}

export function emit(t: Tcb, ctx: Ctx, seg: Segment): void {
  if (seg.flags.ack) ackSent(t, ctx);
  ctx.effects.push({ type: 'send', seg });
}

export function sendAck(t: Tcb, ctx: Ctx, why?: string): void {
  emit(t, ctx, makeSeg(t, { ack: true }, t.sndNxt, '', why));
}

export function sendRst(t: Tcb, ctx: Ctx, why: string): void {
  // tcp_send_active_reset: RST|ACK at SND.NXT (RFC 9293 §3.10.4 ABORT).
  ctx.effects.push({ type: 'send', seg: makeSeg(t, { rst: true, ack: true }, t.sndNxt, '', why) });
}

export function sendSyn(t: Tcb, ctx: Ctx, withAck: boolean, why?: string): void {
  const seg = makeSeg(t, withAck ? { syn: true, ack: true } : { syn: true }, t.iss, '', why);
  seg.mss = t.advMss;
  // A SYN offers SACK, timestamps and window scaling; a SYN-ACK echoes only what the peer offered (RFC 7323 §1.3).
  if (!withAck || t.sackOk) seg.sackOk = true;
  if (!withAck || t.tsOk) seg.ts = true;
  if (!withAck || t.wscaleOk) seg.wscale = WSCALE;
  emit(t, ctx, seg);
}

// ---- delayed ACK (tcp_input.c: tcp_event_data_recv, __tcp_ack_snd_check; tcp_output.c: tcp_send_delayed_ack)

export function incrQuickack(t: Tcb): void {
  const perMss = Math.floor(t.rcvWnd / (2 * t.rcvMss));
  t.quick = Math.max(t.quick, Math.min(perMss, TCP_MAX_QUICKACKS));
}

/** Bookkeeping on every in-order data arrival (not on a bare FIN): tcp_event_data_recv. */
export function eventDataRecv(t: Tcb, now: number, len: number): void {
  measureRcvMss(t, len);
  if (t.ato === 0) {
    incrQuickack(t);
    t.ato = TCP_ATO_MIN;
  } else {
    const m = now - t.lrcvtime;
    if (m <= TCP_ATO_MIN / 2) t.ato = (t.ato >> 1) + TCP_ATO_MIN / 2;
    else if (m < t.ato) t.ato = Math.min((t.ato >> 1) + m, t.rto);
    else if (m > t.rto) incrQuickack(t);
  }
  t.lrcvtime = now;
  if (len >= 128) growWindow(t, len);
}

export function delackTimeout(t: Tcb): number {
  let ato = t.ato;
  if (ato > TCP_ATO_MIN) {
    let maxAto = t.pingpong ? TCP_DELACK_MAX : 500_000;
    if (t.srtt) {
      const rtt = Math.max(t.srtt, TCP_ATO_MIN);
      if (rtt < maxAto) maxAto = rtt;
    }
    ato = Math.min(ato, maxAto);
  }
  // With ato still 0 (no data received yet, e.g. a lone FIN) the ACK goes at the next timer tick.
  return Math.min(ato, TCP_DELACK_MAX);
}

/**
 * Decide between an immediate and a delayed ACK after data or a FIN arrived (__tcp_ack_snd_check): at once in
 * quick-ack mode, or when more than one full segment is unacknowledged and either everything has been read or
 * the window to offer has not shrunk (a receiver whose buffer fills falls back to delayed ACKs).
 */
export function ackSndCheck(t: Tcb, ctx: Ctx, ignoreFullSegments = false): void {
  t.ackPending = true;
  const fullSegments = !ignoreFullSegments && seqDiff(t.rcvNxt, t.rcvWup) > t.rcvMss && (t.rcvBuf.length < 1 || computeWindow(t) >= t.rcvWnd);
  const quickMode = t.quick > 0 && !t.pingpong;
  if (fullSegments || quickMode || t.ooo.length > 0) {
    sendAck(t, ctx);
    return;
  }
  const at = ctx.now + delackTimeout(t);
  const cur = t.timers['delayed-ack'];
  if (cur === undefined || at < cur) t.timers['delayed-ack'] = at;
}

// ---- data output (tcp_write_xmit with Nagle's test, tcp_nagle_check + Minshall's variant)

export const inFlight = (t: Tcb): number => seqDiff(t.sndNxt, t.sndUna);

/** Bytes of sndBuf not sent yet. */
function unsentStart(t: Tcb): number {
  // sndBuf[0] is the byte at sndUna unless the SYN is still unacked (then at sndUna+1).
  const synUnacked = t.sndUna === t.iss ? 1 : 0;
  return seqDiff(t.sndNxt, t.sndUna) - synUnacked;
}

export function armRto(t: Tcb, now: number, restart = false): void {
  if (inFlight(t) === 0) {
    delete t.timers.retransmit;
    return;
  }
  if (restart || t.timers.retransmit === undefined) {
    t.timers.retransmit = now + t.rto;
    if (restart || t.retransmits === 0) t.rtoStart = now;
  }
}

const SENDING_STATES = new Set<TcpState>(['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK']);

/** Send whatever the window, the congestion window and Nagle allow; then the FIN if it is due. */
export function output(t: Tcb, ctx: Ctx): void {
  if (!SENDING_STATES.has(t.state)) return;
  for (;;) {
    const start = unsentStart(t);
    const unsent = t.sndBuf.length - start;
    if (unsent <= 0) break;
    const wndLeft = t.sndWnd - inFlight(t);
    const cwndLeft = Math.floor(t.cwnd) * t.sndMss - inFlight(t); // whole segments: cwnd grows by fractions in congestion avoidance
    const len = Math.min(t.sndMss, unsent, wndLeft, cwndLeft);
    if (len <= 0) {
      if (t.sndWnd === 0 && inFlight(t) === 0 && t.timers.persist === undefined) {
        t.timers.persist = ctx.now + t.rto; // tcp_check_probe_timer: zero window, probe later
      }
      break;
    }
    const last = len === unsent;
    const carriesFin = last && t.finQueued && !t.finSent;
    // Nagle (RFC 896) as Linux applies it: a partial segment waits while an earlier *small* segment is
    // unacknowledged (Minshall); TCP_NODELAY or a FIN in the same segment sends it now (tcp_nagle_test).
    if (len < t.sndMss && !t.settings.nodelay && !carriesFin && inFlight(t) > 0 && seqGt(t.sndSml, t.sndUna)) break;
    const seq = t.sndNxt;
    const end = seqAdd(seq, len);
    const data = bqSlice(t.sndBuf, start, len);
    const psh = t.pushEnds.some((p) => seqGt(p, seq) && !seqGt(p, end)) || carriesFin;
    const flags: Flags = { ack: true };
    if (psh) flags.psh = true;
    if (carriesFin) flags.fin = true;
    const retrans = seqLt(seq, t.sndMax);
    const seg = makeSeg(t, flags, seq, data, retrans ? 'retransmit' : undefined);
    t.sndNxt = carriesFin ? seqAdd(end, 1) : end;
    if (carriesFin) {
      t.finSent = true;
      t.finSeq = end;
    }
    if (seqGt(t.sndNxt, t.sndMax)) t.sndMax = t.sndNxt;
    if (len < t.sndMss) t.sndSml = end;
    if (!t.rttProbe && !retrans) t.rttProbe = { seq: end, sentAt: ctx.now };
    // tcp_event_data_sent: replying within the ATO of the last arrival marks an interactive (ping-pong) flow.
    if (t.ato && ctx.now - t.lrcvtime < t.ato) t.pingpong = true;
    emit(t, ctx, seg);
    delete t.timers.persist;
    armRto(t, ctx.now);
  }
  // A FIN with no data left to carry it (tcp_send_fin).
  if (t.finQueued && !t.finSent && unsentStart(t) >= t.sndBuf.length) {
    const seg = makeSeg(t, { fin: true, ack: true }, t.sndNxt);
    t.finSent = true;
    t.finSeq = t.sndNxt;
    t.sndNxt = seqAdd(t.sndNxt, 1);
    if (seqGt(t.sndNxt, t.sndMax)) t.sndMax = t.sndNxt;
    emit(t, ctx, seg);
    armRto(t, ctx.now);
  }
}

/** Retransmit the oldest unacknowledged segment (tcp_retransmit_skb of the write queue head). */
export function retransmitHead(t: Tcb, ctx: Ctx, why: string): void {
  if (t.state === 'SYN-SENT') return sendSyn(t, ctx, false, why);
  if (t.state === 'SYN-RECEIVED') return sendSyn(t, ctx, true, why);
  const dataUnacked = Math.min(t.sndBuf.length, seqDiff(t.sndNxt, t.sndUna));
  if (dataUnacked > 0) {
    const len = Math.min(t.sndMss, dataUnacked);
    const data = bqSlice(t.sndBuf, 0, len);
    const end = seqAdd(t.sndUna, len);
    const withFin = t.finSent && end === t.finSeq && len === dataUnacked;
    const flags: Flags = { ack: true };
    if (t.pushEnds.some((p) => seqGt(p, t.sndUna) && !seqGt(p, end)) || withFin) flags.psh = true;
    if (withFin) flags.fin = true;
    emit(t, ctx, makeSeg(t, flags, t.sndUna, data, why));
  } else if (t.finSent && seqLt(t.finSeq, t.sndNxt) && !seqLt(t.finSeq, t.sndUna)) {
    emit(t, ctx, makeSeg(t, { fin: true, ack: true }, t.finSeq, '', why));
  }
  t.rttProbe = null; // Karn's rule: no RTT sample from a retransmitted segment (RFC 6298 §3)
}
