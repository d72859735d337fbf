// /network: the link delay and the fault list.

import { quote } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { LIMITS } from './limits.ts';
import type { Reporter } from './Reporter.ts';
import { flagsProblem } from './tcpdumpFlags.ts';
import type { Fault, FaultMatch, NetworkSpec } from './types.ts';

export const FAULT_ACTIONS = ['drop', 'duplicate', 'delay', 'reorder', 'loss'] as const;
type Action = (typeof FAULT_ACTIONS)[number];

export const FAULT_KEYS: Readonly<Record<Action, readonly string[]>> = {
  drop: ['action', 'match', 'count'],
  duplicate: ['action', 'match', 'count'],
  reorder: ['action', 'match', 'count'],
  delay: ['action', 'match', 'count', 'delayMs'],
  loss: ['action', 'rate', 'match'],
};

export const FAULT_MATCH_KEYS = ['from', 'to', 'flags', 'hasData', 'nth', 'afterMs', 'beforeMs'] as const;

export function validateNetwork(r: Reporter, raw: unknown, hostNames: readonly string[]): NetworkSpec | undefined {
  const o = r.object(raw, '/network', '"network"');
  if (!o) return undefined;
  r.onlyKeys(o, '/network', ['delayMs', 'faults'], '"network"');
  const out: NetworkSpec = {};
  if (o.delayMs !== undefined) {
    const d = r.number(o.delayMs, '/network/delayMs', 0, LIMITS.delayMs, 'the one-way delay must be');
    if (d !== undefined) out.delayMs = d;
  }
  if (o.faults !== undefined) {
    if (!Array.isArray(o.faults)) {
      r.error('/network/faults', 'must be an array of faults');
    } else if (o.faults.length > LIMITS.faults) {
      r.error('/network/faults', `has ${o.faults.length} faults; the limit is ${LIMITS.faults}`);
    } else {
      const faults: Fault[] = [];
      o.faults.forEach((f: unknown, i: number) => {
        if (r.full) return;
        const fault = validateFault(r, f, `/network/faults/${i}`, hostNames);
        if (fault) faults.push(fault);
      });
      out.faults = faults;
    }
  }
  return out;
}

function validateFault(r: Reporter, raw: unknown, path: string, hostNames: readonly string[]): Fault | undefined {
  const o = r.object(raw, path, 'a fault');
  if (!o) return undefined;
  if (!r.present(o, path, 'action', 'a fault')) return undefined;
  const action = r.oneOf(o.action, `${path}/action`, FAULT_ACTIONS, 'fault action');
  if (!action) return undefined;
  r.onlyKeys(o, path, FAULT_KEYS[action], `a "${action}" fault`);
  let match: FaultMatch | undefined;
  if (action === 'loss') {
    if (o.match !== undefined) match = validateMatch(r, o.match, `${path}/match`, hostNames);
  } else if (r.present(o, path, 'match', `a "${action}" fault`)) {
    match = validateMatch(r, o.match, `${path}/match`, hostNames);
  }
  let count: number | undefined;
  if (o.count !== undefined && action !== 'loss') count = r.integer(o.count, `${path}/count`, 1, 1_000_000, 'count must be');
  switch (action) {
    case 'loss': {
      if (!r.present(o, path, 'rate', 'a "loss" fault')) return undefined;
      const rate = r.number(o.rate, `${path}/rate`, 0, 1, 'the loss rate (a probability) must be');
      if (rate === undefined) return undefined;
      return match ? { action, rate, match } : { action, rate };
    }
    case 'delay': {
      if (!r.present(o, path, 'delayMs', 'a "delay" fault')) return undefined;
      const delayMs = r.number(o.delayMs, `${path}/delayMs`, 0, LIMITS.delayMs, 'the extra delay must be');
      if (delayMs === undefined || !match) return undefined;
      return count === undefined ? { action, match, delayMs } : { action, match, delayMs, count };
    }
    default:
      if (!match) return undefined;
      return count === undefined ? { action, match } : { action, match, count };
  }
}

function validateMatch(r: Reporter, raw: unknown, path: string, hostNames: readonly string[]): FaultMatch | undefined {
  const o = r.object(raw, path, 'a fault\'s "match"');
  if (!o) return undefined;
  r.onlyKeys(o, path, FAULT_MATCH_KEYS, '"match"');
  const m: FaultMatch = {};
  for (const side of ['from', 'to'] as const) {
    if (o[side] === undefined) continue;
    const v = o[side];
    if (typeof v === 'string' && hostNames.includes(v)) m[side] = v;
    else if (typeof v === 'string') r.error(`${path}/${side}`, `${quote(v)} is not a host${didYouMean(v, hostNames)} (hosts: ${hostNames.join(', ')})`);
    else r.error(`${path}/${side}`, `must be a host name, one of: ${hostNames.join(', ')}`);
  }
  if (o.flags !== undefined) {
    const f = r.string(o.flags, `${path}/flags`, 8);
    if (f !== undefined) {
      const problem = flagsProblem(f);
      if (problem) r.error(`${path}/flags`, `${quote(f)} ${problem}`);
      else m.flags = f;
    }
  }
  if (o.hasData !== undefined) {
    if (typeof o.hasData === 'boolean') m.hasData = o.hasData;
    else r.error(`${path}/hasData`, 'must be true or false');
  }
  if (o.nth !== undefined) {
    const n = r.integer(o.nth, `${path}/nth`, 1, 1_000_000, 'nth (1 = the first matching segment) must be');
    if (n !== undefined) m.nth = n;
  }
  for (const k of ['afterMs', 'beforeMs'] as const) {
    if (o[k] === undefined) continue;
    const t = r.number(o[k], `${path}/${k}`, 0, LIMITS.timeMs, `${k} must be`);
    if (t !== undefined) m[k] = t;
  }
  if (m.afterMs !== undefined && m.beforeMs !== undefined && m.afterMs >= m.beforeMs) {
    r.error(`${path}/beforeMs`, `must be later than afterMs (${m.afterMs}); no segment could match`);
  }
  return m;
}
