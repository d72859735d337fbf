// Golden traces (style: planck.js's fixed-step world tests): every built-in scenario's jsonl — the exact
// segments, seq/ack, calls and state changes with their times — is pinned in __golden__/. A change to the
// engine that alters any of them shows up here; review the diff, then `npx vitest run -u` to accept it.

import { describe, expect, test } from 'vitest';
import { builtinScenarios } from '../scenario/library/index.ts';
import { toJsonl } from '../output/toJsonl.ts';
import { runScenario } from './runScenario.ts';

describe('golden traces of the built-in library', () => {
  for (const sc of builtinScenarios) {
    test(sc.id, async () => {
      const tl = runScenario(sc);
      expect(tl.failures).toEqual([]);
      await expect(toJsonl(tl)).toMatchFileSnapshot(`./__golden__/${sc.id}.jsonl`);
    });
  }
});
