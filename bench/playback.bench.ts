// Playback bench: how long stepping and seeking take in a long timeline (budget: 16 ms, one frame).
// Not a timed test: it prints figures. Entry: runPlaybackBench(out) — `npm run bench` calls it; run it alone
// with `npx tsx bench/playback.bench.ts [events]`.

import { createPlaybackStore, type Catalog } from '../src/playback/index.ts';
import type { Scenario } from '../src/playback/index.ts';

/** A bulk transfer over a lossy link, sized until the timeline has at least `target` events. */
function bulk(bytes: number): Scenario {
  return {
    version: 1,
    id: 'bench-playback-bulk',
    title: 'bulk transfer (bench)',
    seed: 7,
    network: { delayMs: 5, faults: [{ action: 'loss', rate: 0.01 }] },
    hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } },
    steps: [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog: 8 },
      { host: 'server', call: 'accept', fd: 'l', as: 'a' },
      ...Array.from({ length: 20_000 }, () => ({ host: 'server', call: 'recv' as const, fd: 'a', size: 1 << 20 })),
      { host: 'client', call: 'socket', as: 'c' },
      { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
      { host: 'client', call: 'send', fd: 'c', bytes },
      { host: 'client', call: 'close', fd: 'c' },
    ],
    untilMs: 10_000_000,
  };
}

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `median ${q(0.5).toFixed(3)} ms, p95 ${q(0.95).toFixed(3)} ms, max ${s[s.length - 1]!.toFixed(3)} ms (n=${s.length})`;
}

export interface PlaybackBenchResult {
  events: number;
  steps: number;
  loadMs: number;
  seekMaxMs: number;
  stepMaxMs: number;
}

export function runPlaybackBench(out: (s: string) => void = (s) => process.stdout.write(s), target = 100_000): PlaybackBenchResult {
  let bytes = 2_000_000;
  const store = createPlaybackStore({ scenarios: [], find: () => undefined } satisfies Catalog);
  let t0: number;
  let loadMs: number;
  for (;;) {
    const start = performance.now();
    store.getState().load(bulk(bytes));
    loadMs = performance.now() - start;
    const n = store.getState().loaded?.timeline.events.length ?? 0;
    if (n >= target || bytes > 200_000_000) break;
    bytes = Math.ceil((bytes * target * 1.1) / Math.max(1, n));
  }
  const l = store.getState().loaded!;
  const nSteps = l.steps.length - 1;
  out(`playback bench: ${l.timeline.events.length} events, ${nSteps} steps (bulk ${bytes} bytes, 1% loss)\n`);
  out(`  load (run + index + steps + track + narration context): ${loadMs.toFixed(1)} ms\n`);

  // A fixed pseudo-random walk, so runs compare.
  let x = 12345;
  const rnd = (): number => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const seeks: number[] = [];
  for (let i = 0; i < 400; i++) {
    const k = Math.floor(rnd() * (nSteps + 1));
    t0 = performance.now();
    store.getState().seek(k);
    seeks.push(performance.now() - t0);
  }
  out(`  seek to a random step:      ${stats(seeks)}\n`);

  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const us = rnd() * l.timeline.endT;
    t0 = performance.now();
    store.getState().seekTime(us);
    times.push(performance.now() - t0);
  }
  out(`  seek to a simulated time:   ${stats(times)}\n`);

  const steps: number[] = [];
  store.getState().seek(Math.floor(nSteps / 2));
  for (let i = 0; i < 300; i++) {
    t0 = performance.now();
    if (i % 3 === 2) store.getState().prev();
    else store.getState().next();
    steps.push(performance.now() - t0);
  }
  out(`  next / previous step:       ${stats(steps)}\n`);

  const jumps: number[] = [];
  for (let i = 0; i < 100; i++) {
    t0 = performance.now();
    store.getState().jump(i % 2 ? 'state' : 'segment', i % 4 < 2 ? 1 : -1);
    jumps.push(performance.now() - t0);
  }
  out(`  jump to next/prev of a kind: ${stats(jumps)}\n`);

  const ticks: number[] = [];
  store.getState().seek(0);
  store.getState().setSpeed(4);
  store.getState().play();
  for (let i = 0; i < 600; i++) {
    t0 = performance.now();
    store.getState().tick(16.7);
    ticks.push(performance.now() - t0);
  }
  out(`  play, one frame (tick):     ${stats(ticks)}\n`);
  const seekMaxMs = Math.max(...seeks, ...times);
  const stepMaxMs = Math.max(...steps);
  out(`  budget 16 ms: ${seekMaxMs <= 16 && stepMaxMs <= 16 ? 'met' : 'MISSED'}\n`);
  return { events: l.timeline.events.length, steps: nSteps, loadMs, seekMaxMs, stepMaxMs };
}

if (import.meta.url === `file://${process.argv[1]}`) runPlaybackBench(undefined, Number(process.argv[2] ?? 100_000));
