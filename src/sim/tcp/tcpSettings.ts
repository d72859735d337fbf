// setsockopt on a live connection: TCP_NODELAY pushes what Nagle held back (tcp_push_pending_frames);
// SO_KEEPALIVE and TCP_KEEPIDLE re-arm the keepalive timer from the idle time already elapsed.

import type { TcpResult } from './effects.ts';
import { newCtx } from './effects.ts';
import type { Tcb, TcpSettings } from './tcb.ts';
import { cloneTcb } from './tcb.ts';
import { output } from './tcpOutput.ts';

const KEEPALIVE_STATES = new Set(['ESTABLISHED', 'CLOSE-WAIT', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'LAST-ACK', 'SYN-RECEIVED']);

export function tcpUpdateSettings(prev: Tcb, settings: TcpSettings, now: number): TcpResult {
  const t = cloneTcb(prev);
  const ctx = newCtx(now);
  const old = t.settings;
  t.settings = settings;
  if (settings.nodelay && !old.nodelay) output(t, ctx);
  if (!settings.keepalive) t.timers.keepalive = undefined;
  else if (KEEPALIVE_STATES.has(t.state) && (!old.keepalive || old.keepIdle !== settings.keepIdle)) {
    const elapsed = t.lastRcv ? now - t.lastRcv : 0;
    t.timers.keepalive = now + Math.max(0, settings.keepIdle - (old.keepalive ? elapsed : 0));
  }
  return { next: t, effects: ctx.effects };
}
