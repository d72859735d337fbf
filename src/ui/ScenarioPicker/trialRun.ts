// One bounded run of a custom scenario, reduced to what the lab needs to know about it (trial.ts, the worker).

import { runScenario, type Scenario } from '../../playback/index.ts';
import { LAB_MAX_EVENTS } from './customScenario.ts';
import type { Trial } from './scenarioText.ts';

export type TrialOutcome = { ok: true; trial: Trial } | { ok: false; message: string };

/** The trial in this thread (tests, and browsers that refuse the worker). */
export function trialInline(scenario: Scenario, maxEvents = LAB_MAX_EVENTS): TrialOutcome {
  try {
    const tl = runScenario(scenario, { maxEvents });
    return { ok: true, trial: { engineEvents: tl.engineEvents, events: tl.events.length, endT: tl.endT, ...(tl.truncated ? { truncated: tl.truncated } : {}) } };
  } catch (e) {
    return { ok: false, message: `The simulator could not run this scenario: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}` };
  }
}
