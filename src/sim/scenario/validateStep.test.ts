import { describe, expect, it } from 'vitest';
import { errorLines, withSteps, type JsonObject } from './testing/makeScenario.ts';

/** Errors of one extra step, appended as /steps/6 to a valid scenario whose names are lfd, conn (server) and c (client). */
const errorsOfStep = (step: JsonObject) => errorLines(withSteps(step));
const client = (fields: JsonObject) => ({ host: 'client', ...fields });
const server = (fields: JsonObject) => ({ host: 'server', ...fields });

describe('validateStep: calls and their keys', () => {
  it('accepts every call in its usual form', () => {
    const steps: JsonObject[] = [
      client({ call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 1 }),
      client({ call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { onoff: 1, linger: 0 } }),
      client({ call: 'setsockopt', fd: 'c', opt: 'SO_RCVTIMEO', value: 2500 }),
      client({ call: 'send', fd: 'c', data: 'hello', expect: 5 }),
      client({ call: 'send', fd: 'c', bytes: 10000, timeoutMs: 100 }),
      client({ call: 'recv', fd: 'c', size: 1024, expect: 'hello' }),
      client({ call: 'recv', fd: 'c', expect: 0 }),
      client({ call: 'recv', fd: 'c', expect: 'ECONNRESET', timeoutMs: 5000 }),
      client({ call: 'shutdown', fd: 'c', how: 'SHUT_WR', expect: 0 }),
      client({ call: 'setblocking', fd: 'c', value: false }),
      client({ call: 'settimeout', fd: 'c', seconds: null }),
      client({ call: 'settimeout', fd: 'c', seconds: 2.5 }),
      client({ call: 'close', fd: 3, expect: 'EBADF' }),
      client({ call: 'sleep', ms: 100, note: 'think time' }),
      server({ call: 'socket', as: 'x', type: 'SOCK_STREAM', expect: 5 }),
      server({ call: 'bind', fd: 'x', port: 0, ip: '0.0.0.0' }),
      server({ call: 'connect', fd: 'x', addr: '10.0.0.9:80', timeoutMs: 3000, expect: 'ETIMEDOUT' }),
      server({ call: 'synflood', addr: 'client:22', count: 10, intervalMs: 0.5 }),
      server({ thread: 'worker-1', at: 50, call: 'accept', fd: 'lfd', as: 'k2' }),
      client({ call: 'exit' }),
    ];
    expect(errorLines(withSteps(...steps))).toEqual([]);
  });

  it('suggests the call a typo meant', () => {
    expect(errorsOfStep(client({ call: 'conect', fd: 'c', addr: 'server:8080' }))).toEqual([
      '/steps/6/call: unknown call "conect" (did you mean "connect"?) (one of: socket, setsockopt, bind, listen, accept, connect, send, recv, shutdown, close, setblocking, settimeout, sleep, exit, crash, synflood)',
    ]);
    expect(errorsOfStep(client({ fd: 'c' }))).toEqual(['/steps/6: a step needs "call"']);
  });

  it('rejects unknown keys with the list the call allows', () => {
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', address: 'server:8080' }))).toEqual([
      '/steps/6/address: unknown key "address" in a "connect" step (allowed: host, call, thread, at, note, fd, addr, timeoutMs, expect)',
      '/steps/6: a "connect" step needs "addr"',
    ]);
    expect(errorsOfStep(client({ call: 'bind', fd: 'c', port: 1, timeoutMs: 5 }))).toEqual([
      '/steps/6/timeoutMs: "timeoutMs" applies only to calls that can block (accept, connect, send, recv), not to "bind"',
    ]);
    expect(errorsOfStep(client({ call: 'sleep', ms: 5, expect: 0 }))).toEqual(['/steps/6/expect: "sleep" returns nothing to expect']);
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', addr: 'server:8080', as: 'x' }))).toEqual([
      '/steps/6/as: "as" names the fd a call returns; only socket and accept return one',
    ]);
  });

  it('checks fd references by shape', () => {
    expect(errorsOfStep(client({ call: 'close', fd: -1 }))).toEqual(['/steps/6/fd: a numeric fd must be an integer from 0 to 1048575, got -1']);
    expect(errorsOfStep(client({ call: 'close', fd: 'my fd' }))).toEqual([
      '/steps/6/fd: must name an fd (the "as" of an earlier socket or accept step) or be an fd number, got "my fd" (a string)',
    ]);
    expect(errorsOfStep(client({ call: 'close' }))).toEqual(['/steps/6: a "close" step needs "fd"']);
  });

  it('checks socket, bind and listen', () => {
    expect(errorsOfStep(server({ call: 'socket', type: 'SOCK_DGRAM' }))).toEqual(['/steps/6/type: only SOCK_STREAM (TCP) is simulated']);
    expect(errorsOfStep(server({ call: 'socket', as: '1st' }))).toEqual([
      '/steps/6/as: "1st" is not a valid fd name: use a letter or _ followed by up to 31 letters, digits, _ or -',
    ]);
    expect(errorsOfStep(server({ call: 'bind', fd: 'lfd', port: 65536 }))).toEqual([
      '/steps/6/port: a bind port (0 = any free port) must be an integer from 0 to 65535, got 65536',
    ]);
    expect(errorsOfStep(server({ call: 'bind', fd: 'lfd', port: '8080' }))).toEqual([
      '/steps/6/port: a bind port (0 = any free port) must be an integer from 0 to 65535, got "8080" (a string)',
    ]);
    expect(errorsOfStep(server({ call: 'bind', fd: 'lfd', port: 80, ip: 'localhost' }))).toEqual([
      '/steps/6/ip: "localhost" (a string) is not an IPv4 address (use the host\'s IP or "0.0.0.0")',
    ]);
    expect(errorsOfStep(server({ call: 'listen', fd: 'lfd', backlog: -1 }))).toEqual(['/steps/6/backlog: backlog must be an integer from 0 to 2147483647, got -1']);
  });


  it('checks send and recv', () => {
    expect(errorsOfStep(client({ call: 'send', fd: 'c' }))).toEqual(['/steps/6: a "send" step needs "data" (text) or "bytes" (a count)']);
    expect(errorsOfStep(client({ call: 'send', fd: 'c', data: 'x', bytes: 1 }))).toEqual(['/steps/6: a "send" step takes "data" or "bytes", not both']);
    expect(errorsOfStep(client({ call: 'send', fd: 'c', data: 'x'.repeat(1_000_001) }))).toEqual(['/steps/6/data: is 1000001 characters long; the limit is 1000000']);
    expect(errorsOfStep(client({ call: 'send', fd: 'c', bytes: 0 }))).toEqual(['/steps/6/bytes: bytes must be an integer from 1 to 10000000, got 0']);
    expect(errorsOfStep(client({ call: 'recv', fd: 'c', size: 0 }))).toEqual(['/steps/6/size: size must be an integer from 1 to 1048576, got 0']);
  });


  it('checks shutdown, setblocking, settimeout, sleep and synflood', () => {
    expect(errorsOfStep(client({ call: 'shutdown', fd: 'c', how: 'SHUT_WRT' }))).toEqual([
      '/steps/6/how: unknown shutdown mode "SHUT_WRT" (did you mean "SHUT_WR"?) (one of: SHUT_RD, SHUT_WR, SHUT_RDWR)',
    ]);
    expect(errorsOfStep(client({ call: 'setblocking', fd: 'c', value: 'no' }))).toEqual(['/steps/6/value: must be true/false (or 1/0), got "no" (a string)']);
    expect(errorsOfStep(client({ call: 'settimeout', fd: 'c', seconds: -1 }))).toEqual([
      '/steps/6/seconds: seconds (null = block forever, 0 = non-blocking) must be a number from 0 to 1000000, got -1',
    ]);
    expect(errorsOfStep(client({ call: 'settimeout', fd: 'c' }))).toEqual(['/steps/6: a "settimeout" step needs "seconds"']);
    expect(errorsOfStep(client({ call: 'sleep', ms: Infinity }))).toEqual(['/steps/6/ms: ms must be a number from 0 to 1000000000, got a non-finite number']);
    expect(errorsOfStep(client({ call: 'synflood', addr: 'server:8080', count: 0 }))).toEqual(['/steps/6/count: count must be an integer from 1 to 100000, got 0']);
  });

  it('checks the base keys', () => {
    expect(errorsOfStep(client({ call: 'sleep', ms: 1, at: -5 }))).toEqual(['/steps/6/at: "at" (ms from the start) must be a number from 0 to 1000000000, got -5']);
    expect(errorsOfStep(client({ call: 'sleep', ms: 1, thread: '' }))).toEqual([
      '/steps/6/thread: "" is not a valid thread name: use a letter or _ followed by up to 31 letters, digits, _ or -',
    ]);
    expect(errorsOfStep(client({ call: 'sleep', ms: 1, note: 5 }))).toEqual(['/steps/6/note: must be a string, got 5']);
    expect(errorsOfStep(client({ call: 'recv', fd: 'c', timeoutMs: 0 }))).toEqual(['/steps/6/timeoutMs: timeoutMs must be a number from 1 to 1000000000, got 0']);
  });
});
