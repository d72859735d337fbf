// The simulated world: hosts, sockets, the wire and the event loop. It applies what pure TCP transitions
// return (segments to send, state changes, timers) and records everything into the timeline.

import type { Scenario } from '../scenario/types.ts';
import type { Rng } from '../random.ts';
import { createRng, hash32 } from '../random.ts';
import { EventQueue } from './EventQueue.ts';
import { SidSet } from './SidSet.ts';
import { wheelFireTime } from './timerWheel.ts';
import { SimClock } from '../clock.ts';
import { Network } from '../network/Network.ts';
import { Recorder } from '../timeline/Recorder.ts';
import type { SocketRow, TcpState, TimerKind } from '../timeline/types.ts';
import type { TcpResult } from '../tcp/effects.ts';
import type { Endpoint, Segment } from '../tcp/segment.ts';
import { epText, flagsText, segSpace } from '../tcp/segment.ts';
import { defaultSettings } from '../tcp/tcb.ts';
import { seqDiff } from '../tcp/seq.ts';
import type { Ev, HostRt, Sock } from './types.ts';

/** How much payload a segment event keeps, and how much of a recv() result a call event keeps. */
export const PREVIEW_CHARS = 64;
export const RECV_DATA_CHARS = 65536;

/** How many distinct call descriptions are shared; past that they are simply kept. */
const INTERN_MAX_ENTRIES = 4096;

interface RowScratch {
  state: TcpState;
  recvQ: number;
  sendQ: number;
  local: string;
  peer: string;
  timerKind: string | undefined;
  timerUntil: number;
  synQueue: number | undefined;
  acceptQueue: number | undefined;
  acceptMax: number | undefined;
  half: boolean;
  orphan: boolean;
}

const TIMER_INDEX: Record<TimerKind, number> = { retransmit: 0, 'delayed-ack': 1, 'time-wait': 2, 'fin-wait-2': 3, keepalive: 4, synack: 5, persist: 6 };
/** A number, not a string: timers are re-armed on nearly every ACK. */
export const timerKey = (sid: number, kind: TimerKind): number => sid * 8 + TIMER_INDEX[kind];

export const connKey = (local: Endpoint, remote: Endpoint): string => `${local.ip}:${local.port}>${remote.ip}:${remote.port}`;

const rxKeys = new WeakMap<Endpoint, { dst: Endpoint; key: string }>();
/**
 * The key under which the receiver finds a segment's connection. A connection sends every segment with the same
 * two endpoint objects, so the string is built once per connection, not once per segment.
 */
export function rxConnKey(seg: { src: Endpoint; dst: Endpoint }): string {
  const hit = rxKeys.get(seg.src);
  if (hit !== undefined && hit.dst === seg.dst) return hit.key;
  const key = connKey(seg.dst, seg.src);
  rxKeys.set(seg.src, { dst: seg.dst, key });
  return key;
}

export class World {
  readonly clock = new SimClock();
  readonly queue = new EventQueue<Ev>();
  readonly rec = new Recorder();
  readonly rng: Rng;
  readonly net: Network;
  readonly hosts = new Map<string, HostRt>();
  readonly hostByIp = new Map<string, HostRt>();
  readonly socks = new Map<number, Sock>();
  /** Secret for SYN cookies and port choice, drawn from the seed. */
  readonly secret: number;
  /** The jiffies counter at time 0: where the timer wheel's slot boundaries fall. */
  readonly jiffyPhase: number;
  private nextSid = 1;
  private nextSegId = 0;
  /** Sockets changed while handling the current event: their rows are re-emitted and their waiters retried. */
  readonly touched = new SidSet();
  /** Reordered segments already delivered (by token). */
  readonly heldDone = new Set<number>();
  private readonly interned = new Map<string, string>();
  /** How much of each recv() result the timeline keeps (RunOptions.recvDataChars). */
  recvChars = RECV_DATA_CHARS;

  constructor(readonly scenario: Scenario, readonly seed: number) {
    this.rng = createRng(seed);
    this.secret = this.rng.u32();
    // Slot boundaries line up with the start of the run. A real machine's boot time puts them anywhere; with the
    // run starting on a boundary, timers armed close together share a slot as they usually do on Linux (when a
    // SYN timer and a SYN-ACK timer armed 5 ms apart both fire in one 32 ms slot, for instance).
    this.jiffyPhase = 0;
    const delay = Math.round((scenario.network?.delayMs ?? 0) * 1000);
    this.net = new Network(delay, scenario.network?.faults ?? [], createRng((seed ^ 0x5eed) >>> 0));
  }

  /**
   * The first `n` characters of a payload, as a slice: payloads are slices of the strings a scenario sends (or of
   * one shared filler block), which stay in memory anyway, so a slice costs a few bytes and no copy. Only a
   * segment that spans two send() calls is a concatenation, flattened here once (at most one MSS).
   */
  preview(s: string, n: number): string {
    return s.length > n ? s.slice(0, n) : s;
  }

  now(): number {
    return this.clock.now();
  }

  newSock(host: HostRt): Sock {
    const s = defaultSettings();
    const sc = host.sysctl;
    s.keepIdle = sc.keepaliveTime * 1e6;
    s.keepIntvl = sc.keepaliveIntvl * 1e6;
    s.keepCnt = sc.keepaliveProbes;
    s.synRetries = sc.synRetries;
    s.synLinearTimeouts = sc.synLinearTimeouts;
    s.synackRetries = sc.synackRetries;
    s.finTimeout = sc.finTimeout * 1e6;
    s.retries2 = sc.retries2;
    const sock: Sock = {
      sid: this.nextSid++,
      host,
      fd: null,
      reuseaddr: false,
      reuseport: false,
      settings: s,
      rcvtimeo: 0,
      sndtimeo: 0,
      pyTimeout: null,
      nonblocking: false,
      local: null,
      explicitBind: false,
      listen: null,
      tcb: null,
      bareState: 'CLOSED',
      parent: null,
      connKey: null,
      freed: false,
      everConnected: false,
      ss: 'unconnected',
    };
    this.socks.set(sock.sid, sock);
    this.touched.add(sock.sid);
    return sock;
  }

  stateOf(s: Sock): TcpState {
    return s.tcb ? s.tcb.state : s.bareState;
  }

  sockName(s: Sock): string {
    const local = s.local ? epText(s.local) : `${s.host.ip}:*`;
    const peer = s.tcb ? epText(s.tcb.remote) : '0.0.0.0:*';
    // The same socket is named on every timer event: keep one string per (local, peer) pair.
    const cached = this.names.get(s.sid);
    if (cached !== undefined && cached.local === local && cached.peer === peer) return cached.name;
    const name = `${local}>${peer}`;
    this.names.set(s.sid, { local, peer, name });
    return name;
  }

  private readonly names = new Map<number, { local: string; peer: string; name: string }>();

  /** One shared copy of a short string the timeline keeps many times (call descriptions). */
  intern(text: string): string {
    const known = this.interned.get(text);
    if (known !== undefined) return known;
    if (this.interned.size < INTERN_MAX_ENTRIES) this.interned.set(text, text);
    return text;
  }

  /** Record a state change of a socket without a TCB (listen, close of a listener). */
  bareStateChange(s: Sock, to: TcpState, cause: string): void {
    const from = s.bareState;
    if (from === to) return;
    s.bareState = to;
    this.rec.push({ type: 'state', t: this.now(), host: s.host.name, socket: this.sockName(s), sid: s.sid, from, to, cause });
    this.touched.add(s.sid);
    this.emitRow(s);
  }

  /** Apply a pure TCP transition's result to a socket. */
  apply(s: Sock, r: TcpResult): void {
    const prev = s.tcb;
    s.tcb = r.next;
    this.touched.add(s.sid);
    for (const e of r.effects) {
      if (e.type === 'send') this.transmit(s.host, e.seg);
      else if (e.type === 'state') {
        this.rec.push({ type: 'state', t: this.now(), host: s.host.name, socket: this.sockName(s), sid: s.sid, from: e.from, to: e.to, cause: e.cause, ...(e.action ? { action: e.action } : {}) });
        this.onState(s, e.from, e.to);
      } else this.rec.push({ type: 'note', t: this.now(), host: s.host.name, text: e.text });
    }
    this.syncTimers(s, prev?.timers ?? {}, r.next.timers);
    // The socket's ss row follows its state change at once, not at the end of the event.
    if (!s.freed) this.emitRow(s);
  }

  private syncTimers(s: Sock, before: Partial<Record<TimerKind, number>>, after: Partial<Record<TimerKind, number>>): void {
    if (s.freed) return;
    // for…in, not Object.keys: this runs on every transition and must not allocate.
    // A stopped timer is left as `undefined` rather than deleted (deleting would turn the object into a slow
    // dictionary): skip those keys.
    for (const key in after) {
      const k = key as TimerKind;
      const at = after[k];
      if (at === undefined || before[k] === at) continue;
      this.scheduleTimer(s.sid, k, at);
      // Re-arming a running timer (the RTO restarts on every ACK) is not news; arming one is.
      if (before[k] === undefined) this.rec.push({ type: 'timer', t: this.now(), host: s.host.name, sid: s.sid, socket: this.sockName(s), timer: k, action: 'set', at });
    }
    for (const key in before) {
      const k = key as TimerKind;
      const was = before[k];
      if (was !== undefined && after[k] === undefined && was !== this.now()) {
        this.rec.push({ type: 'timer', t: this.now(), host: s.host.name, sid: s.sid, socket: this.sockName(s), timer: k, action: 'cleared' });
      }
    }
  }

  /** Earliest queued wake-up per "sid:kind". Timers are lazy: a later deadline reuses the queued wake-up. */
  readonly queuedTimers = new Map<number, number>();
  /** When each armed timer will fire, rounded by the timer wheel at the moment it was armed. */
  readonly timerFire = new Map<number, number>();

  /** Arm (or re-arm) a kernel timer whose TCP deadline is `due`. */
  scheduleTimer(sid: number, kind: TimerKind, due: number): void {
    const key = timerKey(sid, kind);
    const fire = wheelFireTime(this.now(), due, this.jiffyPhase);
    this.timerFire.set(key, fire);
    this.wakeAt(key, sid, kind, fire);
  }

  /** Make sure a wake-up is queued no later than `fire`. */
  wakeAt(key: number, sid: number, kind: TimerKind, fire: number): void {
    const queued = this.queuedTimers.get(key);
    if (queued !== undefined && queued <= fire && queued >= this.now()) return;
    this.queuedTimers.set(key, fire);
    this.queue.push(fire, { k: 'timer', sid, kind, at: fire }, true);
  }

  private onState(s: Sock, from: TcpState, to: TcpState): void {
    const parent = s.parent !== null ? this.socks.get(s.parent) : undefined;
    if (to === 'ESTABLISHED') s.everConnected = true;
    if (parent?.listen && from === 'SYN-RECEIVED' && to === 'ESTABLISHED' && s.fd === null) {
      const l = parent.listen;
      l.synQ = l.synQ.filter((x) => x !== s.sid);
      l.acceptQ = [...l.acceptQ, s.sid];
      this.queueEvent(parent, 'accept+');
    }
    if (to === 'CLOSED') this.onClosed(s);
  }

  queueEvent(l: Sock, change: string): void {
    const q = l.listen!;
    this.rec.push({ type: 'queue', t: this.now(), host: l.host.name, sid: l.sid, listener: epText(l.local!), synQueue: q.synQ.length, acceptQueue: q.acceptQ.length, synMax: q.max, acceptMax: q.max, change });
    this.touched.add(l.sid);
    if (!l.freed) this.emitRow(l);
  }

  private onClosed(s: Sock): void {
    if (s.connKey) {
      s.host.conns.delete(s.connKey);
      s.connKey = null;
    }
    const parent = s.parent !== null ? this.socks.get(s.parent) : undefined;
    if (parent?.listen && s.fd === null) {
      const l = parent.listen;
      if (l.synQ.includes(s.sid)) {
        l.synQ = l.synQ.filter((x) => x !== s.sid);
        this.queueEvent(parent, 'syn-');
      }
      // A queued child that is reset stays in the accept queue: accept() still returns it (then ECONNRESET).
    }
    // tcp_set_state(TCP_CLOSE) → inet_put_port, unless the application bound the port itself.
    if (!s.explicitBind || s.fd === null) s.host.bound.delete(s.sid);
    const inAcceptQ = parent?.listen?.acceptQ.includes(s.sid) ?? false;
    if (s.fd === null && !inAcceptQ) this.free(s);
  }

  free(s: Sock): void {
    if (s.freed) return;
    s.freed = true;
    s.host.bound.delete(s.sid);
    if (s.connKey) s.host.conns.delete(s.connKey);
    this.rec.gone(this.now(), this.row(s));
  }

  // ---- the wire

  transmit(from: HostRt, seg: Segment): void {
    if (from.crashed) return;
    const id = this.nextSegId++;
    const dstHost = this.hostByIp.get(seg.dst.ip) ?? null;
    const flags = flagsText(seg.flags);
    const now = this.now();
    const v = this.net.transmit({ fromHost: from.name, toHost: dstHost?.name ?? null, flags, len: seg.data.length }, now);
    const arrive = v.arrive;
    const ev: import('../timeline/types.ts').SegmentEvent = {
      type: 'segment',
      t: now,
      id,
      src: epText(seg.src),
      dst: epText(seg.dst),
      srcHost: from.name,
      dstHost: dstHost?.name ?? null,
      flags,
      seq: seg.seq,
      ack: seg.ack,
      len: seg.data.length,
      win: seg.win,
      fate: arrive.length > 0 || v.held ? 'delivered' : 'dropped',
      arrive,
    };
    if (seg.data.length > 0) ev.data = this.preview(seg.data, PREVIEW_CHARS);
    if (seg.mss !== undefined || seg.cookie) {
      ev.options = { ...(seg.mss !== undefined ? { mss: seg.mss } : {}), ...(seg.wscale !== undefined ? { wscale: seg.wscale } : {}), ...(seg.sackOk ? { sackOk: true } : {}), ...(seg.ts ? { ts: true } : {}), ...(seg.cookie ? { cookie: true } : {}) };
    }
    if (seg.why) ev.why = seg.why;
    if (v.note) ev.faultNote = v.note;
    this.rec.push(ev);
    if (!dstHost) return;
    for (let i = 0; i < arrive.length; i++) this.queue.push(arrive[i]!, { k: 'arrive', segId: id, seg, host: dstHost });
    if (v.held) {
      this.queue.push(v.held.fallbackAt, { k: 'arrive', segId: id, seg, host: dstHost, token: v.held.token });
      this.heldSegs.set(v.held.token, { id, seg, host: dstHost, ev });
    }
    for (let i = 0; i < v.releases.length; i++) {
      const r = v.releases[i]!;
      const h = this.heldSegs.get(r.token);
      if (!h) continue;
      this.queue.push(r.at, { k: 'arrive', segId: h.id, seg: h.seg, host: h.host, token: r.token });
    }
  }

  readonly heldSegs = new Map<number, { id: number; seg: Segment; host: HostRt; ev: import('../timeline/types.ts').SegmentEvent }>();

  /** RST in reply to a segment that found no socket (RFC 9293 §3.10.7.1; Linux tcp_v4_send_reset). */
  replyRst(host: HostRt, seg: Segment, why: string): void {
    if (seg.flags.rst) return;
    const reply: Segment = seg.flags.ack
      ? { src: seg.dst, dst: seg.src, seq: seg.ack, ack: 0, flags: { rst: true }, win: 0, data: '', why }
      : { src: seg.dst, dst: seg.src, seq: 0, ack: (seg.seq + segSpace(seg)) >>> 0, flags: { rst: true, ack: true }, win: 0, data: '', why };
    this.transmit(host, reply);
  }

  // ---- rows for the socket table (ss -tan)

  /**
   * The row's values, computed into one reused scratch record: most calls find the row unchanged (every ACK
   * re-checks its socket), and then nothing is allocated.
   */
  private readonly scratch: RowScratch = { state: 'CLOSED', recvQ: 0, sendQ: 0, local: '', peer: '', timerKind: undefined, timerUntil: 0, synQueue: undefined, acceptQueue: undefined, acceptMax: undefined, half: false, orphan: false };

  private fillScratch(s: Sock): RowScratch {
    const r = this.scratch;
    const state = this.stateOf(s);
    const t = s.tcb;
    r.state = state;
    const peerEp = t ? t.remote : null;
    let shown = s.shown;
    if (shown === undefined || shown.local !== s.local || shown.peer !== peerEp) {
      shown = { local: s.local, localText: s.local ? epText(s.local) : '0.0.0.0:*', peer: peerEp, peerText: peerEp ? epText(peerEp) : '0.0.0.0:*' };
      s.shown = shown;
    }
    r.local = shown.localText;
    r.peer = shown.peerText;
    r.recvQ = 0;
    r.sendQ = 0;
    r.timerKind = undefined;
    r.timerUntil = 0;
    r.synQueue = undefined;
    r.acceptQueue = undefined;
    r.acceptMax = undefined;
    r.half = false;
    r.orphan = false;
    if (s.listen) {
      r.recvQ = s.listen.acceptQ.length;
      r.sendQ = s.listen.max;
      r.synQueue = s.listen.synQ.length;
      r.acceptQueue = s.listen.acceptQ.length;
      r.acceptMax = s.listen.max;
    } else if (t) {
      r.recvQ = t.rcvBuf.length;
      const synPending = (state === 'SYN-SENT' || state === 'SYN-RECEIVED') && t.sndUna === t.iss ? 1 : 0;
      const finPending = t.finQueued && !(t.finSent && seqDiff(t.sndUna, t.finSeq) > 0) ? 1 : 0;
      r.sendQ = t.sndBuf.length + synPending + finPending;
      const tm = t.timers;
      // ss -o shows one timer: the one the kernel reports (timewait, on = retransmit, persist, keepalive).
      const until = tm['time-wait'] ?? tm['fin-wait-2'] ?? tm.retransmit ?? tm.persist ?? tm.keepalive;
      if (until !== undefined) {
        r.timerUntil = until;
        r.timerKind =
          tm['time-wait'] !== undefined || tm['fin-wait-2'] !== undefined ? 'timewait'
          : tm.retransmit !== undefined ? 'on'
          : tm.persist !== undefined ? 'persist'
          : 'keepalive';
      }
      r.half = state === 'SYN-RECEIVED' && s.parent !== null && s.fd === null;
      r.orphan = t.orphan;
    }
    return r;
  }

  row(s: Sock): SocketRow {
    return this.rowFrom(s, this.fillScratch(s));
  }

  private rowFrom(s: Sock, r: RowScratch): SocketRow {
    const row: SocketRow = { sid: s.sid, host: s.host.name, state: r.state, recvQ: r.recvQ, sendQ: r.sendQ, local: r.local, peer: r.peer };
    if (s.fd !== null) row.fd = s.fd;
    if (s.parent !== null) row.listener = s.parent;
    if (s.listen) {
      row.synQueue = r.synQueue;
      row.acceptQueue = r.acceptQueue;
      row.acceptMax = r.acceptMax;
      row.synMax = r.acceptMax;
    } else if (s.tcb) {
      if (r.timerKind !== undefined) row.timer = { kind: r.timerKind, until: r.timerUntil };
      if (r.half) row.half = true;
      if (r.orphan) row.orphan = true;
    }
    return row;
  }

  /** Emit the socket's ss row if it differs from the last one emitted (Recorder keeps the last per socket). */
  emitRow(s: Sock): void {
    this.rowChecked[s.sid] = this.touched.lastAdd(s.sid);
    const prev = this.rec.lastRow(s.sid);
    const r = this.fillScratch(s);
    if (prev !== undefined) {
      if (
        prev.state === r.state && prev.recvQ === r.recvQ && prev.sendQ === r.sendQ && prev.local === r.local && prev.peer === r.peer &&
        prev.timer?.kind === r.timerKind && (r.timerKind === undefined || prev.timer!.until === r.timerUntil) &&
        prev.fd === (s.fd ?? undefined) && prev.synQueue === r.synQueue && prev.acceptQueue === r.acceptQueue &&
        prev.acceptMax === r.acceptMax && (prev.orphan ?? false) === r.orphan && (prev.half ?? false) === r.half
      ) return;
    }
    this.rec.putRow(this.now(), this.rowFrom(s, r));
  }

  /** Per socket, touched.lastAdd() when its row was last checked: flushRows skips sockets untouched since. */
  private readonly rowChecked: number[] = [];

  flushRows(): void {
    for (const sid of this.touched.values()) {
      // A socket whose row was checked after its last touch (apply() checks it after every transition) is
      // up to date.
      if (this.rowChecked[sid] === this.touched.lastAdd(sid)) continue;
      const s = this.socks.get(sid);
      if (s && !s.freed) this.emitRow(s);
    }
  }

  /** A deterministic per-run hash (SYN cookies, SO_REUSEPORT choice, port search start). */
  hash(text: string): number {
    return hash32(text, this.secret);
  }
}
