// Lesson 7: the error table, each row a "debug this" scenario seen through ss and tcpdump.

import type { Lesson } from '../types.ts';
import { failuresQuestions } from './failuresQuestions.ts';

export const failuresLesson: Lesson = {
  id: 'failures',
  number: 7,
  title: 'When connections fail',
  minutes: 20,
  summary:
    'Almost every socket error has a wire-level signature: a reset, a silence, a refused call. Learn the handful of them ' +
    'and `ss` plus `tcpdump` will tell you which one you are looking at.',
  goals: [
    'Map ECONNREFUSED, ETIMEDOUT, ECONNRESET, EMFILE and EADDRINUSE to what happened on the wire.',
    'Read a TIME-WAIT pile-up and a growing Recv-Q for what they mean.',
    'Pick the fix for each.',
  ],
  sections: [
    {
      id: 'table',
      heading: 'Symptom, cause, fix',
      blocks: [
        {
          kind: 'table',
          columns: ['Symptom', 'On the wire / in the kernel', 'Usual cause', 'Fix', 'Scenario'],
          rows: [
            ['ECONNREFUSED', 'The SYN is answered with a reset (`{{refusedFlags}}` in tcpdump) within {{refusedMs}}', 'Nothing listens on that port: not started, crashed, wrong port', 'Check `ss -lntp` on the server; check the port and the process', 'connection-refused'],
            ['ETIMEDOUT from connect()', 'SYNs with no answer at all; retries at {{synScheduleNominal}} s, failure after {{connectTimeoutNominalS}}', 'A firewall drops the SYN, the host is down, the address is wrong', 'traceroute, security groups, iptables; put your own deadline on connect()', 'connect-timeout'],
            ['ECONNRESET', 'A RST on an established connection', 'The peer crashed, closed with unread data, or a load balancer dropped an idle connection', 'Read the peer’s logs; keep idle timeouts below the balancer’s; retry idempotent calls', 'process-crash-reset'],
            ['EMFILE', '`accept()` or `socket()` refused at the descriptor limit', 'A leak (sockets never closed), a low `ulimit -n`, a connection storm', 'Close every socket; raise the limit; pool connections', 'emfile'],
            ['EADDRINUSE', '`bind()` refused', 'A restart while old connections sit in TIME-WAIT without SO_REUSEADDR, or a second listener', 'Set SO_REUSEADDR before bind(); find the other process', 'reuseaddr-restart-fails'],
            ['Many TIME-WAIT rows', 'Closed connections waiting out {{timeWaitS}}', 'Short connections, closed first by this side', 'Reuse connections; `tcp_tw_reuse` for outgoing ones', 'time-wait-pileup'],
            ['Growing Recv-Q on a LISTEN row', 'The accept queue is filling', 'The program does not call accept() fast enough', 'More workers, a larger backlog, profile the accept loop', 'backlog-overflow'],
          ],
        },
      ],
    },
    {
      id: 'refused',
      heading: 'Refused: someone answered "no"',
      blocks: [
        {
          kind: 'prose',
          text:
            'A refusal is fast: the server machine is up, its kernel finds no listener on the port and answers the SYN with a ' +
            'reset. `connect()` fails with {{refusedErrno}} after {{refusedMs}}, a single round trip.',
        },
        { kind: 'lab', lab: { scenario: 'connection-refused', views: ['tcpdump', 'ss', 'ladder'] }, caption: 'In tcpdump: a SYN, then a reset straight back.' },
        {
          kind: 'predict',
          id: 'predict-refusal',
          lab: { scenario: 'connection-refused', views: ['tcpdump'] },
          segment: { from: 'server' },
          intro: 'Nothing listens on the port. What does the server machine’s kernel send back? This side has no ISN, so give its seq as an absolute number.',
        },
      ],
    },
    {
      id: 'timeout',
      heading: 'Timed out: nobody answered',
      blocks: [
        {
          kind: 'prose',
          text:
            'A silence is slow. In connect-timeout a filter drops every SYN, and the client retransmits on Linux’s schedule: ' +
            '{{synRetransmits}} retries, at {{synScheduleNominal}} seconds after the first, and `connect()` fails with ' +
            '{{connectTimeoutErrno}} one more wait later: {{connectTimeoutNominalS.working}} = {{connectTimeoutNominalS}}. ' +
            'Kernel timers fire a little late, so the run shows the SYNs at {{synSchedule}} seconds and the failure at ' +
            '{{connectTimeoutS}}. In tcpdump that is a column of identical SYNs and nothing coming back.',
        },
        { kind: 'lab', lab: { scenario: 'connect-timeout', views: ['tcpdump', 'ss', 'timers'] }, caption: 'The same SYN, again and again, further and further apart.' },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'Since Linux 6.5 the first `tcp_syn_linear_timeouts` ({{synLinearLinux}}) retries come {{initialRtoMs}} apart and only then ' +
            'does the wait double, for `tcp_syn_retries` ({{synRetriesLinux}}) more. Older kernels doubled from the start: ' +
            '{{olderKernelTimeoutS.working}} = {{olderKernelTimeoutS}}.',
        },
        {
          kind: 'try',
          id: 'try-syn-retries',
          lab: { scenario: 'connect-timeout', views: ['tcpdump', 'timers'], params: { synRetries: 3 } },
          prompt: 'Lower the client’s `tcp_syn_retries` to `3`. After how many seconds will `connect()` give up?',
          question: {
            id: 'try-syn-retries-q',
            kind: 'numeric',
            prompt: 'Seconds until ETIMEDOUT:',
            explanation: 'Fewer retries cut the schedule short; the linear retries still come first.',
            answer: { fact: 'synRetriesTryS' },
            unit: 's',
            tolerance: { abs: 1 },
          },
          reveal: 'connect() fails after {{synRetriesTryS}} instead of {{connectTimeoutS}}.',
        },
        {
          kind: 'prose',
          text:
            'Most programs should not wait that long. connect-settimeout puts a deadline on the call, and it fails after ' +
            '{{settimeoutS}} while the kernel is still retrying.',
        },
      ],
    },
    {
      id: 'reset',
      heading: 'Reset: the other end gave up',
      blocks: [
        {
          kind: 'prose',
          text:
            'When the server process dies mid-request, its kernel closes everything it held. The connection has an unread request, ' +
            'so it is aborted with a reset and the client’s `recv()` fails with {{crashErrno}} instead of hanging. Behind a load ' +
            'balancer the same error appears when the balancer drops a connection that sat idle longer than its timeout.',
        },
        { kind: 'lab', lab: { scenario: 'process-crash-reset', views: ['tcpdump', 'calls', 'ss'] }, caption: 'The process exits; the kernel resets the connection it leaves behind.' },
      ],
    },
    {
      id: 'emfile',
      heading: 'EMFILE: out of descriptors',
      blocks: [
        {
          kind: 'prose',
          text:
            'The emfile server runs with a limit of {{emfileLimit}}; the standard streams and the listener use some, so ' +
            '{{emfileAccepted}} connections fit before `accept()` fails with {{emfileErrno}}. The waiting connection is not refused: ' +
            'it stays in the accept queue and is handed over once a descriptor is closed. `lsof -p PID | wc -l` counts what a ' +
            'process holds; a count that only grows is a leak.',
        },
        { kind: 'lab', lab: { scenario: 'emfile', views: ['calls', 'ss', 'tcpdump', 'queues'] }, caption: 'accept() fails while the connection waits in the queue.' },
      ],
    },
    {
      id: 'addrinuse',
      heading: 'EADDRINUSE, TIME-WAIT piles and Recv-Q',
      blocks: [
        {
          kind: 'prose',
          text:
            'A server restarted right after it closed connections itself finds its port held by TIME-WAIT sockets, and `bind()` ' +
            'fails with {{addrInUseErrno}}; the options lesson shows the fix. A TIME-WAIT pile-up is usually harmless (see the ' +
            'closing lesson), and a LISTEN row whose Recv-Q grows is the backlog lesson’s full accept queue.',
        },
        { kind: 'lab', lab: { scenario: 'reuseaddr-restart-fails', views: ['calls', 'ss', 'tcpdump'] }, caption: 'Nothing listens any more, yet bind() is refused: ss shows the TIME-WAIT row holding the port. Fix: SO_REUSEADDR before bind().' },
        { kind: 'lab', lab: { scenario: 'time-wait-pileup', views: ['ss', 'tcpdump'] }, caption: 'A TIME-WAIT row per short connection, each holding an ephemeral port. Fix: reuse connections.' },
        { kind: 'lab', lab: { scenario: 'listen-without-accept', views: ['ss', 'tcpdump'] }, caption: 'The LISTEN row’s Recv-Q counts connections nobody has accepted. Fix: a faster accept loop or more workers.' },
      ],
    },
    {
      id: 'checklist',
      heading: 'A debugging checklist',
      blocks: [
        {
          kind: 'code',
          language: 'shell',
          lines: [
            'ss -lntp                                   # is anything listening on the port, and which process?',
            'ss -tan state time-wait | wc -l            # how many TIME-WAIT sockets?',
            'ss -tanp | grep PID                        # this process’s connections and their states',
            'lsof -p PID | wc -l                        # descriptors held; compare with /proc/PID/limits',
            "tcpdump -i any -n 'host 10.0.0.2 and port 8080'   # RST = refused or reset; lone SYNs = filtered",
          ],
        },
      ],
    },
  ],
  questions: failuresQuestions,
};
