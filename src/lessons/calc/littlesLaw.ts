// Little's law: the average number in a system equals arrival rate × time each spends in it (L = λ·W).
// For a connection pool, "in the system" means "a connection is checked out for this call".

import { fmt, type Worked } from './format.ts';

export function littlesLaw(ratePerS: number, latencyMs: number): Worked {
  const value = ratePerS * (latencyMs / 1000);
  return { value, working: `${fmt(ratePerS)}/s × ${fmt(latencyMs / 1000)} s = ${fmt(value)}` };
}
