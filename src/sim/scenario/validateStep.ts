// One step on its own: the call, its keys and the type and range of each value. What depends on other steps or on
// /hosts (host names, fd names, ordering) is checked by validateSteps.

import { allowedStepKeys, CALL_NAMES, CALL_SPECS } from './callSpecs.ts';
import { describeValue, describeWithKind, quote } from './describeValue.ts';
import { closest, didYouMean } from './didYouMean.ts';
import { ERRNO_NAMES, isErrnoName, looksLikeErrno } from './errnoNames.ts';
import { isIPv4, splitHostPort } from './ipv4.ts';
import { escapeSegment } from './jsonPointer.ts';
import { LIMITS } from './limits.ts';
import { isObject, NAME_PATTERN, type Json, type Reporter } from './Reporter.ts';
import { SOCKOPT_NAMES, SOCKOPT_SPECS } from './sockoptSpecs.ts';
import type { CallName, FdRef, LingerValue, SockOptName, Step } from './types.ts';

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

function validateExpect(r: Reporter, v: unknown, path: string, call: CallName): number | string | undefined {
  const returns = CALL_SPECS[call].returns;
  if (typeof v === 'number') {
    if (returns === 'zero') {
      if (v === 0) return v;
      r.error(path, `${call} returns 0 on success; expect 0 or an errno name such as "EADDRINUSE", got ${describeValue(v)}`);
      return undefined;
    }
    const what = returns === 'fd' ? `${call} returns an fd; expect` : `${call} returns a byte count; expect`;
    return r.integer(v, path, 0, returns === 'fd' ? MAX_FD : LIMITS.sendBytes, `${what} must be`);
  }
  if (typeof v !== 'string') {
    r.error(path, `must be a return value (a number) or an errno name such as "ECONNREFUSED", got ${describeValue(v)}`);
    return undefined;
  }
  if (isErrnoName(v)) return v;
  const near = closest(v, ERRNO_NAMES);
  // recv may expect any text, except what is almost certainly a misspelt errno name.
  if (call === 'recv' && !(looksLikeErrno(v) && near)) return r.string(v, path, LIMITS.dataChars, 0);
  if (near) r.error(path, `unknown errno ${quote(v)} (did you mean "${near}"?)`);
  else if (looksLikeErrno(v)) r.error(path, `unknown errno ${quote(v)} (known: ${ERRNO_NAMES.join(', ')})`);
  else r.error(path, `must be a return value (a number) or an errno name such as "ECONNREFUSED", got ${quote(v)}; only recv may expect text`);
  return undefined;
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
          if (o.value !== undefined) keep('value', validateOptValue(r, opt, o.value, p('value')));
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
      if (o.addr !== undefined) keep('addr', validateAddr(r, o.addr, p('addr'), ctx, 'connect'));
      break;
    case 'synflood':
      if (o.addr !== undefined) keep('addr', validateAddr(r, o.addr, p('addr'), ctx, 'synflood'));
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

function validateOptValue(r: Reporter, opt: SockOptName, v: unknown, path: string): number | LingerValue | undefined {
  const spec = SOCKOPT_SPECS[opt];
  if (spec.kind === 'flag') {
    if (v === 0 || v === 1) return v;
    r.error(path, `${opt} is 0 (off) or 1 (on), got ${describeWithKind(v)}`);
    return undefined;
  }
  if (spec.kind === 'int') return r.integer(v, path, spec.min, spec.max, `${opt}${spec.unit ? ` (${spec.unit})` : ''} must be`);
  if (!isObject(v)) {
    r.error(path, `SO_LINGER takes {"onoff": 0 or 1, "linger": seconds}, got ${describeWithKind(v)}`);
    return undefined;
  }
  r.onlyKeys(v, path, ['onoff', 'linger'], 'an SO_LINGER value');
  const present = r.present(v, path, 'onoff', 'an SO_LINGER value') && r.present(v, path, 'linger', 'an SO_LINGER value');
  if (!present) return undefined;
  if (v.onoff !== 0 && v.onoff !== 1) {
    r.error(`${path}/onoff`, `must be 0 or 1, got ${describeWithKind(v.onoff)}`);
    return undefined;
  }
  const linger = r.integer(v.linger, `${path}/linger`, spec.min, spec.max, 'linger (seconds) must be');
  return linger === undefined ? undefined : { onoff: v.onoff, linger };
}

/** "host:port" or "ip:port"; the host must be one of the scenario's. */
function validateAddr(r: Reporter, v: unknown, path: string, ctx: StepContext, call: string): string | undefined {
  if (typeof v !== 'string' || v.length > 64) {
    r.error(path, `must be "host:port" or "ip:port", got ${describeWithKind(v)}`);
    return undefined;
  }
  const parts = splitHostPort(v);
  if (!parts) {
    r.error(path, `${quote(v)} must be "host:port" or "ip:port", e.g. "server:8080"`);
    return undefined;
  }
  let ok = true;
  if (!/^\d{1,5}$/.test(parts.port) || Number(parts.port) < 1 || Number(parts.port) > 65_535 || (parts.port.length > 1 && parts.port.startsWith('0'))) {
    r.error(path, `${quote(v)}: the port must be from 1 to 65535${call === 'connect' && parts.port === '0' ? ' (port 0 cannot be connected to)' : ''}`);
    ok = false;
  }
  if (!ctx.hostNames.includes(parts.host) && !isIPv4(parts.host)) {
    const looksLikeIp = /^[\d.]+$/.test(parts.host);
    r.error(path, looksLikeIp
      ? `${quote(v)}: ${quote(parts.host)} is not an IPv4 address`
      : `${quote(v)}: ${quote(parts.host)} is not a host${didYouMean(parts.host, ctx.hostNames)} (hosts: ${ctx.hostNames.join(', ')})`);
    ok = false;
  }
  return ok ? v : undefined;
}
