// Conformance with the real kernel: every recording in fixtures/ (Linux 6.18, network namespaces joined by a TUN wire, see
// README.md) is replayed through the simulator, and the two must agree on the segments (direction, flags,
// relative seq/ack, length, fate, window), the call results and the final socket states, as compare.mjs normalizes them.
//
// A recording can contain a race of the kernel run itself; for it, only the mismatches that race explains are
// tolerated, and each one must still be of that kind — anything else fails. (thread-per-connection, thread-pool
// and time-wait-pileup race too in the kernel — see their notes — but the simulator matches the recorded run.)

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runScenario } from '../src/sim/engine/runScenario.ts';
import { jsonObjects } from '../src/sim/output/toJsonl.ts';
import type { Scenario } from '../src/sim/scenario/types.ts';
import { validateScenario } from '../src/sim/scenario/validateScenario.ts';
// @ts-expect-error plain ES module without type declarations
import { compareRecording } from './compare.mjs';

interface Fixture {
  id: string;
  kernel: string;
  scenario: unknown;
}

/** Races in the kernel recording, and the only mismatches each may explain. */
const KERNEL_RACES: Record<string, { why: string; allowed: RegExp }> = {
  'reuseport-workers': {
    why: "which listener takes each connection comes from Linux's SO_REUSEPORT hash of the 4-tuple with a boot-time secret; the simulator's hash is seeded instead, so the workers split the four connections differently",
    allowed: /^call server\/w[12] #\d+: (kernel|simulator) .*accept|^call server\/w[12] #\d+: (kernel|simulator) made no more calls; (simulator|kernel): (accept|recv|send|close)/,
  },
};

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Fixture);

function simulate(scenario: unknown): Record<string, unknown>[] {
  const v = validateScenario(scenario);
  if (!v.ok) throw new Error(`fixture scenario is invalid: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  const tl = runScenario(v.scenario as Scenario);
  return jsonObjects(tl);
}

describe('simulator against kernel recordings', () => {
  test('there are recordings of at least ten built-in scenarios', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const f of fixtures) expect(f.kernel).toMatch(/^\d+\.\d+/);
  });

  for (const f of fixtures) {
    test(f.id, () => {
      // Window fields too: the receive-side model (rcvSpace.ts) reproduces every advertised window recorded.
      const res = compareRecording(f, simulate(f.scenario), { maxMismatches: 100, checkWin: true }) as { ok: boolean; mismatches: string[] };
      const race = KERNEL_RACES[f.id];
      if (!race) {
        expect(res.mismatches).toEqual([]);
        return;
      }
      const unexplained = res.mismatches.filter((m) => !race.allowed.test(m));
      expect(unexplained, `not explained by the known race (${race.why})`).toEqual([]);
    });
  }
});
