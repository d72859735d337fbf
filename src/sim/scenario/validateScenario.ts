// The gate in front of the engine: any value in, either a well-formed Scenario (a fresh plain copy holding only known
// keys) or every problem found, each at a JSON pointer with a message a person can act on. Hand-written rather than
// schema-driven so it runs in the browser and in src/sim without dependencies, and so it can check what a schema
// cannot: cross-references between hosts, steps and params. It never throws and its work is bounded (see limits.ts).

import { describeWithKind, quote } from './describeValue.ts';
import { closest } from './didYouMean.ts';
import { LIMITS } from './limits.ts';
import { Reporter, type Json, type ScenarioError } from './Reporter.ts';
import { SCENARIO_TOPICS } from './scenarioTopics.ts';
import type { HostSpec, Scenario } from './types.ts';
import { validateHosts } from './validateHosts.ts';
import { validateNetwork } from './validateNetwork.ts';
import { validateParams } from './validateParams.ts';
import { validateSteps } from './validateSteps.ts';

export type { ScenarioError };

export type ValidationResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export const SCENARIO_KEYS = ['$schema', 'version', 'id', 'title', 'description', 'topic', 'seed', 'untilMs', 'network', 'hosts', 'steps', 'params'];

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const TOPIC_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;

export function validateScenario(input: unknown): ValidationResult {
  try {
    return validate(input);
  } catch (e) {
    // Only exotic inputs get here (a throwing getter, a revoked Proxy): JSON never does.
    const why = e instanceof Error ? e.message : 'unknown error';
    return { ok: false, errors: [{ path: '', message: `the scenario could not be read (${why.slice(0, 200)})` }] };
  }
}

/** "/steps/4/fd: …", or "scenario: …" for the whole file. */
export function formatScenarioError(e: ScenarioError): string {
  const where = e.line !== undefined ? ` (line ${e.line}, column ${e.column ?? 1})` : '';
  return `${e.path === '' ? 'scenario' : e.path}${where}: ${e.message}`;
}

function validate(input: unknown): ValidationResult {
  const r = new Reporter();
  const o = r.object(input, '', 'a scenario');
  if (!o) return { ok: false, errors: r.result() };
  r.onlyKeys(o, '', SCENARIO_KEYS, 'a scenario');
  const head = validateHead(r, o);
  const hosts = r.present(o, '', 'hosts', 'a scenario') ? validateHosts(r, o.hosts) : new Map<string, HostSpec>();
  const hostNames = [...hosts.keys()];
  const network = o.network === undefined ? undefined : validateNetwork(r, o.network, hostNames);
  const steps = r.present(o, '', 'steps', 'a scenario') ? validateSteps(r, o.steps, hosts, head.untilMs) : [];
  const params = o.params === undefined ? undefined : validateParams(r, o.params, o);
  if (r.errors.length > 0) return { ok: false, errors: r.result() };
  const scenario: Scenario = { ...head, version: 1, id: head.id!, title: head.title!, hosts: Object.fromEntries(hosts), steps };
  if (network) scenario.network = network;
  if (params) scenario.params = params;
  return { ok: true, scenario: order(scenario) };
}

type Head = Partial<Omit<Scenario, 'hosts' | 'steps' | 'network' | 'params'>>;

function validateHead(r: Reporter, o: Json): Head {
  const head: Head = {};
  if (r.present(o, '', 'version', 'a scenario')) {
    if (o.version !== 1) {
      r.error('/version', `this is version 1 of the scenario format; the file says ${describeWithKind(o.version)}`);
    }
  }
  if (o.$schema !== undefined) {
    const s = r.string(o.$schema, '/$schema', LIMITS.pointer);
    if (s !== undefined) head.$schema = s;
  }
  if (r.present(o, '', 'id', 'a scenario')) {
    const id = r.string(o.id, '/id', LIMITS.id);
    if (id !== undefined && !ID_PATTERN.test(id)) r.error('/id', `${quote(id)} is not a valid id: lower-case letters, digits and "-", starting with a letter or digit`);
    else if (id !== undefined) head.id = id;
  }
  if (r.present(o, '', 'title', 'a scenario')) {
    const t = r.string(o.title, '/title', LIMITS.title);
    if (t !== undefined) head.title = t;
  }
  if (o.description !== undefined) {
    const d = r.string(o.description, '/description', LIMITS.description);
    if (d !== undefined) head.description = d;
  }
  if (o.topic !== undefined) {
    const t = validateTopic(r, o.topic);
    if (t !== undefined) head.topic = t;
  }
  if (o.seed !== undefined) {
    const s = r.integer(o.seed, '/seed', 0, 4_294_967_295, 'seed must be');
    if (s !== undefined) head.seed = s;
  }
  if (o.untilMs !== undefined) {
    const u = r.number(o.untilMs, '/untilMs', 1, LIMITS.timeMs, 'untilMs must be');
    if (u !== undefined) head.untilMs = u;
  }
  return head;
}

/**
 * The picker groups by the built-in topics, but a scenario of one's own may bring its own group; only a name that is
 * one or two letters away from a built-in topic is refused, as it is almost certainly a typo.
 */
function validateTopic(r: Reporter, v: unknown): string | undefined {
  if (typeof v === 'string' && (SCENARIO_TOPICS as readonly string[]).includes(v)) return v;
  const near = typeof v === 'string' ? closest(v, SCENARIO_TOPICS) : undefined;
  if (typeof v === 'string' && TOPIC_PATTERN.test(v) && near === undefined) return v;
  const hint = near !== undefined ? ` (did you mean "${near}"?)` : '';
  r.error('/topic', `${describeWithKind(v)} is not a topic${hint}: use one of ${SCENARIO_TOPICS.join(', ')}, or a group of your own in lower-case letters, digits and "-"`);
  return undefined;
}

/** Keys in the documented order, so a validated scenario prints the way the docs show it. */
function order(s: Scenario): Scenario {
  const out: Record<string, unknown> = {};
  for (const k of SCENARIO_KEYS) if ((s as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (s as unknown as Record<string, unknown>)[k];
  return out as unknown as Scenario;
}
