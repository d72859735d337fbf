// `npm run bench`: prints the simulator's speed figures. Never asserts timing: this machine is shared and
// noisy, so the numbers are for reading, and comparisons are made as ratios within one run.

import { performance } from 'node:perf_hooks';
import { runScenario } from '../sim/engine/runScenario.ts';
import { builtinScenarios } from '../sim/scenario/library/index.ts';
import { bulkScenario, readsNeeded, synFloodScenario } from './benchScenarios.ts';

/**
 * The fastest of `runs` runs, in ms, and the value of one more run. No result is kept while the next run is
 * timed, so every timed run starts from the same heap, as a single run in the lab would.
 */
function best<T>(runs: number, fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, value: fn() };
}

export async function runBench(out: (s: string) => void): Promise<void> {
  // Warm the JIT so the first figure is not a compile-time figure.
  for (let i = 0; i < 3; i++) runScenario(bulkScenario(200_000, 0.01));

  // Building the scenario (thousands of recv steps) is not simulation: it stays outside the timed part.
  // The reader makes exactly as many recv() calls as the stream needs (counted on a first, untimed run with the
  // same seed), so no timed step is a trivial end-of-file.
  const bulkInput = bulkScenario(20_000_000, 0.01, readsNeeded(runScenario(bulkScenario(20_000_000, 0.01), { recvDataChars: 64 })));
  const bulk = best(10, () => runScenario(bulkInput, { recvDataChars: 64 }));
  const secs = bulk.ms / 1000;
  const all = bulk.value.events.length;
  // Simulated events are the timeline's records of things that happened: each segment sent and each arrival,
  // each call's start and return, state changes, timers set, fired and cleared, queue changes. The ss-row
  // snapshots (`sock`) are derived views of socket state, so they are counted apart. Engine wake-ups are the
  // scheduler's queue pops; one arrival usually yields several events (arrive, ACK sent, state, timer).
  const snapshots = bulk.value.events.reduce((n, e) => n + (e.type === 'sock' ? 1 : 0), 0);
  const simulated = all - snapshots;
  let received = 0;
  for (const e of bulk.value.events) if (e.type === 'call' && e.call === 'recv' && e.host === 'server') received += e.ret ?? 0;
  if (received !== 20_000_000) out(`WARNING: the bulk transfer delivered ${received} bytes, not 20,000,000\n`);
  out(`engine: 20 MB transfer with 1% loss, ${bulk.ms.toFixed(0)} ms: ${simulated.toLocaleString('en')} simulated events (+ ${snapshots.toLocaleString('en')} ss-row snapshots), ${bulk.value.engineEvents.toLocaleString('en')} engine wake-ups\n`);
  out(`        ${(simulated / secs / 1e6).toFixed(2)} M simulated events/s (target ≥ 1 M/s); ${(all / secs / 1e6).toFixed(2)} M timeline records/s; ${(bulk.value.engineEvents / secs / 1e6).toFixed(2)} M engine wake-ups/s\n`);

  const floodInput = synFloodScenario(10_000, 128);
  const flood = best(3, () => runScenario(floodInput));
  const ok = flood.value.failures.length === 0 ? 'the real client got in' : `FAILED: ${flood.value.failures.join('; ')}`;
  out(`syn flood: 10,000 spoofed SYNs against listen(128) with SYN cookies: ${flood.ms.toFixed(1)} ms (target ≤ 200 ms); ${ok}\n`);

  const lib = best(3, () => builtinScenarios.map((s) => runScenario(s)));
  const libEvents = lib.value.reduce((n, tl) => n + tl.events.length, 0);
  out(`library: all ${builtinScenarios.length} built-in scenarios: ${lib.ms.toFixed(1)} ms, ${libEvents.toLocaleString('en')} timeline events (target ≤ 1 s)\n`);

  // The lab's side: stepping and seeking in a 100,000-event timeline (bench/playback.bench.ts).
  const { runPlaybackBench } = await import('../../bench/playback.bench.ts');
  await runPlaybackBench(out);
}
