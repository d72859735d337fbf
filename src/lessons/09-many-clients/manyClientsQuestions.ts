// Lesson 9's checks.

import type { Question } from '../types.ts';

export const manyClientsQuestions: Question[] = [
  {
    id: 'sequential-last',
    kind: 'numeric',
    prompt: '{{seqRequests}} clients arrive together at a one-thread server whose work takes {{seqServiceS}} per request. After how many seconds does the last one get its answer?',
    explanation: '{{seqFormulaS.working}}; the simulator’s answers came at {{seqAnswers}} seconds.',
    answer: { fact: 'seqFormulaS' },
    unit: 's',
    tolerance: { abs: 0.5 },
  },
  {
    id: 'pool-last',
    kind: 'numeric',
    prompt: 'The same {{seqRequests}} requests, served by a pool of {{poolWorkers}} workers. When does the last answer arrive, in seconds?',
    explanation: '{{poolFormulaS.working}}; the simulator’s answers came at {{poolAnswers}} seconds.',
    answer: { fact: 'poolFormulaS' },
    unit: 's',
    tolerance: { abs: 0.5 },
  },
  {
    id: 'scale-order',
    kind: 'order',
    prompt: 'Order these designs by how many concurrent connections they handle comfortably, fewest first.',
    explanation: 'Threads cost memory per connection; select and poll scan every descriptor; epoll reports only ready ones.',
    items: [
      { id: 'epoll', text: 'Non-blocking sockets with `epoll`' },
      { id: 'threads', text: 'A blocking thread per connection' },
      { id: 'select', text: 'Non-blocking sockets with `select`' },
    ],
    correctOrder: ['threads', 'select', 'epoll'],
  },
  {
    id: 'eagain',
    kind: 'single',
    prompt: 'A non-blocking listening socket has nothing in its accept queue. What does `accept()` do?',
    explanation: 'It fails at once with EAGAIN (Python raises BlockingIOError); an event loop tells you when to try again.',
    options: [
      { id: 'eagain', text: 'Fails at once with EAGAIN', correct: { fact: 'nbAcceptErrno', equals: 'EAGAIN' }, feedback: 'Yes: "nothing yet, try again later".' },
      { id: 'blocks', text: 'Blocks until a client connects', correct: false, feedback: 'That is the blocking behaviour the option switches off.' },
      { id: 'zero', text: 'Returns `0`', correct: false, feedback: 'Descriptor `0` is standard input; an empty queue is reported as an error.' },
    ],
  },
];
