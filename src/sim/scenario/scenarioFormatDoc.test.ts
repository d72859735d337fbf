// docs/scenario-format.md stays true: its example files validate (or fail exactly as it says), and every call,
// option, sysctl, errno name and topic the validator knows is documented there.

import { describe, expect, it } from 'vitest';
import doc from '../../../docs/scenario-format.md?raw';
import schemaFile from '../../../docs/scenario.schema.json' with { type: 'json' };
import { CALL_NAMES } from './callSpecs.ts';
import { ERRNO_NAMES } from './errnoNames.ts';
import { parseScenarioText } from './parseScenarioText.ts';
import { formatScenarioError } from './validateScenario.ts';
import { SCENARIO_TOPICS } from './scenarioTopics.ts';
import { SOCKOPT_NAMES } from './sockoptSpecs.ts';
import { SYSCTL_NAMES } from './sysctlSpecs.ts';
import { checkJsonSchema } from './testing/checkJsonSchema.ts';
import { builtinScenarios } from './library/index.ts';
import { runScenario } from '../engine/runScenario.ts';
import { toJsonl } from '../output/toJsonl.ts';
import { toTcpdump } from '../output/toTcpdump.ts';

const jsonBlocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);
const scenarioBlocks = jsonBlocks.filter((b) => b.trimStart().startsWith('{\n') && b.includes('"version"'));

describe('docs/scenario-format.md', () => {
  it('has example scenarios that validate, against the validator and the schema', () => {
    const good = scenarioBlocks.filter((b) => !b.includes('"id": "broken"'));
    expect(good.length).toBeGreaterThanOrEqual(2);
    for (const text of good) {
      const r = parseScenarioText(text);
      expect(r.ok ? [] : r.errors.map(formatScenarioError)).toEqual([]);
      if (r.ok) expect(checkJsonSchema(schemaFile as unknown as Record<string, unknown>, r.value)).toEqual([]);
    }
  });

  it('shows the errors the validator really gives for its broken example', () => {
    const text = scenarioBlocks.find((b) => b.includes('"id": "broken"'))!;
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map(formatScenarioError);
    expect(`broken.json: ${lines.join('\n  ')}`).toBe(doc.split('`npx tcp-lab validate broken.json` prints\n\n```\n')[1]!.split('\n```')[0]);
  });

  it('shows the output the simulator gives for the worked example', () => {
    // Sequence numbers and ports are seeded choices of the engine, so they are compared as placeholders; times,
    // flags, lengths and the order of events must match what the doc says.
    const placeholders = (t: string) =>
      t.replace(/(seq |ack |"seq":|"ack":)\d+(:\d+)?/g, '$1N').replace(/\.\d{4,5}( >|:)/g, '.P$1').replace(/:\d{4,5}(["> ])/g, ':P$1');
    const section = doc.split('## Worked example')[1]!.split('\n## ')[0]!;
    const r = parseScenarioText(section.split('```json\n')[1]!.split('```')[0]!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const tl = runScenario(r.scenario);
    const shownDump = section.split('prints the segments')[1]!.split('```\n')[1]!.split('```')[0]!;
    expect(placeholders(toTcpdump(tl))).toBe(placeholders(shownDump));
    const jsonl = placeholders(toJsonl(tl));
    const shownJsonl = section.split('```json\n')[2]!.split('```')[0]!.trim().split('\n');
    for (const line of shownJsonl) expect(jsonl.includes(placeholders(line)), line).toBe(true);
  });

  it('documents every call, option, sysctl, errno name, topic and built-in', () => {
    for (const name of [...CALL_NAMES, ...SOCKOPT_NAMES, ...SYSCTL_NAMES, ...ERRNO_NAMES, ...SCENARIO_TOPICS]) {
      expect(doc.includes(`\`${name}\``), name).toBe(true);
    }
    for (const s of builtinScenarios) expect(doc.includes(`| \`${s.id}\` | ${s.topic} | ${s.title} |`), s.id).toBe(true);
  });
});
