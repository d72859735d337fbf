import { describe, expect, test } from 'vitest';
import { coerceParam, linkSearch, parseLink } from './parseLink.ts';

describe('links', () => {
  test('round trip', () => {
    const s = linkSearch({ scenario: 'handshake', step: 7, seed: 42, delayMs: 75, params: { backlog: 1 } });
    expect(s).toBe('?scenario=handshake&step=7&seed=42&delay=75&p.backlog=1');
    expect(parseLink(s)).toEqual({ scenario: 'handshake', step: 7, seed: 42, delayMs: 75, params: { backlog: '1' }, problems: [] });
  });

  test('bad parts become problems, never exceptions', () => {
    const r = parseLink('?scenario=&step=1.5&seed=-1&delay=fast');
    expect(r.scenario).toBeNull();
    expect(r.step).toBeNull();
    expect(r.seed).toBeNull();
    expect(r.delayMs).toBeNull();
    expect(r.problems).toHaveLength(3);
    expect(() => parseLink('?%E0%A4%A=1&step=%')).not.toThrow();
  });

  test('params are typed like the scenario expects', () => {
    expect(coerceParam('3', 1)).toBe(3);
    expect(coerceParam('x', 1)).toBeNull();
    expect(coerceParam('x', 'a')).toBe('x');
  });
});
