// Building and sending segments: ACKs, data under Nagle and the peer's window, FIN, SYN and SYN-ACK.
// Every rule cites where Linux (net/ipv4/tcp_output.c) or the RFC takes it from.

import type { TcpState } from '../timeline/types.ts';
import type { Ctx } from './effects.ts';
import type { Flags, Segment } from './segment.ts';
import type { Tcb } from './tcb.ts';
import { TCP_ATO_MIN, TCP_DELACK_MAX, TCP_MAX_QUICKACKS, TCP_RTO_MIN, TCP_TIMEOUT_INIT, WSCALE } from './constants.ts';
import { seqAdd, seqDiff, seqGt, seqLt } from './seq.ts';
import { bqSlice } from './byteQueue.ts';
import { aqAt, aqLength, aqPush, aqReplaceFirst } from './appendQueue.ts';
import { computeWindow, growWindow, initBufferSpace, measureRcvMss, selectWindow } from './rcvSpace.ts';

export function setState(t: Tcb, ctx: Ctx, to: TcpState, cause: string, action?: string): void {
  if (t.state === to) return;
  ctx.effects.push({ type: 'state', from: t.state, to, cause, ...(action ? { action } : {}) });
  t.state = to;
  if (to === 'ESTABLISHED') initBufferSpace(t); // tcp_init_transfer
}

/** The 16-bit window field: in a SYN the initial offer, unscaled (RFC 7323 §2.2); else what tcp_select_window picks. */
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
  t.rcvWup = t.rcvNxt;
  t.timers['delayed-ack'] = undefined;
  void ctx;
}

export function emit(t: Tcb, ctx: Ctx, seg: Segment): void {
  if (seg.flags.ack) ackSent(t, ctx);
  t.lastXmit = ctx.now;
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
    t.timers.retransmit = undefined;
    return;
  }
  if (restart || t.timers.retransmit === undefined) {
    t.timers.retransmit = now + t.rto;
    if (restart || t.retransmits === 0) t.rtoStart = now;
  }
}

const SENDING_STATES = new Set<TcpState>(['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'CLOSING', 'LAST-ACK']);

/** sk_gso_max_size as TCP sees it: GSO_LEGACY_MAX_SIZE less MAX_TCP_HEADER + 1. TCP always builds GSO skbs. */
const GSO_MAX_SIZE = 65_536 - 321;

/** Segments in flight (tcp_packets_in_flight without SACK): every segment sent counts, however short. */
const packetsOut = (t: Tcb): number => Math.ceil(inFlight(t) / t.sndMss);

/**
 * tcp_tso_autosize: how many segments one skb may carry — about 1 ms of the pacing rate (200 % of cwnd per
 * SRTT in slow start, 120 % after; tcp_update_pacing_rate), plus a share of 64 KB on paths under a few ms
 * (tcp_tso_rtt_log = 9), at least tcp_min_tso_segs = 2.
 */
function tsoSegs(t: Tcb): number {
  const mss = t.sndMss;
  const cwnd = Math.floor(t.cwnd);
  const ratio = cwnd < t.ssthresh / 2 ? 2 : 1.2;
  let bytes = GSO_MAX_SIZE;
  if (t.srtt > 0) {
    const rate = (ratio * mss * Math.max(cwnd, packetsOut(t)) * 1e6) / t.srtt; // bytes per second
    bytes = Math.floor(rate / 1024); // >> sk_pacing_shift (10): about a millisecond's worth
    const r = t.minRtt > 0 ? Math.floor(t.minRtt / 512) : 64;
    if (r < 32) bytes += GSO_MAX_SIZE >> r;
    bytes = Math.min(bytes, GSO_MAX_SIZE);
  }
  return Math.max(Math.floor(bytes / mss), 2);
}

/** tcp_xmit_size_goal: send() fills skbs up to half the peer's largest window, in whole segments. */
function sizeGoal(t: Tcb): number {
  const mss = t.sndMss;
  const half = t.maxWindow > 536 ? t.maxWindow >> 1 : t.maxWindow;
  const goal = half > 0 && GSO_MAX_SIZE > half ? Math.max(half, 68) : GSO_MAX_SIZE;
  return Math.max(Math.floor(goal / mss), 1) * mss;
}

/** When the oldest unacknowledged chunk left (the retransmit queue head's timestamp). */
const headSentAt = (t: Tcb): number | undefined => aqAt(t.sentChunks, 0)?.at;

/**
 * tcp_tso_should_defer: with a multi-segment skb that cannot go out whole, wait for more ACKs to free room —
 * unless nothing was sent for a millisecond, a full chunk or a third of the window fits, the skb would not grow
 * anyway, or the next ACK is not due soon (Linux 6.18: more than min(SRTT/2, 1 ms) away).
 */
function shouldDefer(t: Tcb, now: number, skbLen: number, isTail: boolean, maxSegs: number, withFin: boolean): boolean {
  if (t.recover !== null) return false; // in recovery (TCP_CA_Recovery)
  if (t.lastXmit < 0 || now - t.lastXmit > 1000) return false;
  const mss = t.sndMss;
  const cwnd = Math.floor(t.cwnd);
  const sendWin = t.sndWnd - inFlight(t);
  const congWin = (cwnd - packetsOut(t)) * mss;
  const limit = Math.min(sendWin, congWin);
  if (limit >= maxSegs * mss) return false;
  if (!isTail && limit >= skbLen) return false;
  if (limit >= Math.floor(Math.min(t.sndWnd, cwnd * mss) / 3)) return false; // tcp_tso_win_divisor = 3
  const head = headSentAt(t);
  if (head === undefined) return false;
  const howFar = head + t.srtt - now;
  if (howFar > Math.min(t.srtt / 2, 1000)) return false;
  if (congWin < sendWin ? congWin <= skbLen : sendWin <= skbLen) return true;
  return !withFin;
}

/**
 * Send whatever the windows and Nagle allow, then the FIN if it is due — the way tcp_write_xmit does it: data
 * leaves in skbs of up to min(cwnd/2, TSO autosize) segments (tcp_cwnd_test halves the quota so at least two
 * are in flight), and each multi-segment skb carries PSH on its last segment (__tcp_transmit_skb forces it to
 * speed up GRO at the receiver), as does the segment that ends a send() call.
 */
export function output(t: Tcb, ctx: Ctx): void {
  if (!SENDING_STATES.has(t.state)) return;
  if (t.sndWnd > t.maxWindow) t.maxWindow = t.sndWnd;
  const mss = t.sndMss;
  const maxSegs = tsoSegs(t);
  let rwndLimited = false;
  const before = t.sndNxt;
  for (;;) {
    const start = unsentStart(t);
    const unsent = t.sndBuf.length - start;
    if (unsent <= 0) break;
    const cwnd = Math.floor(t.cwnd); // whole segments: cwnd grows by fractions in congestion avoidance
    const pkts = packetsOut(t);
    if (pkts >= cwnd) break;
    const quota = Math.min(Math.max(cwnd >> 1, 1), cwnd - pkts);
    const wndLeft = t.sndWnd - inFlight(t);
    // tcp_snd_wnd_test: the skb's first segment must fit in what the peer offers.
    if (Math.min(mss, unsent) > wndLeft) {
      rwndLimited = true;
      break;
    }
    const goal = sizeGoal(t);
    const skbLen = Math.min(unsent, goal);
    const isTail = unsent <= goal;
    const withFin = isTail && t.finQueued && !t.finSent;
    let len: number;
    if (skbLen <= mss) {
      len = skbLen;
      // Nagle (RFC 896) as Linux applies it: a partial segment waits while an earlier *small* segment is
      // unacknowledged (Minshall); TCP_NODELAY or a FIN in the same segment sends it now (tcp_nagle_test).
      if (len < mss && !t.settings.nodelay && !withFin && inFlight(t) > 0 && seqGt(t.sndSml, t.sndUna)) break;
    } else {
      if (shouldDefer(t, ctx.now, skbLen, isTail, maxSegs, withFin)) break;
      // tcp_mss_split_point: whole segments up to the quota and the window offered, a partial tail only if Nagle allows.
      const segs = Math.min(quota, maxSegs);
      const maxLen = segs * mss;
      const needed = Math.min(skbLen, wndLeft);
      if (maxLen <= needed) len = maxLen;
      else {
        const partial = needed % mss;
        const nagleHolds = !t.settings.nodelay && packetsOut(t) > 0 && seqGt(t.sndSml, t.sndUna);
        len = partial > 0 && nagleHolds ? needed - partial : needed;
      }
      if (len <= 0) break;
    }
    transmitChunk(t, ctx, start, len, withFin && len === unsent);
  }
  // tcp_check_probe_timer: data waits for the peer's window and nothing is in flight to bring an ACK.
  if (rwndLimited && inFlight(t) === 0 && t.timers.persist === undefined) t.timers.persist = ctx.now + t.rto;
  // A FIN with no data left to carry it (tcp_send_fin).
  if (t.finQueued && !t.finSent && unsentStart(t) >= t.sndBuf.length) {
    const seg = makeSeg(t, { fin: true, ack: true }, t.sndNxt);
    t.finSent = true;
    t.finSeq = t.sndNxt;
    t.sndNxt = seqAdd(t.sndNxt, 1);
    if (seqGt(t.sndNxt, t.sndMax)) t.sndMax = t.sndNxt;
    emit(t, ctx, seg);
    t.sentChunks = aqPush(t.sentChunks, { end: t.sndNxt, at: ctx.now });
    armRto(t, ctx.now, t.xmitProbe);
    t.xmitProbe = false;
  }
  // tcp_write_xmit: after sending, one loss probe per tail loss episode.
  if (t.sndNxt !== before) scheduleLossProbe(t, ctx.now, false);
}

/**
 * tcp_schedule_loss_probe (RFC 8985 TLP; Linux net.ipv4.tcp_early_retrans = 3): once new data has left, or an
 * ACK has moved SND.UNA, the retransmission timer is set to fire early, after 2·SRTT (plus 200 ms when a single
 * segment is out, whose ACK the peer may delay, else plus 2 ms) — unless the RTO is due sooner. If it fires,
 * lossProbe() sends one segment to draw an ACK, without backing the RTO off.
 */
export function scheduleLossProbe(t: Tcb, now: number, advancing: boolean): boolean {
  if (!t.sackOk || inFlight(t) === 0 || t.recover !== null || t.retransmits > 0 || !SENDING_STATES.has(t.state)) return false;
  let timeout = t.srtt > 0 ? 2 * t.srtt + (packetsOut(t) === 1 ? TCP_RTO_MIN : 2000) : TCP_TIMEOUT_INIT;
  const head = headSentAt(t);
  const rtoDelta = advancing || head === undefined ? t.rto : t.rto - (now - head);
  if (rtoDelta > 0) timeout = Math.min(timeout, rtoDelta);
  t.timers.retransmit = now + timeout;
  t.xmitProbe = true;
  return true;
}

/**
 * tcp_send_loss_probe: send one new segment if the window allows (cwnd aside), else resend the last segment sent;
 * then restart the RTO from now. At most one probe is outstanding; while it is, the timer only re-arms the RTO.
 */
export function lossProbe(t: Tcb, ctx: Ctx): void {
  t.xmitProbe = false;
  if (t.tlpHighSeq === null) {
    const start = unsentStart(t);
    const unsent = t.sndBuf.length - start;
    let sent = false;
    if (unsent > 0 && Math.min(t.sndMss, unsent) <= t.sndWnd - inFlight(t)) {
      const len = Math.min(t.sndMss, unsent);
      transmitChunk(t, ctx, start, len, t.finQueued && !t.finSent && len === unsent, 'tail loss probe: new data');
      t.tlpRetrans = false;
      sent = true;
    } else if (resendLast(t, ctx, 'tail loss probe: resend of the last segment')) {
      t.tlpRetrans = true;
      sent = true;
    }
    if (sent) {
      t.tlpHighSeq = t.sndNxt;
      t.timers.retransmit = ctx.now + t.rto;
      return;
    }
  }
  const head = headSentAt(t);
  t.timers.retransmit = Math.max(ctx.now, (head ?? ctx.now) + t.rto);
}

/** Resend the tail of the last skb sent: its last MSS of data, with the FIN if the FIN rode on it. */
function resendLast(t: Tcb, ctx: Ctx, why: string): boolean {
  const n = aqLength(t.sentChunks);
  const last = aqAt(t.sentChunks, n - 1);
  if (last === undefined) return false;
  const prevEnd = n >= 2 ? aqAt(t.sentChunks, n - 2)!.end : t.sndUna;
  let start = seqGt(prevEnd, t.sndUna) ? prevEnd : t.sndUna;
  const withFin = t.finSent && last.end === seqAdd(t.finSeq, 1);
  const dataEnd = withFin ? t.finSeq : last.end;
  const dataLen = Math.max(0, seqDiff(dataEnd, start));
  const pcount = Math.ceil(dataLen / t.sndMss);
  if (pcount > 1) start = seqAdd(start, (pcount - 1) * t.sndMss);
  const len = Math.max(0, seqDiff(dataEnd, start));
  const offset = seqDiff(start, t.sndUna) - (t.sndUna === t.iss ? 1 : 0);
  const flags: Flags = { ack: true };
  if (len > 0 && (withFin || t.pushEnds.includes(dataEnd))) flags.psh = true;
  if (withFin) flags.fin = true;
  if (len === 0 && !withFin) return false;
  emit(t, ctx, makeSeg(t, flags, start, len > 0 ? bqSlice(t.sndBuf, offset, len) : '', why));
  t.rttProbe = null; // Karn's rule
  return true;
}

/**
 * tcp_write_wakeup, when the persist timer finds the peer's window open but smaller than a segment: send what
 * fits, marked PSH. Returns false when there is nothing to send that way.
 */
export function probeWithData(t: Tcb, ctx: Ctx): boolean {
  const start = unsentStart(t);
  const unsent = t.sndBuf.length - start;
  const room = t.sndWnd - inFlight(t);
  if (unsent <= 0 || room <= 0 || !SENDING_STATES.has(t.state)) return false;
  const len = Math.min(t.sndMss, unsent, room);
  if (!t.pushEnds.includes(seqAdd(t.sndNxt, len))) t.pushEnds = [...t.pushEnds, seqAdd(t.sndNxt, len)];
  transmitChunk(t, ctx, start, len, false);
  return true;
}

/**
 * send() appending to data not sent yet (the tail skb, while it is below the size goal) clears that skb's PSH
 * mark: only the end of the latest send() keeps one (tcp_sendmsg_locked).
 */
export function clearUnsentPush(t: Tcb): void {
  const unsent = t.sndBuf.length - unsentStart(t);
  if (unsent > 0 && unsent % sizeGoal(t) !== 0) t.pushEnds = t.pushEnds.filter((p) => !seqGt(p, t.sndNxt));
}

/** One skb: `len` bytes from `start` of the unsent data, cut into segments of at most one MSS. */
function transmitChunk(t: Tcb, ctx: Ctx, start: number, len: number, withFin: boolean, why?: string): void {
  const mss = t.sndMss;
  const segs = Math.ceil(len / mss);
  const chunkEnd = seqAdd(t.sndNxt, len);
  const pushMark = t.pushEnds.includes(chunkEnd);
  for (let i = 0; i < segs; i++) {
    const off = i * mss;
    const n = Math.min(mss, len - off);
    const seq = t.sndNxt;
    const end = seqAdd(seq, n);
    const last = i === segs - 1;
    const fin = last && withFin;
    const flags: Flags = { ack: true };
    if (last && (segs > 1 || pushMark || fin)) flags.psh = true;
    if (fin) flags.fin = true;
    const retrans = seqLt(seq, t.sndMax);
    const seg = makeSeg(t, flags, seq, bqSlice(t.sndBuf, start + off, n), why ?? (retrans ? 'retransmit' : undefined));
    t.sndNxt = fin ? seqAdd(end, 1) : end;
    if (fin) {
      t.finSent = true;
      t.finSeq = end;
    }
    if (seqGt(t.sndNxt, t.sndMax)) t.sndMax = t.sndNxt;
    if (n < mss) t.sndSml = end;
    if (!t.rttProbe && !retrans) t.rttProbe = { seq: end, sentAt: ctx.now };
    // tcp_event_data_sent: replying within the ATO of the last arrival marks an interactive (ping-pong) flow.
    if (t.ato && ctx.now - t.lrcvtime < t.ato) t.pingpong = true;
    emit(t, ctx, seg);
  }
  // Chunks resent after a timeout replace the ones they cover (goBack cleared the list).
  const last = aqAt(t.sentChunks, aqLength(t.sentChunks) - 1);
  if (last === undefined || seqLt(last.end, chunkEnd)) t.sentChunks = aqPush(t.sentChunks, { end: t.sndNxt, at: ctx.now });
  t.timers.persist = undefined;
  // tcp_event_new_data_sent: a pending loss probe gives way to the RTO (the probe is rescheduled after sending).
  armRto(t, ctx.now, t.xmitProbe);
  t.xmitProbe = false;
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
    if (t.pushEnds.includes(end) || withFin) flags.psh = true;
    if (withFin) flags.fin = true;
    emit(t, ctx, makeSeg(t, flags, t.sndUna, data, why));
  } else if (t.finSent && seqLt(t.finSeq, t.sndNxt) && !seqLt(t.finSeq, t.sndUna)) {
    emit(t, ctx, makeSeg(t, { fin: true, ack: true }, t.finSeq, '', why));
  }
  t.rttProbe = null; // Karn's rule: no RTT sample from a retransmitted segment (RFC 6298 §3)
  const head = aqAt(t.sentChunks, 0);
  if (head) t.sentChunks = aqReplaceFirst(t.sentChunks, { end: head.end, at: ctx.now });
}
