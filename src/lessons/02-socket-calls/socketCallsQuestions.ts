// Lesson 2's checks: call order, what accept() returns, and who answers the handshake.

import type { Question } from '../types.ts';

export const socketCallsQuestions: Question[] = [
  {
    id: 'server-order',
    kind: 'order',
    prompt: 'Put a TCP server’s calls in order, up to the point where it can read a request.',
    explanation: 'socket() makes the descriptor, bind() gives it a port, listen() makes it passive, accept() returns a connection to read from.',
    items: [
      { id: 'accept', text: '`accept()`' },
      { id: 'bind', text: '`bind()`' },
      { id: 'recv', text: '`recv()`' },
      { id: 'socket', text: '`socket()`' },
      { id: 'listen', text: '`listen()`' },
    ],
    correctOrder: ['socket', 'bind', 'listen', 'accept', 'recv'],
  },
  {
    id: 'client-order',
    kind: 'order',
    prompt: 'Put a TCP client’s calls in order.',
    explanation: 'A client needs no bind() or listen(): connect() picks a port and runs the handshake.',
    items: [
      { id: 'recv', text: '`recv()`' },
      { id: 'close', text: '`close()`' },
      { id: 'connect', text: '`connect()`' },
      { id: 'socket', text: '`socket()`' },
      { id: 'send', text: '`send()`' },
    ],
    correctOrder: ['socket', 'connect', 'send', 'recv', 'close'],
  },
  {
    id: 'accept-returns',
    kind: 'single',
    prompt: 'What does a successful accept() return?',
    explanation: 'A new descriptor for that one connection; the listening descriptor keeps listening.',
    options: [
      { id: 'new-fd', text: 'A new file descriptor for that one connection', correct: true, feedback: 'Yes: in the handshake run, {{acceptFd}} while the listener stays {{firstFd}}.' },
      { id: 'same-fd', text: 'The listening descriptor, now connected', correct: false, feedback: 'Then the server could serve only one client; the listener stays a listener.' },
      { id: 'port', text: 'The client’s port number', correct: false, feedback: 'The peer’s address comes back through the address argument, not the return value.' },
      { id: 'data', text: 'The first bytes the client sent', correct: false, feedback: 'That is recv()’s job, on the descriptor accept() returns.' },
    ],
  },
  {
    id: 'no-accept',
    kind: 'single',
    prompt: 'A server has called listen() but never accept(). A client calls connect(). What happens?',
    explanation: 'The kernel completes the handshake for a listening socket and queues the connection; accept() only collects it later.',
    options: [
      { id: 'ok', text: 'connect() succeeds: the server’s kernel finishes the handshake and queues the connection', correct: { fact: 'lwaConnectResult', equals: '0' }, feedback: 'In listen-without-accept, connect() returned {{lwaConnectResult}}.' },
      { id: 'blocks', text: 'connect() blocks until the server calls accept()', correct: false, feedback: 'connect() waits only for the SYN-ACK, which the kernel sends straight away.' },
      { id: 'refused', text: 'connect() fails with ECONNREFUSED', correct: { fact: 'lwaConnectResult', equals: 'ECONNREFUSED' }, feedback: 'Refusal means nothing listens on the port; here something does.' },
    ],
  },
  {
    id: 'blocking-calls',
    kind: 'multi',
    prompt: 'On a default (blocking) socket, which calls can make the thread wait? Pick all that apply.',
    explanation: 'accept() waits for a connection, connect() for the SYN-ACK, recv() for data. bind() and listen() return at once.',
    options: [
      { id: 'accept', text: '`accept()`', correct: true, feedback: 'Waits until a completed connection is queued.' },
      { id: 'connect', text: '`connect()`', correct: true, feedback: 'Waits a round trip, or much longer if SYNs are lost.' },
      { id: 'recv', text: '`recv()`', correct: true, feedback: 'Waits until data or end-of-file arrives.' },
      { id: 'bind', text: '`bind()`', correct: false, feedback: 'bind() succeeds or fails immediately.' },
      { id: 'listen', text: '`listen()`', correct: false, feedback: 'listen() only changes the socket’s mode.' },
    ],
  },
];
