// Run a validated scenario to completion and return its immutable timeline.
// Same scenario + seed ⇒ the same timeline, byte for byte: all time is simulated and all chance is seeded.

import type { Scenario, Step } from '../scenario/types.ts';
import type { Timeline } from '../timeline/types.ts';
import { resolveSysctl } from '../socket/sysctl.ts';
import { attempt, closeFd, resolveFd } from '../socket/syscalls.ts';
import { receive } from '../socket/receive.ts';
import { tcpTimer } from '../tcp/tcpTimer.ts';
import { describeCall } from './describeCall.ts';
import type { CallOutcome, HostRt, ThreadRt } from './types.ts';
import { RECV_DATA_CHARS, World, timerKey } from './World.ts';

export interface RunOptions {
  /** Overrides the scenario's seed. */
  seed?: number;
  /** Stop at this simulated time (ms); overrides the scenario's untilMs. */
  untilMs?: number;
  /** Safety valve against runaway scenarios. */
  maxEvents?: number;
  /** How many characters of each recv() result the timeline keeps (default 65536). */
  recvDataChars?: number;
}

/** Without an explicit end, stop an hour of simulated time after the last step could start. */
const DEFAULT_HORIZON = 3_600_000_000;

export function runScenario(scenario: Scenario, opts: RunOptions = {}): Timeline {
  const seed = (opts.seed ?? scenario.seed ?? 1) >>> 0;
  const w = new World(scenario, seed);
  const failures: string[] = [];
  for (const [name, spec] of Object.entries(scenario.hosts)) {
    const loop = spec.ip.startsWith('127.');
    const mtu = spec.mtu ?? (loop ? 65536 : 1500);
    const host: HostRt = {
      name,
      ip: spec.ip,
      sysctl: resolveSysctl(spec.sysctl),
      nofile: spec.nofile ?? 1024,
      // MSS = MTU − 40 bytes of IP and TCP headers, capped by the 16-bit IP length (loopback: 65495).
      mss: Math.min(mtu, 65535) - 40,
      fds: new Map(),
      names: new Map(),
      conns: new Map(),
      bound: new Set(),
      crashed: false,
      exited: false,
      perturb: 0,
    };
    w.hosts.set(name, host);
    w.hostByIp.set(spec.ip, host);
  }
  const threads = new Map<string, ThreadRt>();
  let last: ThreadRt | undefined;
  scenario.steps.forEach((step, index) => {
    const host = w.hosts.get(step.host)!;
    const name = step.thread ?? 'main';
    // Consecutive steps usually belong to the same thread: skip building the key for them.
    const key = last !== undefined && last.host === host && last.name === name ? undefined : `${step.host}/${name}`;
    let th = key === undefined ? last : threads.get(key);
    if (!th) {
      th = { host, name, steps: [], pc: 0, status: 'ready', blocked: null, waited: false };
      threads.set(key!, th);
    }
    th.steps.push({ step, index });
    last = th;
  });
  for (const th of threads.values()) w.queue.push(0, { k: 'thread', th });

  const until = opts.untilMs !== undefined ? opts.untilMs * 1000 : scenario.untilMs !== undefined ? scenario.untilMs * 1000 : undefined;
  const maxEvents = opts.maxEvents ?? 2_000_000;
  const recvChars = opts.recvDataChars ?? RECV_DATA_CHARS;
  w.recvChars = recvChars;
  let lastStepStart = 0;
  for (const s of scenario.steps) lastStepStart = Math.max(lastStepStart, (s.at ?? 0) * 1000);
  const horizon = until ?? lastStepStart + DEFAULT_HORIZON;
  let tokens = 0;
  let processed = 0;
  let truncated: string | undefined;
  const marks: number[] = [];

  const finish = (th: ThreadRt, entry: { step: Step; index: number }, out: CallOutcome & { done: true }): void => {
    const step = entry.step;
    const fd = th.curFd;
    const ev: import('../timeline/types.ts').CallEvent = {
      type: 'call', t: w.now(), host: th.host.name, thread: th.name, step: entry.index, call: step.call, blocked: th.waited,
    };
    if (fd !== undefined) ev.fd = fd;
    if (out.errno) ev.errno = out.errno;
    else ev.ret = out.ret ?? 0;
    if (out.data !== undefined) {
      ev.data = w.preview(out.dataHead ?? out.data, recvChars);
      if (out.data.length > recvChars) ev.dataTruncated = true;
    }
    if (out.peer) ev.peer = out.peer;
    if (step.expect !== undefined) {
      const ok = expectHolds(step.expect, out);
      if (!ok) {
        const got = out.errno ?? (out.data !== undefined && typeof step.expect === 'string' ? JSON.stringify(out.data) : String(out.ret ?? 0));
        ev.expectFailed = `expected ${JSON.stringify(step.expect)}, got ${got}`;
        failures.push(`step ${entry.index} (${th.host.name} ${step.call}): ${ev.expectFailed}`);
      }
    }
    w.rec.push(ev);
    th.blocked = null;
    th.waited = false;
    th.pc += 1;
    th.status = 'ready';
    // The thread goes on after whatever else is due at this instant (segments arriving together are all
    // processed by the kernel before the woken program runs).
    w.queue.push(w.now(), { k: 'thread', th });
  };

  const runThread = (th: ThreadRt): void => {
    if (th.status === 'done' || th.status === 'blocked' || th.host.crashed || th.host.exited) return;
    const entry = th.steps[th.pc];
    if (!entry) {
      th.status = 'done';
      return;
    }
    const step = entry.step;
    const at = (step.at ?? 0) * 1000;
    if (at > w.now()) {
      th.status = 'sleeping';
      w.queue.push(at, { k: 'thread', th });
      return;
    }
    const fd = 'fd' in step ? resolveFd(th.host, step.fd) : undefined;
    th.curFd = fd;
    const text = w.intern(describeCall(step, fd, w));
    w.rec.push(
      fd !== undefined
        ? { type: 'call-start', t: w.now(), host: th.host.name, thread: th.name, step: entry.index, call: step.call, fd, text }
        : { type: 'call-start', t: w.now(), host: th.host.name, thread: th.name, step: entry.index, call: step.call, text },
    );
    if (step.call === 'sleep') {
      th.status = 'sleeping';
      th.waited = true;
      th.blocked = { call: 'sleep', sid: -1, startT: w.now(), token: ++tokens, progress: 0 };
      w.queue.push(w.now() + Math.round(step.ms * 1000), { k: 'deadline', th, token: th.blocked.token });
      return;
    }
    if (step.call === 'synflood') {
      th.status = 'blocked';
      th.waited = true;
      th.blocked = { call: 'synflood', sid: -1, startT: w.now(), token: ++tokens, progress: 0 };
      w.queue.push(w.now(), { k: 'flood', th, i: 0 });
      return;
    }
    if (step.call === 'exit') {
      finish(th, entry, { done: true, ret: 0 });
      processExit(th.host);
      return;
    }
    if (step.call === 'crash') {
      finish(th, entry, { done: true, ret: 0 });
      processCrash(th.host);
      return;
    }
    const out = attempt(w, th, step, null);
    if (out.done) return finish(th, entry, out);
    block(th, out.sid, step, out.progress ?? 0, out.timeoutUs);
  };

  const block = (th: ThreadRt, sid: number, step: Step, progress: number, ownLimit?: number): void => {
    th.status = 'blocked';
    th.waited = true;
    const token = ++tokens;
    th.blocked = { call: step.call, sid, startT: w.now(), token, progress };
    const s = w.socks.get(sid);
    let limit: number | null = null;
    let errno = 'ETIMEDOUT';
    if (ownLimit !== undefined) {
      limit = ownLimit;
      errno = '';
    } else if (step.timeoutMs !== undefined) limit = Math.round(step.timeoutMs * 1000);
    else if (s?.pyTimeout) limit = s.pyTimeout;
    else if (s && (step.call === 'recv' || step.call === 'accept') && s.rcvtimeo) {
      limit = s.rcvtimeo;
      errno = 'EAGAIN';
    } else if (s && (step.call === 'send' || step.call === 'connect') && s.sndtimeo) {
      limit = s.sndtimeo;
      errno = step.call === 'connect' ? 'EINPROGRESS' : 'EAGAIN';
    }
    if (limit !== null) {
      deadlineErrno.set(token, errno);
      w.queue.push(w.now() + limit, { k: 'deadline', th, token });
    }
  };
  const deadlineErrno = new Map<number, string>();

  const threadList = [...threads.values()];
  const retryBlocked = (): void => {
    for (const th of threadList) {
      if (th.status !== 'blocked' || !th.blocked || th.blocked.sid < 0) continue;
      if (!w.touched.has(th.blocked.sid)) continue;
      if (th.blocked.call === 'recv') {
        // A reader woken by the first segment of a burst runs after the rest of it has arrived (a real one
        // wakes tens of microseconds later, by which time back-to-back segments are in): one send() of 3000
        // bytes reaches a waiting recv() as 3000 bytes, as recorded on Linux.
        if (!th.wakeQueued) {
          th.wakeQueued = true;
          w.queue.push(w.now(), { k: 'wake', th, token: th.blocked.token });
        }
        continue;
      }
      const entry = th.steps[th.pc]!;
      const out = attempt(w, th, entry.step, th.blocked);
      if (out.done) finish(th, entry, out);
    }
  };

  const processExit = (host: HostRt): void => {
    // exit(2): the kernel closes every descriptor the process holds, lowest first.
    host.exited = true;
    for (const fd of [...host.fds.keys()].sort((a, b) => a - b)) {
      const s = w.socks.get(host.fds.get(fd)!);
      if (s) closeFd(w, s);
    }
    for (const th of threads.values()) if (th.host === host) th.status = 'done';
  };

  const processCrash = (host: HostRt): void => {
    host.crashed = true;
    w.rec.push({ type: 'note', t: w.now(), host: host.name, text: `${host.name} is gone: it will send and answer nothing` });
    for (const th of threads.values()) if (th.host === host) th.status = 'done';
  };

  while (w.queue.size > 0) {
    const next = w.queue.peekTime()!;
    if (next > horizon) break;
    if (++processed > maxEvents) {
      truncated = `event budget of ${maxEvents} exhausted`;
      break;
    }
    const ev = w.queue.popItem()!;
    w.clock.advanceTo(next);
    w.touched.clear();
    const mark = w.rec.events.length;
    switch (ev.k) {
      case 'thread':
        runThread(ev.th);
        break;
      case 'arrive': {
        if (ev.token !== undefined) {
          if (w.heldDone.has(ev.token)) break;
          w.heldDone.add(ev.token);
          const held = w.heldSegs.get(ev.token);
          if (held) held.ev.arrive.push(w.now());
        }
        receive(w, ev.host, ev.seg, ev.segId);
        break;
      }
      case 'timer': {
        const key = timerKey(ev.sid, ev.kind);
        if (w.queuedTimers.get(key) === ev.at) w.queuedTimers.delete(key);
        const s = w.socks.get(ev.sid);
        const due = s?.tcb?.timers[ev.kind];
        if (!s || s.freed || !s.tcb || due === undefined || s.host.crashed) break;
        const fire = w.timerFire.get(key) ?? due;
        if (fire > w.now()) {
          w.wakeAt(key, s.sid, ev.kind, fire);
          break;
        }
        w.rec.push({ type: 'timer', t: w.now(), host: s.host.name, sid: s.sid, socket: w.sockName(s), timer: ev.kind, action: 'fired' });
        const parent = s.parent !== null ? w.socks.get(s.parent) : undefined;
        w.apply(s, tcpTimer(s.tcb, ev.kind, w.now(), { synackRetries: synackRetriesFor(w, parent, s) }));
        break;
      }
      case 'deadline': {
        const th = ev.th;
        if (!th.blocked || th.blocked.token !== ev.token) break;
        const entry = th.steps[th.pc]!;
        const errno = deadlineErrno.get(ev.token) ?? 'ETIMEDOUT';
        if (th.blocked.call === 'sleep' || errno === '') finish(th, entry, { done: true, ret: 0 });
        // SO_SNDTIMEO: a send() that copied part of its data before the time ran out returns that count
        // (tcp_sendmsg_locked: "copied ? copied : err").
        else if (th.blocked.call === 'send' && th.blocked.progress > 0) finish(th, entry, { done: true, ret: th.blocked.progress });
        else finish(th, entry, { done: true, errno });
        break;
      }
      case 'wake': {
        const th = ev.th;
        th.wakeQueued = false;
        if (th.status !== 'blocked' || !th.blocked || th.blocked.token !== ev.token) break;
        const entry = th.steps[th.pc]!;
        const out = attempt(w, th, entry.step, th.blocked);
        if (out.done) finish(th, entry, out);
        break;
      }
      case 'flood': {
        const th = ev.th;
        const entry = th.steps[th.pc]!;
        const step = entry.step;
        if (step.call !== 'synflood' || th.host.crashed) break;
        const target = parseTarget(w, step.addr);
        const i = ev.i;
        // Spoofed sources from 198.18.0.0/15 (RFC 2544 benchmark space): nobody there answers the SYN-ACKs.
        const src = { ip: `198.18.${(i >> 8) & 255}.${i & 255}`, port: 1024 + (i % 64000) };
        w.transmit(th.host, { src, dst: target, seq: w.rng.u32(), ack: 0, flags: { syn: true }, win: 64240, data: '', mss: 1460, why: 'spoofed SYN' });
        if (i + 1 < step.count) w.queue.push(w.now() + Math.round((step.intervalMs ?? 0.01) * 1000), { k: 'flood', th, i: i + 1 });
        else finish(th, entry, { done: true, ret: 0 });
        break;
      }
    }
    retryBlocked();
    w.flushRows();
    if (w.rec.events.length > mark) marks.push(mark);
  }
  w.touched.clear();
  for (const s of w.socks.values()) if (!s.freed) w.touched.add(s.sid);
  w.flushRows();
  const events = w.rec.events;
  const endT = events.length > 0 ? Math.max(w.now(), events[events.length - 1]!.t) : 0;
  const timeline: Timeline = {
    scenarioId: scenario.id,
    seed,
    hosts: [...w.hosts.values()].map((h) => ({ name: h.name, ip: h.ip })),
    events,
    endT,
    failures,
    ...(truncated ? { truncated } : {}),
    engineEvents: Math.min(processed, maxEvents),
    marks,
  };
  return timeline;
}

function parseTarget(w: World, addr: string): { ip: string; port: number } {
  const i = addr.lastIndexOf(':');
  const name = addr.slice(0, i);
  return { ip: w.hosts.get(name)?.ip ?? name, port: Number(addr.slice(i + 1)) };
}

/**
 * reqsk_timer_handler: when the SYN queue is more than half full, old requests (already retransmitted) get
 * fewer SYN-ACK retries, down to 2, so that young ones keep room.
 */
function synackRetriesFor(w: World, parent: import('./types.ts').Sock | undefined, s: import('./types.ts').Sock): number {
  const base = s.settings.synackRetries;
  if (!parent?.listen) return base;
  const q = parent.listen;
  const qlen = q.synQ.length;
  if (qlen << 1 <= Math.max(8, q.max)) return base;
  let young = 0;
  for (const sid of q.synQ) if ((w.socks.get(sid)?.tcb?.retransmits ?? 0) === 0) young++;
  young <<= 1;
  let thresh = base;
  while (thresh > 2) {
    if (qlen < young) break;
    thresh--;
    young <<= 1;
  }
  return thresh;
}

function expectHolds(expect: number | string, out: CallOutcome & { done: true }): boolean {
  if (typeof expect === 'number') return out.errno === undefined && (out.ret ?? 0) === expect;
  if (/^E[A-Z0-9]+$/.test(expect)) return out.errno === expect;
  return out.errno === undefined && out.data === expect;
}

