// Lesson 2: the server's and the client's call sequences, blocking, and file descriptors.

import type { Lesson } from '../types.ts';
import { socketCallsQuestions } from './socketCallsQuestions.ts';

export const socketCallsLesson: Lesson = {
  id: 'socket-calls',
  number: 2,
  title: 'The socket calls',
  minutes: 14,
  summary:
    'A server needs four calls before it can talk to anyone, a client only two. Each one maps to something you can watch ' +
    'in the lab, and each is where one of the classic errors comes from.',
  goals: [
    'Put the server’s and the client’s calls in order and say what each does.',
    'Tell which calls block, and for how long.',
    'See that the kernel, not your program, answers the handshake.',
  ],
  sections: [
    {
      id: 'server-calls',
      heading: 'The server: socket, bind, listen, accept',
      blocks: [
        {
          kind: 'code',
          language: 'c',
          lines: [
            'int lfd = socket(AF_INET, SOCK_STREAM, 0);      // a descriptor with no address yet',
            'bind(lfd, &addr /* 0.0.0.0:8080 */, sizeof addr); // claim the port: EADDRINUSE is born here',
            'listen(lfd, 128);                               // passive socket: the kernel now completes handshakes',
            'int cfd = accept(lfd, &peer, &len);             // wait for a finished connection; a NEW descriptor',
            'recv(cfd, buf, sizeof buf, 0);                  // read the request',
            'send(cfd, reply, n, 0);                         // write the answer',
            'close(cfd);                                     // FIN, and the descriptor is free again',
          ],
        },
        {
          kind: 'prose',
          text:
            '`socket()` only allocates: in the handshake run it returns {{firstFd}}, the lowest free number, because standard input, ' +
            'output and error already hold the ones below it. `bind()` attaches a local address and port. `listen()` turns the ' +
            'socket passive and gives it its queues. `accept()` hands back a connection the kernel has already completed, as a ' +
            'new descriptor ({{acceptFd}} in the run); the listening socket stays as it was, ready for the next client.',
        },
      ],
    },
    {
      id: 'client-calls',
      heading: 'The client: socket, connect',
      blocks: [
        {
          kind: 'code',
          language: 'c',
          lines: [
            'int fd = socket(AF_INET, SOCK_STREAM, 0);',
            'connect(fd, &server /* 10.0.0.2:8080 */, sizeof server); // SYN out; returns when the SYN-ACK is in',
            'send(fd, request, n, 0);',
            'recv(fd, buf, sizeof buf, 0);',
            'close(fd);',
          ],
        },
        {
          kind: 'prose',
          text:
            'A client normally skips `bind()`: `connect()` picks an ephemeral port for it. `connect()` sends the SYN and returns ' +
            'once the SYN-ACK arrives, which is where "connection refused" and "connection timed out" come from (Lesson 7).',
        },
      ],
    },
    {
      id: 'blocking',
      heading: 'Calls that wait',
      blocks: [
        {
          kind: 'prose',
          text:
            '`accept()`, `connect()` and `recv()` block: the thread stops until there is something to return. In the handshake run ' +
            'the server calls `accept()` at the start and waits {{acceptWaitMs}} for a client that only begins its `connect()` ' +
            '{{clientStartMs}} into the run.',
        },
        { kind: 'lab', lab: { scenario: 'handshake', views: ['calls', 'ladder', 'narration'] }, caption: 'Watch which thread is blocked, and on what, while the segments cross.' },
        {
          kind: 'try',
          id: 'try-accept-world',
          lab: { scenario: 'handshake', views: ['calls', 'ladder'], delayMs: 75 },
          prompt:
            'Set the one-way delay to {{worldOneWayMs}}, a round trip of {{worldRttMs}}. How long will the server’s `accept()` ' +
            'now block? Remember the client starts {{clientStartMs}} in, and `accept()` returns only when the final ACK arrives.',
          question: {
            id: 'try-accept-world-q',
            kind: 'numeric',
            prompt: 'accept() blocks for how many milliseconds?',
            explanation: 'The client’s start, then SYN, SYN-ACK and final ACK: three one-way trips.',
            answer: { fact: 'acceptWaitWorldMs' },
            unit: 'ms',
            tolerance: { rel: 0.02 },
          },
          reveal: 'The simulator’s `accept()` returned after {{acceptWaitWorldMs}}.',
        },
        {
          kind: 'prose',
          text:
            'The handshake itself is the kernel’s work. In listen-without-accept the server never calls `accept()`, yet the ' +
            'client’s `connect()` returns {{lwaConnectResult}} and its request is delivered. `ss` shows the listener’s Recv-Q at ' +
            '{{lwaListenerRecvQ}}, a finished connection waiting, and that connection holding {{lwaChildRecvQ}} nobody has read.',
        },
        { kind: 'lab', lab: { scenario: 'listen-without-accept', views: ['calls', 'ss', 'queues'] }, caption: 'The program sleeps; the kernel handshakes and queues.' },
      ],
    },
    {
      id: 'descriptors',
      heading: 'Descriptors are a budget',
      blocks: [
        {
          kind: 'prose',
          text:
            'Every socket, listening or connected, holds one descriptor until `close()`. A process has a limit (`ulimit -n`), and ' +
            'when it is reached `socket()` and `accept()` fail with EMFILE. The lessons on failures and on serving many clients show ' +
            'that failure and how servers stay under the limit.',
        },
      ],
    },
  ],
  questions: socketCallsQuestions,
};
