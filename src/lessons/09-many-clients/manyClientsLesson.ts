// Lesson 9: from a one-at-a-time server to threads, a pool and event loops; descriptor limits; shutting down.

import type { Lesson } from '../types.ts';
import { manyClientsQuestions } from './manyClientsQuestions.ts';

export const manyClientsLesson: Lesson = {
  id: 'many-clients',
  number: 9,
  title: 'Serving many clients',
  minutes: 18,
  summary:
    'A server loop that handles one client at a time makes everyone else queue. Threads, pools and event loops are ' +
    'different answers to the same question: who waits while a request is being served?',
  goals: [
    'Predict when each client is answered by a sequential, threaded or pooled server.',
    'Explain what non-blocking sockets and select, poll or epoll add.',
    'Plan descriptor limits and a shutdown that drops no one.',
  ],
  sections: [
    {
      id: 'sequential',
      heading: 'One client at a time',
      blocks: [
        {
          kind: 'prose',
          text:
            'The simplest loop is accept, read, work, answer, close, repeat, all in one thread. In sequential-server ' +
            '{{seqClients}} clients connect at the same moment and each request needs {{seqWorkS}} of work. The kernel completes all ' +
            'the handshakes and queues the connections, but the program takes them one by one: the answers arrive at ' +
            '{{seqAnswers}} seconds.',
        },
        { kind: 'formula', title: 'The last client waits for everyone before it', working: '{{seqFormulaS.working}}' },
        { kind: 'lab', lab: { scenario: 'sequential-server', views: ['calls', 'queues', 'ladder'] }, caption: 'One thread, busy; the accept queue holds the others.' },
      ],
    },
    {
      id: 'threads',
      heading: 'A thread per connection',
      blocks: [
        {
          kind: 'prose',
          text:
            'Hand each connection to its own thread and go straight back to `accept()`, and the jobs overlap: in ' +
            'thread-per-connection the answers arrive at {{tpcAnswers}} seconds. The price is a thread, with its stack and ' +
            'scheduling cost, for every open connection, idle or not; the chapter puts the comfortable limit at about ' +
            '{{threadsScale}}.',
        },
        { kind: 'lab', lab: { scenario: 'thread-per-connection', views: ['calls', 'ladder'] }, caption: 'Every worker busy at the same time.' },
      ],
    },
    {
      id: 'pool',
      heading: 'A pool of workers',
      blocks: [
        {
          kind: 'prose',
          text:
            'A fixed pool bounds the threads and reuses them. With {{poolWorkers}} workers in thread-pool, the answers arrive at ' +
            '{{poolAnswers}} seconds: the first requests run side by side and the rest wait for a free worker.',
        },
        { kind: 'formula', title: 'Requests finish in waves of the pool size', working: '{{poolFormulaS.working}}' },
        { kind: 'lab', lab: { scenario: 'thread-pool', views: ['calls', 'ladder'] }, caption: 'The pool is busy; the last request waits its turn.' },
      ],
    },
    {
      id: 'event-loop',
      heading: 'Non-blocking sockets and event loops',
      blocks: [
        {
          kind: 'prose',
          text:
            'A non-blocking socket never waits: `accept()` on an empty queue fails with {{nbAcceptErrno}} and `connect()` returns ' +
            '{{nbConnectErrno}} while the handshake goes on. That alone only moves the waiting into a busy loop. What makes it ' +
            'useful is an event loop: one thread asks the kernel which of many sockets are ready (`select`, `poll`, `epoll`) and ' +
            'serves only those.',
        },
        { kind: 'lab', lab: { scenario: 'nonblocking-accept', views: ['calls', 'ladder'] }, caption: 'Calls that return at once, with "try again later".' },
        {
          kind: 'table',
          columns: ['Design', 'Comfortable scale (chapter)', 'Cost'],
          rows: [
            ['Blocking, thread per connection', 'about {{threadsScale}}', 'Simple; a thread per connection'],
            ['Non-blocking with `select` or `poll`', 'about {{selectScale}}', 'Every call scans every descriptor'],
            ['Non-blocking with `epoll` or `kqueue`', '{{epollScale}} or more', 'The kernel keeps the ready list'],
          ],
        },
        {
          kind: 'prose',
          text:
            'Async frameworks (asyncio, Node.js, Netty) are event loops with a friendlier API. Long computations still block ' +
            'them, so real servers mix an event loop for the sockets with a pool for the heavy work.',
        },
      ],
    },
    {
      id: 'fd-limits',
      heading: 'Descriptor limits',
      blocks: [
        {
          kind: 'prose',
          text:
            'Every connection, in every design, holds a descriptor. {{fdTargetConns}} need at least that many, while a default soft ' +
            'limit is often {{fdDefaultText}}. Raise it where the service starts (`LimitNOFILE` in a systemd unit, ' +
            '`/etc/security/limits.conf`), for instance to {{limitNofile}}, and watch `/proc/PID/limits` and `lsof`.',
        },
        {
          kind: 'try',
          id: 'try-nofile',
          lab: { scenario: 'emfile', views: ['calls', 'queues'], params: { nofile: 5 } },
          prompt: 'Lower the emfile server’s limit to `5` descriptors. How many connections will `accept()` hand over before the first EMFILE?',
          question: {
            id: 'try-nofile-q',
            kind: 'numeric',
            prompt: 'Connections accepted before EMFILE:',
            explanation: 'Standard input, output, error and the listener come first; what is left is for connections.',
            answer: { fact: 'emfileTryAccepted' },
            unit: 'connections',
            tolerance: { abs: 0 },
          },
          reveal: 'Accepted before EMFILE: {{emfileTryAccepted}}, against {{emfileAccepted}} with the original limit of {{emfileLimit}}.',
        },
      ],
    },
    {
      id: 'shutdown',
      heading: 'Shutting down gracefully',
      blocks: [
        {
          kind: 'prose',
          text:
            'In graceful-shutdown the server closes its listening socket while one request is in progress and others wait in the ' +
            'accept queue. The request in progress is answered ({{shutdownServed}}), but the {{shutdownResets}} queued connections, ' +
            'complete in the kernel yet never accepted, are reset and their clients see ECONNRESET.',
        },
        { kind: 'lab', lab: { scenario: 'graceful-shutdown', views: ['calls', 'queues', 'ladder'] }, caption: 'Closing the listener resets what was still queued.' },
        {
          kind: 'prose',
          text:
            'A gentler order, on SIGTERM: stop taking new work (leave the load balancer’s pool, or stop listening only after the ' +
            'queue is drained), accept and serve what is already queued, let requests in progress finish within a deadline, then ' +
            'close the remaining connections and exit.',
        },
      ],
    },
  ],
  questions: manyClientsQuestions,
};
