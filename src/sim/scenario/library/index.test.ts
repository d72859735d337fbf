import { describe, expect, it } from 'vitest';
import { parsePointer } from '../jsonPointer.ts';
import { SCENARIO_TOPICS } from '../scenarioTopics.ts';
import { validateScenario } from '../validateScenario.ts';
import { builtinScenarios, findBuiltin } from './index.ts';

const files = import.meta.glob<unknown>('./*.json', { eager: true, import: 'default' });

/** The ids the course texts call for (docs/scenario-format-brief.md and the seeds' README). */
const REQUIRED = [
  'handshake', 'client-closes-first', 'server-closes-first', 'connection-refused', 'connect-timeout', 'connect-settimeout',
  'reset-unread-data', 'reset-linger-zero', 'close-wait-leak', 'half-close', 'simultaneous-open', 'simultaneous-close',
  'backlog-overflow', 'syn-flood-cookies', 'syn-flood-no-cookies', 'reuseaddr-restart-fails', 'reuseaddr-restart-works',
  'reuseaddr-two-listeners', 'reuseport-workers', 'keepalive-dead-peer', 'keepalive-off-dead-peer', 'nagle-hello',
  'nodelay-hello', 'emfile', 'lost-synack', 'lost-final-ack', 'lost-data-retransmit', 'http-keepalive',
  'http-two-connections', 'sequential-server', 'thread-per-connection', 'thread-pool', 'nonblocking-accept',
  'many-clients-one-port', 'process-crash-reset', 'recv-timeout', 'time-wait-pileup',
];

describe('built-in scenarios', () => {
  it('exports one validated scenario per JSON file, named after its id', () => {
    const names = Object.keys(files).map((f) => f.replace(/^\.\/(.*)\.json$/, '$1')).sort();
    expect(builtinScenarios.map((s) => s.id).sort()).toEqual(names);
    for (const [file, raw] of Object.entries(files)) {
      const r = validateScenario(raw);
      expect(r.ok ? [] : r.errors, file).toEqual([]);
      expect((raw as { id: string }).id, file).toBe(file.slice(2, -5));
    }
  });

  it('covers every required id and every topic', () => {
    for (const id of REQUIRED) expect(findBuiltin(id)?.id, id).toBe(id);
    for (const topic of SCENARIO_TOPICS) expect(builtinScenarios.some((s) => s.topic === topic), topic).toBe(true);
    expect(findBuiltin('no-such-scenario')).toBeUndefined();
  });

  it('follows the library conventions', () => {
    for (const s of builtinScenarios) {
      expect(s.title.length, s.id).toBeLessThanOrEqual(60);
      expect(s.description, s.id).toMatch(/^[A-Z][^\n]{150,900}[.)]$/);
      expect(SCENARIO_TOPICS, s.id).toContain(s.topic);
      expect(s.seed, s.id).toBe(1);
      expect(s.network?.delayMs, s.id).toBeGreaterThanOrEqual(1);
      expect(s.network?.delayMs, s.id).toBeLessThanOrEqual(25);
      for (const h of Object.values(s.hosts)) expect(h.ip, s.id).toMatch(/^10\.0\.0\.\d+$/);
      expect(s.untilMs, s.id).toBeDefined();
    }
  });

  it('stays valid with every knob at each end of its range and at each option', () => {
    for (const s of builtinScenarios) {
      for (const [name, p] of Object.entries(s.params ?? {})) {
        const values = [...(p.options ?? []), ...(p.min !== undefined ? [p.min] : []), ...(p.max !== undefined ? [p.max] : [])];
        for (const value of values) {
          const copy = structuredClone(s) as unknown as Record<string, unknown>;
          const segments = parsePointer(p.path)!;
          let node = copy as Record<string, unknown>;
          for (const seg of segments.slice(0, -1)) node = node[seg] as Record<string, unknown>;
          node[segments[segments.length - 1]!] = value;
          const r = validateScenario(copy);
          expect(r.ok ? [] : r.errors, `${s.id} ${name}=${value}`).toEqual([]);
        }
      }
    }
  });

  it('is frozen', () => {
    const s = findBuiltin('handshake')!;
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.steps[0])).toBe(true);
  });
});
