// Lesson 6's checks.

import type { Question } from '../types.ts';

export const backlogQuestions: Question[] = [
  {
    id: 'which-queue',
    kind: 'single',
    prompt: 'A connection whose final ACK has arrived, but which the program has not yet accepted, is:',
    explanation: 'Complete connections wait in the accept queue; the SYN queue holds only half-open ones.',
    options: [
      { id: 'accept', text: 'in the accept queue', correct: true, feedback: 'It is ESTABLISHED and waits for accept().' },
      { id: 'syn', text: 'in the SYN queue', correct: false, feedback: 'The SYN queue holds connections still waiting for that final ACK.' },
      { id: 'dropped', text: 'dropped until accept() is called', correct: false, feedback: 'The kernel keeps it; in listen-without-accept it even receives data.' },
      { id: 'time-wait', text: 'in TIME-WAIT', correct: false, feedback: 'TIME-WAIT comes at the end of a connection, not the start.' },
    ],
  },
  {
    id: 'effective-backlog',
    kind: 'numeric',
    prompt: 'A server calls `listen()` with {{somaxconnRequested}} where `net.core.somaxconn` is {{somaxconnSet}}. How many completed connections can wait in its accept queue on Linux?',
    explanation: 'The limit is min(backlog, somaxconn) = {{somaxconnLimit}}, and Linux holds one more than the limit.',
    answer: { fact: 'somaxconnHeld' },
    unit: 'connections',
    tolerance: { abs: 0 },
  },
  {
    id: 'overflow-symptom',
    kind: 'single',
    prompt: 'With default settings, what does a client see when the server’s accept queue is full?',
    explanation: 'Its SYN is dropped silently; it retransmits, so the only symptom is a slow connect().',
    options: [
      { id: 'slow', text: 'connect() takes much longer while its SYN is retransmitted', correct: true, feedback: 'In backlog-overflow the slowest connect() took {{overflowSlowConnectS}}.' },
      { id: 'refused', text: 'connect() fails at once with ECONNREFUSED', correct: false, feedback: 'Only with `tcp_abort_on_overflow` on; the default is to drop.' },
      { id: 'reset', text: 'The connection is accepted and then reset', correct: false, feedback: 'Nothing is accepted while the queue is full.' },
      { id: 'nothing', text: 'Nothing: the kernel grows the queue', correct: false, feedback: 'The queue has a fixed limit, min(backlog, somaxconn).' },
    ],
  },
  {
    id: 'backlog-size',
    kind: 'numeric',
    prompt: 'New connections arrive in bursts of {{incidentPeakRps}} and your accept loop can take {{acceptLatencyMs}} between accepts. What backlog does burst × latency suggest on a current Linux?',
    explanation: '{{backlogWanted.working}}.',
    answer: { fact: 'backlogWanted' },
    unit: '',
    tolerance: { rel: 0.05 },
  },
];
