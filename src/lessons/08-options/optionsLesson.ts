// Lesson 8: SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE and its three knobs, TCP_NODELAY, and when to set each.

import type { Lesson } from '../types.ts';
import { optionsQuestions } from './optionsQuestions.ts';

export const optionsLesson: Lesson = {
  id: 'options',
  number: 8,
  title: 'Socket options',
  minutes: 18,
  summary:
    'A handful of socket options decide whether a server restarts cleanly, whether several processes can share a port, ' +
    'how fast a dead peer is noticed, and whether small writes wait. Each must be set at the right moment.',
  goals: [
    'Use SO_REUSEADDR and SO_REUSEPORT for what each is for, and not the other.',
    'Compute how long keepalive takes to find a dead peer, and tune it.',
    'Set options in an order that works.',
  ],
  sections: [
    {
      id: 'reuseaddr',
      heading: 'SO_REUSEADDR: restart without waiting',
      blocks: [
        {
          kind: 'prose',
          text:
            'A server that closed connections first leaves them in TIME-WAIT, still bound to its port. Restart it at once and ' +
            '`bind()` fails with {{addrInUseErrno}}, although nothing listens any more. With `SO_REUSEADDR` set on both the old ' +
            'and the new listening socket before `bind()`, Linux lets the new one share the port with those leftovers: in ' +
            'reuseaddr-restart-works the restarted `bind()` returns {{reuseaddrWorksBind}}.',
        },
        { kind: 'lab', lab: { scenario: 'reuseaddr-restart-works', views: ['calls', 'ss'] }, caption: 'The new listener binds while the old connection is still in TIME-WAIT.' },
        {
          kind: 'prose',
          text:
            'It does not let two live servers share a port: in reuseaddr-two-listeners the second `bind()` still fails with ' +
            '{{twoListenersErrno}}. Set it on every server socket; client sockets rarely need it.',
        },
        { kind: 'lab', lab: { scenario: 'reuseaddr-two-listeners', views: ['calls'] }, caption: 'Two listeners on one port: refused, even with SO_REUSEADDR.' },
      ],
    },
    {
      id: 'reuseport',
      heading: 'SO_REUSEPORT: several listeners, one port',
      blocks: [
        {
          kind: 'prose',
          text:
            'Sharing a port between live listeners is what `SO_REUSEPORT` is for. Every socket on the port must set it (and belong ' +
            'to the same user); each then gets its own accept queue, and the kernel spreads new connections across them by a hash ' +
            'of the addresses and ports. In reuseport-workers {{reuseportClients}} clients are split {{reuseportSplit}} between the ' +
            'two workers: a hash, not a round robin. This is how pre-forked servers such as nginx or gunicorn workers share one ' +
            'port without a shared `accept()`; a single-process server gains nothing from it.',
        },
        { kind: 'lab', lab: { scenario: 'reuseport-workers', views: ['calls', 'queues', 'ss'] }, caption: 'Two listening sockets on one port, each with its own queue.' },
      ],
    },
    {
      id: 'keepalive',
      heading: 'SO_KEEPALIVE: is anyone still there?',
      blocks: [
        {
          kind: 'prose',
          text:
            'An idle connection whose peer vanished (power cut, crashed host, a NAT that forgot it) looks exactly like a quiet one. ' +
            'Keepalive makes the kernel ask: after `TCP_KEEPIDLE` seconds of silence it sends a probe, then one every ' +
            '`TCP_KEEPINTVL`, and after `TCP_KEEPCNT` unanswered probes it resets the connection and the blocked call fails.',
        },
        { kind: 'formula', title: 'Detection time for keepalive-dead-peer’s settings', working: 'idle + interval × count: {{kaFormulaS.working}}' },
        {
          kind: 'prose',
          text:
            'The simulator agrees, give or take the kernel’s timer slack: with idle {{kaIdleS}}, interval {{kaIntvlS}} and count ' +
            '{{kaCnt}}, the server sends {{kaProbes}} probes and gives up {{kaDetectS}} after it last heard from the client, ' +
            'each timer having fired a little after its deadline; its `recv()` fails with ' +
            '{{kaErrno}}. With keepalive off (keepalive-off-dead-peer) the server’s `recv()` is {{kaOffState}} after ' +
            '{{kaOffRunS}}: a descriptor and its memory held for a client that no longer exists.',
        },
        { kind: 'lab', lab: { scenario: 'keepalive-dead-peer', views: ['ladder', 'timers', 'calls'] }, caption: 'Silence, then probes, then a reset into the void.' },
        {
          kind: 'predict',
          id: 'predict-probe',
          lab: { scenario: 'keepalive-dead-peer', views: ['ladder'] },
          segment: { from: 'server', why: 'keepalive probe' },
          intro: 'The connection has been idle for the keepalive idle time. Predict the first probe; it is a trick: look at which byte it claims to send.',
        },
        {
          kind: 'try',
          id: 'try-keepcnt',
          lab: { scenario: 'keepalive-dead-peer', views: ['ladder', 'timers'], params: { keepCnt: 3 } },
          prompt: 'Set `TCP_KEEPCNT` to {{kaProdCnt}}, a common production value. How many seconds after the crash will the server notice?',
          question: {
            id: 'try-keepcnt-q',
            kind: 'numeric',
            prompt: 'Seconds until the server gives up:',
            explanation: 'Idle time plus interval × count, with the smaller count.',
            answer: { fact: 'kaTryCnt3S' },
            unit: 's',
            // The formula's answer and the lab's (a few seconds of timer slack later) are both right.
            tolerance: { abs: 4 },
          },
          reveal: 'The simulator gives up after {{kaTryCnt3S}}: {{kaProdFormulaS.working}}, plus the timers’ slack.',
        },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'The system-wide defaults are far slower: `tcp_keepalive_time` {{kaLinuxIdleS}}, `tcp_keepalive_intvl` {{kaLinuxIntvlS}}, ' +
            '`tcp_keepalive_probes` {{kaLinuxCnt}}, so {{kaLinuxFormulaS.working}}: {{kaLinuxIdleH}} of silence before the first ' +
            'probe. Keepalive is also off unless a socket turns it on. Set the three per socket, as pools should, rather than ' +
            'relying on whatever the machine’s administrator chose.',
        },
        {
          kind: 'prose',
          text:
            'TCP keepalive proves only that the peer’s kernel is alive. An application-level ping (a heartbeat message, a database ' +
            '`SELECT 1`) also catches a process that is hung, and can be tuned to notice within seconds; it costs protocol support ' +
            'and a little code. Many systems use both.',
        },
      ],
    },
    {
      id: 'nodelay',
      heading: 'TCP_NODELAY',
      blocks: [
        {
          kind: 'prose',
          text:
            'As the data lesson showed, `TCP_NODELAY` turns Nagle off so small writes leave at once: {{nodelaySegments}} segments ' +
            'for {{nagleWrites}} writes instead of {{nagleSegments}}. Use it for request/response and interactive traffic; leave Nagle on for ' +
            'bulk transfers.',
        },
      ],
    },
    {
      id: 'order',
      heading: 'Setting them in the right order',
      blocks: [
        {
          kind: 'code',
          language: 'python',
          lines: [
            's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
            's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # before bind(): bind() is what it changes',
            's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)   # before bind(), and on every socket sharing the port',
            "s.bind(('0.0.0.0', 8080))",
            's.listen(4096)',
            'conn, addr = s.accept()',
            'conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # per connection, before the first small write',
            'conn.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # switch keepalive on first ...',
            'conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 60) # ... then tune it',
            'conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 10)',
            'conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)',
          ],
        },
        {
          kind: 'prose',
          text:
            'Options that change `bind()` only help if set before it. `TCP_NODELAY` and the keepalive knobs belong to a connection: ' +
            'set them on the socket `accept()` returns, or on the client’s socket around `connect()`. Turn `SO_KEEPALIVE` on, then ' +
            'tune the idle time, interval and count.',
        },
      ],
    },
  ],
  questions: optionsQuestions,
};
