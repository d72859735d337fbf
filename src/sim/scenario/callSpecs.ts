// The calls a step may make, and which keys each takes. The validator, the schema test and the docs read this table.

import type { CallName } from './types.ts';

export interface CallSpec {
  /** Keys the call needs besides `host` and `call`. */
  required: readonly string[];
  optional: readonly string[];
  /** What a successful call returns: an fd, 0, a byte count, or nothing worth asserting. */
  returns: 'fd' | 'zero' | 'bytes' | 'none';
  /** `timeoutMs` is allowed: the call can block. */
  blocking: boolean;
}

/** Keys every step may have. */
export const STEP_BASE_KEYS = ['host', 'call', 'thread', 'at', 'note'] as const;

const fdCall = (required: string[], optional: string[], returns: CallSpec['returns'], blocking = false): CallSpec => ({
  required: ['fd', ...required],
  optional,
  returns,
  blocking,
});

export const CALL_SPECS: Readonly<Record<CallName, CallSpec>> = {
  socket: { required: [], optional: ['as', 'type'], returns: 'fd', blocking: false },
  setsockopt: fdCall(['opt', 'value'], [], 'zero'),
  bind: fdCall(['port'], ['ip'], 'zero'),
  listen: fdCall([], ['backlog'], 'zero'),
  accept: fdCall([], ['as'], 'fd', true),
  connect: fdCall(['addr'], [], 'zero', true),
  send: fdCall([], ['data', 'bytes'], 'bytes', true),
  recv: fdCall([], ['size'], 'bytes', true),
  shutdown: fdCall(['how'], [], 'zero'),
  close: fdCall([], [], 'zero'),
  setblocking: fdCall(['value'], [], 'zero'),
  settimeout: fdCall(['seconds'], [], 'zero'),
  sleep: { required: ['ms'], optional: [], returns: 'none', blocking: false },
  exit: { required: [], optional: [], returns: 'none', blocking: false },
  crash: { required: [], optional: [], returns: 'none', blocking: false },
  synflood: { required: ['addr', 'count'], optional: ['intervalMs'], returns: 'none', blocking: false },
};

export const CALL_NAMES = Object.keys(CALL_SPECS) as CallName[];

/** Every key a step with this call may have, in the order the docs list them. */
export function allowedStepKeys(call: CallName): string[] {
  const spec = CALL_SPECS[call];
  const keys: string[] = [...STEP_BASE_KEYS, ...spec.required, ...spec.optional];
  if (spec.blocking) keys.push('timeoutMs');
  if (spec.returns !== 'none') keys.push('expect');
  return keys;
}
