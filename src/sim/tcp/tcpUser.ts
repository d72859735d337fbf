// User calls into TCP (RFC 9293 §3.10.1–3.10.4: OPEN, SEND, RECEIVE, CLOSE, ABORT) with Linux's choices:
// close() with unread data or SO_LINGER {1,0} aborts with RST (tcp_close), shutdown(SHUT_WR) sends FIN only.

import type { TcpResult } from './effects.ts';
import { newCtx } from './effects.ts';
import type { Segment } from './segment.ts';
import type { Tcb } from './tcb.ts';
import { cloneTcb } from './tcb.ts';
import { TS_OPTION_BYTES } from './constants.ts';
import { computeWindow, initRcvWindow, receiveWindow, releaseRead } from './rcvSpace.ts';
import { acceptPeerOptions } from './tcpInput.ts';
import { seqAdd, seqDiff } from './seq.ts';
import { bqAppend, bqDrop, bqSlice } from './byteQueue.ts';
import { clearUnsentPush, output, sendAck, sendRst, sendSyn, setState } from './tcpOutput.ts';

/** Active open: connect() (RFC 9293 §3.10.1). */
export function tcpConnect(prev: Tcb, now: number): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  t.sndNxt = seqAdd(t.iss, 1);
  t.sndMax = t.sndNxt;
  initRcvWindow(t, t.advMss);
  setState(t, ctx, 'SYN-SENT', 'connect()', 'snd SYN');
  sendSyn(t, ctx, false);
  t.timers.retransmit = now + t.rto;
  t.rtoStart = now;
  return { next: t, effects: ctx.effects };
}

/** A SYN reached a listener with room in its SYN queue: the new child answers SYN,ACK (LISTEN → SYN-RECEIVED). */
export function tcpAcceptSyn(prev: Tcb, syn: Segment, now: number, cookie = false): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  t.irs = syn.seq;
  t.rcvNxt = seqAdd(syn.seq, 1);
  t.rcvWup = t.rcvNxt;
  acceptPeerOptions(t, syn);
  initRcvWindow(t, t.advMss - (t.tsOk ? TS_OPTION_BYTES : 0));
  t.sndWnd = syn.win;
  t.sndNxt = seqAdd(t.iss, 1);
  t.sndMax = t.sndNxt;
  t.lastRcv = now;
  t.state = 'LISTEN';
  setState(t, ctx, 'SYN-RECEIVED', 'rcv SYN', cookie ? 'snd SYN,ACK with a SYN cookie' : 'snd SYN,ACK');
  sendSyn(t, ctx, true, cookie ? 'SYN cookie' : undefined);
  if (!cookie) {
    t.timers.retransmit = now + t.rto;
    t.rtoStart = now;
  }
  return { next: t, effects: ctx.effects };
}

export function tcpSend(prev: Tcb, data: string, now: number): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  clearUnsentPush(t);
  t.sndBuf = bqAppend(t.sndBuf, data);
  const end = seqAdd(t.sndUna, t.sndBuf.length + (t.sndUna === t.iss ? 1 : 0));
  t.pushEnds = [...t.pushEnds, end];
  output(t, ctx);
  return { next: t, effects: ctx.effects };
}

/**
 * recv(): take up to `size` bytes and free the memory of what was read to the end. Then tcp_cleanup_rbuf: a
 * delayed ACK still owed goes out now if more than a segment is unacknowledged, or if this read emptied the
 * buffer after small segments; and a window at least twice what the peer was last told is announced at once.
 */
export function tcpRead(prev: Tcb, size: number, now: number): { next: Tcb; effects: TcpResult['effects']; data: string } {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  const data = bqSlice(t.rcvBuf, 0, size);
  t.rcvBuf = bqDrop(t.rcvBuf, data.length);
  releaseRead(t, data.length);
  if (data.length === 0 || t.state === 'CLOSED' || t.state === 'LISTEN' || t.state === 'SYN-SENT') return { next: t, effects: ctx.effects, data };
  let timeToAck = false;
  if (t.ackPending) {
    timeToAck =
      seqDiff(t.rcvNxt, t.rcvWup) > t.rcvMss ||
      ((t.ackPushed >= 2 || (t.ackPushed === 1 && !t.pingpong)) && t.rmem === 0);
  }
  if (!timeToAck && !t.rcvShutdown && !t.rcvFin) {
    const offered = receiveWindow(t);
    if (2 * offered <= t.windowClamp) {
      const next = computeWindow(t);
      if (next > 0 && next >= 2 * offered) timeToAck = true;
    }
  }
  if (timeToAck) sendAck(t, ctx, t.ackPending ? undefined : 'window update');
  return { next: t, effects: ctx.effects, data };
}

/** close(): FIN after queued data, or RST when received data would be thrown away unread. */
export function tcpClose(prev: Tcb, now: number): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  t.orphan = true;
  t.rcvShutdown = true;
  switch (t.state) {
    case 'SYN-SENT':
      // No RST: the SYN is simply forgotten; a SYN,ACK that arrives later meets "no socket" and gets RST.
      t.timers = {};
      setState(t, ctx, 'CLOSED', 'close()');
      return { next: t, effects: ctx.effects };
    case 'CLOSED':
    case 'LISTEN':
      setState(t, ctx, 'CLOSED', 'close()');
      return { next: t, effects: ctx.effects };
    case 'TIME-WAIT':
    case 'LAST-ACK':
    case 'CLOSING':
    case 'FIN-WAIT-1':
      return { next: t, effects: ctx.effects };
    default:
      break;
  }
  if (t.rcvBuf.length > 0 || t.settings.lingerZero) {
    // tcp_close(): data_was_unread → RST (RFC 2525 §2.17); SO_LINGER with l_linger = 0 → abort.
    const why = t.settings.lingerZero ? 'SO_LINGER {1, 0}: close() aborts' : `close() with ${t.rcvBuf.length} unread bytes`;
    sendRst(t, ctx, why);
    t.timers = {};
    setState(t, ctx, 'CLOSED', 'close()', 'snd RST');
    return { next: t, effects: ctx.effects };
  }
  if (t.state === 'FIN-WAIT-2') {
    t.timers['fin-wait-2'] = now + t.settings.finTimeout;
    return { next: t, effects: ctx.effects };
  }
  queueFin(t, ctx, 'close()');
  return { next: t, effects: ctx.effects };
}

function queueFin(t: Tcb, ctx: ReturnType<typeof newCtx>, cause: string): void {
  if (t.finQueued) return;
  t.finQueued = true;
  t.sndShutdown = true;
  if (t.state === 'ESTABLISHED' || t.state === 'SYN-RECEIVED') setState(t, ctx, 'FIN-WAIT-1', cause, 'snd FIN');
  else if (t.state === 'CLOSE-WAIT') setState(t, ctx, 'LAST-ACK', cause, 'snd FIN');
  output(t, ctx);
}

export function tcpShutdown(prev: Tcb, how: 'SHUT_RD' | 'SHUT_WR' | 'SHUT_RDWR', now: number): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  if (how !== 'SHUT_WR') t.rcvShutdown = true;
  if (how !== 'SHUT_RD' && (t.state === 'ESTABLISHED' || t.state === 'CLOSE-WAIT' || t.state === 'SYN-RECEIVED')) {
    queueFin(t, ctx, `shutdown(${how})`);
  }
  return { next: t, effects: ctx.effects };
}

/** ABORT (RFC 9293 §3.10.4): RST at SND.NXT, no waiting. */
export function tcpAbort(prev: Tcb, now: number, why: string, err: string | null = null): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  if (t.state !== 'CLOSED' && t.state !== 'LISTEN' && t.state !== 'SYN-SENT' && t.state !== 'TIME-WAIT') sendRst(t, ctx, why);
  t.timers = {};
  if (err) t.err = err;
  setState(t, ctx, 'CLOSED', why, 'snd RST');
  return { next: t, effects: ctx.effects };
}

