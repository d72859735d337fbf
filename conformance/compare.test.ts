// The comparer is tested against the kernel recordings themselves: a recording matches itself, matches a copy
// whose ISNs and ephemeral ports were changed (that is what normalization is for), and a single changed segment,
// call result or final state is reported as the first mismatch.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without type declarations
import { compareRecording, parseEvents } from './compare.mjs';

interface Ev {
  type: string;
  [k: string]: unknown;
}
interface Fixture {
  id: string;
  scenario: { hosts: Record<string, { ip: string }> };
  events: Ev[];
  final: Ev[];
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Shift every ISN by a per-endpoint offset and move ephemeral ports, as a second recording would. */
function reshuffle(fx: Fixture): Ev[] {
  const copy = clone(fx);
  const ips = new Set(Object.values(fx.scenario.hosts).map((h) => h.ip));
  const offset = (ep: string) => [...ep].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7) % 1_000_000_007;
  const port = (ep: string) => {
    const i = ep.lastIndexOf(':');
    const p = Number(ep.slice(i + 1));
    return p >= 32768 && ips.has(ep.slice(0, i)) ? `${ep.slice(0, i)}:${p + 7}` : ep;
  };
  const events = copy.events.map((e) => {
    if (e.type !== 'segment') return e;
    const src = e.src as string;
    const dst = e.dst as string;
    const seq = ((e.seq as number) + offset(src)) % 2 ** 32;
    const flags = e.flags as string;
    // A RST answering a SYN on a closed port has seq 0 and is not relative to any ISN: leave it.
    const shiftSeq = !(flags.startsWith('R') && e.seq === 0);
    const ack = flags.includes('.') ? ((e.ack as number) + offset(dst)) % 2 ** 32 : e.ack;
    return { ...e, src: port(src), dst: port(dst), seq: shiftSeq ? seq : e.seq, ack };
  });
  const finals = copy.final.map((f) => {
    const [l, p] = (f.socket as string).split('>');
    return { ...f, socket: `${port(l ?? '')}>${port(p ?? '')}` };
  });
  return [...events, ...finals];
}

describe('compareRecording', () => {
  it('has fixtures to test with', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  for (const fx of fixtures) {
    it(`${fx.id}: matches itself`, () => {
      const res = compareRecording(fx, [...fx.events, ...fx.final]);
      expect(res.mismatches).toEqual([]);
      expect(res.ok).toBe(true);
    });

    it(`${fx.id}: matches itself with other ISNs and ephemeral ports`, () => {
      const res = compareRecording(fx, reshuffle(fx));
      expect(res.mismatches).toEqual([]);
    });
  }

  const withData = fixtures.find((f) => f.id === 'client-closes-first') ?? fixtures[0]!;

  it('reports a changed segment as the first mismatch of its direction', () => {
    const events = clone([...withData.events, ...withData.final]);
    const fin = events.find((e) => e.type === 'segment' && (e.flags as string).includes('F'));
    expect(fin).toBeDefined();
    fin!.flags = '.';
    const res = compareRecording(withData, events);
    expect(res.ok).toBe(false);
    expect(res.mismatches[0]).toMatch(/^segment .*: kernel F\. seq \d+ ack \d+ len 0 delivered .*simulator \. seq/);
  });

  it('reports a missing segment', () => {
    const events = clone([...withData.events, ...withData.final]);
    const last = events.map((e) => e.type).lastIndexOf('segment');
    events.splice(last, 1);
    const res = compareRecording(withData, events);
    expect(res.mismatches.some((m: string) => /simulator sent no more segments, kernel sent/.test(m))).toBe(true);
  });

  it('reports a changed call result', () => {
    const events = clone([...withData.events, ...withData.final]);
    const close = events.find((e) => e.type === 'call' && e.call === 'close');
    delete close!.ret;
    close!.errno = 'EBADF';
    const res = compareRecording(withData, events);
    expect(res.mismatches).toEqual([expect.stringMatching(/^call client\/main #\d+: kernel close = 0, simulator close = EBADF$/)]);
  });

  it('derives the simulator final states from its state events', () => {
    const fx = fixtures.find((f) => f.id === 'close-wait-leak') ?? withData;
    const states = fx.final.map((f) => ({ type: 'state', host: f.host, socket: f.socket, from: 'X', to: f.state }));
    const closed = { type: 'state', host: 'client', socket: '10.0.0.1:1>10.0.0.2:2', from: 'LAST-ACK', to: 'CLOSED' };
    const ok = compareRecording(fx, [...fx.events, ...states, closed]);
    expect(ok.mismatches).toEqual([]);
    const wrong = states.map((s) => (s.to === 'CLOSE-WAIT' ? { ...s, to: 'LAST-ACK' } : s));
    const res = compareRecording(fx, [...fx.events, ...wrong]);
    expect(res.mismatches.length).toBeGreaterThan(0);
    expect(res.mismatches.join('\n')).toMatch(/final: kernel has ".*CLOSE-WAIT", simulator does not/);
  });

  it('parses jsonl and fixture text alike', () => {
    const jsonl = withData.events.map((e) => JSON.stringify(e)).join('\n');
    expect(parseEvents(jsonl)).toHaveLength(withData.events.length);
    expect(parseEvents(JSON.stringify(withData, null, 1))).toHaveLength(withData.events.length + withData.final.length);
  });
});
