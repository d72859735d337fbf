// Lesson 4's checks.

import type { Question } from '../types.ts';

export const dataQuestions: Question[] = [
  {
    id: 'nagle-count',
    kind: 'numeric',
    prompt: 'With Nagle on, how many data segments carry the {{nagleWrites}} one-byte writes of nagle-hello?',
    explanation: 'The first byte goes alone; the rest wait for its ACK and leave together: {{nagleFirst}} then {{nagleSecond}}.',
    answer: { fact: 'nagleSegments' },
    unit: 'segments',
    tolerance: { abs: 0 },
  },
  {
    id: 'nodelay-when',
    kind: 'single',
    prompt: 'Which program most needs `TCP_NODELAY`?',
    explanation: 'Small request/response exchanges suffer from a round trip of waiting; bulk transfers fill whole segments anyway.',
    options: [
      { id: 'rpc', text: 'An RPC client that writes a small header and a small body in separate calls and waits for the reply', correct: true, feedback: 'The second write would wait for an ACK of the first: a round trip added to every call.' },
      { id: 'bulk', text: 'A backup tool streaming large files', correct: false, feedback: 'Its writes fill full segments; Nagle never holds them.' },
      { id: 'udp', text: 'A DNS client using UDP', correct: false, feedback: 'Nagle is part of TCP; UDP sends each datagram as written.' },
      { id: 'all', text: 'Every server, always', correct: false, feedback: 'Many tiny segments waste bandwidth and CPU; turn it off where latency needs it.' },
    ],
  },
  {
    id: 'timeout-vs-keepalive',
    kind: 'single',
    prompt: 'A client calls `settimeout()` with {{recvTimeoutS}} on its socket. What does that do?',
    explanation: 'It is a deadline for each blocking call, checked by the program, not a lifetime for the connection and not a probe.',
    options: [
      { id: 'per-call', text: 'Any later blocking call on that socket fails if it waits longer than that', correct: true, feedback: 'Yes: in recv-timeout, recv() fails with {{recvTimeoutErrno}} after {{recvTimeoutS}}.' },
      { id: 'total', text: 'The whole connection is closed after that long', correct: false, feedback: 'Each call gets its own deadline; a connection can live as long as calls keep succeeding.' },
      { id: 'probe', text: 'The kernel probes the peer after that much idle time', correct: false, feedback: 'That is keepalive (`SO_KEEPALIVE` with `TCP_KEEPIDLE`).' },
      { id: 'peer', text: 'The peer is told to answer within that time', correct: false, feedback: 'Nothing is sent; the peer never knows about your deadline.' },
    ],
  },
  {
    id: 'delayed-ack',
    kind: 'multi',
    prompt: 'Which are true of delayed ACKs on Linux? Pick all that apply.',
    explanation: 'Linux delays a bare ACK briefly to piggyback it, except at the start of a connection and when a lot is waiting to be acknowledged.',
    options: [
      { id: 'piggyback', text: 'The hope is to send the ACK together with data going the same way', correct: true, feedback: 'One packet instead of two.' },
      { id: 'measured', text: 'In close-wait-leak the ACK is held by a {{delayedAckMs}} timer', correct: true, feedback: 'It left {{delayedAckMeasuredMs}} after the FIN arrived.' },
      { id: 'quickack', text: 'The first segments of a connection are acknowledged at once', correct: true, feedback: 'Quick-ack mode lets a new connection ramp up.' },
      { id: 'lost', text: 'A delayed ACK is lost if no data follows', correct: false, feedback: 'The timer sends it anyway; it is delayed, never skipped.' },
    ],
  },
];
