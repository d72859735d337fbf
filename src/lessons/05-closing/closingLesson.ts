// Lesson 5: FIN and ACK, half-close, TIME-WAIT and why it is harmless, CLOSE-WAIT leaks, resets.

import type { Lesson } from '../types.ts';
import { closingQuestions } from './closingQuestions.ts';

export const closingLesson: Lesson = {
  id: 'closing',
  number: 5,
  title: 'Closing a connection',
  minutes: 18,
  summary:
    'Each direction of a connection is closed on its own, with a FIN. The side that closes first keeps a small record, ' +
    'TIME-WAIT, for a while; the side that never closes leaks. And some closes are not graceful at all but resets.',
  goals: [
    'Walk through a teardown and name each side’s states.',
    'Explain why TIME-WAIT exists and when a pile of them matters.',
    'Recognise a CLOSE-WAIT leak and the causes of a reset.',
  ],
  sections: [
    {
      id: 'fin',
      heading: 'Each side closes its own half',
      blocks: [
        {
          kind: 'prose',
          text:
            'A FIN means "I will send nothing more". It uses up one sequence number, like a SYN, and the other side acknowledges ' +
            'it. The side that closes first goes FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT; the other reads end-of-file (`recv()` ' +
            'returns `0`), sits in CLOSE-WAIT until its program calls `close()`, then LAST-ACK. Four segments in principle; in ' +
            'client-closes-first there are {{teardownSegments}}, because the server closes while its ACK of the client’s FIN is ' +
            'still delayed, and its FIN carries that ACK.',
        },
        { kind: 'lab', lab: { scenario: 'client-closes-first', views: ['ladder', 'states', 'narration'] }, caption: 'Two FINs, two ACKs (one riding on a FIN), and a socket left in TIME-WAIT.' },
        {
          kind: 'predict',
          id: 'predict-server-fin',
          lab: { scenario: 'client-closes-first', views: ['ladder'] },
          segment: { from: 'server', flags: 'F.' },
          intro: 'The client’s FIN has arrived and the server’s program closes too. Predict the server’s FIN.',
        },
        {
          kind: 'prose',
          text:
            'Closing one direction only is allowed. With `shutdown(SHUT_WR)` the client in half-close sends its FIN but keeps ' +
            'reading, and the server still sends {{halfCloseServerSent}} of response after that FIN.',
        },
        { kind: 'lab', lab: { scenario: 'half-close', views: ['ladder', 'calls'] }, caption: 'A FIN one way, data still flowing the other.' },
      ],
    },
    {
      id: 'time-wait',
      heading: 'TIME-WAIT: a feature, not a leak',
      blocks: [
        {
          kind: 'prose',
          text:
            'The active closer keeps its end in TIME-WAIT; Linux arms a fixed {{timeWaitS}} timer for it. In client-closes-first ' +
            'the socket actually goes after {{timeWaitMeasuredS}}: the kernel’s timer wheel never fires early and rounds long ' +
            'timers up to a coarse tick, so expect a few seconds’ slack in `ss` too. It exists for two reasons. If its final ACK is lost, the peer resends its FIN and the TIME-WAIT ' +
            'socket can answer it again instead of a reset. And any delayed duplicates of this connection die out before a new ' +
            'connection with the same 4-tuple could mistake them for its own.',
        },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'RFC 9293 sets TIME-WAIT to twice the maximum segment lifetime: {{rfcTimeWaitS.working}} = {{rfcTimeWaitS}}. Linux uses ' +
            'a fixed {{timeWaitS}} instead, which is the "two times MSL" figure the chapter quotes.',
        },
        {
          kind: 'prose',
          text:
            'Which machine holds it depends only on who closed first: in client-closes-first it is the {{timeWaitHostClientFirst}}, ' +
            'in server-closes-first the {{timeWaitHostServerFirst}}. A TIME-WAIT socket has no buffers and no descriptor, so ' +
            'thousands of them cost little. The one real risk is ports: a client opening a fresh connection per call to one ' +
            'destination holds one ephemeral port per TIME-WAIT. time-wait-pileup makes {{pileupConnections}} calls and leaves ' +
            '{{pileupTimeWaits}} TIME-WAIT sockets; ephemeral-port-exhaustion shrinks the range to {{exhaustPorts}} and the next ' +
            '`connect()` fails with {{exhaustErrno}}.',
        },
        { kind: 'lab', lab: { scenario: 'time-wait-pileup', views: ['ss', 'states'] }, caption: 'Every call leaves one TIME-WAIT row in ss for {{timeWaitS}}.' },
        {
          kind: 'prose',
          text:
            'The cure is to reuse connections. `net.ipv4.tcp_tw_reuse` lets a new outgoing connection take over a TIME-WAIT port ' +
            'when TCP timestamps prove it safe (the default, {{twReuseDefault}}, allows it for loopback only). Never use ' +
            '`tcp_tw_recycle`: it dropped SYNs from clients behind a NAT whose timestamps looked out of order, and Linux removed it.',
        },
        {
          kind: 'try',
          id: 'try-who-waits',
          lab: { scenario: 'server-closes-first', views: ['ladder', 'states', 'ss'] },
          prompt: 'Now the server answers and hangs up first, as an HTTP/1.0 server does. Which machine will hold the TIME-WAIT socket?',
          question: {
            id: 'try-who-waits-q',
            kind: 'single',
            prompt: 'TIME-WAIT ends up on:',
            explanation: 'Whoever sends the first FIN is the active closer and keeps TIME-WAIT.',
            options: [
              { id: 'server', text: 'the server', correct: { fact: 'timeWaitHostServerFirst', equals: 'server' }, feedback: 'The server closed first, so it is the active closer.' },
              { id: 'client', text: 'the client', correct: { fact: 'timeWaitHostServerFirst', equals: 'client' }, feedback: 'The client only closes after reading end-of-file: it is the passive side here.' },
            ],
          },
          reveal: 'In server-closes-first the TIME-WAIT socket is on the {{timeWaitHostServerFirst}}. Busy servers that close first collect them by the thousand.',
        },
      ],
    },
    {
      id: 'close-wait',
      heading: 'CLOSE-WAIT: the program forgot to close',
      blocks: [
        {
          kind: 'prose',
          text:
            'CLOSE-WAIT means the peer has closed and the kernel is waiting for your program to do the same. Nothing times it ' +
            'out. In close-wait-leak the server reads end-of-file but never calls `close()`, and its socket is still in CLOSE-WAIT ' +
            '{{closeWaitHeldS}} later, holding a descriptor, when the run ends. The client’s orphaned FIN-WAIT-2 socket is ' +
            'cleaned up after `tcp_fin_timeout`, {{finTimeoutS}}. Many CLOSE-WAIT rows in `ss` always point at the application.',
        },
        { kind: 'lab', lab: { scenario: 'close-wait-leak', views: ['ss', 'states'] }, caption: 'The server’s row stays in CLOSE-WAIT; the client’s disappears after tcp_fin_timeout.' },
        {
          kind: 'try',
          id: 'try-fin-timeout',
          lab: { scenario: 'close-wait-leak', views: ['ss', 'states'], params: { finTimeout: 30 } },
          prompt: 'Halve the client’s `tcp_fin_timeout`. How long will its orphaned FIN-WAIT-2 socket last now, and does the server’s CLOSE-WAIT change?',
          question: {
            id: 'try-fin-timeout-q',
            kind: 'numeric',
            prompt: 'Seconds the client’s socket spends in FIN-WAIT-2:',
            explanation: 'An orphaned FIN-WAIT-2 socket lives exactly tcp_fin_timeout; the server’s CLOSE-WAIT is untouched by any client setting.',
            answer: { fact: 'finTimeoutTryS' },
            unit: 's',
            tolerance: { abs: 1 },
          },
          reveal: 'FIN-WAIT-2 now lasts {{finTimeoutTryS}}; the server stays in CLOSE-WAIT regardless.',
        },
      ],
    },
    {
      id: 'reset',
      heading: 'Resets',
      blocks: [
        {
          kind: 'prose',
          text:
            'A RST ends a connection at once, without the FIN exchange. Linux sends one when a program closes a socket that still ' +
            'has unread data: in reset-unread-data the server closes without reading the request, its kernel sends a reset (`{{unreadFlags}}`), ' +
            'and the client’s `recv()` fails with {{unreadErrno}}. Setting `SO_LINGER` to on with a zero timeout makes `close()` ' +
            'abort on purpose: reset-linger-zero leaves {{lingerTimeWaits}} TIME-WAIT sockets and the server’s `recv()` fails with ' +
            '{{lingerErrno}}. It is a way to skip TIME-WAIT, paid for with an error on the other side and any unsent data lost.',
        },
        { kind: 'lab', lab: { scenario: 'reset-unread-data', views: ['ladder', 'calls'] }, caption: 'Close with unread data: RST instead of FIN.' },
      ],
    },
  ],
  questions: closingQuestions,
};
