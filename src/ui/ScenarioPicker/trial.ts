// The trial run: a custom scenario is simulated once with the lab's event budget before it is played, off the
// main thread (a worker) so a heavy one cannot freeze the page, with a time limit for one that is merely slow.

import type { Scenario } from '../../playback/index.ts';
import { LAB_MAX_EVENTS } from './customScenario.ts';
import { trialInline, type TrialOutcome } from './trialRun.ts';

export type { TrialOutcome };

/** Wall-clock limit of the trial (the budget keeps ordinary scenarios far below it). */
export const TRIAL_TIMEOUT_MS = 20_000;

export function runTrial(scenario: Scenario, maxEvents = LAB_MAX_EVENTS, timeoutMs = TRIAL_TIMEOUT_MS): Promise<TrialOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(trialInline(scenario, maxEvents));
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./trial.worker.ts', import.meta.url), { type: 'module', name: 'scenario-trial' });
    } catch {
      resolve(trialInline(scenario, maxEvents));
      return;
    }
    let done = false;
    const finish = (o: TrialOutcome): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(o);
    };
    const timer = setTimeout(
      () => finish({ ok: false, message: `The simulator was still running this scenario after ${timeoutMs / 1000} s, so the lab stopped it. Make it smaller (fewer steps, a smaller count or bytes, or an untilMs), or run it with the command line (npx tcp-lab run).` }),
      timeoutMs,
    );
    worker.onmessage = (e: MessageEvent<TrialOutcome>) => finish(e.data);
    // A worker that cannot start (a strict content policy) is not the scenario's fault: run it here instead.
    worker.onerror = (e) => {
      e.preventDefault();
      finish(trialInline(scenario, maxEvents));
    };
    worker.postMessage({ scenario, maxEvents });
  });
}
