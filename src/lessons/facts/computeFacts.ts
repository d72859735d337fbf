// All the course's facts in one record. Computing them runs each referenced scenario once (a few hundred ms in all),
// so the result is memoised: lessons are static data and the simulator is deterministic.

import { backlogCalcFacts } from './backlogCalcFacts.ts';
import { backlogFacts } from './backlogFacts.ts';
import { closingFacts } from './closingFacts.ts';
import { concurrencyFacts } from './concurrencyFacts.ts';
import { createFactContext } from './createFactContext.ts';
import { dataFacts } from './dataFacts.ts';
import { display, type Fact, type FactDefs } from './Fact.ts';
import { failureFacts } from './failureFacts.ts';
import { GIVENS, type GivenId } from './givens.ts';
import { handshakeFacts } from './handshakeFacts.ts';
import { optionFacts } from './optionFacts.ts';
import { reuseFacts } from './reuseFacts.ts';
import { socketFacts } from './socketFacts.ts';

export const FACT_DEFS = {
  ...socketFacts,
  ...handshakeFacts,
  ...dataFacts,
  ...closingFacts,
  ...backlogFacts,
  ...backlogCalcFacts,
  ...failureFacts,
  ...optionFacts,
  ...concurrencyFacts,
  ...reuseFacts,
} satisfies FactDefs;

export type Facts = Record<string, Fact>;

function givenFacts(): Facts {
  const out: Facts = {};
  for (const [id, gv] of Object.entries(GIVENS) as [GivenId, (typeof GIVENS)[GivenId]][]) {
    out[id] = { id, value: gv.value, display: display(gv.value, gv.unit), source: { kind: 'given', from: gv.from } };
  }
  return out;
}

/** Every fact; a fact whose scenario is missing or changed shape is reported, not thrown, so one broken run costs one fact. */
export function computeFactsFresh(): { facts: Facts; errors: Record<string, string> } {
  const ctx = createFactContext();
  const facts = givenFacts();
  const errors: Record<string, string> = {};
  for (const [id, def] of Object.entries(FACT_DEFS)) {
    if (id in facts) {
      errors[id] = 'defined twice (as a given and as a fact)';
      continue;
    }
    try {
      facts[id] = { id, ...def(ctx) };
    } catch (e) {
      errors[id] = e instanceof Error ? e.message : String(e);
    }
  }
  return { facts, errors };
}

let memo: ReturnType<typeof computeFactsFresh> | undefined;

export function computeFacts(): ReturnType<typeof computeFactsFresh> {
  memo ??= computeFactsFresh();
  return memo;
}
