import { describe, expect, it } from 'vitest';
import { makeScenario, errorLines, errorsOf } from './testing/makeScenario.ts';
import { formatScenarioError, validateScenario } from './validateScenario.ts';

describe('validateScenario: the top level', () => {
  it('accepts a small valid scenario and returns a plain copy', () => {
    const input = makeScenario();
    const r = validateScenario(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario).toEqual(input);
    expect(r.scenario).not.toBe(input);
    expect(r.scenario.steps[0]).not.toBe((input.steps as unknown[])[0]);
  });

  it('writes step keys in the documented order', () => {
    const r = validateScenario(makeScenario({ steps: [{ expect: 3, as: 'x', call: 'socket', at: 5, note: 'n', host: 'client' }] }));
    expect(r.ok && Object.keys(r.scenario.steps[0]!)).toEqual(['host', 'at', 'call', 'as', 'expect', 'note']);
  });

  it.each([
    [null, '', 'a scenario must be an object, got null'],
    [[], '', 'a scenario must be an object, got an array'],
    ['{"version":1}', '', 'a scenario must be an object, got "{\\"version\\":1}" (a string)'],
    [42, '', 'a scenario must be an object, got 42'],
  ])('rejects a non-object %j', (input, path, message) => {
    expect(errorsOf(input)).toEqual([{ path, message }]);
  });

  it('requires version 1', () => {
    expect(errorLines(makeScenario({ version: 2 }))).toEqual(['/version: this is version 1 of the scenario format; the file says 2']);
    expect(errorLines(makeScenario({ version: '1' }))).toEqual(['/version: this is version 1 of the scenario format; the file says "1" (a string)']);
    const { version: _v, ...noVersion } = makeScenario();
    expect(errorLines(noVersion)).toEqual([': a scenario needs "version"']);
  });

  it('checks id, title, description, topic, seed and untilMs', () => {
    expect(errorLines(makeScenario({ id: 'Bad Id' }))).toEqual(['/id: "Bad Id" is not a valid id: lower-case letters, digits and "-", starting with a letter or digit']);
    expect(errorLines(makeScenario({ title: '' }))).toEqual(['/title: must not be empty']);
    expect(errorLines(makeScenario({ description: 'x'.repeat(4001) }))).toEqual(['/description: is 4001 characters long; the limit is 4000']);
    expect(errorLines(makeScenario({ topic: 'closng' }))).toEqual([
      '/topic: "closng" (a string) is not a topic (did you mean "closing"?): use one of sockets, handshake, data, closing, reset, backlog, failures, options, concurrency, reuse, or a group of your own in lower-case letters, digits and "-"',
    ]);
    expect(errorLines(makeScenario({ topic: 'My Topic' }))[0]).toMatch(/^\/topic: "My Topic" \(a string\) is not a topic: use one of /);
    expect(errorLines(makeScenario({ topic: 'queues' }))).toEqual([]);
    expect(errorLines(makeScenario({ seed: -1 }))).toEqual(['/seed: seed must be an integer from 0 to 4294967295, got -1']);
    expect(errorLines(makeScenario({ seed: 1.5 }))).toEqual(['/seed: seed must be an integer from 0 to 4294967295, got 1.5']);
    expect(errorLines(makeScenario({ untilMs: 0 }))).toEqual(['/untilMs: untilMs must be a number from 1 to 1000000000, got 0']);
    expect(errorsOf(makeScenario({ description: 'ok', topic: 'handshake', seed: 7, untilMs: 500 }))).toEqual([]);
  });

  it('rejects unknown top-level keys, listing the allowed ones', () => {
    expect(errorLines(makeScenario({ stpes: [] }))).toEqual([
      '/stpes: unknown key "stpes" in a scenario (did you mean "steps"?) (allowed: $schema, version, id, title, description, topic, seed, untilMs, network, hosts, steps, params)',
    ]);
  });

  it('accepts $schema and keeps it', () => {
    const r = validateScenario(makeScenario({ $schema: '../docs/scenario.schema.json' }));
    expect(r.ok && r.scenario.$schema).toBe('../docs/scenario.schema.json');
  });

  it('requires hosts and steps', () => {
    const { hosts: _h, steps: _s, ...rest } = makeScenario();
    expect(errorLines(rest)).toEqual([': a scenario needs "hosts"', ': a scenario needs "steps"']);
  });

  it('never throws on exotic objects', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    expect(errorLines(hostile)).toEqual([': the scenario could not be read (boom)']);
    const getter = makeScenario();
    Object.defineProperty(getter, 'title', { enumerable: true, get: () => { throw new Error('no title'); } });
    expect(errorLines(getter)).toEqual([': the scenario could not be read (no title)']);
  });

  it('caps the number of errors', () => {
    const steps = Array.from({ length: 500 }, () => ({ host: 'nowhere', call: 'sleep', ms: 1 }));
    const errors = errorsOf(makeScenario({ steps }));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toEqual({ path: '', message: 'stopped after 100 errors; fix these and validate again' });
  });

  it('formats errors as "path: message"', () => {
    expect(formatScenarioError({ path: '/steps/4/fd', message: 'oops' })).toBe('/steps/4/fd: oops');
    expect(formatScenarioError({ path: '', message: 'oops' })).toBe('scenario: oops');
    expect(formatScenarioError({ path: '/id', message: 'oops', line: 3, column: 9 })).toBe('/id (line 3, column 9): oops');
  });
});
