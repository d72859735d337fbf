// `npx tcp-lab`: run, list and validate scenarios from the terminal.
// Exit codes: 0 ok, 1 a failed `expect`, 2 invalid input or usage.

import { readFileSync } from 'node:fs';
import { runScenario } from '../sim/engine/runScenario.ts';
import { toJsonl } from '../sim/output/toJsonl.ts';
import { toTcpdump } from '../sim/output/toTcpdump.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { formatScenarioError } from '../sim/scenario/validateScenario.ts';
import { parseScenarioText } from '../sim/scenario/parseScenarioText.ts';
import { builtinScenarios, findBuiltin } from '../sim/scenario/library/index.ts';
import { runBench } from './bench.ts';

const USAGE = `usage:
  tcp-lab run <file.json | built-in id> [--format tcpdump|jsonl|jsonl-all] [--until <ms>] [--seed <n>]
  tcp-lab list
  tcp-lab validate <file.json>
  tcp-lab bench`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const stdio: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

type Loaded = { ok: true; scenario: Scenario } | { ok: false; message: string };

export function loadScenario(ref: string, readText: (path: string) => string = (p) => readFileSync(p, 'utf8')): Loaded {
  const builtin = findBuiltin(ref);
  if (builtin && !ref.endsWith('.json')) return { ok: true, scenario: builtin };
  let text: string;
  try {
    text = readText(ref);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (!ref.endsWith('.json') && code === 'ENOENT') {
      return { ok: false, message: `"${ref}" is neither a built-in scenario (see \`tcp-lab list\`) nor a file` };
    }
    return { ok: false, message: `cannot read ${ref}: ${code ?? String(e)}` };
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return { ok: false, message: `${ref} is not a valid scenario:\n  ${parsed.errors.map(formatScenarioError).join('\n  ')}` };
  return { ok: true, scenario: parsed.scenario };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  return args[i + 1];
}

export async function main(argv: string[], io: Io = stdio, readText?: (path: string) => string): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'list') {
    for (const s of builtinScenarios) io.out(`${s.id.padEnd(28)} ${(s.topic ?? '').padEnd(12)} ${s.title}\n`);
    return 0;
  }
  if (cmd === 'validate') {
    const file = rest[0];
    if (!file) return usage(io, 'validate needs a file');
    const r = loadScenario(file, readText);
    if (!r.ok) {
      io.err(r.message + '\n');
      return 2;
    }
    io.out(`${file}: valid (${r.scenario.steps.length} steps, ${Object.keys(r.scenario.hosts).length} hosts)\n`);
    return 0;
  }
  if (cmd === 'bench') {
    await runBench(io.out);
    return 0;
  }
  if (cmd === 'run') {
    const ref = rest.find((a, i) => !a.startsWith('--') && !(i > 0 && rest[i - 1]!.startsWith('--')));
    if (!ref) return usage(io, 'run needs a scenario file or a built-in id');
    const format = flag(rest, '--format') ?? 'tcpdump';
    if (!['tcpdump', 'jsonl', 'jsonl-all'].includes(format)) return usage(io, `unknown --format "${format}" (tcpdump, jsonl or jsonl-all)`);
    const untilText = flag(rest, '--until');
    const until = untilText === undefined ? undefined : Number(untilText);
    if (until !== undefined && !(Number.isFinite(until) && until >= 0)) return usage(io, `--until takes a number of milliseconds, not "${untilText}"`);
    const seedText = flag(rest, '--seed');
    const seed = seedText === undefined ? undefined : Number(seedText);
    if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) return usage(io, `--seed takes an integer 0..4294967295, not "${seedText}"`);
    const r = loadScenario(ref, readText);
    if (!r.ok) {
      io.err(r.message + '\n');
      return 2;
    }
    const tl = runScenario(r.scenario, { ...(until !== undefined ? { untilMs: until } : {}), ...(seed !== undefined ? { seed } : {}) });
    io.out(format === 'tcpdump' ? toTcpdump(tl) : toJsonl(tl, format === 'jsonl-all'));
    if (tl.truncated && until === undefined) io.err(`note: ${tl.truncated}\n`);
    if (tl.failures.length > 0) {
      io.err(`expect failed:\n  ${tl.failures.join('\n  ')}\n`);
      return 1;
    }
    return 0;
  }
  return usage(io, cmd ? `unknown command "${cmd}"` : undefined);
}

function usage(io: Io, why?: string): number {
  if (why) io.err(`tcp-lab: ${why}\n`);
  io.err(USAGE + '\n');
  return 2;
}
