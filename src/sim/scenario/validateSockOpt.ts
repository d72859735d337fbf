// A setsockopt value, checked against the option's kind and bounds (sockoptSpecs.ts).

import { describeWithKind } from './describeValue.ts';
import { isObject, type Reporter } from './Reporter.ts';
import { SOCKOPT_SPECS } from './sockoptSpecs.ts';
import type { LingerValue, SockOptName } from './types.ts';

export function validateSockOpt(r: Reporter, opt: SockOptName, v: unknown, path: string): number | LingerValue | undefined {
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
