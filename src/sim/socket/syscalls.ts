// The socket calls. Each `attempt` either completes (a value or an errno, as Linux returns them) or says which
// socket to wait on; the scheduler retries a waiting call whenever that socket changes. A call is therefore
// written as "what would the kernel answer right now", and blocking falls out of retrying.

import type { SockOptName, Step } from '../scenario/types.ts';
import { SOCKOPT_SPECS } from '../scenario/sockoptSpecs.ts';
import type { World } from '../engine/World.ts';
import { connKey } from '../engine/World.ts';
import type { Blocked, CallOutcome, HostRt, Sock, ThreadRt } from '../engine/types.ts';
import { createTcb, withTcb } from '../tcp/tcb.ts';
import { tcpClose, tcpConnect, tcpRead, tcpSend, tcpShutdown } from '../tcp/tcpUser.ts';
import { tcpUpdateSettings } from '../tcp/tcpSettings.ts';
import { bqSlice } from '../tcp/byteQueue.ts';
import { FIRST_FD, SNDBUF_BYTES, TCP_TIMEWAIT_LEN } from '../tcp/constants.ts';
import { bindConflicts } from './bindConflict.ts';
import { closeListener } from './receive.ts';

const done = (ret: number, extra: { data?: string; dataHead?: string; peer?: string } = {}): CallOutcome => ({ done: true, ret, ...extra });
const fail = (errno: string): CallOutcome => ({ done: true, errno });

export function resolveFd(host: HostRt, ref: string | number): number | undefined {
  if (typeof ref === 'number') return ref;
  return host.names.get(ref);
}

function sockOf(w: World, host: HostRt, ref: string | number): Sock | undefined {
  const fd = resolveFd(host, ref);
  if (fd === undefined) return undefined;
  const sid = host.fds.get(fd);
  return sid === undefined ? undefined : w.socks.get(sid);
}

function allocFd(host: HostRt): number | null {
  for (let fd = FIRST_FD; fd < host.nofile; fd++) if (!host.fds.has(fd)) return fd;
  return null;
}

/** Should a blocking call wait, or fail now (non-blocking socket)? */
function waitOr(s: Sock, errnoIfNonblocking = 'EAGAIN'): CallOutcome {
  if (s.nonblocking || s.pyTimeout === 0) return fail(errnoIfNonblocking);
  return { done: false, sid: s.sid };
}

export function attempt(w: World, th: ThreadRt, step: Step, blocked: Blocked | null): CallOutcome {
  const host = th.host;
  if (step.call === 'socket') {
    const fd = allocFd(host);
    if (fd === null) return fail('EMFILE');
    const s = w.newSock(host);
    s.fd = fd;
    host.fds.set(fd, s.sid);
    if (step.as) host.names.set(step.as, fd);
    return done(fd);
  }
  if (step.call === 'sleep' || step.call === 'exit' || step.call === 'crash' || step.call === 'synflood') {
    return done(0);
  }
  // A lingering close() already gave up its fd; it waits on the socket itself (see closeFd).
  if (step.call === 'close' && blocked && blocked.sid >= 0) return lingerDone(w.socks.get(blocked.sid)) ? done(0) : { done: false, sid: blocked.sid };
  const s = sockOf(w, host, step.fd);
  if (!s) return fail('EBADF');
  switch (step.call) {
    case 'setsockopt':
      return setsockopt(w, s, step.opt, step.value);
    case 'setblocking':
      s.nonblocking = step.value === false || step.value === 0;
      s.pyTimeout = s.nonblocking ? 0 : null;
      return done(0);
    case 'settimeout':
      s.pyTimeout = step.seconds === null ? null : Math.round(step.seconds * 1e6);
      s.nonblocking = step.seconds === 0;
      return done(0);
    case 'bind':
      return bind(w, s, step.ip ?? '0.0.0.0', step.port);
    case 'listen':
      return listen(w, s, step.backlog ?? 128);
    case 'accept':
      return accept(w, s, step.as);
    case 'connect':
      return connect(w, s, step.addr, blocked);
    case 'send':
      return send(w, s, step.data !== undefined ? step.data : { length: step.bytes ?? 0 }, blocked);
    case 'recv':
      return recv(w, s, step.size ?? 65536);
    case 'shutdown': {
      if (!s.tcb || s.tcb.state === 'CLOSED' || s.tcb.state === 'SYN-SENT') return fail('ENOTCONN');
      w.apply(s, tcpShutdown(s.tcb, step.how, w.now()));
      return done(0);
    }
    case 'close':
      closeFd(w, s);
      // SO_LINGER {1, n}: close() blocks until our FIN is acknowledged or n seconds pass (sk_stream_wait_close).
      if (s.settings.lingerUs > 0 && !lingerDone(s) && !s.nonblocking) return { done: false, sid: s.sid, timeoutUs: s.settings.lingerUs };
      return done(0);
  }
  return fail('EINVAL');
}

function outOfRange(opt: SockOptName, n: number): boolean {
  const valid = SOCKOPT_SPECS[opt].valid;
  return valid !== undefined && (n < valid[0] || n > valid[1]);
}

function setsockopt(w: World, s: Sock, opt: SockOptName, value: unknown): CallOutcome {
  const n = typeof value === 'number' ? value : 0;
  const st = { ...s.settings };
  switch (opt) {
    case 'SO_REUSEADDR': s.reuseaddr = n !== 0; break;
    case 'SO_REUSEPORT': s.reuseport = n !== 0; break;
    case 'SO_KEEPALIVE': st.keepalive = n !== 0; break;
    case 'SO_LINGER': {
      const v = value as { onoff: number; linger: number };
      st.lingerZero = v.onoff !== 0 && v.linger === 0;
      st.lingerUs = v.onoff !== 0 && v.linger > 0 ? Math.round(v.linger * 1e6) : 0;
      break;
    }
    case 'SO_RCVTIMEO': s.rcvtimeo = Math.round(n * 1000); break;
    case 'SO_SNDTIMEO': s.sndtimeo = Math.round(n * 1000); break;
    case 'SO_RCVBUF': case 'SO_SNDBUF': break;
    case 'TCP_NODELAY': st.nodelay = n !== 0; break;
    // TCP_KEEPIDLE/INTVL take seconds, as in Linux; each checks its range and fails EINVAL (do_tcp_setsockopt).
    case 'TCP_KEEPIDLE': if (outOfRange(opt, n)) return fail('EINVAL'); st.keepIdle = n * 1e6; break;
    case 'TCP_KEEPINTVL': if (outOfRange(opt, n)) return fail('EINVAL'); st.keepIntvl = n * 1e6; break;
    case 'TCP_KEEPCNT': if (outOfRange(opt, n)) return fail('EINVAL'); st.keepCnt = n; break;
    case 'TCP_SYNCNT': if (outOfRange(opt, n)) return fail('EINVAL'); st.synRetries = n; break;
    default: return fail('ENOPROTOOPT');
  }
  s.settings = st;
  if (s.tcb) w.apply(s, tcpUpdateSettings(s.tcb, st, w.now()));
  return done(0);
}

function bind(w: World, s: Sock, ip: string, port: number): CallOutcome {
  const host = s.host;
  if (s.local) return fail('EINVAL');
  if (ip !== '0.0.0.0' && ip !== host.ip && !ip.startsWith('127.')) return fail('EADDRNOTAVAIL');
  let p = port;
  if (p === 0) {
    // inet_csk_find_open_port: bind() to port 0 searches odd ports (even ones are left for connect()).
    const sc = host.sysctl;
    const span = sc.portHigh - sc.portLow + 1;
    const start = w.hash(`bind|${host.name}|${s.sid}`) % span;
    let found = 0;
    for (let i = 0; i < span; i++) {
      const cand = sc.portLow + ((start + i) % span);
      if (cand % 2 === 0) continue;
      if (!portInUse(w, host, cand)) { found = cand; break; }
    }
    if (found === 0) return fail('EADDRINUSE');
    p = found;
  } else {
    for (const sid of host.bound) {
      const o = w.socks.get(sid);
      if (!o || o === s || !o.local) continue;
      if (bindConflicts({ ip: o.local.ip, port: o.local.port, reuseaddr: o.reuseaddr, reuseport: o.reuseport, state: w.stateOf(o) }, { ip, port, reuseaddr: s.reuseaddr, reuseport: s.reuseport })) {
        return fail('EADDRINUSE');
      }
    }
  }
  s.local = { ip, port: p };
  s.explicitBind = true;
  host.bound.add(s.sid);
  w.touched.add(s.sid);
  return done(0);
}

function portInUse(w: World, host: HostRt, port: number): boolean {
  for (const sid of host.bound) if (w.socks.get(sid)?.local?.port === port) return true;
  return false;
}

function listen(w: World, s: Sock, backlog: number): CallOutcome {
  if (s.tcb) return fail('EINVAL');
  const host = s.host;
  if (!s.local) {
    const r = bind(w, s, '0.0.0.0', 0);
    if (r.done && r.errno) return r;
  }
  // A second listener on a port is refused unless both use SO_REUSEPORT (SO_REUSEADDR is not enough).
  for (const sid of host.bound) {
    const o = w.socks.get(sid);
    if (!o || o === s || !o.listen || o.bareState !== 'LISTEN' || o.local!.port !== s.local!.port) continue;
    const overlap = o.local!.ip === '0.0.0.0' || s.local!.ip === '0.0.0.0' || o.local!.ip === s.local!.ip;
    if (overlap && !(o.reuseport && s.reuseport)) return fail('EADDRINUSE');
  }
  // listen(2): the accept queue limit is min(backlog, net.core.somaxconn); a negative backlog means somaxconn.
  const sc = host.sysctl.somaxconn;
  const max = backlog < 0 || backlog > sc ? sc : backlog;
  if (s.listen) {
    s.listen.backlog = backlog;
    s.listen.max = max;
  } else {
    s.listen = { backlog, max, synQ: [], acceptQ: [], lastOverflow: -Infinity };
  }
  w.bareStateChange(s, 'LISTEN', `listen(${backlog})`);
  w.queueEvent(s, 'listen');
  return done(0);
}

function accept(w: World, s: Sock, as: string | undefined): CallOutcome {
  if (!s.listen || s.bareState !== 'LISTEN') return fail('EINVAL');
  const q = s.listen;
  if (q.acceptQ.length === 0) return waitOr(s);
  const fd = allocFd(s.host);
  // accept(2) EMFILE: the connection stays queued for a later accept().
  if (fd === null) return fail('EMFILE');
  const sid = q.acceptQ[0]!;
  q.acceptQ = q.acceptQ.slice(1);
  const c = w.socks.get(sid)!;
  c.fd = fd;
  c.settings = { ...c.settings };
  s.host.fds.set(fd, c.sid);
  if (as) s.host.names.set(as, fd);
  w.queueEvent(s, 'accept-');
  w.touched.add(c.sid);
  return done(fd, { peer: c.tcb ? `${c.tcb.remote.ip}:${c.tcb.remote.port}` : '' });
}

function parseAddr(w: World, addr: string): { ip: string; port: number } | null {
  const i = addr.lastIndexOf(':');
  if (i < 0) return null;
  const name = addr.slice(0, i);
  const port = Number(addr.slice(i + 1));
  const ip = w.hosts.get(name)?.ip ?? name;
  return { ip, port };
}

/**
 * __inet_hash_connect: from a keyed offset moved along by a per-host perturbation, first the ports of even
 * parity, then the odd ones (bind() to port 0 prefers odd ones, so the two rarely collide).
 */
function pickEphemeral(w: World, host: HostRt, remote: { ip: string; port: number }): number | null {
  const sc = host.sysctl;
  const span = sc.portHigh - sc.portLow + 1;
  const base = w.hash(`connect|${host.ip}>${remote.ip}:${remote.port}`) + host.perturb;
  for (let k = 0; k < span; k++) {
    const i = k < Math.ceil(span / 2) ? 2 * k : 2 * (k - Math.ceil(span / 2)) + 1;
    const port = sc.portLow + ((base - (base % 2) + i) % span);
    const bySocketBind = [...host.bound].some((sid) => {
      const o = w.socks.get(sid);
      return o?.explicitBind && o.local?.port === port;
    });
    if (bySocketBind) continue;
    const existing = host.conns.get(connKey({ ip: host.ip, port }, remote));
    if (existing !== undefined && !reuseTimeWait(w, host, existing, remote.ip)) continue;
    host.perturb += i + 2;
    return port;
  }
  return null;
}

/**
 * tcp_twsk_unique(): a connect() may take over a 4-tuple still in TIME-WAIT when net.ipv4.tcp_tw_reuse allows
 * it (1, or 2 = loopback only, the default) and the TIME-WAIT is older than tcp_tw_reuse_delay (1 s); timestamps
 * (PAWS) keep old duplicates apart. The TIME-WAIT socket is dropped on the spot.
 */
function reuseTimeWait(w: World, host: HostRt, sid: number, remoteIp: string): boolean {
  const tw = w.socks.get(sid);
  const t = tw?.tcb;
  if (!tw || !t || t.state !== 'TIME-WAIT') return false;
  const mode = host.sysctl.twReuse;
  const loopback = host.ip.startsWith('127.') || remoteIp.startsWith('127.');
  if (!(mode === 1 || (mode === 2 && loopback))) return false;
  const since = (t.timers['time-wait'] ?? w.now()) - TCP_TIMEWAIT_LEN;
  if (w.now() - since <= TW_REUSE_DELAY) return false;
  w.apply(tw, { next: withTcb(t, { timers: {} }), effects: [{ type: 'state', from: 'TIME-WAIT', to: 'CLOSED', cause: 'connect() reuses this 4-tuple (net.ipv4.tcp_tw_reuse)' }] });
  w.free(tw);
  return true;
}

/** net.ipv4.tcp_tw_reuse_delay (Linux ≥ 6.13): 1000 ms. */
const TW_REUSE_DELAY = 1_000_000;

/**
 * __inet_stream_connect: the socket layer's own state (SS_UNCONNECTED → SS_CONNECTING → SS_CONNECTED) decides
 * what a repeated connect() says: EALREADY while the handshake runs (non-blocking), 0 once — the first call after
 * it completed — and EISCONN after that; a handshake that failed reports its error (ECONNREFUSED, ETIMEDOUT).
 */
function connect(w: World, s: Sock, addr: string, blocked: Blocked | null): CallOutcome {
  const t = s.tcb;
  if (s.ss === 'connected' || s.listen) return fail('EISCONN');
  if (t && s.ss === 'connecting') {
    if (t.state === 'SYN-SENT' || t.state === 'SYN-RECEIVED') {
      if (!blocked && (s.nonblocking || s.pyTimeout === 0)) return fail('EALREADY');
      return { done: false, sid: s.sid };
    }
    if (t.state === 'CLOSED') {
      const e = t.err ?? 'ECONNABORTED';
      s.tcb = withTcb(t, { err: null });
      s.ss = 'unconnected';
      w.touched.add(s.sid);
      return fail(e);
    }
    s.ss = 'connected';
    return done(0);
  }
  if (t) return fail('EISCONN');
  const remote = parseAddr(w, addr);
  if (!remote) return fail('EINVAL');
  const host = s.host;
  if (!s.local) {
    const port = pickEphemeral(w, host, remote);
    if (port === null) return fail('EADDRNOTAVAIL');
    s.local = { ip: host.ip, port };
    host.bound.add(s.sid);
  } else if (s.local.ip === '0.0.0.0') {
    s.local = { ip: host.ip, port: s.local.port };
  }
  const tcb = createTcb(s.local, remote, w.rng.u32(), s.settings, host.mss);
  s.tcb = tcb;
  s.connKey = connKey(s.local, remote);
  host.conns.set(s.connKey, s.sid);
  s.ss = 'connecting';
  w.apply(s, tcpConnect(tcb, w.now()));
  if (s.nonblocking || s.pyTimeout === 0) return fail('EINPROGRESS');
  return { done: false, sid: s.sid };
}

/** `bytes: n` sends a repeating filler, produced slice by slice so a 20 MB send never builds a 20 MB string. */
const FILLER = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Enough filler for any one chunk a send() queues (at most the send buffer), built once and shared by slices. */
const FILLER_BLOCK = FILLER.repeat(Math.ceil(SNDBUF_BYTES / FILLER.length) + 1);
function filler(from: number, to: number): string {
  const start = from % FILLER.length;
  const n = to - from;
  if (start + n <= FILLER_BLOCK.length) return FILLER_BLOCK.slice(start, start + n);
  return FILLER.repeat(Math.ceil((start + n) / FILLER.length) + 1).slice(start, start + n);
}

function send(w: World, s: Sock, data: string | { length: number }, blocked: Blocked | null): CallOutcome {
  const t = s.tcb;
  if (!t) return fail(s.listen ? 'ENOTCONN' : 'EPIPE');
  const sent = blocked?.progress ?? 0;
  if (t.err) {
    s.tcb = withTcb(t, { err: null, reset: true });
    w.touched.add(s.sid);
    return fail(t.err);
  }
  if (t.sndShutdown || t.state === 'CLOSED') return fail('EPIPE');
  if (t.state === 'SYN-SENT' || t.state === 'SYN-RECEIVED') return waitOr(s);
  const room = SNDBUF_BYTES - t.sndBuf.length;
  const rest = data.length - sent;
  // sk_stream_wspace: a writer waiting for buffer space is woken only once a third of the buffer is free.
  const enough = blocked && sent > 0 ? room >= SNDBUF_BYTES / 3 || room >= rest : room > 0;
  if (!enough) {
    if (sent > 0 && (s.nonblocking || s.pyTimeout === 0)) return done(sent);
    return waitOr(s);
  }
  const n = Math.min(room, rest);
  const chunk = typeof data === 'string' ? data.slice(sent, sent + n) : filler(sent, sent + n);
  w.apply(s, tcpSend(s.tcb!, chunk, w.now()));
  const total = sent + chunk.length;
  // Python's settimeout makes the socket non-blocking and waits with poll() until it is writable, then sends
  // once: whatever fitted is the result. A plain blocking send() copies everything, waiting as often as needed.
  if (total >= data.length || s.nonblocking || s.pyTimeout !== null) return done(total);
  if (blocked) blocked.progress = total;
  return { done: false, sid: s.sid, progress: total };
}

/** tcp_recvmsg order: data first, then a pending error, then end-of-stream, then ENOTCONN, else wait. */
function recv(w: World, s: Sock, size: number): CallOutcome {
  const t = s.tcb;
  if (!t) return fail('ENOTCONN');
  if (t.rcvBuf.length > 0) {
    // The timeline keeps only the first recvChars: cut them from the buffer's chunks, so a result that spans
    // several segments is not flattened into one string just to be previewed.
    const dataHead = bqSlice(t.rcvBuf, 0, Math.min(size, w.recvChars));
    const r = tcpRead(t, size, w.now());
    w.apply(s, r);
    return done(r.data.length, { data: r.data, dataHead });
  }
  if (t.err) {
    s.tcb = withTcb(t, { err: null, reset: true });
    w.touched.add(s.sid);
    return fail(t.err);
  }
  if (t.rcvFin || t.rcvShutdown) return done(0, { data: '' });
  if (t.state === 'CLOSED') return s.everConnected ? done(0, { data: '' }) : fail('ENOTCONN');
  return waitOr(s);
}

const LINGERING = new Set(['FIN-WAIT-1', 'CLOSING', 'LAST-ACK']);
const lingerDone = (s: Sock | undefined): boolean => !s || s.freed || !s.tcb || !LINGERING.has(s.tcb.state);

export function closeFd(w: World, s: Sock): void {
  const host = s.host;
  if (s.fd !== null) host.fds.delete(s.fd);
  for (const [name, fd] of host.names) if (fd === s.fd) host.names.delete(name);
  s.fd = null;
  w.touched.add(s.sid);
  if (s.listen && s.bareState === 'LISTEN') {
    closeListener(w, s);
    w.bareStateChange(s, 'CLOSED', 'close()');
    w.free(s);
    return;
  }
  if (!s.tcb) {
    w.free(s);
    return;
  }
  if (s.tcb.state === 'CLOSED') {
    w.free(s);
    return;
  }
  w.apply(s, tcpClose(s.tcb, w.now()));
  if ((s.tcb.state as string) === 'CLOSED') w.free(s);
}
