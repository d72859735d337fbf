// /steps: each step, then what ties steps together: the host exists, an fd name was bound by an earlier `as` on the
// same host, nothing follows a host's exit or crash, and a thread's `at` times do not go backwards.

import { CALL_SPECS } from './callSpecs.ts';
import { quote } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { LIMITS } from './limits.ts';
import { isObject, NAME_PATTERN, type Json, type Reporter } from './Reporter.ts';
import type { CallName, HostSpec, Step } from './types.ts';
import { validateStep } from './validateStep.ts';

interface HostState {
  /** fd name -> index of the step whose `as` bound it last. */
  names: Map<string, number>;
  /** fd name -> thread of that step. */
  threads: Map<string, string>;
  ended?: { index: number; call: string };
}

export function validateSteps(r: Reporter, raw: unknown, hosts: ReadonlyMap<string, HostSpec>, untilMs: number | undefined): Step[] {
  const steps: Step[] = [];
  if (!Array.isArray(raw)) {
    r.error('/steps', 'must be an array of steps');
    return steps;
  }
  if (raw.length === 0) r.error('/steps', 'needs at least one step');
  if (raw.length > LIMITS.steps) {
    r.error('/steps', `has ${raw.length} steps; the limit is ${LIMITS.steps}`);
    return steps;
  }
  const hostNames = [...hosts.keys()];
  const state = new Map<string, HostState>(hostNames.map((h) => [h, { names: new Map(), threads: new Map() }]));
  const lastAt = new Map<string, { at: number; index: number }>();
  for (let i = 0; i < raw.length && !r.full; i++) {
    const path = `/steps/${i}`;
    const o = r.object(raw[i], path, 'a step');
    if (!o) continue;
    const host = checkHost(r, o, path, hostNames);
    const step = validateStep(r, o, path, { hostNames });
    if (step) steps.push(step);
    if (host === undefined) continue;
    const hs = state.get(host)!;
    if (hs.ended) {
      r.error(`${path}/host`, `host ${quote(host)} has no process left after its ${quote(hs.ended.call)} at /steps/${hs.ended.index}; no step can follow it in the file`);
    }
    checkFdName(r, o, path, host, hs, raw, i);
    const call = typeof o.call === 'string' && Object.prototype.hasOwnProperty.call(CALL_SPECS, o.call) ? (o.call as CallName) : undefined;
    if (call && CALL_SPECS[call].optional.includes('as') && typeof o.as === 'string' && NAME_PATTERN.test(o.as)) bindName(r, hs, o.as, o.thread, path, host, i);
    if (call === 'exit' || call === 'crash') hs.ended = { index: i, call };
    if (typeof o.at === 'number' && Number.isFinite(o.at) && o.at >= 0) {
      const thread = typeof o.thread === 'string' ? o.thread : 'main';
      const key = `${host}\u0000${thread}`;
      const prev = lastAt.get(key);
      if (prev && o.at < prev.at) {
        r.error(`${path}/at`, `${o.at} is earlier than the "at" of /steps/${prev.index} (${prev.at}) in the same thread (${quote(host)}, ${quote(thread)}); a thread runs its steps in file order`);
      } else lastAt.set(key, { at: o.at, index: i });
      if (untilMs !== undefined && o.at > untilMs) r.error(`${path}/at`, `${o.at} is after untilMs (${untilMs}); the step would never run`);
    }
  }
  return steps;
}

/** Records an `as`. Rebinding a name within one thread is sequential and fine; from another thread it would race. */
function bindName(r: Reporter, hs: HostState, name: string, rawThread: unknown, path: string, host: string, index: number): void {
  const thread = typeof rawThread === 'string' ? rawThread : 'main';
  const prev = hs.names.get(name);
  const prevThread = hs.threads.get(name);
  if (prev !== undefined && prevThread !== thread) {
    r.error(`${path}/as`, `${quote(name)} is already bound by /steps/${prev} in thread ${quote(prevThread!)}; the threads of host ${quote(host)} share its fd names, so give this fd a name of its own`);
  }
  hs.names.set(name, index);
  hs.threads.set(name, thread);
}

function checkHost(r: Reporter, o: Json, path: string, hostNames: readonly string[]): string | undefined {
  if (!r.present(o, path, 'host', 'a step')) return undefined;
  const h = o.host;
  if (typeof h === 'string' && hostNames.includes(h)) return h;
  if (typeof h !== 'string') r.error(`${path}/host`, `must be a host name (${hostNames.join(', ')})`);
  else r.error(`${path}/host`, `${quote(h)} is not a host${didYouMean(h, hostNames)} (hosts: ${hostNames.join(', ') || 'none'})`);
  return undefined;
}

function checkFdName(r: Reporter, o: Json, path: string, host: string, hs: HostState, raw: readonly unknown[], index: number): void {
  const name = o.fd;
  if (typeof name !== 'string' || !NAME_PATTERN.test(name) || hs.names.has(name)) return;
  const known = [...hs.names.keys()];
  const shown = known.length === 0 ? 'none yet' : known.length > 10 ? `${known.slice(0, 10).join(', ')}, …` : known.join(', ');
  let hint = didYouMean(name, known);
  if (!hint) {
    const where = findDefinition(raw, name, index, host);
    if (where?.host === host) hint = ` (it is bound later, by /steps/${where.index}; a name must be bound before it is used)`;
    else if (where) hint = ` (host ${quote(where.host)} binds it at /steps/${where.index}; fd names belong to one host)`;
  }
  r.error(`${path}/fd`, `${quote(name)} is not defined by an earlier step on host ${quote(host)}${hint} (names so far: ${shown})`);
}

/** Where else `name` is bound, for the hint: later on the same host, else anywhere on another host. */
function findDefinition(raw: readonly unknown[], name: string, index: number, host: string): { host: string; index: number } | undefined {
  let other: { host: string; index: number } | undefined;
  for (let j = 0; j < raw.length; j++) {
    const s = raw[j];
    if (!isObject(s) || s.as !== name || typeof s.host !== 'string') continue;
    if (s.host === host && j > index) return { host, index: j };
    if (s.host !== host) other ??= { host: s.host, index: j };
  }
  return other;
}
