// One step on its own: the call, its keys and the type and range of each value. What depends on other steps or on
// /hosts (host names, fd names, ordering) is checked by validateSteps.

import { allowedStepKeys, CALL_NAMES, CALL_SPECS } from './callSpecs.ts';
import { describeValue, describeWithKind, quote } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { isIPv4 } from './ipv4.ts';
import { escapeSegment } from './jsonPointer.ts';
import { LIMITS } from './limits.ts';
import { NAME_PATTERN, type Json, type Reporter } from './Reporter.ts';
import { SOCKOPT_NAMES } from './sockoptSpecs.ts';
import type { CallName, FdRef, Step } from './types.ts';
import { validateAddr } from './validateAddr.ts';
import { validateExpect } from './validateExpect.ts';
import { validateSockOpt } from './validateSockOpt.ts';

const BLOCKING_CALLS = CALL_NAMES.filter((c) => CALL_SPECS[c].blocking);
const FD_CALLS = CALL_NAMES.filter((c) => CALL_SPECS[c].returns === 'fd');
const SHUTDOWN_HOW = ['SHUT_RD', 'SHUT_WR', 'SHUT_RDWR'] as const;
const MAX_FD = 1_048_575;

export interface StepContext {
  hostNames: readonly string[];
}

/** The step with every value checked, or undefined when the call itself is unusable. */
export function validateStep(r: Reporter, o: Json, path: string, ctx: StepContext): Step | undefined {
  let call: CallName | undefined;
  if (r.present(o, path, 'call', 'a step')) call = r.oneOf(o.call, `${path}/call`, CALL_NAMES, 'call');
  const base = validateBase(r, o, path, call);
  if (!call || !base) return undefined;
  const fields = validateCallFields(r, o, path, call, ctx);
  if (!fields) return undefined;
  return ordered({ ...base, ...fields }, call);
}

/** The keys in the order the docs write them: who and when, the call and its arguments, then the assertions. */
function ordered(step: Record<string, unknown>, call: CallName): Step {
  const spec = CALL_SPECS[call];
  const out: Record<string, unknown> = {};
  for (const k of ['host', 'thread', 'at', 'call', ...spec.required, ...spec.optional, 'timeoutMs', 'expect', 'note']) {
    if (step[k] !== undefined) out[k] = step[k];
  }
  return out as unknown as Step;
}

type Base = Omit<Step, 'call'> & Record<string, unknown>;

function validateBase(r: Reporter, o: Json, path: string, call: CallName | undefined): Base | undefined {
  const allowed = call ? allowedStepKeys(call) : undefined;
  if (allowed) {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      const p = `${path}/${escapeSegment(k)}`;
      if (k === 'timeoutMs') r.error(p, `"timeoutMs" applies only to calls that can block (${BLOCKING_CALLS.join(', ')}), not to ${quote(call!)}`);
      else if (k === 'expect') r.error(p, `${quote(call!)} returns nothing to expect`);
      else if (k === 'as') r.error(p, `"as" names the fd a call returns; only ${FD_CALLS.join(' and ')} return one`);
      else r.error(p, `unknown key ${quote(k)} in a ${quote(call!)} step${didYouMean(k, allowed)} (allowed: ${allowed.join(', ')})`);
      if (r.full) return undefined;
    }
  }
  const base: Base = { host: typeof o.host === 'string' ? o.host : '' };
  if (o.thread !== undefined) {
    const t = r.name(o.thread, `${path}/thread`, 'thread name');
    if (t !== undefined) base.thread = t;
  }
  if (o.at !== undefined) {
    const at = r.number(o.at, `${path}/at`, 0, LIMITS.timeMs, '"at" (ms from the start) must be');
    if (at !== undefined) base.at = at;
  }
  if (o.note !== undefined) {
    const n = r.string(o.note, `${path}/note`, LIMITS.note);
    if (n !== undefined) base.note = n;
  }
  if (call && o.timeoutMs !== undefined && CALL_SPECS[call].blocking) {
    const t = r.number(o.timeoutMs, `${path}/timeoutMs`, 1, LIMITS.timeMs, 'timeoutMs must be');
    if (t !== undefined) base.timeoutMs = t;
  }
  if (call && o.expect !== undefined && CALL_SPECS[call].returns !== 'none') {
    const e = validateExpect(r, o.expect, `${path}/expect`, call);
    if (e !== undefined) base.expect = e;
  }
  return base;
}

type Fields = Record<string, unknown> & { call: CallName };

function validateCallFields(r: Reporter, o: Json, path: string, call: CallName, ctx: StepContext): Fields | undefined {
  const spec = CALL_SPECS[call];
  let ok = true;
  for (const k of spec.required) if (!r.present(o, path, k, `a ${quote(call)} step`)) ok = false;
  const out: Fields = { call };
  const p = (k: string) => `${path}/${k}`;
  const keep = (k: string, v: unknown) => {
    if (v === undefined) ok = false;
    else out[k] = v;
  };
  if (o.fd !== undefined && spec.required.includes('fd')) keep('fd', validateFdRef(r, o.fd, p('fd')));
  if (o.as !== undefined && spec.optional.includes('as')) keep('as', r.name(o.as, p('as'), 'fd name'));
  switch (call) {
    case 'socket':
      if (o.type !== undefined) {
        if (o.type === 'SOCK_STREAM') out.type = o.type;
        else if (o.type === 'SOCK_DGRAM' || o.type === 'SOCK_RAW') {
          r.error(p('type'), `only SOCK_STREAM (TCP) is simulated${o.type === 'SOCK_RAW' ? '; a "synflood" step stands for raw SYNs' : ''}`);
          ok = false;
        } else {
          r.error(p('type'), `must be "SOCK_STREAM", got ${describeValue(o.type)}`);
          ok = false;
        }
      }
      break;
    case 'setsockopt':
      if (o.opt !== undefined) {
        const opt = r.oneOf(o.opt, p('opt'), SOCKOPT_NAMES, 'socket option');
        if (opt) {
          out.opt = opt;
          if (o.value !== undefined) keep('value', validateSockOpt(r, opt, o.value, p('value')));
        } else ok = false;
      }
      break;
    case 'bind':
      if (o.port !== undefined) keep('port', r.integer(o.port, p('port'), 0, 65_535, 'a bind port (0 = any free port) must be'));
      if (o.ip !== undefined) {
        if (typeof o.ip === 'string' && isIPv4(o.ip)) out.ip = o.ip;
        else {
          r.error(p('ip'), `${describeWithKind(o.ip)} is not an IPv4 address (use the host's IP or "0.0.0.0")`);
          ok = false;
        }
      }
      break;
    case 'listen':
      if (o.backlog !== undefined) keep('backlog', r.integer(o.backlog, p('backlog'), 0, 2_147_483_647, 'backlog must be'));
      break;
    case 'connect':
      if (o.addr !== undefined) keep('addr', validateAddr(r, o.addr, p('addr'), ctx.hostNames, 'connect'));
      break;
    case 'synflood':
      if (o.addr !== undefined) keep('addr', validateAddr(r, o.addr, p('addr'), ctx.hostNames, 'synflood'));
      if (o.count !== undefined) keep('count', r.integer(o.count, p('count'), 1, LIMITS.synflood, 'count must be'));
      if (o.intervalMs !== undefined) keep('intervalMs', r.number(o.intervalMs, p('intervalMs'), 0, 60_000, 'intervalMs must be'));
      break;
    case 'send': {
      const hasData = o.data !== undefined;
      const hasBytes = o.bytes !== undefined;
      if (hasData === hasBytes) {
        r.error(path, hasData ? 'a "send" step takes "data" or "bytes", not both' : 'a "send" step needs "data" (text) or "bytes" (a count)');
        ok = false;
      }
      if (hasData) keep('data', r.string(o.data, p('data'), LIMITS.dataChars));
      if (hasBytes) keep('bytes', r.integer(o.bytes, p('bytes'), 1, LIMITS.sendBytes, 'bytes must be'));
      break;
    }
    case 'recv':
      if (o.size !== undefined) keep('size', r.integer(o.size, p('size'), 1, LIMITS.recvSize, 'size must be'));
      break;
    case 'shutdown':
      if (o.how !== undefined) keep('how', r.oneOf(o.how, p('how'), SHUTDOWN_HOW, 'shutdown mode'));
      break;
    case 'setblocking':
      if (o.value !== undefined) {
        if (o.value === true || o.value === false || o.value === 0 || o.value === 1) out.value = o.value;
        else {
          r.error(p('value'), `must be true/false (or 1/0), got ${describeWithKind(o.value)}`);
          ok = false;
        }
      }
      break;
    case 'settimeout':
      if (o.seconds === null) out.seconds = null;
      else if (o.seconds !== undefined) keep('seconds', r.number(o.seconds, p('seconds'), 0, 1_000_000, 'seconds (null = block forever, 0 = non-blocking) must be'));
      break;
    case 'sleep':
      if (o.ms !== undefined) keep('ms', r.number(o.ms, p('ms'), 0, LIMITS.timeMs, 'ms must be'));
      break;
    case 'accept':
    case 'close':
    case 'exit':
    case 'crash':
      break;
  }
  return ok ? out : undefined;
}

function validateFdRef(r: Reporter, v: unknown, path: string): FdRef | undefined {
  if (typeof v === 'number') return r.integer(v, path, 0, MAX_FD, 'a numeric fd must be');
  if (typeof v === 'string' && NAME_PATTERN.test(v)) return v;
  r.error(path, `must name an fd (the "as" of an earlier socket or accept step) or be an fd number, got ${describeWithKind(v)}`);
  return undefined;
}

