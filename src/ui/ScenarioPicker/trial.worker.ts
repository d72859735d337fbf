// Runs one trial of a custom scenario (see trial.ts) and posts what it found.

import type { Scenario } from '../../playback/index.ts';
import { trialInline } from './trialRun.ts';

const ctx = self as unknown as { onmessage: ((e: MessageEvent<{ scenario: Scenario; maxEvents: number }>) => void) | null; postMessage(m: unknown): void };

ctx.onmessage = (e) => {
  ctx.postMessage(trialInline(e.data.scenario, e.data.maxEvents));
};
