// Lesson 10: what a new connection costs, keep-alive and pools, sizing with Little's law, exhaustion, idle timeouts.

import type { Lesson } from '../types.ts';
import { reuseQuestions } from './reuseQuestions.ts';

export const reuseLesson: Lesson = {
  id: 'reuse',
  number: 10,
  title: 'Reusing connections',
  minutes: 22,
  summary:
    'A new connection pays for its handshakes before the first request; a reused one does not. Pools make reuse the ' +
    'default, Little’s law sizes them, and idle timeouts decide whether a pooled connection is still alive when you pick it up.',
  goals: [
    'Work out the cost of cold and warm calls from the round-trip time.',
    'Size a connection pool with Little’s law and check it against the descriptor limit.',
    'Explain how pool exhaustion turns into `5xx` errors, and set idle timeouts safely.',
  ],
  sections: [
    {
      id: 'cold-start',
      heading: 'Why the first call is slow',
      blocks: [
        {
          kind: 'prose',
          text:
            'In cold-start the client calls a service {{coldRttMs}} away (round trip), whose work takes {{coldWorkMs}}. The first ' +
            'call takes {{coldFirstMs}}: a round trip for the TCP handshake, one for the TLS handshake (played here by a ' +
            'one-round-trip exchange, since the simulator does not implement TLS), then the request. The second call, on the same ' +
            'connection, takes {{coldSecondMs}}.',
        },
        { kind: 'lab', lab: { scenario: 'cold-start', views: ['ladder', 'calls', 'narration'] }, caption: 'Handshake, TLS stand-in and request before the first answer; only the request before the second.' },
        {
          kind: 'try',
          id: 'try-cold-world',
          lab: { scenario: 'cold-start', views: ['ladder', 'calls'], params: { delay: 75 } },
          prompt: 'Move the service across the world: one-way delay {{worldOneWayMs}}. How long will the first call take?',
          question: {
            id: 'try-cold-world-q',
            kind: 'numeric',
            prompt: 'First call, in milliseconds:',
            explanation: 'Handshake, TLS and request are each a round trip, plus the server’s work.',
            answer: { fact: 'coldTryFirstMs' },
            unit: 'ms',
            tolerance: { rel: 0.02 },
          },
          reveal: 'The first call now takes {{coldTryFirstMs}}. Every reused call saves all but one of those round trips.',
        },
      ],
    },
    {
      id: 'cost-model',
      heading: 'The cost model',
      blocks: [
        {
          kind: 'prose',
          text:
            'Take a service calling an upstream {{rttMs}} away (round trip) over TLS 1.3, where each call takes {{callMs}} once connected. ' +
            'A new connection needs {{tcpRtts}} for TCP and {{tls13Rtts}} for TLS 1.3 before the request can leave.',
        },
        { kind: 'formula', title: 'Setup for a new connection', working: '{{setupMs.working}}' },
        { kind: 'formula', title: 'A call on a new connection', working: '{{coldCallMs.working}}' },
        { kind: 'formula', title: 'A call on a reused connection', working: '{{warmCallMs.working}}' },
        { kind: 'formula', title: '{{sequentialCalls}} sequential calls, a new connection each', working: '{{noReuseS.working}}' },
        { kind: 'formula', title: 'The same calls on one reused connection', working: '{{reuseS.working}}' },
        { kind: 'formula', title: 'Speed-up from reuse alone', working: '{{reuseSpeedup.working}}' },
        {
          kind: 'prose',
          text:
            'The chapter’s database example makes the same point: with {{poolDemoSetupMs}} of setup and a {{poolDemoQueryMs}} query, ' +
            '{{poolDemoQueries}} queries cost {{unpooledMs.working}} without a pool and {{pooledMs.working}} with one.',
        },
      ],
    },
    {
      id: 'http-keepalive',
      heading: 'HTTP keep-alive',
      blocks: [
        {
          kind: 'prose',
          text:
            'HTTP/1.1 keeps connections open by default (`Connection: keep-alive`), so a second request rides on the first one’s ' +
            'connection. Compare two runs doing the same two requests: http-keepalive makes {{keepaliveHandshakes}} handshake and ' +
            'has its second answer at {{keepaliveLastMs}}; http-two-connections makes {{twoConnHandshakes}} and finishes at ' +
            '{{twoConnLastMs}}, leaving {{twoConnTimeWaits}} TIME-WAIT sockets behind.',
        },
        { kind: 'lab', lab: { scenario: 'http-keepalive', views: ['ladder', 'ss'] }, caption: 'A single handshake serves both requests.' },
        { kind: 'lab', lab: { scenario: 'http-two-connections', views: ['ladder', 'ss'] }, caption: 'A handshake per request, and a TIME-WAIT per connection.' },
      ],
    },
    {
      id: 'pools',
      heading: 'Pools and Little’s law',
      blocks: [
        {
          kind: 'prose',
          text:
            'A pool keeps connections open and lends them out per call. How many does it need? Exactly as many as are busy at ' +
            'once at peak, and Little’s law gives that: the number in a system equals the arrival rate times the time each spends ' +
            'in it, `L = λ × W`.',
        },
        { kind: 'formula', title: 'Calls arriving at {{peakRps}}, {{callMs}} each', working: '{{littleL.working}}' },
        { kind: 'formula', title: 'The lesson’s rule: round up, then add headroom', working: '{{poolMaxLesson.working}}' },
        { kind: 'formula', title: 'The chapter’s version, {{chapterRps}} at {{chapterQueryMs}} with a {{chapterBufferPct}} buffer', working: '{{poolChapter.working}}' },
        {
          kind: 'prose',
          text:
            'Every pooled connection is a descriptor. A service with a pool per upstream holds `K × P` of them: for {{upstreams}}, ' +
            '{{fdForPools.working}}. Against an old default limit of {{fdDefaultText}} that {{fdForPoolsFitsOldLimit}}, ' +
            'with almost nothing left for clients, files and logs, which is why services raise the limit.',
        },
      ],
    },
    {
      id: 'exhaustion',
      heading: 'When the pool runs dry',
      blocks: [
        {
          kind: 'prose',
          text:
            'The chapter’s incident: normal load was {{incidentNormalRps}} at {{incidentNormalMs}}; at peak, latency reached ' +
            '{{incidentPeakMs}}, {{incidentLatencyRatio}} worse, and `503` errors spread. One new feature made {{incidentCalls}} ' +
            'sequential calls per request, so each request now holds a connection for {{incidentHoldMs.working}}. Little’s law then ' +
            'asks for {{incidentNeeded.working}} connections, far above a pool of {{poolMaxLesson}}.',
        },
        {
          kind: 'prose',
          text:
            'Callers queue for a connection, their checkouts time out, they answer `503`, clients retry and add load, and the ' +
            'failure spreads to every service that calls this one. Defences: size the pool for the real holding time, bound the ' +
            'wait for a checkout and fail fast, make independent calls in parallel or batch them, and stop retry storms with ' +
            'backoff and circuit breakers.',
        },
      ],
    },
    {
      id: 'trace',
      heading: 'A pool through a day',
      blocks: [
        {
          kind: 'prose',
          text:
            'The lesson’s worked trace: a pool of at most {{tracePoolMax}}, a {{rttMs}} round trip and {{callMs}} per call. At ' +
            'most {{tracePoolMax}} calls can be in flight, so the pool serves at most {{poolCapacityRps.working}} = ' +
            '{{poolCapacityRps}}.',
        },
        {
          kind: 'table',
          columns: ['Time', 'Event', 'Pool', 'Setup paid?', 'Caller waits'],
          rows: [
            ['{{traceStart}}', 'First request; the pool is empty', 'none open', 'Yes: {{setupMs}}', '{{coldCallMs}}'],
            ['{{traceWarmup}}', 'More requests during warm-up', 'filling', 'Once per new connection', '{{coldCallMs}} on a new one, {{warmCallMs}} on a reused one'],
            ['{{traceSteady}}', 'Steady state', '{{tracePoolMax}} open', 'No', '{{warmCallMs}}'],
            ['{{traceSpikeAt}}', 'Spike: {{traceSpikeRps}} for {{traceSpikeS}}; {{spikeInFlight}} would be in flight', 'all busy, callers queue', 'No (at the maximum)', '{{warmCallMs}} plus the queue'],
            ['{{traceSpikeEnd}}', 'Spike over; {{spikeBacklog}} have queued ({{spikeBacklog.working}}) and now drain', 'all busy, then the queue empties', 'No', '{{warmCallMs}} once drained'],
            ['{{traceIdleAt}}', 'Idle timeout ({{traceIdleS}}) closes unused connections', 'shrinking', 'Yes, on the next request', '{{coldCallMs}} again'],
          ],
        },
      ],
    },
    {
      id: 'idle',
      heading: 'Idle timeouts',
      blocks: [
        {
          kind: 'prose',
          text:
            'Servers and load balancers close connections that stay idle (MySQL after {{mysqlIdleH}} by default, many balancers ' +
            'after {{lbIdleS}}). A pool that holds connections longer will hand out dead ones. In stale-pool-connection the server ' +
            'closes after {{staleIdleS}} of silence; the client, not reading, only notices when it reuses the connection: `send()` ' +
            'succeeds, `recv()` returns {{staleRecv}} (end-of-file), and the server answers the stray request with a reset.',
        },
        { kind: 'lab', lab: { scenario: 'stale-pool-connection', views: ['ladder', 'calls', 'ss'] }, caption: 'The server’s FIN arrives while nobody reads; the reuse finds a closed connection.' },
        {
          kind: 'prose',
          text:
            'Keep the pool’s idle timeout below every timeout on the path: {{poolIdleS}} under a balancer’s {{lbIdleS}} leaves a ' +
            'margin of {{poolIdleMarginS}}. Validate a connection before handing it out (a cheap ping) or retry once on a fresh ' +
            'connection, and let keepalive probes catch peers that vanished.',
        },
      ],
    },
    {
      id: 'drill',
      heading: 'Drill: explain a slow cold start',
      blocks: [{ kind: 'drill', drillId: 'cold-start' }],
    },
  ],
  questions: reuseQuestions,
};
