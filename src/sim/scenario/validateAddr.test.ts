import { describe, expect, it } from 'vitest';
import { errorLines, withSteps, type JsonObject } from './testing/makeScenario.ts';

/** Errors of one extra step, appended as /steps/6 to a valid scenario whose names are lfd, conn (server) and c (client). */
const errorsOfStep = (step: JsonObject) => errorLines(withSteps(step));
const client = (fields: JsonObject) => ({ host: 'client', ...fields });

describe('validateAddr', () => {
  it.each([
    ['server:0', '"server:0": the port must be from 1 to 65535 (port 0 cannot be connected to)'],
    ['server:65536', '"server:65536": the port must be from 1 to 65535'],
    ['server:08080', '"server:08080": the port must be from 1 to 65535'],
    ['server', '"server" must be "host:port" or "ip:port", e.g. "server:8080"'],
    ['sever:8080', '"sever:8080": "sever" is not a host (did you mean "server"?) (hosts: client, server)'],
    ['10.0.0.300:80', '"10.0.0.300:80": "10.0.0.300" is not an IPv4 address'],
  ])('rejects the connect address %j', (addr, message) => {
    expect(errorsOfStep(client({ call: 'connect', fd: 'c', addr }))).toEqual([`/steps/6/addr: ${message}`]);
  });
});
