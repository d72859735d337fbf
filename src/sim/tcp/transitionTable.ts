// Every state change the simulator may make, with the event that causes it: RFC 9293 §3.3.2 (Figure 5) plus
// the Linux paths that the RFC diagram leaves implicit (aborts, timeouts, SYN cookies). The state diagram
// view draws these edges; the property tests check that no run ever takes an edge missing from this list.

import type { TcpState } from '../timeline/types.ts';

export interface Transition {
  from: TcpState;
  to: TcpState;
  event: string;
  action: string;
  /** In RFC 9293's Figure 5 (true) or a Linux/abort path (false). */
  rfcDiagram: boolean;
}

const T = (from: TcpState, to: TcpState, event: string, action: string, rfcDiagram = true): Transition => ({ from, to, event, action, rfcDiagram });

export const TRANSITIONS: readonly Transition[] = [
  T('CLOSED', 'LISTEN', 'listen()', '—'),
  T('CLOSED', 'SYN-SENT', 'connect()', 'snd SYN'),
  T('LISTEN', 'SYN-RECEIVED', 'rcv SYN', 'snd SYN,ACK (child in the SYN queue)'),
  T('LISTEN', 'CLOSED', 'close()', 'reset queued children'),
  T('LISTEN', 'ESTABLISHED', 'rcv ACK with a valid SYN cookie', 'child straight into the accept queue', false),
  T('SYN-SENT', 'ESTABLISHED', 'rcv SYN,ACK', 'snd ACK'),
  T('SYN-SENT', 'SYN-RECEIVED', 'rcv SYN (simultaneous open)', 'snd SYN,ACK'),
  T('SYN-SENT', 'CLOSED', 'rcv RST / close() / SYN retries exhausted', 'connect() fails', true),
  T('SYN-RECEIVED', 'ESTABLISHED', 'rcv ACK of SYN', '— (child moves to the accept queue)'),
  T('SYN-RECEIVED', 'FIN-WAIT-1', 'close()', 'snd FIN'),
  T('SYN-RECEIVED', 'CLOSED', 'rcv RST / SYN-ACK retries exhausted / listener closed', 'drop', false),
  T('ESTABLISHED', 'FIN-WAIT-1', 'close() / shutdown(SHUT_WR)', 'snd FIN'),
  T('ESTABLISHED', 'CLOSE-WAIT', 'rcv FIN', 'snd ACK'),
  T('ESTABLISHED', 'CLOSED', 'rcv RST / close() with unread data / SO_LINGER 0 / timeout', 'snd RST or nothing', false),
  T('FIN-WAIT-1', 'FIN-WAIT-2', 'rcv ACK of FIN', '—'),
  T('FIN-WAIT-1', 'CLOSING', 'rcv FIN', 'snd ACK'),
  T('FIN-WAIT-1', 'TIME-WAIT', 'rcv FIN,ACK of our FIN', 'snd ACK'),
  T('FIN-WAIT-1', 'CLOSED', 'rcv RST / data after close() / retries exhausted', 'snd RST or nothing', false),
  T('FIN-WAIT-2', 'TIME-WAIT', 'rcv FIN', 'snd ACK'),
  T('FIN-WAIT-2', 'CLOSED', 'tcp_fin_timeout (orphan) / rcv RST / data after close()', '—', false),
  T('CLOSE-WAIT', 'LAST-ACK', 'close() / shutdown(SHUT_WR)', 'snd FIN'),
  T('CLOSE-WAIT', 'CLOSED', 'rcv RST / close() with unread data / SO_LINGER 0', 'snd RST or nothing', false),
  T('CLOSING', 'TIME-WAIT', 'rcv ACK of FIN', '—'),
  T('CLOSING', 'CLOSED', 'rcv RST / retries exhausted', '—', false),
  T('LAST-ACK', 'CLOSED', 'rcv ACK of FIN', '—'),
  T('TIME-WAIT', 'CLOSED', 'timer (Linux 60 s) / rcv RST / new SYN', '—'),
];

const allowed = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`));
export const isAllowedTransition = (from: TcpState, to: TcpState): boolean => allowed.has(`${from}>${to}`);
