// Model-based path tests (style: xstate's getShortestPaths): from the RFC 9293 state table, find the shortest
// path to each of the 11 states, turn the path into a scenario, run it, and check that the endpoint under
// test really takes those transitions in that order.

import { describe, expect, test } from 'vitest';
import type { Scenario, Step } from '../scenario/types.ts';
import type { StateEvent, TcpState } from '../timeline/types.ts';
import { TCP_STATES } from '../timeline/types.ts';
import { runScenario } from './runScenario.ts';

type Intent = 'aListen' | 'bConnect' | 'aConnect' | 'refused' | 'simOpen' | 'aClose' | 'bClose' | 'simClose' | 'wait';
interface Edge {
  from: TcpState;
  to: TcpState;
  intent: Intent | null; // null: follows on its own from the previous step
}

/** The table in shared/reference/linux-tcp.md, as edges of the endpoint "a". */
export const EDGES: Edge[] = [
  { from: 'CLOSED', to: 'LISTEN', intent: 'aListen' },
  { from: 'CLOSED', to: 'SYN-SENT', intent: 'aConnect' },
  { from: 'LISTEN', to: 'SYN-RECEIVED', intent: 'bConnect' },
  { from: 'SYN-SENT', to: 'ESTABLISHED', intent: null },
  { from: 'SYN-SENT', to: 'SYN-RECEIVED', intent: 'simOpen' },
  { from: 'SYN-SENT', to: 'CLOSED', intent: 'refused' },
  { from: 'SYN-RECEIVED', to: 'ESTABLISHED', intent: null },
  { from: 'ESTABLISHED', to: 'FIN-WAIT-1', intent: 'aClose' },
  { from: 'ESTABLISHED', to: 'CLOSE-WAIT', intent: 'bClose' },
  { from: 'FIN-WAIT-1', to: 'FIN-WAIT-2', intent: null },
  { from: 'FIN-WAIT-1', to: 'CLOSING', intent: 'simClose' },
  { from: 'FIN-WAIT-2', to: 'TIME-WAIT', intent: 'bClose' },
  { from: 'CLOSE-WAIT', to: 'LAST-ACK', intent: 'aClose' },
  { from: 'LAST-ACK', to: 'CLOSED', intent: null },
  { from: 'CLOSING', to: 'TIME-WAIT', intent: null },
  { from: 'TIME-WAIT', to: 'CLOSED', intent: 'wait' },
];

/** Breadth-first shortest path from CLOSED to `target` (for CLOSED itself: the shortest way back to it). */
export function shortestPath(target: TcpState): Edge[] {
  const queue: { at: TcpState; path: Edge[] }[] = [{ at: 'CLOSED', path: [] }];
  const seen = new Set<TcpState>();
  while (queue.length > 0) {
    const { at, path } = queue.shift()!;
    for (const e of EDGES) {
      if (e.from !== at) continue;
      const next = [...path, e];
      if (e.to === target) return next;
      if (!seen.has(e.to)) {
        seen.add(e.to);
        queue.push({ at: e.to, path: next });
      }
    }
  }
  throw new Error(`no path to ${target}`);
}

/** Turn a path into a scenario: each intent gets its own second so the steps happen in path order. */
export function compilePath(path: Edge[]): Scenario {
  const intents = path.map((e) => e.intent).filter((i): i is Intent => i !== null);
  const has = (i: Intent): boolean => intents.includes(i);
  const at = (i: Intent): number => 1000 * (intents.indexOf(i) + 1);
  const A = (s: Record<string, unknown>): Step => ({ host: 'a', ...s }) as Step;
  const B = (s: Record<string, unknown>): Step => ({ host: 'b', ...s }) as Step;
  const steps: Step[] = [];
  let aSock = 'c';
  if (has('aListen')) {
    steps.push(A({ call: 'socket', as: 'l' }), A({ call: 'bind', fd: 'l', port: 80 }), A({ call: 'listen', fd: 'l', backlog: 8 }));
    if (has('bConnect')) {
      steps.push(A({ call: 'accept', fd: 'l', as: 'conn' }));
      steps.push(B({ call: 'socket', as: 'b', at: at('bConnect') }), B({ call: 'connect', fd: 'b', addr: 'a:80' }));
      aSock = 'conn';
    }
  } else if (has('simOpen')) {
    steps.push(A({ call: 'socket', as: 'c' }), A({ call: 'bind', fd: 'c', port: 5000 }), A({ call: 'connect', fd: 'c', addr: 'b:6000', at: at('simOpen') }));
    steps.push(B({ call: 'socket', as: 'b' }), B({ call: 'bind', fd: 'b', port: 6000 }), B({ call: 'connect', fd: 'b', addr: 'a:5000', at: at('simOpen') }));
  } else if (has('aConnect')) {
    if (!has('refused')) {
      steps.push(B({ call: 'socket', as: 'l' }), B({ call: 'bind', fd: 'l', port: 80 }), B({ call: 'listen', fd: 'l', backlog: 8 }), B({ call: 'accept', fd: 'l', as: 'b' }));
    }
    steps.push(A({ call: 'socket', as: 'c', at: at('aConnect') }), A({ call: 'connect', fd: 'c', addr: 'b:80' }));
  }
  const bHasSock = has('bConnect') || has('simOpen') || (has('aConnect') && !has('refused'));
  const closeOrder = intents.filter((i) => i === 'aClose' || i === 'bClose' || i === 'simClose');
  for (const [k, i] of closeOrder.entries()) {
    // ESTABLISHED → FIN-WAIT-1 → CLOSING: the close that leads into a simultaneous close is that close itself.
    if (i === 'aClose' && closeOrder[k + 1] === 'simClose') continue;
    const t = 1000 * (intents.indexOf(i) + 1);
    if (i === 'aClose' || i === 'simClose') steps.push(A({ call: 'close', fd: aSock, at: t }));
    if ((i === 'bClose' || i === 'simClose') && bHasSock) steps.push(B({ call: 'close', fd: 'b', at: t }));
  }
  return {
    version: 1,
    id: `path-to-${path[path.length - 1]!.to.toLowerCase()}`,
    title: 'generated path',
    seed: 1,
    network: { delayMs: 25 },
    hosts: { a: { ip: '10.0.0.1' }, b: { ip: '10.0.0.2' } },
    steps,
    untilMs: has('wait') ? 200_000 : 10_000,
  };
}

/** Is `path` a subsequence of the observed transitions of host a? */
function followed(observed: StateEvent[], path: Edge[]): boolean {
  let i = 0;
  for (const e of observed) {
    const want = path[i];
    if (want && e.from === want.from && e.to === want.to) i++;
  }
  return i === path.length;
}

describe('a generated path reaches each of the 11 RFC 9293 states', () => {
  for (const target of TCP_STATES) {
    const path = shortestPath(target);
    test(`${target}: ${['CLOSED', ...path.map((e) => e.to)].join(' → ')}`, () => {
      const tl = runScenario(compilePath(path));
      const observed = tl.events.filter((e): e is StateEvent => e.type === 'state' && e.host === 'a');
      expect(followed(observed, path), observed.map((e) => `${e.from}>${e.to}`).join(', ')).toBe(true);
    });
  }
});

test('every state appears as the target of some edge', () => {
  expect(new Set(EDGES.map((e) => e.to))).toEqual(new Set(TCP_STATES));
});
