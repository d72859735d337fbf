// A step's `expect`: a return value the call can have, an errno name, or (recv only) the text it should read.

import { CALL_SPECS } from './callSpecs.ts';
import { describeValue, quote } from './describeValue.ts';
import { closest } from './didYouMean.ts';
import { ERRNO_NAMES, isErrnoName, looksLikeErrno } from './errnoNames.ts';
import { LIMITS } from './limits.ts';
import type { Reporter } from './Reporter.ts';
import type { CallName } from './types.ts';

const MAX_FD = 1_048_575;

export function validateExpect(r: Reporter, v: unknown, path: string, call: CallName): number | string | undefined {
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
