import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { main } from './main.ts';
import { findBuiltin } from '../sim/scenario/library/index.ts';

async function run(argv: string[], files: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const readText = (p: string): string => {
    if (p in files) return files[p]!;
    throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  };
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) }, readText);
  return { code, out, err };
}

describe('tcp-lab run', () => {
  test('a built-in id prints tcpdump lines with absolute seq and tcpdump flags', async () => {
    const r = await run(['run', 'handshake']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^\d+\.\d{6} IP 10\.0\.0\.1\.\d+ > 10\.0\.0\.2\.8080: Flags \[S\], seq \d+, win 64240, options \[mss 1460,sackOK,TS,nop,wscale 10\], length 0$/);
    expect(lines[1]).toMatch(/Flags \[S\.\], seq \d+, ack \d+/);
    expect(lines[2]).toMatch(/Flags \[\.\], seq \d+, ack \d+, win \d+, length 0$/);
  });

  test('jsonl has the documented fields', async () => {
    const r = await run(['run', 'connection-refused', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const events = r.out.trim().split('\n').map((l) => JSON.parse(l));
    const seg = events.find((e) => e.type === 'segment');
    expect(Object.keys(seg)).toEqual(['t', 'type', 'src', 'dst', 'flags', 'seq', 'ack', 'len', 'win', 'fate']);
    const rst = events.find((e) => e.type === 'segment' && e.flags === 'R.');
    expect(rst.seq).toBe(0);
    const connect = events.find((e) => e.type === 'call' && e.call === 'connect');
    expect(connect).toMatchObject({ type: 'call', host: 'client', thread: 'main', errno: 'ECONNREFUSED' });
    expect(events.some((e) => e.type === 'state' && e.from === 'SYN-SENT' && e.to === 'CLOSED')).toBe(true);
  });

  test('--until stops the run early', async () => {
    const full = await run(['run', 'client-closes-first', '--format', 'jsonl']);
    const cut = await run(['run', 'client-closes-first', '--format', 'jsonl', '--until', '20']);
    expect(cut.out.length).toBeLessThan(full.out.length);
    for (const l of cut.out.trim().split('\n')) expect(JSON.parse(l).t).toBeLessThanOrEqual(0.02);
  });

  test('a failed expect exits 1 and names the step', async () => {
    const sc = structuredClone(findBuiltin('connection-refused')!);
    const connect = sc.steps.find((s) => s.call === 'connect')!;
    connect.expect = 0;
    const r = await run(['run', 'x.json'], { 'x.json': JSON.stringify(sc) });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/client connect\): expected 0, got ECONNREFUSED/);
  });

  test('same file and seed give byte-identical output; --seed changes it', async () => {
    const a = await run(['run', 'http-keepalive', '--format', 'jsonl']);
    const b = await run(['run', 'http-keepalive', '--format', 'jsonl']);
    const c = await run(['run', 'http-keepalive', '--format', 'jsonl', '--seed', '99']);
    expect(a.out).toBe(b.out);
    expect(c.out).not.toBe(a.out);
  });
});

describe('bad input', () => {
  test('unknown id, unreadable file, bad flags: exit 2 with a specific message', async () => {
    expect(await run(['run', 'no-such-thing'])).toMatchObject({ code: 2, err: expect.stringMatching(/neither a built-in scenario .* nor a file/) });
    expect(await run(['run', 'missing.json'])).toMatchObject({ code: 2, err: expect.stringMatching(/cannot read missing\.json/) });
    expect(await run(['run', 'handshake', '--format', 'pcap'])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown --format "pcap"/) });
    expect(await run(['run', 'handshake', '--until', 'soon'])).toMatchObject({ code: 2, err: expect.stringMatching(/--until takes a number/) });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "frobnicate"/) });
  });

  test('a JSON syntax error gives line and column', async () => {
    const r = await run(['validate', 'bad.json'], { 'bad.json': '{\n  "version": 1,\n  "id": "x",\n}' });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line \d+, column \d+/);
  });

  test('generated bad files: never a stack trace, always exit 0 or 2 with a message', async () => {
    const base = JSON.stringify(findBuiltin('handshake'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.tuple(fc.nat(base.length), fc.string({ maxLength: 8 })).map(([i, s]) => base.slice(0, i) + s + base.slice(i + s.length)),
        ),
        async (text) => {
          const r = await run(['run', 'f.json', '--format', 'jsonl'], { 'f.json': text });
          expect([0, 1, 2]).toContain(r.code);
          expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
          if (r.code === 2) expect(r.err.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 200 },
    );
  });
});

test('list shows every built-in with its topic', async () => {
  const r = await run(['list']);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^handshake\s+handshake\s+/m);
  expect(r.out.trim().split('\n').length).toBeGreaterThanOrEqual(30);
});
