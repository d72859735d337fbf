import { describe, expect, it } from 'vitest';
import type { Tcb } from './tcb.ts';
import { cloneTcb, createTcb, defaultSettings, withTcb } from './tcb.ts';

const fresh = (): Tcb => createTcb({ ip: '10.0.0.1', port: 1 }, { ip: '10.0.0.2', port: 2 }, 7, defaultSettings(), 1460);

/** Every field of the Tcb interface, own or behind an accessor. */
function fields(t: Tcb): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let o: object | null = t; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor' && k !== 'cold' && k !== 'coldRecord') out[k] = (t as unknown as Record<string, unknown>)[k];
  }
  return out;
}

describe('cloneTcb', () => {
  it('copies every field, and the timers by value', () => {
    const t = fresh();
    t.timers.retransmit = 5;
    t.sndNxt = 42;
    t.irs = 99;
    const c = cloneTcb(t);
    expect(Object.keys(fields(c)).length).toBeGreaterThanOrEqual(69);
    expect(fields(c)).toEqual(fields(t));
    expect(c.timers).not.toBe(t.timers);
    c.timers.retransmit = 9;
    expect(t.timers.retransmit).toBe(5);
  });

  it('writing a set-up-once field of a copy leaves the original alone (copy on write)', () => {
    const t = fresh();
    const c = cloneTcb(t);
    c.irs = 1234;
    c.err = 'ECONNRESET';
    c.sndNxt = 77;
    expect([t.irs, t.err, t.sndNxt]).toEqual([0, null, 7]);
    expect([c.irs, c.err, c.sndNxt]).toEqual([1234, 'ECONNRESET', 77]);
  });

  it('withTcb patches a copy', () => {
    const t = fresh();
    const c = withTcb(t, { err: 'EPIPE', state: 'ESTABLISHED' });
    expect([c.err, c.state, t.err, t.state]).toEqual(['EPIPE', 'ESTABLISHED', null, 'CLOSED']);
    expect(c.local).toBe(t.local);
  });
});
