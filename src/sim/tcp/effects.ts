// What a TCP transition asks the engine to do. Transitions never touch the network, the clock or the
// socket tables themselves: they return these, and runScenario applies them (style: xstate's transition).

import type { TcpState } from '../timeline/types.ts';
import type { Segment } from './segment.ts';
import type { Tcb } from './tcb.ts';

export type TcpEffect =
  | { type: 'send'; seg: Segment }
  | { type: 'state'; from: TcpState; to: TcpState; cause: string; action?: string }
  | { type: 'note'; text: string };

export interface TcpResult {
  next: Tcb;
  effects: TcpEffect[];
}

/** Scratch passed through one transition: the time and the effects produced so far. */
export interface Ctx {
  now: number;
  effects: TcpEffect[];
}

export const newCtx = (now: number): Ctx => ({ now, effects: [] });
