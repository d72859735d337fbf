import { describe, expect, it } from 'vitest';
import { errorLines, makeScenario } from './testing/makeScenario.ts';

const withParams = (params: unknown) => makeScenario({ params });

describe('validateParams', () => {
  it('accepts number knobs with bounds and text or number knobs with options', () => {
    expect(errorLines(withParams({
      delay: { label: 'One-way delay (ms)', path: '/network/delayMs', min: 0.05, max: 150, step: 0.05 },
      backlog: { label: 'listen() backlog', path: '/steps/2/backlog', options: [1, 128, 4096] },
      addr: { label: 'Target', path: '/steps/5/addr', options: ['server:8080', 'server:9090'] },
    }))).toEqual([]);
  });

  it('requires a label and a JSON pointer that resolves to a number or a string', () => {
    expect(errorLines(withParams({ x: { path: '/network/delayMs', min: 0, max: 9 } }))).toEqual(['/params/x: a param needs "label"']);
    expect(errorLines(withParams({ x: { label: 'X', path: 'network/delayMs', min: 0, max: 9 } }))).toEqual([
      '/params/x/path: "network/delayMs" is not a JSON pointer (it starts with "/", e.g. "/network/delayMs")',
    ]);
    expect(errorLines(withParams({ x: { label: 'X', path: '/steps/99/backlog', min: 0, max: 9 } }))).toEqual([
      '/params/x/path: "/steps/99/backlog" does not point at a value in this file',
    ]);
    expect(errorLines(withParams({ x: { label: 'X', path: '/hosts/server', min: 0, max: 9 } }))).toEqual([
      '/params/x/path: "/hosts/server" points at an object; a knob turns a number or a string',
    ]);
    expect(errorLines(withParams({ x: { label: 'X', path: '/steps/constructor', min: 0, max: 9 } }))).toEqual([
      '/params/x/path: "/steps/constructor" does not point at a value in this file',
    ]);
  });

  it('refuses knobs on the version, the id or the params', () => {
    for (const path of ['/version', '/id', '/params/x/min', '/$schema']) {
      expect(errorLines(withParams({ x: { label: 'X', path, min: 0, max: 9 } }))).toEqual([`/params/x/path: ${JSON.stringify(path)} cannot be a knob`]);
    }
    expect(errorLines(withParams({ x: { label: 'X', path: '', min: 0, max: 9 } }))).toEqual(['/params/x/path: must not be empty']);
  });

  it('checks bounds and options against the current value', () => {
    expect(errorLines(withParams({ x: { label: 'X', path: '/network/delayMs' } }))).toEqual(['/params/x: a number knob needs "min" and "max", or "options"']);
    expect(errorLines(withParams({ x: { label: 'X', path: '/network/delayMs', min: 10, max: 20 } }))).toEqual([
      '/params/x: the current value 5 is outside min..max (10..20)',
    ]);
    expect(errorLines(withParams({ x: { label: 'X', path: '/network/delayMs', min: 20, max: 10 } }))).toEqual(['/params/x/max: must not be below min (20)']);
    expect(errorLines(withParams({ x: { label: 'X', path: '/network/delayMs', min: 0, max: 10, step: 0 } }))[0]).toMatch(/^\/params\/x\/step: step must be a number from /);
    expect(errorLines(withParams({ x: { label: 'X', path: '/network/delayMs', options: [1, 2] } }))).toEqual(['/params/x/options: must include the current value 5']);
    expect(errorLines(withParams({ x: { label: 'X', path: '/network/delayMs', options: [5, '10'] } }))).toEqual([
      '/params/x/options/1: must be a number like the value the knob turns, got "10"',
    ]);
    expect(errorLines(withParams({ x: { label: 'X', path: '/steps/5/addr', min: 0, max: 1 } }))).toEqual([
      '/params/x/min: the value at "/steps/5/addr" is text; a text knob takes "options", not "min"',
      '/params/x/max: the value at "/steps/5/addr" is text; a text knob takes "options", not "max"',
      '/params/x: a text knob needs "options"',
    ]);
  });

  it('rejects unknown keys and bad names', () => {
    expect(errorLines(withParams({ 'my knob': { label: 'X', path: '/network/delayMs', options: [5], default: 5 } }))).toEqual([
      '/params/my knob: "my knob" is not a valid param name: use a letter or _ followed by up to 31 letters, digits, _ or -',
      '/params/my knob/default: unknown key "default" in a param (allowed: label, path, min, max, step, options)',
    ]);
  });
});
