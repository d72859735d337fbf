// Lesson 7's checks.

import type { Question } from '../types.ts';

export const failuresQuestions: Question[] = [
  {
    id: 'refused-wire',
    kind: 'single',
    prompt: 'connect() fails at once with ECONNREFUSED. What did the client receive?',
    explanation: 'A refusal is the server kernel’s reset in answer to the SYN: nothing listens on that port.',
    options: [
      { id: 'rst', text: 'A reset in answer to its SYN', correct: { fact: 'refusedErrno', equals: 'ECONNREFUSED' }, feedback: 'Yes: `{{refusedFlags}}` in tcpdump, within {{refusedMs}}.' },
      { id: 'nothing', text: 'Nothing at all', correct: false, feedback: 'Silence gives ETIMEDOUT, and only after {{connectTimeoutNominalS}} or so.' },
      { id: 'synack', text: 'A SYN-ACK followed by a FIN', correct: false, feedback: 'That would be a connection accepted and then closed: connect() succeeds, and a later recv() returns `0`.' },
    ],
  },
  {
    id: 'timeout-seconds',
    kind: 'numeric',
    prompt: 'On a current Linux with default settings, after about how many seconds does a connect() whose SYNs are all dropped fail?',
    explanation: '{{synRetransmits}} retries at {{synScheduleNominal}} seconds, then the last wait runs out: {{connectTimeoutNominalS.working}} = {{connectTimeoutNominalS}} (the lab run, with timer slack: {{connectTimeoutS}}).',
    answer: { fact: 'connectTimeoutNominalS' },
    unit: 's',
    // Accepts the nominal sum and anything the timer wheel's slack can add to it, as seen in the lab.
    tolerance: { abs: 6 },
  },
  {
    id: 'peer-answered',
    kind: 'multi',
    prompt: 'Which of these errors mean a packet came back from the other side? Pick all that apply.',
    explanation: 'Refusals and resets are answers (RST segments); a timeout is the absence of any answer; EMFILE never leaves the local machine.',
    options: [
      { id: 'refused', text: 'ECONNREFUSED', correct: true, feedback: 'A reset answered the SYN.' },
      { id: 'reset', text: 'ECONNRESET', correct: true, feedback: 'A reset arrived on an established connection.' },
      { id: 'timedout', text: 'ETIMEDOUT from connect()', correct: false, feedback: 'Nothing came back at all.' },
      { id: 'emfile', text: 'EMFILE', correct: false, feedback: 'A local limit; nothing was even sent.' },
    ],
  },
  {
    id: 'emfile-queue',
    kind: 'single',
    prompt: 'accept() has just failed with EMFILE while a client waits. What happens to that client’s connection?',
    explanation: 'A failed accept() leaves the connection queued; it is handed over as soon as a descriptor frees up.',
    options: [
      { id: 'queued', text: 'It stays in the accept queue until a later accept() succeeds', correct: true, feedback: 'In emfile it is handed over once the server closes a descriptor.' },
      { id: 'reset', text: 'The kernel resets it', correct: false, feedback: 'Nothing is sent; the connection just keeps waiting.' },
      { id: 'refused', text: 'The client’s connect() fails with ECONNREFUSED', correct: false, feedback: 'connect() succeeded long before; the handshake was the kernel’s.' },
    ],
  },
];
