import { describe, expect, it } from 'vitest';
import { scoreDrill } from './scoreDrill.ts';
import { coldStartDrill } from './coldStartDrill.ts';

describe('scoreDrill', () => {
  it('the cold-start rubric has the three checks and the bonus', () => {
    expect(coldStartDrill.rubric.map((c) => [c.id, c.bonus])).toEqual([['setup', false], ['handshakes', false], ['fix', false], ['app-vs-conn', true]]);
  });
  it('all three checks pass; the bonus is extra', () => {
    expect(scoreDrill({ revealed: true, checks: { setup: true, handshakes: true, fix: true } }))
      .toEqual({ points: 3, max: 3, bonus: 0, bonusMax: 1, passed: true, missing: [] });
    expect(scoreDrill({ revealed: true, checks: { setup: true, handshakes: true, fix: true, 'app-vs-conn': true } }).bonus).toBe(1);
  });
  it('a missing check fails and is named', () => {
    expect(scoreDrill({ revealed: true, checks: { setup: true, fix: true, 'app-vs-conn': true } }))
      .toMatchObject({ points: 2, passed: false, bonus: 1, missing: ['handshakes'] });
  });
  it('ticks before the model answer is shown count for nothing', () => {
    expect(scoreDrill({ revealed: false, checks: { setup: true, handshakes: true, fix: true } })).toMatchObject({ points: 0, passed: false });
  });
  it('unknown ids and non-true values are ignored', () => {
    expect(scoreDrill({ revealed: true, checks: { nope: true, setup: 'yes' as unknown as boolean } }).points).toBe(0);
  });
});
