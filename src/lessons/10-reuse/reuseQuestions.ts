// Lesson 10's checks.

import type { Question } from '../types.ts';

export const reuseQuestions: Question[] = [
  {
    id: 'first-call',
    kind: 'single',
    prompt: 'Why is the first request to a service usually slower than the ones after it?',
    explanation: 'It pays for connection setup, the TCP and TLS handshakes, which later requests on the kept-alive connection skip.',
    options: [
      { id: 'setup', text: 'It pays for setting up the connection, which later requests reuse', correct: true, feedback: 'In cold-start: {{coldFirstMs}} against {{coldSecondMs}}.' },
      { id: 'server-cache', text: 'The server always caches answers after the first', correct: false, feedback: 'Caches can help, but the gap is there even for uncached work.' },
      { id: 'slow-start', text: 'The network is slower at the start of the day', correct: false, feedback: 'The second call runs over the same network moments later.' },
      { id: 'bug', text: 'It is a bug in the client library', correct: false, feedback: 'It is the expected cost of a new connection.' },
    ],
  },
  {
    id: 'thousand-calls',
    kind: 'numeric',
    prompt: '{{sequentialCalls}} sequential calls at a {{rttMs}} round trip, {{callMs}} each once connected, each on a new TCP + TLS 1.3 connection. How many seconds in total?',
    explanation: '{{coldCallMs.working}} per call; {{noReuseS.working}}.',
    answer: { fact: 'noReuseS' },
    unit: 's',
    tolerance: { rel: 0.01 },
  },
  {
    id: 'littles-law',
    kind: 'numeric',
    prompt: 'With calls arriving at {{peakRps}}, each holding a connection for {{callMs}}, how many connections are in use on average?',
    explanation: '{{littleL.working}}.',
    answer: { fact: 'littleL' },
    unit: 'connections',
    tolerance: { abs: 0 },
  },
  {
    id: 'pool-max',
    kind: 'numeric',
    prompt: 'Using the rule pool_max = ceil(peak × latency) × headroom with {{headroom}} headroom, what pool size do you set for that load?',
    explanation: '{{poolMaxLesson.working}}.',
    answer: { fact: 'poolMaxLesson' },
    unit: 'connections',
    tolerance: { abs: 0 },
  },
  {
    id: 'idle-timeout',
    kind: 'single',
    prompt: 'The load balancer in front of an upstream closes idle connections after {{lbIdleS}}. What idle timeout should your pool use?',
    explanation: 'Shorter than the balancer’s, so the pool retires a connection before anyone else can close it under you.',
    options: [
      { id: 'below', text: 'A little shorter, such as {{poolIdleS}}', correct: true, feedback: 'The pool closes first, so it never hands out a connection the balancer already dropped.' },
      { id: 'equal', text: 'Exactly the same', correct: false, feedback: 'The two clocks race; sometimes the balancer wins and you get a reset.' },
      { id: 'above', text: 'Longer, to reuse connections as much as possible', correct: false, feedback: 'Then some pooled connections are already closed when you use them, as in stale-pool-connection.' },
      { id: 'none', text: 'None; keepalive probes make it unnecessary', correct: false, feedback: 'Probes only notice after idle + interval × count, and a balancer may close the connection anyway.' },
    ],
  },
];
