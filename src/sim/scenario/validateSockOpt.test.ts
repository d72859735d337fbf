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
    // Like the kernel: any C int is a flag (non-zero = on), and true/false stand for 1/0.
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: true }))).toEqual([]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 2 }))).toEqual([]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 'yes' }))).toEqual([
      '/steps/6/value: TCP_NODELAY takes an int (0 = off, anything else = on) or true/false, got "yes" (a string)',
    ]);
    // Out of Linux's range is not a load error: setsockopt() fails EINVAL when it runs, as it would on Linux.
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPIDLE', value: 40000 }))).toEqual([]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPIDLE', value: 2 ** 31 }))).toEqual([
      '/steps/6/value: TCP_KEEPIDLE (seconds) must be an integer from -2147483648 to 2147483647, got 2147483648',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: 0 }))).toEqual([
      '/steps/6/value: SO_LINGER takes {"onoff": 0 or 1, "linger": seconds}, got 0',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { onoff: true, linger: 0 } }))).toEqual([]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { onoff: 'on', linger: 0 } }))).toEqual([
      '/steps/6/value/onoff: onoff takes an int (0 = off, anything else = on) or true/false, got "on" (a string)',
    ]);
    expect(errorsOfStep(client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { on: 1, linger: 0 } }))).toEqual([
      '/steps/6/value/on: unknown key "on" in an SO_LINGER value (allowed: onoff, linger)',
      '/steps/6/value: an SO_LINGER value needs "onoff"',
    ]);
  });
});
