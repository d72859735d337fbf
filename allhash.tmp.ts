import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { runScenario } from './src/sim/engine/runScenario.ts';
import { toJsonl } from './src/sim/output/toJsonl.ts';
import { builtinScenarios } from './src/sim/scenario/library/index.ts';
import { validateScenario } from './src/sim/scenario/validateScenario.ts';
const h = createHash('sha256');
for (const s of builtinScenarios) h.update(toJsonl(runScenario(s), true));
for (const f of readdirSync('conformance/fixtures').sort()) {
  const v = validateScenario(JSON.parse(readFileSync('conformance/fixtures/' + f, 'utf8')).scenario);
  if (v.ok) h.update(toJsonl(runScenario(v.scenario as never), true));
}
console.log(h.digest('hex'));
