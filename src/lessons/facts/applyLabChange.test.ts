import { describe, expect, it } from 'vitest';
import { applyLabChange } from './applyLabChange.ts';

describe('applyLabChange', () => {
  it('sets a declared param through its JSON pointer', () => {
    const r = applyLabChange('backlog-overflow', { params: { backlog: 3 } });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.steps[2]).toMatchObject({ call: 'listen', backlog: 3 });
  });
  it('creates a missing sysctl object for a sysctl param', () => {
    const r = applyLabChange('connect-timeout', { params: { synRetries: 3 } });
    expect(r.ok && r.scenario.hosts.client?.sysctl?.['net.ipv4.tcp_syn_retries']).toBe(3);
  });
  it('changes seed and delay', () => {
    const r = applyLabChange('handshake', { seed: 9, delayMs: 75 });
    expect(r.ok && [r.scenario.seed, r.scenario.network?.delayMs]).toEqual([9, 75]);
  });
  it('refuses unknown scenarios, unknown params and values the validator rejects', () => {
    expect(applyLabChange('nope')).toEqual({ ok: false, error: 'no built-in scenario "nope"' });
    expect(applyLabChange('handshake', { params: { nope: 1 } })).toEqual({ ok: false, error: 'scenario "handshake" has no param "nope"' });
    expect(applyLabChange('handshake', { delayMs: -5 }).ok).toBe(false);
  });
  it('does not change the built-in scenario', () => {
    applyLabChange('backlog-overflow', { params: { backlog: 7 } });
    const again = applyLabChange('backlog-overflow');
    expect(again.ok && again.scenario.steps[2]).toMatchObject({ backlog: 1 });
  });
});
