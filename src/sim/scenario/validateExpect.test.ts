import { describe, expect, it } from 'vitest';
import { errorLines, withSteps, type JsonObject } from './testing/makeScenario.ts';

/** Errors of one extra step, appended as /steps/6 to a valid scenario whose names are lfd, conn (server) and c (client). */
const errorsOfStep = (step: JsonObject) => errorLines(withSteps(step));
const client = (fields: JsonObject) => ({ host: 'client', ...fields });
const server = (fields: JsonObject) => ({ host: 'server', ...fields });

describe('validateExpect', () => {
  it('knows what each call returns', () => {
    expect(errorsOfStep(client({ call: 'close', fd: 'c', expect: 1 }))).toEqual([
      '/steps/6/expect: close returns 0 on success; expect 0 or an errno name such as "EADDRINUSE", got 1',
    ]);
    expect(errorsOfStep(server({ call: 'socket', as: 'x', expect: 2.5 }))).toEqual([
      '/steps/6/expect: socket returns an fd; expect must be an integer from 0 to 1048575, got 2.5',
    ]);
    expect(errorsOfStep(client({ call: 'send', fd: 'c', data: 'x', expect: -1 }))).toEqual([
      '/steps/6/expect: send returns a byte count; expect must be an integer from 0 to 10000000, got -1',
    ]);
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', addr: 'server:8080', expect: true }))).toEqual([
      '/steps/6/expect: must be a return value (a number) or an errno name such as "ECONNREFUSED", got true',
    ]);
  });

  it('knows errno names, suggests fixes for typos, and keeps text for recv only', () => {
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', addr: 'server:8080', expect: 'ECONNREFUSE' }))).toEqual([
      '/steps/6/expect: unknown errno "ECONNREFUSE" (did you mean "ECONNREFUSED"?)',
    ]);
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', addr: 'server:8080', expect: 'EWHATEVER' }))[0]).toMatch(
      /^\/steps\/6\/expect: unknown errno "EWHATEVER" \(known: EACCES, /,
    );
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', addr: 'server:8080', expect: 'refused' }))).toEqual([
      '/steps/6/expect: must be a return value (a number) or an errno name such as "ECONNREFUSED", got "refused"; only recv may expect text',
    ]);
    expect(errorsOfStep(client({ call: 'recv', fd: 'c', expect: 'ECONNRESTE' }))).toEqual([
      '/steps/6/expect: unknown errno "ECONNRESTE" (did you mean "ECONNRESET"?)',
    ]);
    expect(errorsOfStep(client({ call: 'recv', fd: 'c', expect: 'ERROR: not found' }))).toEqual([]);
    expect(errorsOfStep(client({ call: 'recv', fd: 'c', expect: '' }))).toEqual([]);
  });
});
