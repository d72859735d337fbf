import { describe, expect, test } from 'vitest';
import { tcpInput } from './tcpInput.ts';
import { tcpAcceptSyn, tcpConnect, tcpRead, tcpSend } from './tcpUser.ts';
import { flagsText } from './segment.ts';
import type { Segment } from './segment.ts';
import type { Tcb } from './tcb.ts';
import { skbAlloc } from './rcvSpace.ts';
import { clientTcb, sent, serverChild } from './testkit.ts';

const env = { acceptQueueFull: false, abortOnOverflow: false };

function handshake(): { c: Tcb; s: Tcb } {
  const c1 = tcpConnect(clientTcb(), 0);
  const s1 = tcpAcceptSyn(serverChild(), sent(c1.effects)[0]!, 5_000);
  const c2 = tcpInput(c1.next, sent(s1.effects)[0]!, 10_000, env);
  const s2 = tcpInput(s1.next, sent(c2.effects)[0]!, 15_000, env);
  return { c: c2.next, s: s2.next };
}

describe('receive memory and the advertised window (Linux 6.18 on a TUN wire)', () => {
  test('a 1500-byte packet costs a 2 KB kmalloc head: truesize 2304', () => {
    expect(skbAlloc(1448, true).truesize).toBe(2304);
    expect(skbAlloc(1000, true).truesize).toBe(2304);
    expect(skbAlloc(300, true).truesize).toBe(1280);
  });

  test('a receiver that does not read: 66, 69, 72, 75, then the right edge holds (74 … 69); reading all reopens 75', () => {
    const hs = handshake();
    let c = hs.c;
    // The server sends ten full segments in one send(); deliver every data segment to the client.
    const r = tcpSend(hs.s, 'x'.repeat(14_480), 20_000);
    const data = sent(r.effects).filter((g) => g.data.length > 0);
    expect(data.length).toBe(10);
    const windows: number[] = [];
    for (const seg of data) {
      const out = tcpInput(c, seg, 25_000, env);
      c = out.next;
      const acks: Segment[] = sent(out.effects);
      // Every segment is acknowledged at once: quick-ack mode, kept alive by the window growing.
      expect(acks.map((a) => flagsText(a.flags))).toEqual(['.']);
      windows.push(acks[0]!.win);
    }
    expect(windows).toEqual([66, 69, 72, 75, 74, 73, 72, 71, 70, 69]);
    expect(c.rmem).toBe(10 * 2304);
    const read = tcpRead(c, 65_536, 30_000);
    expect(read.data.length).toBe(14_480);
    expect(read.next.rmem).toBe(0);
    // The window the next segment advertises is rcv_ssthresh again: 76096 bytes, rounded up to 75 × 1024.
    const probe = tcpSend(read.next, 'y', 31_000);
    expect(sent(probe.effects)[0]!.win).toBe(75);
  });
});

describe('sending in skbs (tcp_write_xmit)', () => {
  test('on a 10 ms path, ten segments leave as five two-segment skbs: PSH on every second', () => {
    const { s } = handshake();
    const flags = sent(tcpSend(s, 'x'.repeat(14_480), 20_000).effects).map((g) => flagsText(g.flags));
    expect(flags).toEqual(['.', 'P.', '.', 'P.', '.', 'P.', '.', 'P.', '.', 'P.']);
  });

  test('three segments: a two-segment skb and the last one, each ending with PSH', () => {
    const { s } = handshake();
    const flags = sent(tcpSend(s, 'x'.repeat(4344), 20_000).effects).map((g) => flagsText(g.flags));
    expect(flags).toEqual(['.', 'P.', 'P.']);
  });
});

describe('skb sizes', () => {
  test('a TUN packet longer than a page gets a page-sized head and whole pages; loopback charges the payload', () => {
    expect(skbAlloc(8948, true).truesize).toBe(4096 + 256 + 2 * 4096);
    expect(skbAlloc(65483, true, true).truesize).toBe(640 + 256 + 65483);
  });
});
