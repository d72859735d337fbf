// Lesson 6: the SYN queue and the accept queue, the somaxconn clamp, overflow, sizing and monitoring.

import type { Lesson } from '../types.ts';
import { backlogQuestions } from './backlogQuestions.ts';

export const backlogLesson: Lesson = {
  id: 'backlog',
  number: 6,
  title: 'The listen backlog',
  minutes: 15,
  summary:
    'Between the kernel finishing a handshake and your program calling accept(), connections wait in a queue. ' +
    'When that queue is full, new clients do not get an error; they get silence and retries, which look like latency.',
  goals: [
    'Say what waits in the SYN queue and what waits in the accept queue.',
    'Predict the real size of an accept queue from backlog and somaxconn.',
    'Size a backlog from burst rate and accept latency, and know where to watch it.',
  ],
  sections: [
    {
      id: 'two-queues',
      heading: 'Two queues per listener',
      blocks: [
        {
          kind: 'prose',
          text:
            'A SYN that reaches a listening socket creates a half-open entry in the SYN queue (state SYN-RECEIVED) and is answered ' +
            'with a SYN-ACK. When the client’s ACK arrives the connection is complete and moves to the accept queue, where it waits ' +
            'for `accept()`. The backlog passed to `listen()` bounds the accept queue.',
        },
        { kind: 'lab', lab: { scenario: 'backlog-overflow', views: ['queues', 'ladder', 'ss'] }, caption: 'Watch the accept queue fill while the server sleeps, and the SYNs that find it full.' },
      ],
    },
    {
      id: 'overflow',
      heading: 'When the accept queue is full',
      blocks: [
        {
          kind: 'prose',
          text:
            'In backlog-overflow the server calls `listen()` with a backlog of {{overflowBacklog}} and does not accept until ' +
            '{{overflowAcceptAtS}}. Linux lets the queue hold one more than the backlog, so it holds {{overflowHeld}}. The other ' +
            'clients’ SYNs find it full and are dropped without a word ({{overflowDrops}} in all). Each of those clients retransmits ' +
            'after {{overflowRetryMs}}, and again, until there is room: the slowest `connect()` takes {{overflowSlowConnectS}} ' +
            'where the first took {{overflowConnectMs}}. No error anywhere, only waiting.',
        },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'With `tcp_abort_on_overflow` set to `1` the server answers with a reset instead, and clients fail fast with ' +
            'ECONNREFUSED. The default is to drop, because an overflow is often a momentary burst that retries ride out.',
        },
        {
          kind: 'try',
          id: 'try-backlog-3',
          lab: { scenario: 'backlog-overflow', views: ['queues', 'ladder'], params: { backlog: 3 } },
          prompt: 'Raise the backlog to `3`. How many of the clients will connect within half a second, before the server starts accepting?',
          question: {
            id: 'try-backlog-3-q',
            kind: 'numeric',
            prompt: 'Clients connected within half a second:',
            explanation: 'Linux holds one more connection than the backlog, which is now room for every client in this run.',
            answer: { fact: 'overflowTryConnected' },
            unit: 'clients',
            tolerance: { abs: 0 },
          },
          reveal: '{{overflowTryConnected}} clients connect at once: nothing overflows.',
        },
      ],
    },
    {
      id: 'somaxconn',
      heading: 'somaxconn caps what you ask for',
      blocks: [
        {
          kind: 'prose',
          text:
            'The backlog is a request. Linux uses the smaller of it and `net.core.somaxconn`. In somaxconn-caps-backlog the server ' +
            'asks for {{somaxconnRequested}} on a machine where somaxconn is {{somaxconnSet}}; the queue limit becomes ' +
            '{{somaxconnLimit}} and, with the extra slot, it holds {{somaxconnHeld}}.',
        },
        { kind: 'lab', lab: { scenario: 'somaxconn-caps-backlog', views: ['queues', 'ss'] }, caption: 'ss shows the clamped limit in the Send-Q column of the LISTEN row.' },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'The chapter gives somaxconn a default of {{somaxconnText}}. That was true before Linux 5.4 and is still true on macOS. ' +
            'Current Linux defaults to {{somaxconnLinux}}, so on a recent kernel a large backlog in `listen()` is honoured as it is.',
        },
      ],
    },
    {
      id: 'sizing',
      heading: 'How big should it be?',
      blocks: [
        {
          kind: 'prose',
          text:
            'The queue must absorb the connections that arrive while your program is busy between two `accept()` calls. So size ' +
            'it as burst arrival rate times the worst gap between accepts, then check it against somaxconn.',
        },
        { kind: 'formula', title: 'A burst of {{incidentPeakRps}} new connections, {{acceptLatencyMs}} between accepts', working: '{{backlogWanted.working}}' },
        { kind: 'formula', title: 'The same on a kernel with somaxconn at {{somaxconnText}}', working: '{{backlogOldClamp.working}}' },
        {
          kind: 'prose',
          text:
            'Huge values are not the answer either. A queue thousands deep means clients wait behind thousands of others for ' +
            'longer than they will tolerate; if it is routinely full, the accept loop is too slow and needs more workers.',
        },
      ],
    },
    {
      id: 'watch',
      heading: 'Watching it',
      blocks: [
        {
          kind: 'code',
          language: 'shell',
          lines: [
            '# LISTEN rows: Recv-Q = connections waiting for accept(), Send-Q = the queue limit',
            'ss -lnt',
            '# how often the accept queue overflowed and SYNs were dropped, since boot',
            'nstat -az TcpExtListenOverflows TcpExtListenDrops',
            'netstat -s | grep -i listen',
          ],
        },
        {
          kind: 'prose',
          text:
            'A LISTEN row whose Recv-Q keeps growing means the program is not calling `accept()` fast enough; overflow counters ' +
            'that rise mean clients are already being dropped and retrying.',
        },
      ],
    },
  ],
  questions: backlogQuestions,
};
