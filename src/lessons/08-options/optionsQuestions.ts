// Lesson 8's checks.

import type { Question } from '../types.ts';

export const optionsQuestions: Question[] = [
  {
    id: 'reuseaddr-means',
    kind: 'single',
    prompt: 'On Linux, what does `SO_REUSEADDR` let a server do?',
    explanation: 'It lets bind() succeed next to sockets that are not listening, such as TIME-WAIT leftovers; it never allows two listeners.',
    options: [
      { id: 'restart', text: 'Bind its port again while old connections on it are still in TIME-WAIT', correct: true, feedback: 'That is its purpose: restarts without EADDRINUSE.' },
      { id: 'two', text: 'Run two listening sockets on the same port', correct: false, feedback: 'The second bind() still fails with {{twoListenersErrno}}; that takes SO_REUSEPORT.' },
      { id: 'skip', text: 'Skip TIME-WAIT entirely', correct: false, feedback: 'TIME-WAIT still happens; the new socket just may share the port with it.' },
      { id: 'faster', text: 'Accept connections faster', correct: false, feedback: 'It changes only what bind() allows.' },
    ],
  },
  {
    id: 'keepalive-prod',
    kind: 'numeric',
    prompt: 'With `TCP_KEEPIDLE` {{kaProdIdleS}}, `TCP_KEEPINTVL` {{kaProdIntvlS}} and `TCP_KEEPCNT` {{kaProdCnt}}, how many seconds after a peer silently dies does the connection fail?',
    explanation: '{{kaProdFormulaS.working}}.',
    answer: { fact: 'kaProdFormulaS' },
    unit: 's',
    tolerance: { abs: 0 },
  },
  {
    id: 'keepalive-linux',
    kind: 'numeric',
    prompt: 'With Linux’s system-wide keepalive defaults, how many seconds does detection take?',
    explanation: '{{kaLinuxFormulaS.working}}: over {{kaLinuxIdleH}} of idling first.',
    answer: { fact: 'kaLinuxFormulaS' },
    unit: 's',
    tolerance: { abs: 1 },
  },
  {
    id: 'option-order',
    kind: 'order',
    prompt: 'Order a server’s steps so that every option takes effect.',
    explanation: 'SO_REUSEADDR changes bind(), so it comes before it; per-connection options go on the accepted socket.',
    items: [
      { id: 'nodelay', text: 'Set `TCP_NODELAY` on the accepted socket' },
      { id: 'bind', text: '`bind()`' },
      { id: 'reuseaddr', text: 'Set `SO_REUSEADDR`' },
      { id: 'socket', text: '`socket()`' },
      { id: 'accept', text: '`accept()`' },
      { id: 'listen', text: '`listen()`' },
    ],
    correctOrder: ['socket', 'reuseaddr', 'bind', 'listen', 'accept', 'nodelay'],
  },
  {
    id: 'reuseport-when',
    kind: 'single',
    prompt: 'When does `SO_REUSEPORT` help?',
    explanation: 'It spreads connections over several listening sockets on one port, one per worker process or thread.',
    options: [
      { id: 'workers', text: 'Several worker processes each listen on the same port and the kernel spreads connections among them', correct: true, feedback: 'The pre-fork model of nginx and gunicorn.' },
      { id: 'single', text: 'A single-process server wants faster restarts', correct: false, feedback: 'That is SO_REUSEADDR’s job.' },
      { id: 'lb', text: 'A load balancer in front already spreads the traffic over machines', correct: false, feedback: 'It balances between sockets on one machine; with one listener there is nothing to balance.' },
    ],
  },
];
