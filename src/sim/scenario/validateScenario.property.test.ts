// Property tests: the validator is total and bounded on any input, and a broken built-in is either still valid or
// rejected with an error that points at the broken place. Each test's timeout is its time bound. A seed that ever
// fails becomes a named regression test at the end of this file.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from './callSpecs.ts';
import { isPointerPrefix } from './jsonPointer.ts';
import { builtinScenarios } from './library/index.ts';
import { parseJsonText } from './parseJsonText.ts';
import { parseScenarioText } from './parseScenarioText.ts';
import type { ScenarioError } from './Reporter.ts';
import { allPaths, applyMutation, type Json, type Mutation } from './testing/mutateScenario.ts';
import { validateScenario } from './validateScenario.ts';

function expectWellFormedErrors(errors: readonly ScenarioError[]): void {
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.length).toBeLessThanOrEqual(101);
  for (const e of errors) {
    expect(e.path === '' || e.path.startsWith('/')).toBe(true);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.message.length).toBeLessThan(2000);
  }
}

function totalOn(input: unknown): void {
  const r = validateScenario(input);
  if (!r.ok) expectWellFormedErrors(r.errors);
}

/** A scenario-shaped object whose fields are arbitrary JSON: exercises deeper code than a random value does. */
const scenarioShaped = fc.record(
  {
    version: fc.oneof(fc.constant(1), fc.jsonValue()),
    id: fc.oneof(fc.constant('x'), fc.jsonValue()),
    title: fc.oneof(fc.constant('t'), fc.jsonValue()),
    hosts: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom('client', 'server'), fc.string()), fc.oneof(fc.record({ ip: fc.oneof(fc.constant('10.0.0.1'), fc.string()) }), fc.jsonValue()), { maxKeys: 4 }),
      fc.jsonValue(),
    ),
    steps: fc.oneof(
      fc.array(
        fc.oneof(
          fc.record(
            {
              host: fc.oneof(fc.constantFrom('client', 'server'), fc.jsonValue()),
              call: fc.oneof(fc.constantFrom(...CALL_NAMES), fc.jsonValue()),
              fd: fc.oneof(fc.constantFrom('lfd', 'c', 3), fc.jsonValue()),
              as: fc.oneof(fc.constantFrom('lfd', 'c'), fc.jsonValue()),
              addr: fc.oneof(fc.constant('server:8080'), fc.string()),
              expect: fc.jsonValue(),
              value: fc.jsonValue(),
            },
            { requiredKeys: ['host', 'call'] },
          ),
          fc.jsonValue(),
        ),
        { maxLength: 20 },
      ),
      fc.jsonValue(),
    ),
    network: fc.jsonValue(),
    params: fc.oneof(fc.dictionary(fc.string(), fc.record({ label: fc.string(), path: fc.string(), min: fc.jsonValue(), options: fc.jsonValue() })), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe('validateScenario on arbitrary input', () => {
  it('never throws and reports well-formed errors for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), totalOn), { numRuns: 2000 });
  }, 20_000);

  it('never throws for scenario-shaped objects full of arbitrary values', () => {
    fc.assert(fc.property(scenarioShaped, totalOn), { numRuns: 3000 });
  }, 30_000);

  it('stays bounded on huge and deeply nested input', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep, steps: [deep] };
    totalOn(deep);
    totalOn({ version: 1, id: 'x', title: 't', hosts: { a: { ip: '10.0.0.1' } }, steps: new Array(1_000_000).fill(deep) });
    totalOn({ version: 1, id: 'x', title: 't', hosts: { a: { ip: '10.0.0.1' } }, steps: new Array(100_000).fill({ host: 'a', call: 'close', fd: 'nope' }) });
    totalOn({ version: 1, id: 'x', title: 'x'.repeat(10_000_000), hosts: deep, steps: deep, params: deep, network: deep });
    const manyKeys: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) manyKeys[`k${i}`] = i;
    totalOn({ ...manyKeys, hosts: manyKeys, network: { faults: [manyKeys] } });
  }, 20_000);
});

/** Where an error may legitimately appear for a mutation at `at` (see the file comment of mutateScenario.ts). */
function related(at: string, error: string): boolean {
  if (isPointerPrefix(error, at) || isPointerPrefix(at, error)) return true;
  // Params point anywhere in the file, so any change can break one.
  if (isPointerPrefix('/params', error)) return true;
  // A step depends on the steps before it: names, exit/crash, the thread's "at" order.
  const mStep = /^\/steps\/(\d+)/.exec(at);
  const eStep = /^\/steps\/(\d+)/.exec(error);
  if (mStep && eStep && Number(eStep[1]) >= Number(mStep[1])) return true;
  // Hosts are named by steps and faults, and their IPs must differ.
  if (isPointerPrefix('/hosts', at)) return true;
  // untilMs bounds every step's "at".
  if (at === '/untilMs' && eStep) return true;
  return false;
}

/** A misspelt call: a letter dropped or added, or any short string. */
const typo = fc.constantFrom(...CALL_NAMES).chain((c) =>
  fc.oneof(
    fc.nat(c.length - 1).map((i) => c.slice(0, i) + c.slice(i + 1)),
    fc.tuple(fc.nat(c.length), fc.constantFrom('x', 'e', 'n', '_')).map(([i, ch]) => c.slice(0, i) + ch + c.slice(i)),
    fc.string({ maxLength: 12 }),
  ),
);
const undefinedName = fc.stringMatching(/^[a-z]{1,3}9$/);
const replacement = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;

const mutations = fc
  .constantFrom(
    ...builtinScenarios.map((b) => {
      const s = JSON.parse(JSON.stringify(b)) as Json;
      const paths = allPaths(s);
      const steps = (s as { steps: { fd?: unknown }[] }).steps;
      return {
        s,
        paths,
        keyPaths: paths.filter((p) => !/^\d+$/.test(p[p.length - 1]!)),
        stepCount: steps.length,
        fdSteps: steps.flatMap((st, i) => (typeof st.fd === 'string' ? [i] : [])),
      };
    }),
  )
  .chain(({ s, paths, keyPaths, stepCount, fdSteps }) => {
    const m: fc.Arbitrary<Mutation> = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.constantFrom(...keyPaths) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.constantFrom(...paths), value: replacement }),
      fc.record({ kind: fc.constant('renameCall' as const), step: fc.nat(stepCount - 1), name: typo }),
      fc.record({ kind: fc.constant('breakFd' as const), step: fc.constantFrom(...fdSteps), name: undefinedName }),
    );
    return fc.tuple(fc.constant(s), m);
  });

function mutantIsCaught([s, m]: [Json, Mutation]): void {
  const { result, at } = applyMutation(s, m);
  const r = validateScenario(result);
  if (r.ok) return;
  expectWellFormedErrors(r.errors);
  const hit = r.errors.some((e) => related(at, e.path));
  expect(hit, `mutation ${JSON.stringify(m).slice(0, 200)} at ${at}; errors: ${JSON.stringify(r.errors.slice(0, 3))}`).toBe(true);
}

describe('mutated built-in scenarios', () => {
  it('are valid or rejected at (or above, or inside) the mutated place', () => {
    fc.assert(fc.property(mutations, mutantIsCaught), { numRuns: 5000 });
  }, 60_000);

  it('reject a broken fd reference exactly where it is', () => {
    for (const s of builtinScenarios) {
      s.steps.forEach((step, i) => {
        if (!('fd' in step) || typeof step.fd !== 'string') return;
        const { result } = applyMutation(JSON.parse(JSON.stringify(s)) as Json, { kind: 'breakFd', step: i, name: 'nosuchfd' });
        const r = validateScenario(result);
        expect(r.ok ? [] : r.errors.map((e) => e.path), s.id).toEqual([`/steps/${i}/fd`]);
      });
    }
  });
});

describe('parseScenarioText on arbitrary text', () => {
  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
      const r = parseScenarioText(t);
      if (!r.ok) expectWellFormedErrors(r.errors);
    }), { numRuns: 3000 });
  }, 20_000);

  const builtinTexts = builtinScenarios.map((s) => JSON.stringify(s, null, 2));
  const editedText = fc.tuple(fc.constantFrom(...builtinTexts), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 })).map(([t, edits]) => {
    let out = t;
    for (const [pos, del, ins] of edits) {
      const p = pos % (out.length + 1);
      out = out.slice(0, p) + ins + out.slice(p + del);
    }
    return out;
  });

  it('never throws on edited scenario files, and agrees with JSON.parse on what is JSON', () => {
    fc.assert(fc.property(fc.oneof(editedText, fc.json(), fc.string({ maxLength: 50 })), (t) => {
      const r = parseScenarioText(t);
      if (!r.ok) expectWellFormedErrors(r.errors);
      let native: { ok: boolean; value?: unknown };
      try {
        native = { ok: true, value: JSON.parse(t) as unknown };
      } catch {
        native = { ok: false };
      }
      const mine = parseJsonText(t);
      expect(mine.ok).toBe(native.ok);
      if (mine.ok && native.ok) expect(mine.value).toEqual(native.value);
    }), { numRuns: 3000 });
  }, 30_000);
});
