// Fact ids, checked at compile time: a lesson that names a fact that does not exist does not type-check.

import type { FACT_DEFS } from './facts/computeFacts.ts';
import type { GIVENS } from './facts/givens.ts';

export type FactId = Extract<keyof typeof FACT_DEFS | keyof typeof GIVENS, string>;
