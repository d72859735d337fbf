import { describe, expect, it } from 'vitest';
import { errorLines, withSteps, type JsonObject } from './testing/makeScenario.ts';

/** Errors of one extra step, appended as /steps/6 to a valid scenario whose names are lfd, conn (server) and c (client). */
const errorsOfStep = (step: JsonObject) => errorLines(withSteps(step));
const client = (fields: JsonObject) => ({ host: 'client', ...fields });

describe('validateSockOpt', () => {
  it('checks socket options by kind', () => {
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_REUSEADR', value: 1 }))[0]).toMatch(
      /^\/steps\/6\/opt: unknown socket option "SO_REUSEADR" \(did you mean "SO_REUSEADDR"\?\) \(one of: SO_REUSEADDR, /,
    );
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: true }))).toEqual([
      '/steps/6/value: TCP_NODELAY is 0 (off) or 1 (on), got true',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPIDLE', value: 40000 }))).toEqual([
      '/steps/6/value: TCP_KEEPIDLE (seconds) must be an integer from 1 to 32767, got 40000',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPCNT', value: 0 }))).toEqual([
      '/steps/6/value: TCP_KEEPCNT must be an integer from 1 to 127, got 0',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: 0 }))).toEqual([
      '/steps/6/value: SO_LINGER takes {"onoff": 0 or 1, "linger": seconds}, got 0',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { onoff: true, linger: 0 } }))).toEqual([
      '/steps/6/value/onoff: must be 0 or 1, got true',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { on: 1, linger: 0 } }))).toEqual([
      '/steps/6/value/on: unknown key "on" in an SO_LINGER value (allowed: onoff, linger)',
      '/steps/6/value: an SO_LINGER value needs "onoff"',
    ]);
  });
});
