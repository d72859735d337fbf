// docs/scenario.schema.json and the validator describe one format: the same names and ranges, and every file the
// validator accepts passes the schema. The schema cannot see cross-references, so the reverse does not hold.

import { describe, expect, it } from 'vitest';
import schemaFile from '../../../docs/scenario.schema.json' with { type: 'json' };
import { allowedStepKeys, CALL_NAMES, CALL_SPECS } from './callSpecs.ts';
import { ERRNO_NAMES } from './errnoNames.ts';
import { builtinScenarios } from './library/index.ts';
import { SCENARIO_TOPICS } from './scenarioTopics.ts';
import { SOCKOPT_NAMES, SOCKOPT_SPECS } from './sockoptSpecs.ts';
import { SYSCTL_NAMES, SYSCTL_SPECS } from './sysctlSpecs.ts';
import { checkJsonSchema } from './testing/checkJsonSchema.ts';
import { makeScenario, withSteps } from './testing/makeScenario.ts';
import { FAULT_ACTIONS, FAULT_KEYS, FAULT_MATCH_KEYS } from './validateNetwork.ts';
import { SCENARIO_KEYS, TOPIC_PATTERN, validateScenario } from './validateScenario.ts';

type Node = Record<string, unknown>;
const schema = schemaFile as unknown as Node;
const defs = schema.$defs as Record<string, Node>;
const props = (n: Node) => n.properties as Record<string, Node>;
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('docs/scenario.schema.json', () => {
  it('declares draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts every built-in scenario', () => {
    for (const s of builtinScenarios) expect(checkJsonSchema(schema, s), s.id).toEqual([]);
  });

  it('lists the same top-level keys, topics, calls, options, sysctls and errno names as the validator', () => {
    expect(sorted(Object.keys(props(schema)))).toEqual(sorted(SCENARIO_KEYS));
    expect(props(schema).topic!.examples).toEqual([...SCENARIO_TOPICS]);
    expect(props(schema).topic!.pattern).toBe(TOPIC_PATTERN.source);
    expect(props(defs.step!).call!.enum).toEqual(CALL_NAMES);
    expect(props(defs.step_setsockopt!).opt!.enum).toEqual(SOCKOPT_NAMES);
    expect(sorted(Object.keys(props(props(defs.host!).sysctl!)))).toEqual(sorted(SYSCTL_NAMES));
    expect(defs.errno!.enum).toEqual([...ERRNO_NAMES]);
    expect(props(defs.fault!).action!.enum).toEqual([...FAULT_ACTIONS]);
    expect(sorted(Object.keys(props(defs.match!)))).toEqual(sorted(FAULT_MATCH_KEYS));
  });

  it('gives each call the keys the validator allows and requires', () => {
    for (const call of CALL_NAMES) {
      const def = defs[`step_${call}`]!;
      expect(sorted(Object.keys(props(def))), call).toEqual(sorted(allowedStepKeys(call)));
      expect(sorted(def.required as string[]), call).toEqual(sorted(['host', 'call', ...CALL_SPECS[call].required]));
    }
  });

  it('gives each fault action the keys the validator allows', () => {
    const rules = defs.fault!.allOf as { if: Node; then: Node }[];
    for (const action of FAULT_ACTIONS) {
      const rule = rules.find((r) => (props(r.if).action as Node).const === action)!;
      expect(sorted(Object.keys(props(rule.then))), action).toEqual(sorted(FAULT_KEYS[action]));
    }
  });

  it('uses the validator\'s ranges for sysctls and socket options', () => {
    const sysctls = props(props(defs.host!).sysctl!);
    for (const name of SYSCTL_NAMES) {
      const spec = SYSCTL_SPECS[name];
      if (spec.kind === 'int') expect([sysctls[name]!.minimum, sysctls[name]!.maximum], name).toEqual([spec.min, spec.max]);
    }
    const rules = defs.step_setsockopt!.allOf as { if: Node; then: Node }[];
    for (const opt of SOCKOPT_NAMES) {
      const value = props(rules.find((r) => (props(r.if).opt as Node).const === opt)!.then).value!;
      const spec = SOCKOPT_SPECS[opt];
      if (spec.kind === 'flag') expect([value.type, value.minimum, value.maximum], opt).toEqual([['integer', 'boolean'], spec.min, spec.max]);
      else if (spec.kind === 'int') expect([value.minimum, value.maximum], opt).toEqual([spec.min, spec.max]);
      else expect(value.$ref, opt).toBe('#/$defs/linger');
    }
  });

  it('rejects what the validator rejects for its shape', () => {
    const broken: [string, unknown][] = [
      ['no version', { ...makeScenario(), version: undefined }],
      ['version 2', makeScenario({ version: 2 })],
      ['unknown top key', makeScenario({ extra: 1 })],
      ['bad ip', makeScenario({ hosts: { client: { ip: '10.0.0.300' }, server: { ip: '10.0.0.2' } } })],
      ['unknown sysctl', makeScenario({ hosts: { client: { ip: '10.0.0.1', sysctl: { tcp_syncookies: 1 } }, server: { ip: '10.0.0.2' } } })],
      ['sysctl out of range', makeScenario({ hosts: { client: { ip: '10.0.0.1', sysctl: { 'net.ipv4.tcp_syncookies': 3 } }, server: { ip: '10.0.0.2' } } })],
      ['unknown call', withSteps({ host: 'client', call: 'conect', fd: 'c', addr: 'server:8080' })],
      ['unknown step key', withSteps({ host: 'client', call: 'close', fd: 'c', how: 'SHUT_WR' })],
      ['missing addr', withSteps({ host: 'client', call: 'connect', fd: 'c' })],
      ['port range', withSteps({ host: 'server', call: 'bind', fd: 'lfd', port: 70000 })],
      ['connect to port 0', withSteps({ host: 'client', call: 'connect', fd: 'c', addr: 'server:0' })],
      ['flag value', withSteps({ host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_NODELAY', value: 'on' })],
      ['keepidle beyond a C int', withSteps({ host: 'client', call: 'setsockopt', fd: 'c', opt: 'TCP_KEEPIDLE', value: 2 ** 31 })],
      ['linger shape', withSteps({ host: 'client', call: 'setsockopt', fd: 'c', opt: 'SO_LINGER', value: { onoff: 1 } })],
      ['send both', withSteps({ host: 'client', call: 'send', fd: 'c', data: 'x', bytes: 1 })],
      ['send neither', withSteps({ host: 'client', call: 'send', fd: 'c' })],
      ['expect on sleep', withSteps({ host: 'client', call: 'sleep', ms: 1, expect: 0 })],
      ['bad errno', withSteps({ host: 'client', call: 'close', fd: 'c', expect: 'EOOPS' })],
      ['timeoutMs on close', withSteps({ host: 'client', call: 'close', fd: 'c', timeoutMs: 5 })],
      ['bad flags', makeScenario({ network: { faults: [{ action: 'drop', match: { flags: '.S' } }] } })],
      ['delay fault without delayMs', makeScenario({ network: { faults: [{ action: 'delay', match: {} }] } })],
      ['loss with count', makeScenario({ network: { faults: [{ action: 'loss', rate: 0.1, count: 1 }] } })],
      ['param without path', makeScenario({ params: { x: { label: 'X' } } })],
    ];
    for (const [what, doc] of broken) {
      const clean = JSON.parse(JSON.stringify(doc)) as unknown;
      expect(validateScenario(clean).ok, what).toBe(false);
      expect(checkJsonSchema(schema, clean).length, what).toBeGreaterThan(0);
    }
  });
});
