import { describe, expect, it } from 'vitest';
import { cloneTcb, createTcb, defaultSettings } from './tcb.ts';

describe('cloneTcb', () => {
  it('copies every field, and the timers by value', () => {
    const t = createTcb({ ip: '10.0.0.1', port: 1 }, { ip: '10.0.0.2', port: 2 }, 7, defaultSettings(), 1460);
    t.timers.retransmit = 5;
    const c = cloneTcb(t);
    expect(Object.keys(c).sort()).toEqual(Object.keys(t).sort());
    expect(c).toEqual(t);
    expect(c.timers).not.toBe(t.timers);
    c.timers.retransmit = 9;
    expect(t.timers.retransmit).toBe(5);
  });
});
