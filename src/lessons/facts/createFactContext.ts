// Runs scenarios on demand and remembers them: many facts read the same run, and a run of connect-timeout
// simulates more than two minutes, so each (scenario, knobs) pair runs once per context.

import { runScenario, type Scenario, type Timeline } from '../../sim/index.ts';
import type { LabChange } from '../types.ts';
import { applyLabChange } from './applyLabChange.ts';
import type { FactContext } from './Fact.ts';

export function createFactContext(): FactContext {
  const runs = new Map<string, Timeline>();
  const scenarios = new Map<string, Scenario>();
  const scenario = (id: string, change: LabChange = {}): Scenario => {
    const key = `${id} ${JSON.stringify(change)}`;
    let sc = scenarios.get(key);
    if (!sc) {
      const r = applyLabChange(id, change);
      if (!r.ok) throw new Error(`facts: ${r.error}`);
      sc = r.scenario;
      scenarios.set(key, sc);
    }
    return sc;
  };
  return {
    scenario: (id) => scenario(id),
    run(id, change = {}) {
      const key = `${id} ${JSON.stringify(change)}`;
      let tl = runs.get(key);
      if (!tl) {
        tl = runScenario(scenario(id, change));
        runs.set(key, tl);
      }
      return tl;
    },
  };
}
