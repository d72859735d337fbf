// A setsockopt value, checked against the option's kind and bounds (sockoptSpecs.ts).

import { describeWithKind } from './describeValue.ts';
import { isObject, type Reporter } from './Reporter.ts';
import { INT_MAX, INT_MIN, SOCKOPT_SPECS } from './sockoptSpecs.ts';
import type { LingerValue, SockOptName } from './types.ts';

export function validateSockOpt(r: Reporter, opt: SockOptName, v: unknown, path: string): number | LingerValue | undefined {
  const spec = SOCKOPT_SPECS[opt];
  if (spec.kind === 'flag') return flagValue(r, v, path, `${opt} takes an int (0 = off, anything else = on) or true/false`);
  if (spec.kind === 'int') return r.integer(v, path, spec.min, spec.max, `${opt}${spec.unit ? ` (${spec.unit})` : ''} must be`);
  if (!isObject(v)) {
    r.error(path, `SO_LINGER takes {"onoff": 0 or 1, "linger": seconds}, got ${describeWithKind(v)}`);
    return undefined;
  }
  r.onlyKeys(v, path, ['onoff', 'linger'], 'an SO_LINGER value');
  const present = r.present(v, path, 'onoff', 'an SO_LINGER value') && r.present(v, path, 'linger', 'an SO_LINGER value');
  if (!present) return undefined;
  const onoff = flagValue(r, v.onoff, `${path}/onoff`, 'onoff takes an int (0 = off, anything else = on) or true/false');
  if (onoff === undefined) return undefined;
  const linger = r.integer(v.linger, `${path}/linger`, spec.min, spec.max, 'linger (seconds) must be');
  return linger === undefined ? undefined : { onoff, linger };
}

/** A C int used as a boolean; JSON true/false stand for 1/0. */
function flagValue(r: Reporter, v: unknown, path: string, what: string): number | undefined {
  if (v === true || v === false) return v ? 1 : 0;
  if (typeof v === 'number' && Number.isInteger(v) && v >= INT_MIN && v <= INT_MAX) return v;
  r.error(path, `${what}, got ${describeWithKind(v)}`);
  return undefined;
}
