// Lesson 1's checks, including two of the course's three quick-check questions.

import type { Question } from '../types.ts';

export const socketsQuestions: Question[] = [
  {
    id: 'socket-is',
    kind: 'single',
    prompt: 'A socket is best described as:',
    explanation: 'A socket is one endpoint, an IP address plus a port. A connection joins two of them, and the unique pair is what lets one port serve many clients.',
    options: [
      { id: 'endpoint', text: 'One endpoint of a connection: an IP address plus a port', correct: true, feedback: 'Yes. Two of these, joined, make a connection.' },
      { id: 'cable', text: 'The physical link between two machines', correct: false, feedback: 'The link carries packets for many sockets; a socket is an endpoint in software.' },
      { id: 'server', text: 'A server process that waits for clients', correct: false, feedback: 'A server uses a listening socket, but clients have sockets too, and one process can hold thousands.' },
      { id: 'connection', text: 'A whole connection, both ends together', correct: false, feedback: 'Close, but a connection is a pair of sockets, one at each end.' },
    ],
  },
  {
    id: 'voice-transport',
    kind: 'single',
    prompt: 'For a live voice call, which transport is usually the better fit, and why?',
    explanation: 'In real-time media a fresh packet beats a complete stream: resending audio from a moment ago only adds delay. UDP’s send-and-forget suits it.',
    options: [
      { id: 'udp-fresh', text: 'UDP, because a late audio packet is useless and waiting for a resend only adds delay', correct: true, feedback: 'Right: freshness matters more than completeness here.' },
      { id: 'tcp-complete', text: 'TCP, because every sound must arrive', correct: false, feedback: 'TCP would stall the whole stream to resend an old sample, which listeners hear as a freeze.' },
      { id: 'tcp-fast', text: 'TCP, because its handshake makes the call start faster', correct: false, feedback: 'The handshake adds a round trip before anything flows; it never speeds things up.' },
      { id: 'udp-secure', text: 'UDP, because it encrypts the audio', correct: false, feedback: 'Neither TCP nor UDP encrypts; that is the job of TLS, DTLS or SRTP on top.' },
    ],
  },
  {
    id: 'four-tuple',
    kind: 'multi',
    prompt: 'Which values together identify one TCP connection on a host? Pick all that apply.',
    explanation: 'The 4-tuple: source IP, source port, destination IP, destination port. Change any one and it is a different connection.',
    options: [
      { id: 'src-ip', text: 'Source IP address', correct: true, feedback: 'Part of the 4-tuple.' },
      { id: 'src-port', text: 'Source port', correct: true, feedback: 'Part of the 4-tuple; usually an ephemeral port the kernel picked.' },
      { id: 'dst-ip', text: 'Destination IP address', correct: true, feedback: 'Part of the 4-tuple.' },
      { id: 'dst-port', text: 'Destination port', correct: true, feedback: 'Part of the 4-tuple; the same for every client of one server.' },
      { id: 'pid', text: 'The process id of the program', correct: false, feedback: 'The kernel can hand a connection from one process to another; the pid is not part of its identity.' },
      { id: 'isn', text: 'The initial sequence number', correct: false, feedback: 'Each side picks an ISN, but connections are looked up by addresses and ports.' },
    ],
  },
  {
    id: 'many-clients-count',
    kind: 'numeric',
    prompt: 'Run many-clients-one-port. How many ESTABLISHED sockets does the server end up with behind its single listening port?',
    explanation: 'One per connection: the listening socket only hands out new sockets, each with its own 4-tuple.',
    answer: { fact: 'manyClientsEstablished' },
    unit: 'sockets',
    tolerance: { abs: 0 },
  },
  {
    id: 'ephemeral-range',
    kind: 'single',
    prompt: 'A Linux client calls connect() without bind(). Where does its source port come from by default?',
    explanation: 'The kernel picks a free port from `net.ipv4.ip_local_port_range`, {{portRangeLinux}} by default on Linux.',
    options: [
      { id: 'linux', text: 'A free port from {{portRangeLinux}}', correct: true, feedback: 'That is Linux’s default ip_local_port_range.' },
      { id: 'iana', text: 'A free port from {{portRangeText}}', correct: false, feedback: 'That is the IANA range used by Windows and macOS, not Linux’s default.' },
      { id: 'same', text: 'The same port as the server', correct: false, feedback: 'The source port is on the client’s side and has nothing to do with the server’s.' },
      { id: 'privileged', text: 'A port below `1024`', correct: false, feedback: 'Those are reserved for services started by root; clients are kept out of them.' },
    ],
  },
];
