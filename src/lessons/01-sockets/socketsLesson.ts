// Lesson 1: what a socket is, how one port serves many clients, and the socket types.

import type { Lesson } from '../types.ts';
import { socketsQuestions } from './socketsQuestions.ts';

export const socketsLesson: Lesson = {
  id: 'sockets',
  number: 1,
  title: 'Sockets and endpoints',
  minutes: 12,
  summary:
    'Every HTTP request, database query and RPC rides on a socket: one end of a two-way byte pipe between programs. ' +
    'Knowing what identifies that end explains how a single server port can talk to thousands of clients at once.',
  goals: [
    'Say what the IP address and the port of an endpoint each locate.',
    'Explain how the 4-tuple keeps many connections apart on one server port.',
    'Pick TCP or UDP for a job, and say what the choice costs.',
  ],
  sections: [
    {
      id: 'endpoint',
      heading: 'A machine and a door on it',
      blocks: [
        {
          kind: 'prose',
          text:
            'To reach one program on one machine you need two things. The IP address gets you to the machine, the way a street ' +
            'address gets you to a building. The port gets you to the program on that machine, the way a flat number gets you ' +
            'to one door inside it. HTTPS servers usually listen on `443`, PostgreSQL on `5432`; in the lab the server listens ' +
            'on `10.0.0.2:8080`. Written together, `IP:port` names one endpoint, and that endpoint is what we call a socket.',
        },
        {
          kind: 'prose',
          text:
            'Inside your program a socket looks like an open file: the kernel hands you a small integer, a file descriptor, and ' +
            'you read and write through it with `recv()` and `send()`. The kernel does the networking; the descriptor is your handle on it.',
        },
      ],
    },
    {
      id: 'four-tuple',
      heading: 'One port, many connections',
      blocks: [
        {
          kind: 'prose',
          text:
            'A connection joins two endpoints, and the kernel tells connections apart by all four numbers at once: source IP, ' +
            'source port, destination IP, destination port. Thousands of clients can all talk to the same server endpoint ' +
            'because each brings a different source address or port, so every 4-tuple is unique.',
        },
        {
          kind: 'prose',
          text:
            'Clients rarely choose their port. When `connect()` runs on a socket that was never bound, the kernel picks a free ' +
            'ephemeral port from `net.ipv4.ip_local_port_range`: on Linux that is {{portRangeLinux}}, which is {{portCountLinux}} ' +
            '({{portCountLinux.working}}) for each destination.',
        },
        {
          kind: 'callout',
          tone: 'linux',
          text:
            'The course text says clients get a port from {{portRangeText}}. That is the range IANA suggests, and the one Windows ' +
            'and macOS use. Linux uses its own default, {{portRangeLinux}}, and that is what you will see in `ss` and `tcpdump` here.',
        },
        {
          kind: 'lab',
          lab: { scenario: 'many-clients-one-port', views: ['ladder', 'ss'] },
          caption:
            'The server has {{manyClientsListeners}} listening socket and ends up with {{manyClientsEstablished}} established ones. ' +
            'Two of the connections come from the same machine and differ only in their source ports, {{manyClientsSameHostPorts}}.',
        },
        {
          kind: 'predict',
          id: 'predict-second-synack',
          lab: { scenario: 'many-clients-one-port', views: ['ladder'] },
          segment: { from: 'server', flags: 'S.', nth: 2 },
          intro: 'The second client has just sent its SYN. Predict the server’s answer, numbering from each side’s own ISN.',
        },
      ],
    },
    {
      id: 'types',
      heading: 'Stream, datagram, raw',
      blocks: [
        {
          kind: 'table',
          columns: ['Socket type', 'Transport', 'What it promises', 'Typical use'],
          rows: [
            ['`SOCK_STREAM`', 'TCP', 'A byte stream that arrives complete and in order, or an error', 'HTTP, databases, most APIs'],
            ['`SOCK_DGRAM`', 'UDP', 'Separate messages that may be lost, duplicated or reordered', 'DNS, live audio and video, games'],
            ['`SOCK_RAW`', 'IP itself', 'Whatever you build on top', 'ping, packet capture, network tools'],
          ],
        },
        {
          kind: 'prose',
          text:
            'TCP earns its guarantee with a setup round trip and per-connection state on both machines. UDP sends at once and ' +
            'remembers nothing, so a lost datagram stays lost. Choose UDP when late data is worthless anyway, as with a voice ' +
            'sample or a game state that the next packet replaces. HTTP/3 is a deliberate middle way: QUIC runs on UDP and ' +
            'rebuilds reliability per stream, so one lost packet does not hold up every other stream behind it.',
        },
        {
          kind: 'callout',
          tone: 'warning',
          text:
            'Connections are not free. Each one holds kernel memory and a file descriptor at both ends, and both are capped. ' +
            '"Too many open files" is a real outage, usually caused by code that opens a connection per call and never reuses it.',
        },
      ],
    },
  ],
  questions: socketsQuestions,
};
