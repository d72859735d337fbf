// Lesson 4: numbered bytes and acknowledgements, delayed ACK, Nagle against TCP_NODELAY, loss, per-call timeouts.

import type { Lesson } from '../types.ts';
import { dataQuestions } from './dataQuestions.ts';

export const dataLesson: Lesson = {
  id: 'data',
  number: 4,
  title: 'Data and acknowledgements',
  minutes: 15,
  summary:
    'Once connected, each side numbers every byte it sends and the other side acknowledges what it has received in order. ' +
    'Two small optimisations, delayed ACK and Nagle’s algorithm, shape what you see on the wire, and retransmission turns a lossy link into a reliable stream.',
  goals: [
    'Predict seq and ack for a data segment and its acknowledgement.',
    'Explain what Nagle’s algorithm does to small writes, and when to turn it off.',
    'Tell a per-call timeout from keepalive.',
  ],
  sections: [
    {
      id: 'numbered-bytes',
      heading: 'Every byte has a number',
      blocks: [
        {
          kind: 'prose',
          text:
            'A segment’s seq is the number of its first byte; a segment of `n` bytes moves its sender’s next seq on by `n`. The ack ' +
            'field says "I have everything before this byte". Both directions are numbered independently, each from its own ISN, ' +
            'so one segment can carry data one way and acknowledge the other way at the same time.',
        },
        { kind: 'lab', lab: { scenario: 'http-keepalive', views: ['ladder', 'tcpdump'] }, caption: 'Two requests and two responses; follow how each ack moves by the length of what it acknowledges.' },
        {
          kind: 'predict',
          id: 'predict-response',
          lab: { scenario: 'http-keepalive', views: ['ladder'] },
          segment: { from: 'server', hasData: true },
          intro: 'The first request has arrived and the server writes its response. Predict the response segment.',
        },
      ],
    },
    {
      id: 'delayed-ack',
      heading: 'Acknowledging a little later',
      blocks: [
        {
          kind: 'prose',
          text:
            'A bare ACK costs a whole packet to say very little, so Linux usually waits briefly in the hope of riding along on ' +
            'data going the same way. In close-wait-leak the server’s ACK of the client’s FIN waits for a {{delayedAckMs}} ' +
            'delayed-ACK timer and leaves {{delayedAckMeasuredMs}} after the FIN arrived: a timer, not the network. Linux skips the wait for the first segments of a connection ' +
            '(quick-ack) and whenever a full-sized segment or two are waiting to be acknowledged.',
        },
        { kind: 'lab', lab: { scenario: 'close-wait-leak', views: ['ladder', 'timers'] }, caption: 'The delayed-ACK timer on the server, then the ACK it releases.' },
      ],
    },
    {
      id: 'nagle',
      heading: 'Nagle’s algorithm and TCP_NODELAY',
      blocks: [
        {
          kind: 'prose',
          text:
            'Nagle’s algorithm (on by default) stops a sender from filling the network with tiny segments: while one small segment ' +
            'is still unacknowledged, further small writes wait in the send buffer. In nagle-hello the client writes "Hello" as ' +
            '{{nagleWrites}} one-byte `send()` calls over a {{nagleRttMs}} round trip. The result is {{nagleSegments}} segments: {{nagleFirst}} ' +
            'leaves at once, and {{nagleSecond}} follows {{nagleHoldMs}} later, when the ACK for the first comes back. With ' +
            '`TCP_NODELAY` set, nodelay-hello sends {{nodelaySegments}} segments straight away.',
        },
        { kind: 'lab', lab: { scenario: 'nagle-hello', views: ['ladder', 'tcpdump'] }, caption: 'The first byte goes out alone; the rest wait for its ACK.' },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'The chapter says Nagle "waits up to {{nagleTextWaitMs}}" and then sends "Hello" as one packet. That simplifies two ' +
            'things. Nagle waits for an ACK, not for a timer, so the first byte never waits; and the long stalls people blame on ' +
            'Nagle come from it meeting the peer’s delayed ACK, when the ACK it waits for is itself being held back.',
        },
        {
          kind: 'try',
          id: 'try-nagle-lan',
          lab: { scenario: 'nagle-hello', views: ['ladder', 'tcpdump'], delayMs: 0.05 },
          prompt:
            'Cut the one-way delay to a LAN’s {{lanOneWayMs}}. Nagle is said to "hide on loopback". How many data segments will ' +
            'the {{nagleWrites}} writes produce now?',
          question: {
            id: 'try-nagle-lan-q',
            kind: 'numeric',
            prompt: 'Data segments from the client:',
            explanation: 'All the writes happen at the same instant, before any ACK can return, so all but the first still wait; only the wait shrinks.',
            answer: { fact: 'nagleLanSegments' },
            unit: 'segments',
            tolerance: { abs: 0 },
          },
          reveal: 'The simulator sends {{nagleLanSegments}} data segments. What hides on a fast link is the delay, not the batching.',
        },
      ],
    },
    {
      id: 'loss',
      heading: 'Loss and retransmission',
      blocks: [
        {
          kind: 'prose',
          text:
            'Anything unacknowledged is sent again. In lost-data-retransmit the request is dropped; its retransmission timer is ' +
            'set to {{rtoMs}} and resends it {{rtoMeasuredMs}} after the original, on a link whose round trip is only {{rtoRttMs}}: Linux never sets its retransmission timeout below a fixed floor, which is ' +
            'why a single lost packet shows up as a latency spike. Linux arms that first timer as a tail loss probe: if the resend is ' +
            'lost too, the next one waits one more timeout, and only after that do the waits double. With several segments in flight, ' +
            'three duplicate ACKs trigger a fast retransmit without waiting for the timer.',
        },
        { kind: 'lab', lab: { scenario: 'lost-data-retransmit', views: ['ladder', 'timers'] }, caption: 'The retransmission timer fires; the same bytes leave again with the same seq.' },
        {
          kind: 'try',
          id: 'try-lossy-seed',
          lab: { scenario: 'lossy-transfer', views: ['ladder', 'tcpdump'], seed: 2 },
          prompt:
            'lossy-transfer sends a stream over a link that loses {{lossyRatePct}} of segments at random; the seed decides which. ' +
            'With this seed {{lossyLostData}} data segments are lost. How many bytes will the server read?',
          question: {
            id: 'try-lossy-seed-q',
            kind: 'numeric',
            prompt: 'Bytes the server reads:',
            explanation: 'TCP resends what was lost, so the reader gets the whole stream, in order, whatever the seed.',
            answer: { fact: 'lossyBytes' },
            unit: 'bytes',
            tolerance: { abs: 0 },
          },
          reveal: 'All {{lossyBytes}} arrive; {{lossyRetransmits}} segments were sent twice to get them there.',
        },
      ],
    },
    {
      id: 'timeouts',
      heading: 'A timeout is per call',
      blocks: [
        {
          kind: 'prose',
          text:
            'A socket timeout (Python’s `settimeout()`, `SO_RCVTIMEO`) bounds how long one blocking call may wait. In recv-timeout ' +
            'the client’s `recv()` gives up with {{recvTimeoutErrno}} after {{recvTimeoutS}}, while the server only answers at ' +
            '{{recvServerAnswerS}}. It is not a limit on the whole exchange: each later call gets the full deadline again. ' +
            'Keepalive, in the options lesson, answers a different question: whether an idle peer is still there.',
        },
        { kind: 'lab', lab: { scenario: 'recv-timeout', views: ['calls', 'ladder'] }, caption: 'The deadline ends the call; the late answer meets a closed socket and a reset.' },
      ],
    },
  ],
  questions: dataQuestions,
};
