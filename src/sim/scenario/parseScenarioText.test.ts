import { describe, expect, it } from 'vitest';
import { parseScenarioText } from './parseScenarioText.ts';
import { makeScenario } from './testing/makeScenario.ts';

const text = (v: unknown) => JSON.stringify(v, null, 2);

describe('parseScenarioText', () => {
  it('returns the validated scenario and the parsed value', () => {
    const r = parseScenarioText(text(makeScenario()));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.id).toBe('test');
      expect(r.value).toEqual(makeScenario());
    }
  });

  it('reports JSON syntax errors with line and column', () => {
    expect(parseScenarioText('{\n  "version": 1,\n  "id": "x",\n}')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'not valid JSON: trailing comma before "}": JSON does not allow one', line: 3, column: 12 }],
    });
    expect(parseScenarioText('')).toEqual({ ok: false, errors: [{ path: '', message: 'not valid JSON: the file ends where a value was expected', line: 1, column: 1 }] });
  });

  it('places validation errors at the line of the offending value', () => {
    const s = makeScenario();
    (s.steps as Record<string, unknown>[])[5]!.addr = 'sever:8080';
    const r = parseScenarioText(text(s));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: '/steps/5/addr', line: 50, column: 15 });
    expect(text(s).split('\n')[49]).toContain('"addr": "sever:8080"');
  });

  it('places an error about a missing key at the object that lacks it', () => {
    const r = parseScenarioText('{"version": 1, "id": "x",\n "hosts": {"a": {}}, "title": "t", "steps": [{"host": "a", "call": "exit"}]}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: '/hosts/a', message: 'a host needs "ip"', line: 2, column: 17 }]);
  });

  it('reports duplicate keys, which JSON.parse would silently merge', () => {
    const r = parseScenarioText(text(makeScenario()).replace('"title": "Test"', '"title": "Test", "title": "Again"'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: '/title', message: 'duplicate key "title": JSON keeps only the last value, so remove one of them', line: 4, column: 20 }]);
  });

  it('never throws on a non-string', () => {
    expect(parseScenarioText(undefined as unknown as string)).toEqual({ ok: false, errors: [{ path: '', message: 'the scenario text must be a string' }] });
  });
});
