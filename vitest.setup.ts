// fast-check in CI runs a fixed seed, so a run cannot turn red for a reason nobody changed; locally each run
// explores new seeds (set FC_SEED to replay one, FC_RUNS to search longer). Failing seeds become named tests.
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261122 : undefined;
const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : undefined;
fc.configureGlobal({ ...(seed !== undefined ? { seed } : {}), ...(numRuns !== undefined ? { numRuns } : {}) });
