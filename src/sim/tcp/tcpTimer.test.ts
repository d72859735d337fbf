import { describe, expect, test } from 'vitest';
import { tcpTimer } from './tcpTimer.ts';
import { tcpConnect } from './tcpUser.ts';
import type { Tcb } from './tcb.ts';
import { clientTcb, sent } from './testkit.ts';

const S = 1_000_000;

describe('SYN retransmission (Linux ≥ 6.5: tcp_syn_retries 6 + tcp_syn_linear_timeouts 4)', () => {
  test('resent at 1,2,3,4,5,7,11,19,35,67 s; ETIMEDOUT at 131 s', () => {
    let t: Tcb = tcpConnect(clientTcb(), 0).next;
    const resent: number[] = [];
    for (;;) {
      const at = t.timers.retransmit!;
      const r = tcpTimer(t, 'retransmit', at, { synackRetries: 5 });
      t = r.next;
      if (t.state === 'CLOSED') {
        expect(at).toBe(131 * S);
        expect(t.err).toBe('ETIMEDOUT');
        break;
      }
      expect(sent(r.effects).map((s) => s.flags.syn)).toEqual([true]);
      resent.push(at / S);
    }
    expect(resent).toEqual([1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
  });

  test('older kernels (tcp_syn_linear_timeouts 0): 1,3,7,15,31,63 s then ETIMEDOUT at 127 s', () => {
    const c = clientTcb();
    c.settings = { ...c.settings, synLinearTimeouts: 0 };
    let t: Tcb = tcpConnect(c, 0).next;
    const resent: number[] = [];
    while (t.state !== 'CLOSED') {
      const at = t.timers.retransmit!;
      t = tcpTimer(t, 'retransmit', at, { synackRetries: 5 }).next;
      if (t.state !== 'CLOSED') resent.push(at / S);
      else expect(at).toBe(127 * S);
    }
    expect(resent).toEqual([1, 3, 7, 15, 31, 63]);
  });
});

describe('keepalive (SO_KEEPALIVE + TCP_KEEPIDLE/INTVL/CNT)', () => {
  test('idle 60 s, then 6 probes 10 s apart, RST and ETIMEDOUT at 120 s', () => {
    const c = clientTcb();
    let t: Tcb = { ...c, state: 'ESTABLISHED', sndUna: 1001, sndNxt: 1001, settings: { ...c.settings, keepalive: true, keepIdle: 60 * S, keepIntvl: 10 * S, keepCnt: 6 }, timers: { keepalive: 60 * S } };
    const probes: number[] = [];
    for (;;) {
      const at = t.timers.keepalive!;
      const r = tcpTimer(t, 'keepalive', at, { synackRetries: 5 });
      t = r.next;
      const segs = sent(r.effects);
      if (t.state === 'CLOSED') {
        expect(at).toBe(120 * S);
        expect(segs.map((s) => (s.flags.rst ? 'R' : '?'))).toEqual(['R']);
        expect(t.err).toBe('ETIMEDOUT');
        break;
      }
      // A probe is a bare ACK one below SND.UNA.
      expect(segs[0]!.seq).toBe(1000);
      probes.push(at / S);
    }
    expect(probes).toEqual([60, 70, 80, 90, 100, 110]);
  });
});
