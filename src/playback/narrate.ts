// One plain sentence per step, for the live region: what happened, in the course's words.
// Built only from the events the step covers; the relative/absolute choice follows the ladder's toggle.

import type { CallEvent, CallStartEvent, QueueEvent, SegmentEvent, StateEvent, Timeline, TimelineEvent, TimerEvent } from '../sim/index.ts';
import type { Step } from './buildSteps.ts';
import { flagWords, seqOf, type SeqNumbers } from './seqNumbers.ts';

export interface NarrationContext {
  tl: Timeline;
  steps: readonly Step[];
  rel: SeqNumbers;
  segments: ReadonlyMap<number, SegmentEvent>;
  /** When each call began, by host/thread/step: a return says how long it waited. */
  callStarts: ReadonlyMap<string, CallStartEvent>;
}

export function narrationContext(tl: Timeline, steps: readonly Step[], rel: SeqNumbers): NarrationContext {
  const segments = new Map<number, SegmentEvent>();
  const callStarts = new Map<string, CallStartEvent>();
  for (const e of tl.events) {
    if (e.type === 'segment') segments.set(e.id, e);
    else if (e.type === 'call-start') callStarts.set(`${e.host}/${e.thread}/${e.step}`, e);
  }
  return { tl, steps, rel, segments, callStarts };
}

const ROLES = new Set(['client', 'server', 'proxy', 'attacker', 'browser', 'database', 'db', 'worker', 'app', 'router', 'peer', 'backend', 'frontend', 'cache', 'host', 'laptop', 'phone', 'api', 'gateway', 'balancer', 'pool', 'service']);

/** "client" → "the client"; a personal or numbered name stays a name ("Alice", "web1"). */
export function hostName(name: string): string {
  if (ROLES.has(name)) return `the ${name}`;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const possessive = (who: string): string => `${who}'s`;

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function formatDuration(us: number): string {
  const a = Math.abs(us);
  if (a >= 1e6) return `${+(us / 1e6).toFixed(a >= 1e7 ? 1 : 2)} s`;
  if (a >= 1e3) return `${+(us / 1e3).toFixed(a >= 1e5 ? 0 : 1)} ms`;
  return `${Math.round(us)} µs`;
}

const WAITS: Record<string, string> = {
  accept: 'waits for a connection',
  connect: 'waits for the handshake to complete',
  recv: 'waits for data',
  send: 'waits for room in the send buffer',
  close: 'waits while the unsent data drains (SO_LINGER)',
  shutdown: 'waits',
  sleep: 'sleeps',
};

export function waitPhrase(call: string): string {
  return WAITS[call] ?? 'waits';
}

const ERRNO_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: a RST answered the SYN, nothing listens there',
  ETIMEDOUT: 'timed out: no answer came in time',
  ECONNRESET: 'connection reset by the peer',
  EAGAIN: 'nothing is ready and the socket is non-blocking',
  EWOULDBLOCK: 'nothing is ready and the socket is non-blocking',
  EINPROGRESS: 'the handshake goes on in the background',
  EADDRINUSE: 'the address is already in use',
  EMFILE: 'the process has no free file descriptor',
  EPIPE: 'the connection is closed for writing',
  ENOTCONN: 'the socket is not connected',
  EISCONN: 'the socket is already connected',
  EALREADY: 'a connect is already in progress',
  EBADF: 'no such file descriptor',
  EINVAL: 'invalid argument',
  EHOSTUNREACH: 'no route to the host',
};

export function segmentPhrase(seg: SegmentEvent, rel: SeqNumbers | null): string {
  const { seq, ack } = seqOf(seg, rel);
  let s: string;
  if (seg.len > 0) {
    const fin = seg.flags.includes('F') ? 'FIN with ' : '';
    s = `${fin}${seg.len} bytes of data, seq ${seq}:${(seq + seg.len) >>> 0}`;
  } else s = `${flagWords(seg.flags.replace('P', ''))}, seq ${seq}`;
  if (seg.flags.includes('.')) s += `, ack ${ack}`;
  if (seg.len > 0 && seg.data) s += ` (${JSON.stringify(seg.data.length > 24 ? seg.data.slice(0, 24) + '…' : seg.data)})`;
  return s;
}

function sendPhrase(seg: SegmentEvent, rel: SeqNumbers | null, replying: boolean): string {
  const what = segmentPhrase(seg, rel);
  let verb = replying ? 'replies' : 'sends';
  let why = '';
  if (seg.why === 'retransmit' || seg.why?.startsWith('retransmit')) verb = 'retransmits';
  else if (seg.why?.startsWith('tail loss probe: resend')) {
    verb = 'retransmits';
    why = ' as a tail loss probe (no ACK for a while: resend the last segment to draw one)';
  }
  else if (seg.why === 'keepalive') verb = 'sends a keepalive probe,';
  else if (seg.why) why = ` (${seg.why})`;
  const lost = seg.fate === 'dropped' ? `, which will be lost (${seg.faultNote ?? 'dropped'})` : seg.arrive.length > 1 ? ' (the network will duplicate it)' : '';
  return `${verb} ${what}${why}${lost}`;
}

function statePhrase(e: StateEvent, many: boolean): string {
  const port = many ? `port ${e.socket.split('>')[0]!.split(':')[1]} ` : '';
  return `${port}${e.from} → ${e.to}`;
}

function queuePhrase(e: QueueEvent): string {
  if (e.change === 'listen') return `its SYN queue holds up to ${e.synMax} and its accept queue up to ${e.acceptMax}`;
  if (e.change === 'syn+' || e.change === 'syn-') return `SYN queue ${e.synQueue} of ${e.synMax}`;
  if (e.change === 'accept+' || e.change === 'accept-') return `accept queue ${e.acceptQueue} of ${e.acceptMax}`;
  return `${e.change} (SYN queue ${e.synQueue}/${e.synMax}, accept queue ${e.acceptQueue}/${e.acceptMax})`;
}

/** "returns 4 after waiting 25 ms: a new socket for 10.0.0.1:39966" (without the call's name). */
function returnPhrase(c: CallEvent, waited: string): string {
  if (c.errno) return `fails with ${c.errno}${waited}: ${ERRNO_WORDS[c.errno] ?? c.errno}`;
  const ret = c.ret ?? 0;
  const head = `returns ${ret}${waited}`;
  switch (c.call) {
    case 'accept':
      return `${head}: a new socket for ${c.peer ?? 'the client'}`;
    case 'connect':
      return `${head}: the connection is established`;
    case 'recv':
      if (ret === 0) return `${head}: the peer has closed its side (end of file)`;
      return `${head}${c.data ? `, the bytes ${JSON.stringify(c.data.length > 32 ? c.data.slice(0, 32) + '…' : c.data)}` : ' bytes'}`;
    case 'send':
      return `${head}: the bytes are in the send buffer`;
    case 'socket':
      return `${head}, a new file descriptor`;
    default:
      return head;
  }
}

const TIMERS: Record<TimerEvent['timer'], string> = {
  retransmit: 'retransmission timer fires',
  'delayed-ack': 'delayed-ACK timer fires',
  'time-wait': 'TIME-WAIT timer expires',
  'fin-wait-2': 'FIN-WAIT-2 timer (tcp_fin_timeout) expires',
  keepalive: 'keepalive timer fires',
  synack: 'SYN,ACK retransmission timer fires',
  persist: 'zero-window probe timer fires',
};

/** The narration of step k. */
export function narrate(ctx: NarrationContext, k: number, rel: boolean): string {
  const step = ctx.steps[k];
  if (!step || step.primary < 0) return 'Nothing has happened yet. Press Play, or the → key, to take the first step.';
  const ev = ctx.tl.events;
  const seqs: SeqNumbers | null = rel ? ctx.rel : null;
  const primary = ev[step.primary]!;
  const who = hostName(step.host);
  const unit: TimelineEvent[] = [];
  for (let i = step.first; i <= step.last; i++) unit.push(ev[i]!);
  const states = unit.filter((e): e is StateEvent => e.type === 'state');
  const sids = new Set(states.map((s) => s.sid));
  const parts: string[] = [];
  let head: string;

  switch (primary.type) {
    case 'call-start': {
      const ret = unit.find((e): e is CallEvent => e.type === 'call' && e.step === primary.step && e.thread === primary.thread);
      if (primary.call === 'sleep') head = `${who} sleeps for ${primary.text.replace(/^sleep\((.*)\)$/, '$1')} s`;
      else if (ret) head = `${who} calls ${primary.text}, which ${returnPhrase(ret, '')}`;
      else head = `${who} calls ${primary.text} and ${waitPhrase(primary.call)}`;
      if (ret?.expectFailed) head += ` (the scenario ${ret.expectFailed})`;
      break;
    }
    case 'call': {
      const start = ctx.callStarts.get(`${primary.host}/${primary.thread}/${primary.step}`);
      const waited = start && primary.t > start.t ? ` after waiting ${formatDuration(primary.t - start.t)}` : '';
      head = primary.call === 'sleep' ? `${who} wakes up` : `${possessive(who)} ${primary.call}() ${returnPhrase(primary, waited)}`;
      if (primary.expectFailed) head += ` (the scenario ${primary.expectFailed})`;
      break;
    }
    case 'arrive': {
      const seg = ctx.segments.get(primary.segment);
      const dup = seg && seg.arrive.length > 1 && primary.t !== seg.arrive[0] ? 'a duplicate of ' : '';
      head = seg ? `${who} receives ${dup}${segmentPhrase(seg, seqs)}` : `${who} receives a segment`;
      if (states.length === 0 && !primary.outcome.endsWith(': processed')) head += ` — ${primary.outcome}`;
      break;
    }
    case 'timer':
      head = `${possessive(who)} ${TIMERS[primary.timer]}`;
      break;
    case 'note':
      head = primary.text;
      break;
    default:
      head = '';
  }

  const arrival = primary.type === 'arrive';
  for (const e of unit) {
    if (e === primary) continue;
    if (e.type === 'segment') parts.push((head || arrival ? 'it ' : `${who} `) + sendPhrase(e, seqs, arrival));
  }
  for (const s of states) parts.push(statePhrase(s, sids.size > 1));
  const explained = primary.type === 'arrive' && head.includes(' — ');
  for (const e of unit) if (e.type === 'queue' && !(explained && e.change.startsWith('overflow'))) parts.push(queuePhrase(e));
  if (primary.type === 'segment') head = `${who} ${sendPhrase(primary, seqs, false)}`;
  if (primary.type === 'state' || primary.type === 'queue') {
    head = `${possessive(who)} socket: ${parts.shift() ?? ''}`;
  }
  const sentence = [head, ...parts].filter(Boolean).join('; ');
  return cap(sentence.trim()) + (/[.!?]$/.test(sentence) ? '' : '.');
}
