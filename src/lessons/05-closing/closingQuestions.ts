// Lesson 5's checks.

import type { Question } from '../types.ts';

export const closingQuestions: Question[] = [
  {
    id: 'who-time-wait',
    kind: 'single',
    prompt: 'Which end of a connection enters TIME-WAIT?',
    explanation: 'The active closer, whichever side sent the first FIN.',
    options: [
      { id: 'active', text: 'The one that sent the first FIN', correct: true, feedback: 'Yes: client or server, whoever closed first.' },
      { id: 'client', text: 'Always the client', correct: false, feedback: 'In server-closes-first it is the {{timeWaitHostServerFirst}}.' },
      { id: 'server', text: 'Always the server', correct: false, feedback: 'In client-closes-first it is the {{timeWaitHostClientFirst}}.' },
      { id: 'passive', text: 'The one that received the first FIN', correct: false, feedback: 'That side goes to CLOSE-WAIT and then LAST-ACK.' },
    ],
  },
  {
    id: 'time-wait-length',
    kind: 'numeric',
    prompt: 'How many seconds does Linux keep a socket in TIME-WAIT?',
    explanation: 'Linux arms a fixed {{timeWaitS}} (in the lab it ended after {{timeWaitMeasuredS}}, timer-wheel slack included); RFC 9293 would have {{rfcTimeWaitS}}.',
    answer: { fact: 'timeWaitS' },
    unit: 's',
    // The timer wheel may run a 60 s timer up to about 4 s late: an answer read off the lab is right too.
    tolerance: { abs: 5 },
  },
  {
    id: 'close-wait-cause',
    kind: 'single',
    prompt: '`ss` shows hundreds of your server’s sockets in CLOSE-WAIT. What is the likely cause?',
    explanation: 'CLOSE-WAIT only ends when the program calls close(); a growing count is a leak in your code.',
    options: [
      { id: 'no-close', text: 'The server code does not close sockets after the client hangs up', correct: true, feedback: 'Look for a path where `recv()` returns `0` and the socket is dropped without `close()`.' },
      { id: 'fin-timeout', text: '`tcp_fin_timeout` is too high', correct: false, feedback: 'That timer is for orphaned FIN-WAIT-2 sockets on the closing side.' },
      { id: 'network', text: 'The network is dropping FINs', correct: false, feedback: 'CLOSE-WAIT means the FIN did arrive.' },
      { id: 'clients', text: 'Clients are not closing their sockets', correct: false, feedback: 'It is the opposite: the clients closed, your server did not.' },
    ],
  },
  {
    id: 'tw-remedies',
    kind: 'multi',
    prompt: 'A client opening a connection per call is running out of ephemeral ports because of TIME-WAIT. Which are sound fixes? Pick all that apply.',
    explanation: 'Reuse connections first; tcp_tw_reuse is a safe kernel aid for outgoing connections. tcp_tw_recycle broke NAT and is gone; lingering resets trade the problem for errors.',
    options: [
      { id: 'reuse', text: 'Reuse connections with keep-alive or a pool', correct: true, feedback: 'No new connection, no new TIME-WAIT.' },
      { id: 'tw-reuse', text: 'Enable `net.ipv4.tcp_tw_reuse`', correct: true, feedback: 'It lets new outgoing connections reuse TIME-WAIT ports when timestamps make it safe.' },
      { id: 'tw-recycle', text: 'Enable `tcp_tw_recycle`', correct: false, feedback: 'It dropped connections from clients behind NAT and was removed from Linux.' },
      { id: 'linger', text: 'Set `SO_LINGER` to zero on every close', correct: false, feedback: 'That turns every close into a reset, and the peer sees errors.' },
    ],
  },
  {
    id: 'unread-close',
    kind: 'single',
    prompt: 'A server closes a connection without reading the request that arrived on it. What does the waiting client see?',
    explanation: 'Unread data makes Linux abort with a RST, which the client’s recv() reports as a reset.',
    options: [
      { id: 'reset', text: 'Its recv() fails with ECONNRESET', correct: { fact: 'unreadErrno', equals: 'ECONNRESET' }, feedback: 'Data thrown away unread means RST, not FIN.' },
      { id: 'eof', text: 'Its `recv()` returns `0`, a normal end-of-file', correct: { fact: 'unreadErrno', equals: 'none' }, feedback: 'That is what a FIN would give; with unread data Linux does not send one.' },
      { id: 'hang', text: 'Its recv() waits forever', correct: false, feedback: 'The server’s kernel tells the client at once.' },
    ],
  },
];
