import { describe, expect, test } from 'vitest';
import { tcpInput } from './tcpInput.ts';
import { tcpAcceptSyn, tcpClose, tcpConnect, tcpSend } from './tcpUser.ts';
import { flagsText } from './segment.ts';
import { bqText } from './byteQueue.ts';
import type { Tcb } from './tcb.ts';
import { clientTcb, sent, serverChild, states } from './testkit.ts';

const env = { acceptQueueFull: false, abortOnOverflow: false };

/** Run the three-way handshake between fresh TCBs and return both ends ESTABLISHED. */
function handshake(): { c: Tcb; s: Tcb } {
  const c1 = tcpConnect(clientTcb(), 0);
  const syn = sent(c1.effects)[0]!;
  const s1 = tcpAcceptSyn(serverChild(), syn, 1000);
  const synack = sent(s1.effects)[0]!;
  const c2 = tcpInput(c1.next, synack, 2000, env);
  const ack = sent(c2.effects)[0]!;
  const s2 = tcpInput(s1.next, ack, 3000, env);
  return { c: c2.next, s: s2.next };
}

describe('three-way handshake (RFC 9293 §3.5)', () => {
  test('SYN, SYN-ACK, ACK with seq/ack = ISN + 1', () => {
    const c1 = tcpConnect(clientTcb(1000), 0);
    const syn = sent(c1.effects)[0]!;
    expect([flagsText(syn.flags), syn.seq, syn.mss]).toEqual(['S', 1000, 1460]);
    expect(c1.next.state).toBe('SYN-SENT');
    const s1 = tcpAcceptSyn(serverChild(5000), syn, 1000);
    const synack = sent(s1.effects)[0]!;
    expect([flagsText(synack.flags), synack.seq, synack.ack]).toEqual(['S.', 5000, 1001]);
    expect(states(s1.effects)).toEqual(['LISTEN>SYN-RECEIVED']);
    const c2 = tcpInput(c1.next, synack, 2000, env);
    const ack = sent(c2.effects)[0]!;
    expect([flagsText(ack.flags), ack.seq, ack.ack]).toEqual(['.', 1001, 5001]);
    expect(c2.next.state).toBe('ESTABLISHED');
    const s2 = tcpInput(s1.next, ack, 3000, env);
    expect(s2.next.state).toBe('ESTABLISHED');
    // Input TCBs are untouched: transitions are pure.
    expect(c1.next.state).toBe('SYN-SENT');
    expect(s1.next.state).toBe('SYN-RECEIVED');
  });

  test('MSS option minus 12 timestamp bytes gives 1448 payload bytes per segment', () => {
    const { c } = handshake();
    expect(c.sndMss).toBe(1448);
  });

  test('RST with an acceptable ACK in SYN-SENT refuses the connection', () => {
    const c1 = tcpConnect(clientTcb(1000), 0);
    const rst = { src: { ip: '10.0.0.2', port: 80 }, dst: { ip: '10.0.0.1', port: 40000 }, seq: 0, ack: 1001, flags: { rst: true, ack: true }, win: 0, data: '' };
    const r = tcpInput(c1.next, rst, 1000, env);
    expect(r.next.state).toBe('CLOSED');
    expect(r.next.err).toBe('ECONNREFUSED');
  });

  test('an ACK for something never sent in SYN-SENT gets RST seq=SEG.ACK', () => {
    const c1 = tcpConnect(clientTcb(1000), 0);
    const bad = { src: { ip: '10.0.0.2', port: 80 }, dst: { ip: '10.0.0.1', port: 40000 }, seq: 9, ack: 777, flags: { syn: true, ack: true }, win: 100, data: '' };
    const r = tcpInput(c1.next, bad, 1000, env);
    const rst = sent(r.effects)[0]!;
    expect([flagsText(rst.flags), rst.seq]).toEqual(['R', 777]);
    expect(r.next.state).toBe('SYN-SENT');
  });

  test('full accept queue: the final ACK is dropped, or answered by RST with tcp_abort_on_overflow', () => {
    const c1 = tcpConnect(clientTcb(1000), 0);
    const s1 = tcpAcceptSyn(serverChild(5000), sent(c1.effects)[0]!, 1000);
    const c2 = tcpInput(c1.next, sent(s1.effects)[0]!, 2000, env);
    const ack = sent(c2.effects)[0]!;
    const dropped = tcpInput(s1.next, ack, 3000, { acceptQueueFull: true, abortOnOverflow: false });
    expect(dropped.verdict).toBe('overflow');
    expect(dropped.next.state).toBe('SYN-RECEIVED');
    expect(dropped.next.ackedWhileFull).toBe(true);
    const reset = tcpInput(s1.next, ack, 3000, { acceptQueueFull: true, abortOnOverflow: true });
    expect(reset.verdict).toBe('overflow-rst');
  });
});

describe('data, FIN and RST', () => {
  test('first data is ACKed at once (quick-ack); a FIN in ESTABLISHED is ACKed after the delayed-ACK timer', () => {
    const { c, s } = handshake();
    const d = tcpSend(c, 'hello', 10_000);
    const seg = sent(d.effects)[0]!;
    expect(flagsText(seg.flags)).toBe('P.');
    const r = tcpInput(s, seg, 11_000, env);
    expect(sent(r.effects).map((x) => flagsText(x.flags))).toEqual(['.']);
    expect(bqText(r.next.rcvBuf)).toBe('hello');
    const f = tcpClose(d.next, 12_000);
    const fin = sent(f.effects)[0]!;
    expect(flagsText(fin.flags)).toBe('F.');
    expect(f.next.state).toBe('FIN-WAIT-1');
    const r2 = tcpInput(r.next, fin, 13_000, env);
    expect(r2.next.state).toBe('CLOSE-WAIT');
    expect(sent(r2.effects)).toEqual([]);
    expect(r2.next.timers['delayed-ack']).toBe(13_000 + 40_000);
  });

  test('RST at RCV.NXT resets; in-window elsewhere draws a challenge ACK (RFC 5961 §3.2)', () => {
    const { c } = handshake();
    const at = { src: { ip: '10.0.0.2', port: 80 }, dst: { ip: '10.0.0.1', port: 40000 }, seq: c.rcvNxt, ack: 0, flags: { rst: true }, win: 0, data: '' };
    const r = tcpInput(c, at, 5000, env);
    expect(r.next.state).toBe('CLOSED');
    expect(r.next.err).toBe('ECONNRESET');
    const off = tcpInput(c, { ...at, seq: (c.rcvNxt + 100) >>> 0 }, 5000, env);
    expect(off.next.state).toBe('ESTABLISHED');
    expect(sent(off.effects).map((x) => [flagsText(x.flags), x.why])).toEqual([['.', 'challenge ACK (RFC 5961): RST not at RCV.NXT']]);
  });

  test('a SYN on an established connection draws a challenge ACK (RFC 5961 §4.2)', () => {
    const { s } = handshake();
    const syn = { src: { ip: '10.0.0.1', port: 40000 }, dst: { ip: '10.0.0.2', port: 80 }, seq: s.rcvNxt, ack: 0, flags: { syn: true }, win: 100, data: '' };
    const r = tcpInput(s, syn, 9000, env);
    expect(r.next.state).toBe('ESTABLISHED');
    expect(sent(r.effects)[0]!.why).toMatch(/challenge/);
  });

  test('close() with unread data sends RST instead of FIN (tcp_close data_was_unread)', () => {
    const { c, s } = handshake();
    const seg = sent(tcpSend(c, 'unread', 10_000).effects)[0]!;
    const r = tcpInput(s, seg, 11_000, env);
    const closed = tcpClose(r.next, 12_000);
    const out = sent(closed.effects);
    expect(out.map((x) => flagsText(x.flags))).toEqual(['R.']);
    expect(out[0]!.seq).toBe(r.next.sndNxt);
    expect(out[0]!.ack).toBe(r.next.rcvNxt);
    expect(closed.next.state).toBe('CLOSED');
  });

  test('TIME-WAIT re-ACKs a retransmitted FIN and restarts its 60 s timer', () => {
    const { c, s } = handshake();
    const fin1 = tcpClose(c, 10_000);
    const r1 = tcpInput(s, sent(fin1.effects)[0]!, 11_000, env);
    const fin2 = tcpClose(r1.next, 12_000);
    const serverFin = sent(fin2.effects).find((x) => x.flags.fin)!;
    const tw = tcpInput(fin1.next, serverFin, 13_000, env);
    expect(tw.next.state).toBe('TIME-WAIT');
    expect(tw.next.timers['time-wait']).toBe(13_000 + 60_000_000);
    const again = tcpInput(tw.next, serverFin, 20_000, env);
    expect(sent(again.effects).map((x) => flagsText(x.flags))).toEqual(['.']);
    expect(again.next.timers['time-wait']).toBe(20_000 + 60_000_000);
  });

  test('simultaneous close: FIN-WAIT-1 → CLOSING → TIME-WAIT', () => {
    const { c, s } = handshake();
    const a = tcpClose(c, 10_000);
    const b = tcpClose(s, 10_000);
    const ra = tcpInput(a.next, sent(b.effects)[0]!, 11_000, env);
    expect(ra.next.state).toBe('CLOSING');
    const rb = tcpInput(b.next, sent(a.effects)[0]!, 11_000, env);
    const ackToA = sent(rb.effects).find((x) => !x.flags.fin)!;
    const done = tcpInput(ra.next, ackToA, 12_000, env);
    expect(done.next.state).toBe('TIME-WAIT');
  });
});
