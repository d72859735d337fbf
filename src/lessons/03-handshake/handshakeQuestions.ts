// Lesson 3's checks, including the course's quick-check on what the handshake adds.

import type { Question } from '../types.ts';

export const handshakeQuestions: Question[] = [
  {
    id: 'handshake-adds',
    kind: 'single',
    prompt: 'The TCP three-way handshake mainly adds:',
    explanation: 'SYN, SYN-ACK, ACK is about one round trip of pure setup. Encryption is TLS’s job, header compression an HTTP/2 feature.',
    options: [
      { id: 'rtt', text: 'About one round trip of setup before data can flow', correct: true, feedback: 'Yes: {{hsConnectMs}} on the lab’s {{hsRttMs}} round trip.' },
      { id: 'encryption', text: 'Encryption of the connection', correct: false, feedback: 'TCP does not encrypt; TLS adds its own handshake on top.' },
      { id: 'compression', text: 'Header compression', correct: false, feedback: 'That is HPACK in HTTP/2, far above TCP.' },
      { id: 'app-ack', text: 'Proof that the server program has accepted the connection', correct: false, feedback: 'The kernel completes the handshake before the program calls accept().' },
    ],
  },
  {
    id: 'synack-ack',
    kind: 'numeric',
    prompt: 'A client’s SYN carries seq {{hsClientIsn}}. What ack number does the server’s SYN-ACK carry?',
    explanation: 'The SYN uses up one sequence number, so the next byte expected is `ISN + 1`: {{hsSynAckAck}}.',
    answer: { fact: 'hsSynAckAck' },
    unit: '',
    tolerance: { abs: 0 },
  },
  {
    id: 'world-cost',
    kind: 'numeric',
    prompt: 'With a {{worldRttMs}} round trip, how many milliseconds does connect() take at the least?',
    explanation: 'connect() returns when the SYN-ACK arrives: one round trip, {{worldConnectMs}} in the simulator.',
    answer: { fact: 'worldConnectMs' },
    unit: 'ms',
    tolerance: { rel: 0.02 },
  },
  {
    id: 'cookies',
    kind: 'multi',
    prompt: 'Which are true of SYN cookies on Linux? Pick all that apply.',
    explanation: 'Cookies replace the SYN-queue entry with state encoded in the SYN-ACK’s sequence number, and only when the queue is full.',
    options: [
      { id: 'when-full', text: 'With the default setting they are used only when the SYN queue is full', correct: true, feedback: '`tcp_syncookies = 1` means "when needed".' },
      { id: 'no-state', text: 'The server keeps no entry for the half-open connection', correct: true, feedback: 'That is the point: nothing for the flood to fill.' },
      { id: 'rebuild', text: 'The connection is rebuilt from the client’s final ACK', correct: true, feedback: 'The ACK echoes the cookie back as `ISN + 1`.' },
      { id: 'block', text: 'They stop the attacker’s SYNs from reaching the server', correct: false, feedback: 'The SYNs still arrive and are answered; they just cost no memory.' },
      { id: 'extra-rtt', text: 'They add a round trip to every handshake', correct: false, feedback: 'The handshake is the same three segments; the genuine client connected in {{floodCookieConnectMs}}.' },
    ],
  },
];
