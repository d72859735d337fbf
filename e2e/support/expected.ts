// Run by the e2e global setup through tsx: what the simulator says at chosen steps of every built-in scenario,
// computed from its jsonl (`toJsonl(timeline, true)`: one line per event) so the browser can be checked
// against it. "Step n" is playback's step (src/playback/buildSteps): the first appliedAt(n) events.

import { writeFileSync } from 'node:fs';
import { appliedAt, builtinCatalog, buildSteps } from '../../src/playback/index.ts';
import { runScenario, toJsonl } from '../../src/sim/index.ts';

export interface StepExpectation {
  step: number;
  /** Text the narration must contain: each state change "A → B", each call "name(". */
  mentions: string[];
  /** Latest state of every socket ("local>peer") that has changed state so far. */
  sockets: Record<string, string>;
  /** Per host, the state of the socket that changed last. */
  hosts: Record<string, string>;
}

export interface ScenarioExpectation {
  id: string;
  title: string;
  last: number;
  checks: StepExpectation[];
}

type Line = { type: string; host?: string; socket?: string; from?: string; to?: string; call?: string };

const QUIET_CALLS = new Set(['sleep', 'exit', 'crash', 'synflood']);

function expectationAt(lines: Line[], first: number, cut: number, step: number): StepExpectation {
  const sockets: Record<string, string> = {};
  const hosts: Record<string, string> = {};
  for (let i = 0; i < cut; i++) {
    const l = lines[i]!;
    if (l.type === 'state') {
      sockets[l.socket!] = l.to!;
      hosts[l.host!] = l.to!;
    }
  }
  const mentions: string[] = [];
  for (let i = first; i < cut; i++) {
    const l = lines[i]!;
    if (l.type === 'state') mentions.push(`${l.from} → ${l.to}`);
    if ((l.type === 'call' || l.type === 'call-start') && !QUIET_CALLS.has(l.call!)) mentions.push(`${l.call}(`);
  }
  return { step, mentions: [...new Set(mentions)], sockets, hosts };
}

export function expectations(): ScenarioExpectation[] {
  return builtinCatalog.scenarios.map((sc) => {
    const tl = runScenario(sc);
    const lines = toJsonl(tl, true).trim().split('\n').map((s) => JSON.parse(s) as Line);
    if (lines.length !== tl.events.length) throw new Error(`${sc.id}: jsonl has ${lines.length} lines for ${tl.events.length} events`);
    const steps = buildSteps(tl);
    const last = steps.length - 1;
    const firstState = steps.findIndex((s, k) => k > 0 && lines.slice(s.first, s.last + 1).some((l) => l.type === 'state'));
    const chosen = [...new Set([firstState, Math.floor(last / 3), Math.floor((2 * last) / 3), last].filter((k) => k > 0))].sort((a, b) => a - b);
    return { id: sc.id, title: sc.title, last, checks: chosen.map((k) => expectationAt(lines, steps[k]!.first, appliedAt(steps, k), k)) };
  });
}

if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(expectations()));
