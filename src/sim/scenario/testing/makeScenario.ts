// Test support: a small valid scenario as plain JSON, to be broken one field at a time.

import type { ScenarioError } from '../Reporter.ts';
import { validateScenario } from '../validateScenario.ts';

export type JsonObject = Record<string, unknown>;

export function makeScenario(overrides: JsonObject = {}): JsonObject {
  return {
    version: 1,
    id: 'test',
    title: 'Test',
    network: { delayMs: 5 },
    hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } },
    steps: [
      { host: 'server', call: 'socket', as: 'lfd' },
      { host: 'server', call: 'bind', fd: 'lfd', port: 8080 },
      { host: 'server', call: 'listen', fd: 'lfd', backlog: 128 },
      { host: 'server', call: 'accept', fd: 'lfd', as: 'conn' },
      { host: 'client', at: 10, call: 'socket', as: 'c' },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:8080', expect: 0 },
    ],
    ...overrides,
  };
}

/** makeScenario with these steps appended. */
export function withSteps(...steps: JsonObject[]): JsonObject {
  const s = makeScenario();
  return { ...s, steps: [...(s.steps as JsonObject[]), ...steps] };
}

export function errorsOf(input: unknown): ScenarioError[] {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors;
}

/** "path: message" lines, for readable assertions. */
export function errorLines(input: unknown): string[] {
  return errorsOf(input).map((e) => `${e.path}: ${e.message}`);
}
