// A segment arrives at a host: find its socket (connection, then listener, then none) the way Linux's
// __inet_lookup_skb does, and hand it to TCP. Listener logic: SYN queue, accept queue, SYN cookies.

import type { World } from '../engine/World.ts';
import { connKey, rxConnKey } from '../engine/World.ts';
import type { HostRt, Sock } from '../engine/types.ts';
import type { Segment } from '../tcp/segment.ts';
import type { ArriveEvent } from '../timeline/types.ts';
import { createTcb, withTcb } from '../tcp/tcb.ts';
import { tcpInput } from '../tcp/tcpInput.ts';
import { tcpAcceptSyn, tcpAbort } from '../tcp/tcpUser.ts';
import { TS_OPTION_BYTES, WSCALE, initialWindow } from '../tcp/constants.ts';
import { initBufferSpace, initRcvWindow } from '../tcp/rcvSpace.ts';
import { seqAdd } from '../tcp/seq.ts';

/** SYN cookies are checked only shortly after the SYN queue overflowed (tcp_synq_no_recent_overflow: 2 min). */
const COOKIE_WINDOW = 120_000_000;
/** Linux msstab for SYN cookies: the largest entry not above the peer's MSS is encoded in the ISN. */
const COOKIE_MSS = [536, 1300, 1440, 1460];

/** Record what the stack did with an arrival (the event was pushed before the stack acted). */
function out(ev: ArriveEvent, outcome: string): void {
  ev.outcome = outcome;
}

const PROCESSED: Partial<Record<string, string>> = {};
const processed = (state: string): string => (PROCESSED[state] ??= `${state}: processed`);

export function receive(w: World, host: HostRt, seg: Segment, segId: number): void {
  // The arrival is recorded before what it causes; its outcome is filled in once the stack has acted.
  const ev: ArriveEvent = { type: 'arrive', t: w.now(), segment: segId, host: host.name, outcome: '' };
  w.rec.push(ev);
  if (host.crashed) return out(ev, 'the host is down: nothing answers');
  const key = rxConnKey(seg);
  const sid = host.conns.get(key);
  const sock = sid !== undefined ? w.socks.get(sid) : undefined;
  if (sock && sock.tcb && !sock.freed) {
    const parent = sock.parent !== null ? w.socks.get(sock.parent) : undefined;
    const full = parent?.listen ? parent.listen.acceptQ.length > parent.listen.max : false;
    const before = sock.tcb.state;
    const r = tcpInput(sock.tcb, seg, w.now(), { acceptQueueFull: full, abortOnOverflow: host.sysctl.abortOnOverflow === 1 });
    w.apply(sock, r);
    const after = sock.tcb.state;
    out(ev, before === after ? processed(before) : `${before} → ${after}`);
    if (r.verdict === 'overflow' && parent) {
      w.queueEvent(parent, 'overflow: final ACK dropped, accept queue full');
    } else if (r.verdict === 'overflow-rst' && parent) {
      w.queueEvent(parent, 'overflow: tcp_abort_on_overflow → RST');
      w.replyRst(host, seg, 'accept queue full and net.ipv4.tcp_abort_on_overflow = 1');
      w.apply(sock, { next: withTcb(sock.tcb, { timers: {} }), effects: [{ type: 'state', from: 'SYN-RECEIVED', to: 'CLOSED', cause: 'accept queue overflow (abort)' }] });
    } else if (r.verdict === 'rst-reply') {
      w.replyRst(host, seg, 'data arrived after close()');
    } else if (r.verdict === 'reopen') {
      toListenerOrNone(w, host, seg, ev);
    }
    return;
  }
  toListenerOrNone(w, host, seg, ev);
}

function findListener(w: World, host: HostRt, seg: Segment): Sock | undefined {
  const candidates: Sock[] = [];
  for (const sid of host.bound) {
    const s = w.socks.get(sid);
    if (!s || !s.listen || s.bareState !== 'LISTEN' || !s.local) continue;
    if (s.local.port !== seg.dst.port) continue;
    if (s.local.ip !== '0.0.0.0' && s.local.ip !== seg.dst.ip) continue;
    candidates.push(s);
  }
  if (candidates.length <= 1) return candidates[0];
  // A specific address wins over INADDR_ANY; within a SO_REUSEPORT group the 4-tuple hash picks one.
  const exact = candidates.filter((s) => s.local!.ip === seg.dst.ip);
  const pool = exact.length > 0 ? exact : candidates;
  pool.sort((a, b) => a.sid - b.sid);
  return pool[w.hash(`${seg.src.ip}:${seg.src.port}>${seg.dst.ip}:${seg.dst.port}`) % pool.length];
}

function toListenerOrNone(w: World, host: HostRt, seg: Segment, ev: ArriveEvent): void {
  const l = findListener(w, host, seg);
  if (!l) {
    if (seg.flags.rst) return out(ev, 'no socket: a RST is dropped silently');
    w.replyRst(host, seg, 'no socket for this port');
    return out(ev, seg.flags.syn && !seg.flags.ack ? 'no listener: reply RST (connection refused)' : 'no socket: reply RST');
  }
  listenerInput(w, l, seg, ev);
}

function cookieIsn(w: World, seg: Segment, mssIdx: number): number {
  const h = w.hash(`cookie|${seg.dst.ip}:${seg.dst.port}>${seg.src.ip}:${seg.src.port}|${seg.seq}`);
  return ((h & ~3) | mssIdx) >>> 0;
}

function listenerInput(w: World, l: Sock, seg: Segment, ev: ArriveEvent): void {
  const q = l.listen!;
  const host = l.host;
  const f = seg.flags;
  if (f.rst) return out(ev, 'LISTEN: RST ignored');
  if (f.ack) {
    // A bare ACK at a listener: a valid SYN cookie creates the connection; anything else gets RST (§3.10.7.2).
    if (!f.syn && host.sysctl.syncookies > 0 && w.now() - q.lastOverflow < COOKIE_WINDOW) {
      const iss = seqAdd(seg.ack, -1);
      const irs = seqAdd(seg.seq, -1);
      const mssIdx = iss & 3;
      const probe: Segment = { ...seg, seq: irs };
      if (cookieIsn(w, probe, mssIdx) === iss) {
        if (q.acceptQ.length > q.max) {
          w.queueEvent(l, 'overflow: cookie ACK dropped, accept queue full');
          return out(ev, 'LISTEN: valid SYN cookie, but the accept queue is full: dropped');
        }
        createCookieChild(w, l, seg, iss, irs, COOKIE_MSS[mssIdx]!);
        return out(ev, 'LISTEN: valid SYN cookie → connection created');
      }
    }
    w.replyRst(host, seg, 'ACK at a listener');
    return out(ev, 'LISTEN: unexpected ACK → RST');
  }
  if (!f.syn) return out(ev, 'LISTEN: segment without SYN dropped');
  if (q.acceptQ.length > q.max) {
    // tcp_conn_request: accept queue full → drop the SYN (LINUX_MIB_LISTENOVERFLOWS); the client will retry.
    w.queueEvent(l, 'overflow: SYN dropped, accept queue full');
    return out(ev, 'LISTEN: accept queue full → SYN dropped');
  }
  const sc = host.sysctl;
  // inet_csk_reqsk_queue_is_full(): qlen > sk_max_ack_backlog, so like the accept queue it holds one more
  // than the limit (recorded on Linux 6.18: listen(1) answers a second concurrent SYN with a normal SYN-ACK).
  const synqFull = q.synQ.length > q.max;
  if (sc.syncookies === 2 || synqFull) {
    q.lastOverflow = w.now();
    if (sc.syncookies === 0) {
      w.queueEvent(l, 'overflow: SYN dropped, SYN queue full');
      return out(ev, 'LISTEN: SYN queue full and tcp_syncookies = 0 → SYN dropped');
    }
    const peerMss = seg.mss ?? 536;
    let idx = 0;
    for (let i = 0; i < COOKIE_MSS.length; i++) if (COOKIE_MSS[i]! <= peerMss) idx = i;
    const iss = cookieIsn(w, seg, idx);
    // Options as for any SYN-ACK: echo what the SYN offered (with timestamps, Linux keeps wscale/SACK in the cookie).
    const synack: Segment = {
      src: seg.dst,
      dst: seg.src,
      seq: iss,
      ack: seqAdd(seg.seq, 1),
      flags: { syn: true, ack: true },
      win: initialWindow(host.mss - (seg.ts ? TS_OPTION_BYTES : 0)),
      data: '',
      mss: host.mss,
      cookie: true,
      why: 'SYN cookie (SYN queue full)',
    };
    if (seg.sackOk) synack.sackOk = true;
    if (seg.ts) synack.ts = true;
    if (seg.wscale !== undefined) synack.wscale = WSCALE;
    w.queueEvent(l, 'SYN queue full: answered with a SYN cookie');
    w.transmit(host, synack);
    return out(ev, 'LISTEN: SYN queue full → stateless SYN,ACK with a SYN cookie');
  }
  if (sc.syncookies === 0 && sc.maxSynBacklog - q.synQ.length < sc.maxSynBacklog >> 2) {
    w.queueEvent(l, 'overflow: SYN dropped (tcp_max_syn_backlog)');
    return out(ev, 'LISTEN: last quarter of tcp_max_syn_backlog reserved → SYN dropped');
  }
  const child = newChild(w, l, seg);
  const r = tcpAcceptSyn(child.tcb!, seg, w.now());
  w.apply(child, r);
  q.synQ = [...q.synQ, child.sid];
  w.queueEvent(l, 'syn+');
  out(ev, 'LISTEN: new child in the SYN queue, SYN,ACK sent');
}

function newChild(w: World, l: Sock, seg: Segment): Sock {
  const host = l.host;
  const child = w.newSock(host);
  child.parent = l.sid;
  child.reuseaddr = l.reuseaddr;
  child.reuseport = l.reuseport;
  child.settings = { ...l.settings };
  child.local = { ip: seg.dst.ip, port: seg.dst.port };
  child.ss = 'connected';
  const iss = w.rng.u32();
  const tcb = createTcb(child.local, seg.src, iss, child.settings, host.mss);
  tcb.listener = l.sid;
  child.tcb = tcb;
  child.connKey = connKey(child.local, seg.src);
  host.conns.set(child.connKey, child.sid);
  host.bound.add(child.sid);
  return child;
}

function createCookieChild(w: World, l: Sock, seg: Segment, iss: number, irs: number, mss: number): void {
  const child = newChild(w, l, { ...seg, seq: irs });
  const t = child.tcb!;
  t.iss = iss;
  t.irs = irs;
  t.rcvNxt = seg.seq;
  t.rcvWup = seg.seq;
  t.sndUna = seg.ack;
  t.sndNxt = seg.ack;
  t.sndMax = seg.ack;
  t.sndSml = seg.ack;
  t.sndMss = Math.min(mss, l.host.mss) - TS_OPTION_BYTES;
  // Recorded on 6.18: a connection made from a cookie opens with the SYN's window (64240, not 65160).
  t.wscaleOk = true;
  initRcvWindow(t, l.host.mss);
  t.peerWscale = WSCALE;
  t.sndWnd = seg.win << WSCALE;
  t.sndWl1 = seg.seq;
  t.sndWl2 = seg.ack;
  t.lastRcv = w.now();
  t.state = 'LISTEN';
  initBufferSpace(t); // tcp_init_transfer, as the child is created established
  w.apply(child, { next: withTcb(t, { state: 'ESTABLISHED' }), effects: [{ type: 'state', from: 'LISTEN', to: 'ESTABLISHED', cause: 'rcv ACK with a valid SYN cookie', action: 'child created straight into the accept queue' }] });
  const q = l.listen!;
  q.acceptQ = [...q.acceptQ, child.sid];
  w.queueEvent(l, 'accept+ (SYN cookie)');
  if (seg.data.length > 0 || seg.flags.fin) {
    w.apply(child, tcpInput(child.tcb!, seg, w.now(), { acceptQueueFull: false, abortOnOverflow: false }));
  }
}

/** close() of a listener (inet_csk_listen_stop): queued children are reset, half-open ones forgotten. */
export function closeListener(w: World, l: Sock): void {
  const q = l.listen!;
  for (const sid of q.acceptQ) {
    const c = w.socks.get(sid);
    if (!c || !c.tcb) continue;
    w.apply(c, tcpAbort(c.tcb, w.now(), 'listener closed before accept()'));
    w.free(c);
  }
  for (const sid of q.synQ) {
    const c = w.socks.get(sid);
    if (!c || !c.tcb) continue;
    w.apply(c, { next: withTcb(c.tcb, { timers: {} }), effects: [{ type: 'state', from: c.tcb.state, to: 'CLOSED', cause: 'listener closed: request dropped' }] });
    w.free(c);
  }
  q.acceptQ = [];
  q.synQ = [];
}
