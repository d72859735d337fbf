// The transmission control block (RFC 9293 §3.3.1) of one connection, plus the Linux per-socket state that
// shapes what goes on the wire (delayed ACK, Nagle, keepalive, RTO estimator). Treated as immutable:
// every transition works on a copy (cloneTcb) and returns it.

import type { TcpState, TimerKind } from '../timeline/types.ts';
import type { Endpoint } from './segment.ts';
import { TCP_INIT_CWND, TCP_TIMEOUT_INIT, WSCALE } from './constants.ts';
import type { RcvSkb } from './rcvSpace.ts';
import type { AppendQueue } from './appendQueue.ts';
import { emptyQueue } from './appendQueue.ts';
import { DEFAULT_SCALING_RATIO, TCP_MSS_DEFAULT, TCP_RMEM_DEFAULT } from './rcvSpace.ts';
import type { ByteQueue } from './byteQueue.ts';
import { EMPTY_QUEUE } from './byteQueue.ts';

export interface OooChunk {
  seq: number;
  data: string;
  fin: boolean;
  /** Memory charged for it while it waits (its skb's truesize). */
  truesize: number;
}

export interface TcpSettings {
  nodelay: boolean;
  keepalive: boolean;
  keepIdle: number; // µs
  keepIntvl: number; // µs
  keepCnt: number;
  synRetries: number;
  synLinearTimeouts: number;
  synackRetries: number;
  finTimeout: number; // µs
  retries2: number;
  /** SO_LINGER {1, 0}: close() aborts with RST. */
  lingerZero: boolean;
  /** SO_LINGER {1, n > 0}: close() waits up to n seconds for the FIN to be acknowledged (µs; 0 = off). */
  lingerUs: number;
}

export interface Tcb {
  state: TcpState;
  local: Endpoint;
  remote: Endpoint;
  settings: TcpSettings;

  iss: number;
  sndUna: number;
  sndNxt: number;
  /** Peer's advertised window in bytes (already scaled). */
  sndWnd: number;
  sndWl1: number;
  sndWl2: number;
  /** Bytes from sndUna on: sent-unacked, then not yet sent. Excludes SYN and FIN. */
  sndBuf: ByteQueue;
  /** Sequence numbers at which a send() call ended: the segment reaching one carries PSH. */
  pushEnds: number[];
  /** Highest sequence ever sent (to tell retransmissions from new data). */
  sndMax: number;
  /** End of the last small segment sent, for Nagle's rule as Linux applies it (Minshall). */
  sndSml: number;
  finQueued: boolean;
  finSent: boolean;
  finSeq: number;

  irs: number;
  rcvNxt: number;
  /** In-order bytes the application has not read yet. */
  rcvBuf: ByteQueue;
  /** A FIN was received in order: recv() returns 0 once rcvBuf is drained. */
  rcvFin: boolean;
  ooo: OooChunk[];
  /** Right edge of the window we last advertised (RCV.NXT + RCV.WND). */
  rcvWup: number;
  /** RCV.WND as last advertised (tp->rcv_wnd), counted from rcvWup; see rcvSpace.ts. */
  rcvWnd: number;
  /** Linux rcv_ssthresh: the window offered may not exceed it; full-sized arrivals raise it (tcp_grow_window). */
  rcvSsthresh: number;
  /** The most window this connection will ever offer (tp->window_clamp). */
  windowClamp: number;
  /** sk_rcvbuf: receive memory allowed, counted in skb truesize. */
  rcvbuf: number;
  /** sk_rmem_alloc: truesize of the received data still queued, in order or not. */
  rmem: number;
  /** Payload per byte of truesize, in 1/256ths (tp->scaling_ratio). */
  scalingRatio: number;
  /** Estimate of the peer's segment size (icsk_ack.rcv_mss). */
  rcvMss: number;
  /** Unread in-order skbs, oldest first: memory is freed as the application reads them to the end. */
  rcvSkbs: AppendQueue<RcvSkb>;
  /** Bytes already read from rcvSkbs[0]. */
  rcvSkbHeadUsed: number;
  /** Small segments received since the last ACK (ICSK_ACK_PUSHED, PUSHED2): 0, 1 or 2. */
  ackPushed: number;
  /** TCP timestamps agreed in the handshake (RFC 7323): 12 option bytes on every segment. */
  tsOk: boolean;

  /** MSS we may send (peer's MSS option minus option bytes). */
  sndMss: number;
  /** MSS we advertised. */
  advMss: number;
  peerWscale: number;
  wscaleOk: boolean;
  sackOk: boolean;

  rto: number;
  srtt: number; // 0 = no sample yet
  rttvar: number;
  /** Retransmissions of the current head (SYN, SYN-ACK or data): drives backoff and give-up. */
  retransmits: number;
  /** Time the first transmission of the current head left. */
  rtoStart: number;
  rttProbe: { seq: number; sentAt: number } | null;
  /** The smallest RTT sample seen (tcp_min_rtt), µs; 0 = none. Sizes TSO chunks on short paths. */
  minRtt: number;
  /** The peer's largest window seen (tp->max_window): send() builds skbs of half of it. */
  maxWindow: number;
  /** When this socket last put a segment on the wire (tp->tcp_wstamp_ns), µs; -1 = never. */
  lastXmit: number;
  /** The retransmission timer is armed as a tail loss probe (icsk_pending = ICSK_TIME_LOSS_PROBE). */
  xmitProbe: boolean;
  /** SND.NXT when the last tail loss probe went out, while it is unanswered (tp->tlp_high_seq); null = none. */
  tlpHighSeq: number | null;
  /** That probe resent old data rather than sending new (tp->tlp_retrans). */
  tlpRetrans: boolean;
  /** Data sent but not acknowledged, as transmitted chunks (skbs): where each ends and when it left. */
  sentChunks: AppendQueue<{ end: number; at: number }>;
  cwnd: number; // segments
  ssthresh: number;
  dupAcks: number;
  /** NewReno (RFC 6582): in fast recovery until SND.UNA passes this; null when not recovering. */
  recover: number | null;

  // Delayed ACK (Linux inet_connection_sock icsk_ack)
  ackPending: boolean;
  ato: number;
  quick: number;
  pingpong: boolean;
  lrcvtime: number;

  keepProbes: number;
  /** Last time anything arrived from the peer (for keepalive's idle clock). */
  lastRcv: number;

  /** The application called close(): no fd refers to it any more. */
  orphan: boolean;
  /** shutdown(SHUT_RD) or close(): further data is not delivered. */
  rcvShutdown: boolean;
  sndShutdown: boolean;
  /** A pending error to report to the next call (Linux sk_err). */
  err: string | null;
  /** Error reported once already: later sends fail EPIPE, recv returns 0. */
  reset: boolean;
  /** The listener's sid when this is a passive child. */
  listener: number | null;
  /** A passive child whose final ACK arrived while the accept queue was full (Linux inet_rsk(req)->acked). */
  ackedWhileFull: boolean;
  /** Jiffy of the last rate-limited ACK (tp->last_oow_ack_time, tcp_oow_rate_limited); -1 = none yet. */
  lastOowAck: number;
  timers: Partial<Record<TimerKind, number>>;
}

export function defaultSettings(): TcpSettings {
  return {
    nodelay: false,
    keepalive: false,
    keepIdle: 7200_000_000,
    keepIntvl: 75_000_000,
    keepCnt: 9,
    synRetries: 6,
    synLinearTimeouts: 4,
    synackRetries: 5,
    finTimeout: 60_000_000,
    retries2: 15,
    lingerZero: false,
    lingerUs: 0,
  };
}

function tcbLiteral(local: Endpoint, remote: Endpoint, iss: number, settings: TcpSettings, mss: number): Tcb {
  return {
    state: 'CLOSED',
    local,
    remote,
    settings,
    iss,
    sndUna: iss,
    sndNxt: iss,
    sndWnd: 0,
    sndWl1: 0,
    sndWl2: 0,
    sndBuf: EMPTY_QUEUE,
    pushEnds: [],
    sndMax: iss,
    sndSml: iss,
    finQueued: false,
    finSent: false,
    finSeq: 0,
    irs: 0,
    rcvNxt: 0,
    rcvBuf: EMPTY_QUEUE,
    rcvFin: false,
    ooo: [],
    rcvWup: 0,
    rcvWnd: 0,
    rcvSsthresh: 0,
    windowClamp: 65535 * 2 ** WSCALE,
    rcvbuf: TCP_RMEM_DEFAULT,
    rmem: 0,
    scalingRatio: DEFAULT_SCALING_RATIO,
    rcvMss: TCP_MSS_DEFAULT,
    rcvSkbs: emptyQueue<RcvSkb>(),
    rcvSkbHeadUsed: 0,
    ackPushed: 0,
    tsOk: true,
    sndMss: 536,
    advMss: mss,
    peerWscale: 0,
    wscaleOk: false,
    sackOk: true,
    rto: TCP_TIMEOUT_INIT,
    srtt: 0,
    rttvar: 0,
    retransmits: 0,
    rtoStart: 0,
    rttProbe: null,
    minRtt: 0,
    maxWindow: 0,
    lastXmit: -1,
    xmitProbe: false,
    tlpHighSeq: null,
    tlpRetrans: false,
    sentChunks: emptyQueue<{ end: number; at: number }>(),
    cwnd: TCP_INIT_CWND,
    ssthresh: 0x7fffffff,
    dupAcks: 0,
    recover: null,
    ackPending: false,
    ato: 0,
    quick: 0,
    pingpong: false,
    lrcvtime: 0,
    keepProbes: 0,
    lastRcv: 0,
    orphan: false,
    rcvShutdown: false,
    sndShutdown: false,
    err: null,
    reset: false,
    listener: null,
    ackedWhileFull: false,
    lastOowAck: -1,
    timers: {},
  };
}

export function createTcb(local: Endpoint, remote: Endpoint, iss: number, settings: TcpSettings, mss: number): Tcb {
  const t = tcbLiteral(local, remote, iss, settings, mss);
  return new TcbImpl(t, copyCold(t));
}

/** A new version of a TCB: own fields copied, the set-up-once record shared (see TcbImpl). */
export function cloneTcb(t: Tcb): Tcb {
  return new TcbImpl(t, t instanceof TcbImpl ? t.coldRecord() : copyCold(t));
}

/** A copy with some fields changed (for the socket layer's few direct edits of a TCB). */
export function withTcb(t: Tcb, patch: Partial<Tcb>): Tcb {
  return Object.assign(cloneTcb(t), patch);
}

/** The fields a connection sets up once (or a few times): shared between TCB versions, copied when written. */
interface TcbCold {
  readonly local: Endpoint;
  readonly remote: Endpoint;
  readonly settings: TcpSettings;
  readonly iss: number;
  readonly irs: number;
  readonly tsOk: boolean;
  readonly sackOk: boolean;
  readonly wscaleOk: boolean;
  readonly peerWscale: number;
  readonly sndMss: number;
  readonly advMss: number;
  readonly listener: number | null;
  readonly rcvbuf: number;
  readonly windowClamp: number;
  readonly scalingRatio: number;
  readonly maxWindow: number;
  readonly err: string | null;
  readonly reset: boolean;
  readonly orphan: boolean;
  readonly rcvShutdown: boolean;
  readonly sndShutdown: boolean;
  readonly ackedWhileFull: boolean;
  readonly finQueued: boolean;
  readonly finSent: boolean;
  readonly finSeq: number;
  readonly rcvFin: boolean;
  readonly lastOowAck: number;
}

function copyCold(c: TcbCold): { -readonly [K in keyof TcbCold]: TcbCold[K] } {
  return {
    local: c.local,
    remote: c.remote,
    settings: c.settings,
    iss: c.iss,
    irs: c.irs,
    tsOk: c.tsOk,
    sackOk: c.sackOk,
    wscaleOk: c.wscaleOk,
    peerWscale: c.peerWscale,
    sndMss: c.sndMss,
    advMss: c.advMss,
    listener: c.listener,
    rcvbuf: c.rcvbuf,
    windowClamp: c.windowClamp,
    scalingRatio: c.scalingRatio,
    maxWindow: c.maxWindow,
    err: c.err,
    reset: c.reset,
    orphan: c.orphan,
    rcvShutdown: c.rcvShutdown,
    sndShutdown: c.sndShutdown,
    ackedWhileFull: c.ackedWhileFull,
    finQueued: c.finQueued,
    finSent: c.finSent,
    finSeq: c.finSeq,
    rcvFin: c.rcvFin,
    lastOowAck: c.lastOowAck,
  };
}

/**
 * A TCB version. Transitions copy the TCB on every event, so the copy must be cheap: the fields that change per
 * segment are own fields, copied one by one; the ones set up once live in a shared `cold` record behind
 * accessors, and writing one copies that record (copy-on-write). Code reads and writes `t.local` etc. as plain
 * fields either way.
 */
class TcbImpl implements Tcb {
  state: TcpState;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  sndWl1: number;
  sndWl2: number;
  sndBuf: ByteQueue;
  pushEnds: number[];
  sndMax: number;
  sndSml: number;
  rcvNxt: number;
  rcvBuf: ByteQueue;
  ooo: OooChunk[];
  rcvWup: number;
  rcvWnd: number;
  rcvSsthresh: number;
  rmem: number;
  rcvMss: number;
  rcvSkbs: AppendQueue<RcvSkb>;
  rcvSkbHeadUsed: number;
  ackPushed: number;
  rto: number;
  srtt: number;
  rttvar: number;
  retransmits: number;
  rtoStart: number;
  rttProbe: { seq: number; sentAt: number } | null;
  minRtt: number;
  lastXmit: number;
  xmitProbe: boolean;
  tlpHighSeq: number | null;
  tlpRetrans: boolean;
  sentChunks: AppendQueue<{ end: number; at: number }>;
  cwnd: number;
  ssthresh: number;
  dupAcks: number;
  recover: number | null;
  ackPending: boolean;
  ato: number;
  quick: number;
  pingpong: boolean;
  lrcvtime: number;
  keepProbes: number;
  lastRcv: number;
  timers: Partial<Record<TimerKind, number>>;
  private cold: TcbCold;

  constructor(t: Tcb, cold: TcbCold) {
    this.state = t.state;
    this.sndUna = t.sndUna;
    this.sndNxt = t.sndNxt;
    this.sndWnd = t.sndWnd;
    this.sndWl1 = t.sndWl1;
    this.sndWl2 = t.sndWl2;
    this.sndBuf = t.sndBuf;
    this.pushEnds = t.pushEnds;
    this.sndMax = t.sndMax;
    this.sndSml = t.sndSml;
    this.rcvNxt = t.rcvNxt;
    this.rcvBuf = t.rcvBuf;
    this.ooo = t.ooo;
    this.rcvWup = t.rcvWup;
    this.rcvWnd = t.rcvWnd;
    this.rcvSsthresh = t.rcvSsthresh;
    this.rmem = t.rmem;
    this.rcvMss = t.rcvMss;
    this.rcvSkbs = t.rcvSkbs;
    this.rcvSkbHeadUsed = t.rcvSkbHeadUsed;
    this.ackPushed = t.ackPushed;
    this.rto = t.rto;
    this.srtt = t.srtt;
    this.rttvar = t.rttvar;
    this.retransmits = t.retransmits;
    this.rtoStart = t.rtoStart;
    this.rttProbe = t.rttProbe;
    this.minRtt = t.minRtt;
    this.lastXmit = t.lastXmit;
    this.xmitProbe = t.xmitProbe;
    this.tlpHighSeq = t.tlpHighSeq;
    this.tlpRetrans = t.tlpRetrans;
    this.sentChunks = t.sentChunks;
    this.cwnd = t.cwnd;
    this.ssthresh = t.ssthresh;
    this.dupAcks = t.dupAcks;
    this.recover = t.recover;
    this.ackPending = t.ackPending;
    this.ato = t.ato;
    this.quick = t.quick;
    this.pingpong = t.pingpong;
    this.lrcvtime = t.lrcvtime;
    this.keepProbes = t.keepProbes;
    this.lastRcv = t.lastRcv;
    const tm = t.timers;
    // Every kind spelled out: one object shape for all TCBs, and no spread (see cloneTcb).
    this.timers = { retransmit: tm.retransmit, 'delayed-ack': tm['delayed-ack'], 'time-wait': tm['time-wait'], 'fin-wait-2': tm['fin-wait-2'], keepalive: tm.keepalive, synack: tm.synack, persist: tm.persist };
    this.cold = cold;
  }

  get local(): Endpoint {
    return this.cold.local;
  }
  set local(v: Endpoint) {
    if (this.cold.local === v) return;
    const c = copyCold(this.cold);
    c.local = v;
    this.cold = c;
  }
  get remote(): Endpoint {
    return this.cold.remote;
  }
  set remote(v: Endpoint) {
    if (this.cold.remote === v) return;
    const c = copyCold(this.cold);
    c.remote = v;
    this.cold = c;
  }
  get settings(): TcpSettings {
    return this.cold.settings;
  }
  set settings(v: TcpSettings) {
    if (this.cold.settings === v) return;
    const c = copyCold(this.cold);
    c.settings = v;
    this.cold = c;
  }
  get iss(): number {
    return this.cold.iss;
  }
  set iss(v: number) {
    if (this.cold.iss === v) return;
    const c = copyCold(this.cold);
    c.iss = v;
    this.cold = c;
  }
  get irs(): number {
    return this.cold.irs;
  }
  set irs(v: number) {
    if (this.cold.irs === v) return;
    const c = copyCold(this.cold);
    c.irs = v;
    this.cold = c;
  }
  get tsOk(): boolean {
    return this.cold.tsOk;
  }
  set tsOk(v: boolean) {
    if (this.cold.tsOk === v) return;
    const c = copyCold(this.cold);
    c.tsOk = v;
    this.cold = c;
  }
  get sackOk(): boolean {
    return this.cold.sackOk;
  }
  set sackOk(v: boolean) {
    if (this.cold.sackOk === v) return;
    const c = copyCold(this.cold);
    c.sackOk = v;
    this.cold = c;
  }
  get wscaleOk(): boolean {
    return this.cold.wscaleOk;
  }
  set wscaleOk(v: boolean) {
    if (this.cold.wscaleOk === v) return;
    const c = copyCold(this.cold);
    c.wscaleOk = v;
    this.cold = c;
  }
  get peerWscale(): number {
    return this.cold.peerWscale;
  }
  set peerWscale(v: number) {
    if (this.cold.peerWscale === v) return;
    const c = copyCold(this.cold);
    c.peerWscale = v;
    this.cold = c;
  }
  get sndMss(): number {
    return this.cold.sndMss;
  }
  set sndMss(v: number) {
    if (this.cold.sndMss === v) return;
    const c = copyCold(this.cold);
    c.sndMss = v;
    this.cold = c;
  }
  get advMss(): number {
    return this.cold.advMss;
  }
  set advMss(v: number) {
    if (this.cold.advMss === v) return;
    const c = copyCold(this.cold);
    c.advMss = v;
    this.cold = c;
  }
  get listener(): number | null {
    return this.cold.listener;
  }
  set listener(v: number | null) {
    if (this.cold.listener === v) return;
    const c = copyCold(this.cold);
    c.listener = v;
    this.cold = c;
  }
  get rcvbuf(): number {
    return this.cold.rcvbuf;
  }
  set rcvbuf(v: number) {
    if (this.cold.rcvbuf === v) return;
    const c = copyCold(this.cold);
    c.rcvbuf = v;
    this.cold = c;
  }
  get windowClamp(): number {
    return this.cold.windowClamp;
  }
  set windowClamp(v: number) {
    if (this.cold.windowClamp === v) return;
    const c = copyCold(this.cold);
    c.windowClamp = v;
    this.cold = c;
  }
  get scalingRatio(): number {
    return this.cold.scalingRatio;
  }
  set scalingRatio(v: number) {
    if (this.cold.scalingRatio === v) return;
    const c = copyCold(this.cold);
    c.scalingRatio = v;
    this.cold = c;
  }
  get maxWindow(): number {
    return this.cold.maxWindow;
  }
  set maxWindow(v: number) {
    if (this.cold.maxWindow === v) return;
    const c = copyCold(this.cold);
    c.maxWindow = v;
    this.cold = c;
  }
  get err(): string | null {
    return this.cold.err;
  }
  set err(v: string | null) {
    if (this.cold.err === v) return;
    const c = copyCold(this.cold);
    c.err = v;
    this.cold = c;
  }
  get reset(): boolean {
    return this.cold.reset;
  }
  set reset(v: boolean) {
    if (this.cold.reset === v) return;
    const c = copyCold(this.cold);
    c.reset = v;
    this.cold = c;
  }
  get orphan(): boolean {
    return this.cold.orphan;
  }
  set orphan(v: boolean) {
    if (this.cold.orphan === v) return;
    const c = copyCold(this.cold);
    c.orphan = v;
    this.cold = c;
  }
  get rcvShutdown(): boolean {
    return this.cold.rcvShutdown;
  }
  set rcvShutdown(v: boolean) {
    if (this.cold.rcvShutdown === v) return;
    const c = copyCold(this.cold);
    c.rcvShutdown = v;
    this.cold = c;
  }
  get sndShutdown(): boolean {
    return this.cold.sndShutdown;
  }
  set sndShutdown(v: boolean) {
    if (this.cold.sndShutdown === v) return;
    const c = copyCold(this.cold);
    c.sndShutdown = v;
    this.cold = c;
  }
  get ackedWhileFull(): boolean {
    return this.cold.ackedWhileFull;
  }
  set ackedWhileFull(v: boolean) {
    if (this.cold.ackedWhileFull === v) return;
    const c = copyCold(this.cold);
    c.ackedWhileFull = v;
    this.cold = c;
  }
  get finQueued(): boolean {
    return this.cold.finQueued;
  }
  set finQueued(v: boolean) {
    if (this.cold.finQueued === v) return;
    const c = copyCold(this.cold);
    c.finQueued = v;
    this.cold = c;
  }
  get finSent(): boolean {
    return this.cold.finSent;
  }
  set finSent(v: boolean) {
    if (this.cold.finSent === v) return;
    const c = copyCold(this.cold);
    c.finSent = v;
    this.cold = c;
  }
  get finSeq(): number {
    return this.cold.finSeq;
  }
  set finSeq(v: number) {
    if (this.cold.finSeq === v) return;
    const c = copyCold(this.cold);
    c.finSeq = v;
    this.cold = c;
  }
  get rcvFin(): boolean {
    return this.cold.rcvFin;
  }
  set rcvFin(v: boolean) {
    if (this.cold.rcvFin === v) return;
    const c = copyCold(this.cold);
    c.rcvFin = v;
    this.cold = c;
  }
  get lastOowAck(): number {
    return this.cold.lastOowAck;
  }
  set lastOowAck(v: number) {
    if (this.cold.lastOowAck === v) return;
    const c = copyCold(this.cold);
    c.lastOowAck = v;
    this.cold = c;
  }

  /** @internal for cloneTcb */
  coldRecord(): TcbCold {
    return this.cold;
  }
}
