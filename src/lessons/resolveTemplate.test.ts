import { describe, expect, it } from 'vitest';
import { placeholders, resolveTemplate } from './resolveTemplate.ts';
import type { Facts } from './facts/computeFacts.ts';

const facts: Facts = {
  ka: { id: 'ka', value: 120, display: '120 s', source: { kind: 'formula', working: '60 + 10 × 6 = 120 s' } },
  rtt: { id: 'rtt', value: 50, display: '50 ms', source: { kind: 'simulator', scenario: 'handshake', how: 'connect() duration' } },
  g: { id: 'g', value: 150, display: '150 ms', source: { kind: 'given', from: '001' } },
};

describe('resolveTemplate', () => {
  it('fills display text and workings', () => {
    expect(resolveTemplate('Detected after {{ka}} ({{ka.working}}).', facts)).toEqual({
      text: 'Detected after 120 s (60 + 10 × 6 = 120 s).',
      missing: [],
      used: ['ka', 'ka'],
    });
    expect(resolveTemplate('{{rtt.working}} / {{g.working}}', facts).text).toBe('connect() duration / 001');
  });
  it('keeps an unknown placeholder visible and reports it', () => {
    expect(resolveTemplate('a {{nope}} b', facts)).toEqual({ text: 'a {{nope}} b', missing: ['nope'], used: [] });
  });
  it('leaves code braces alone', () => {
    expect(resolveTemplate('`{onoff: 1}` and {{rtt}}', facts).text).toBe('`{onoff: 1}` and 50 ms');
  });
  it('lists placeholders', () => {
    expect(placeholders('{{a}} x {{b.working}}')).toEqual(['a', 'b']);
  });
});
