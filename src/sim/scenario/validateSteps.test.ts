import { describe, expect, it } from 'vitest';
import { errorLines, makeScenario, withSteps } from './testing/makeScenario.ts';

describe('validateSteps: what ties steps together', () => {
  it('requires a non-empty array of step objects', () => {
    expect(errorLines(makeScenario({ steps: {} }))).toEqual(['/steps: must be an array of steps']);
    expect(errorLines(makeScenario({ steps: [] }))).toEqual(['/steps: needs at least one step']);
    expect(errorLines(makeScenario({ steps: [42] }))).toEqual(['/steps/0: a step must be an object, got 42']);
  });

  it('caps the number of steps', () => {
    const steps = new Array(100_001).fill({ host: 'client', call: 'sleep', ms: 1 });
    expect(errorLines(makeScenario({ steps }))).toEqual(['/steps: has 100001 steps; the limit is 100000']);
  });

  it('requires the step host to exist', () => {
    expect(errorLines(withSteps({ host: 'sever', call: 'sleep', ms: 1 }))).toEqual([
      '/steps/6/host: "sever" is not a host (did you mean "server"?) (hosts: client, server)',
    ]);
    expect(errorLines(withSteps({ call: 'sleep', ms: 1 }))).toEqual(['/steps/6: a step needs "host"']);
    expect(errorLines(withSteps({ host: 7, call: 'sleep', ms: 1 }))).toEqual(['/steps/6/host: must be a host name (client, server)']);
  });

  it('requires an fd name to be bound by an earlier step on the same host', () => {
    expect(errorLines(withSteps({ host: 'server', call: 'recv', fd: 'con' }))).toEqual([
      '/steps/6/fd: "con" is not defined by an earlier step on host "server" (did you mean "conn"?) (names so far: lfd, conn)',
    ]);
    expect(errorLines(withSteps({ host: 'client', call: 'recv', fd: 'conn' }))).toEqual([
      '/steps/6/fd: "conn" is not defined by an earlier step on host "client" (host "server" binds it at /steps/3; fd names belong to one host) (names so far: c)',
    ]);
    expect(errorLines(withSteps({ host: 'server', call: 'recv', fd: 'k9' }, { host: 'server', call: 'accept', fd: 'lfd', as: 'k9' }))).toEqual([
      '/steps/6/fd: "k9" is not defined by an earlier step on host "server" (it is bound later, by /steps/7; a name must be bound before it is used) (names so far: lfd, conn)',
    ]);
    expect(errorLines(makeScenario({ steps: [{ host: 'server', call: 'close', fd: 'lfd' }] }))).toEqual([
      '/steps/0/fd: "lfd" is not defined by an earlier step on host "server" (names so far: none yet)',
    ]);
  });

  it('reproduces the message of the brief', () => {
    const steps = [
      { host: 'server', call: 'socket', as: 'lfd' },
      { host: 'server', call: 'bind', fd: 'lfd', port: 8080 },
      { host: 'server', call: 'listen', fd: 'lfd' },
      { host: 'server', call: 'sleep', ms: 10 },
      { host: 'server', call: 'recv', fd: 'conn' },
    ];
    expect(errorLines(makeScenario({ steps }))).toEqual([
      '/steps/4/fd: "conn" is not defined by an earlier step on host "server" (names so far: lfd)',
    ]);
  });

  it('lets any thread of the host use a name, and a thread rebind its own', () => {
    expect(errorLines(withSteps(
      { host: 'server', thread: 'worker', at: 50, call: 'recv', fd: 'conn' },
      { host: 'client', call: 'close', fd: 'c' },
      { host: 'client', call: 'socket', as: 'c' },
      { host: 'client', call: 'close', fd: 3 },
    ))).toEqual([]);
  });

  it('rejects rebinding a name from another thread', () => {
    expect(errorLines(withSteps({ host: 'client', thread: 'b', call: 'socket', as: 'c' }))).toEqual([
      '/steps/6/as: "c" is already bound by /steps/4 in thread "main"; the threads of host "client" share its fd names, so give this fd a name of its own',
    ]);
  });

  it('rejects steps after the host exits or crashes', () => {
    expect(errorLines(withSteps({ host: 'client', call: 'crash' }, { host: 'client', thread: 'other', call: 'sleep', ms: 1 }))).toEqual([
      '/steps/7/host: host "client" has no process left after its "crash" at /steps/6; no step can follow it in the file',
    ]);
    expect(errorLines(withSteps({ host: 'server', call: 'exit' }, { host: 'client', call: 'close', fd: 'c' }))).toEqual([]);
  });

  it('requires the "at" times of one thread to go forward', () => {
    expect(errorLines(withSteps({ host: 'client', at: 5, call: 'close', fd: 'c' }))).toEqual([
      '/steps/6/at: 5 is earlier than the "at" of /steps/4 (10) in the same thread ("client", "main"); a thread runs its steps in file order',
    ]);
    expect(errorLines(withSteps({ host: 'client', thread: 'other', at: 5, call: 'sleep', ms: 1 }))).toEqual([]);
  });

  it('rejects steps that start after untilMs', () => {
    expect(errorLines({ ...withSteps({ host: 'client', at: 500, call: 'close', fd: 'c' }), untilMs: 100 })).toEqual([
      '/steps/6/at: 500 is after untilMs (100); the step would never run',
    ]);
  });
});
