import { describe, expect, test } from 'vitest';
import { builtinCatalog } from '../../playback/index.ts';
import { toCode } from './toCode.ts';

const builtinScenarios = builtinCatalog.scenarios;
const findBuiltin = builtinCatalog.find;

describe('scenario as code', () => {
  test('Python like the course texts', () => {
    const blocks = toCode(findBuiltin('handshake')!, 'python');
    const server = blocks.find((b) => b.host === 'server')!.lines.map((l) => l.code);
    expect(server[0]).toMatch(/^\w+ = socket\.socket\(socket\.AF_INET, socket\.SOCK_STREAM\)$/);
    expect(server.some((l) => /\.bind\(\("0\.0\.0\.0", 8080\)\)/.test(l))).toBe(true);
    expect(server.some((l) => /, addr = \w+\.accept\(\)/.test(l))).toBe(true);
    const client = blocks.find((b) => b.host === 'client')!.lines.map((l) => l.code);
    expect(client.some((l) => /\.connect\(\("10\.0\.0\.2", 8080\)\)/.test(l))).toBe(true);
  });

  test('C like the man pages', () => {
    const blocks = toCode(findBuiltin('handshake')!, 'c');
    const all = blocks.flatMap((b) => b.lines.map((l) => l.code));
    expect(all).toContain('int lfd = socket(AF_INET, SOCK_STREAM, 0);');
    expect(all.some((l) => l.startsWith('listen(lfd, '))).toBe(true);
  });

  test.each(builtinScenarios.map((s) => [s.id, s] as const))('%s: one line per step, every step placed', (_id, sc) => {
    for (const lang of ['python', 'c'] as const) {
      const blocks = toCode(sc, lang);
      const steps = blocks.flatMap((b) => b.lines.map((l) => l.step)).sort((a, b) => a - b);
      expect(steps).toEqual(sc.steps.map((_, i) => i));
      for (const b of blocks) for (const l of b.lines) expect(l.code.length).toBeGreaterThan(0);
    }
  });
});
