// Lesson 3: SYN, SYN-ACK, ACK with real numbers; what the round trip costs; SYN floods and cookies.

import type { Lesson } from '../types.ts';
import { handshakeQuestions } from './handshakeQuestions.ts';

export const handshakeLesson: Lesson = {
  id: 'handshake',
  number: 3,
  title: 'The three-way handshake',
  minutes: 15,
  summary:
    'Before a single byte of data, the two sides trade three segments to agree on sequence numbers and set up state. ' +
    'That costs one round trip, which is nothing on a LAN and a lot across the world, and the state it creates is what SYN floods attack.',
  goals: [
    'Read a handshake’s seq and ack numbers and predict them.',
    'Work out what the handshake costs at a given round-trip time.',
    'Explain how SYN cookies let a server survive a SYN flood.',
  ],
  sections: [
    {
      id: 'three-segments',
      heading: 'SYN, SYN-ACK, ACK',
      blocks: [
        {
          kind: 'prose',
          text:
            'The client’s SYN carries its initial sequence number (ISN); in the handshake run that is {{hsClientIsn}}. The server ' +
            'sets up state for the connection and answers with a SYN-ACK carrying its own ISN, {{hsServerIsn}}, and acknowledging ' +
            '{{hsSynAckAck}}: the client’s ISN plus one, because a SYN uses up one sequence number. The client’s final ACK ' +
            'acknowledges {{hsFinalAck}} in the same way. An ack always names the next byte its sender expects.',
        },
        {
          kind: 'prose',
          text:
            'ISNs are unpredictable on purpose. A stray segment from an older connection between the same two ports will not fit ' +
            'the new numbering, and an attacker who cannot see the traffic cannot guess the numbers to inject data. Linux derives ' +
            'the ISN from a keyed hash of the 4-tuple plus a clock; the simulator draws it from the scenario’s seed.',
        },
        { kind: 'lab', lab: { scenario: 'handshake', views: ['ladder', 'states', 'narration'] }, caption: 'Three segments, two state machines: SYN-SENT and SYN-RECEIVED meet in ESTABLISHED.' },
        {
          kind: 'predict',
          id: 'predict-synack',
          lab: { scenario: 'handshake', views: ['ladder'] },
          segment: { from: 'server', flags: 'S.' },
          intro: 'The SYN has reached the server. What does the server send back?',
        },
        {
          kind: 'predict',
          id: 'predict-final-ack',
          lab: { scenario: 'handshake', views: ['ladder'] },
          segment: { from: 'client', flags: '.' },
          intro: 'The SYN-ACK has reached the client. What is the last segment of the handshake?',
        },
      ],
    },
    {
      id: 'cost',
      heading: 'One round trip before any data',
      blocks: [
        {
          kind: 'prose',
          text:
            'In the handshake run the one-way delay is {{hsOneWayMs}}, so a round trip is {{hsRttMs}} ({{hsRttMs.working}}), and ' +
            '`connect()` returns after {{hsConnectMs}}: as soon as the SYN-ACK is in. The server’s `accept()` returns ' +
            '{{hsAcceptAfterConnectMs}} later, when the final ACK lands. Only then can a request go out.',
        },
        {
          kind: 'prose',
          text:
            'The same handshake costs {{lanConnectMs}} on a LAN hop of {{lanOneWayMs}} each way, and {{worldConnectMs}} across a ' +
            '{{worldRttMs}} round trip. A lost segment makes it far worse: when the SYN-ACK is dropped (lost-synack), `connect()` ' +
            'takes {{lostSynackConnectMs}}, because the first retransmission waits the initial timeout of {{initialRtoMs}}.',
        },
        { kind: 'lab', lab: { scenario: 'lost-synack', views: ['ladder', 'timers'] }, caption: 'Both sides’ retransmission timers fire after the initial timeout.' },
        {
          kind: 'callout',
          tone: 'note',
          text:
            'Tuning the handshake itself buys little. What pays is doing it less often: keep connections open and reuse them, ' +
            'the subject of the last lesson.',
        },
      ],
    },
    {
      id: 'syn-flood',
      heading: 'SYN floods and SYN cookies',
      blocks: [
        {
          kind: 'prose',
          text:
            'Between the SYN and the final ACK the server holds a half-open entry in its SYN queue. A SYN flood sends SYNs from ' +
            'forged addresses that will never answer, to fill that queue. In syn-flood-cookies an attacker sends {{floodSyns}} of ' +
            'them at a listener whose SYN queue fills up at {{floodBacklog}} half-open entries.',
        },
        {
          kind: 'prose',
          text:
            'With `tcp_syncookies` on (Linux’s default), a full SYN queue no longer means refusal: the server keeps no entry and ' +
            'instead encodes what it needs into the sequence number of its SYN-ACK. A real client’s ACK returns that number, and ' +
            'the server rebuilds the connection from it. The genuine client connects in {{floodCookieConnectMs}}. Without cookies ' +
            '(syn-flood-no-cookies) its SYNs are dropped and it takes {{floodNoCookieConnectS}}, until Linux prunes the stale ' +
            'half-open entries after fewer than the usual {{synackRetries}} SYN-ACK retries.',
        },
        { kind: 'lab', lab: { scenario: 'syn-flood-cookies', views: ['queues', 'ladder', 'ss'] }, caption: 'The SYN queue fills; from then on the SYN-ACKs carry cookies.' },
        {
          kind: 'try',
          id: 'try-cookies-off',
          lab: { scenario: 'syn-flood-cookies', views: ['queues', 'ladder'], params: { syncookies: 0 } },
          prompt: 'Turn `tcp_syncookies` off and run the same flood. Where will the genuine client be when the run ends?',
          question: {
            id: 'try-cookies-off-q',
            kind: 'single',
            prompt: 'With cookies off, the genuine client’s connect():',
            explanation: 'With the SYN queue full of forged entries and no cookies, every SYN the client sends is dropped.',
            options: [
              { id: 'connected', text: 'has returned: it connected', correct: { fact: 'cookiesOffOutcome', equals: 'connected' }, feedback: 'It would need a free SYN-queue entry, and the forged ones hold them all.' },
              { id: 'waiting', text: 'is still waiting, retransmitting its SYN', correct: { fact: 'cookiesOffOutcome', equals: 'still waiting' }, feedback: 'Its SYNs are dropped silently, so it keeps trying.' },
              { id: 'refused', text: 'has failed with ECONNREFUSED', correct: { fact: 'cookiesOffOutcome', equals: 'ECONNREFUSED' }, feedback: 'A full queue drops SYNs silently; nothing sends a reset.' },
            ],
          },
          reveal: 'At the end of the run the client’s connect() is: {{cookiesOffOutcome}}.',
        },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'The course text gives `tcp_max_syn_backlog` a default of {{maxSynBacklogText}}. Linux sizes it from memory at boot ' +
            '(at least `128`); the simulated machine has {{maxSynBacklogLinux}}. For busy servers the text suggests ' +
            '{{synBacklogTuned}}.',
        },
      ],
    },
  ],
  questions: handshakeQuestions,
};
