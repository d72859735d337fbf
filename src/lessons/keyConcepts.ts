// The end page: the chapter's key-concepts checklist, in the course's words, each item pointing at the lesson
// section that teaches it and the scenarios that show it in the lab.

import type { Template } from './types.ts';

export interface KeyConcept {
  id: string;
  text: Template;
  lesson: string;
  section: string;
  scenarios: string[];
}

export const keyConcepts: readonly KeyConcept[] = [
  {
    id: 'tcp-vs-udp',
    text: 'I can say what TCP’s guarantees cost compared with UDP, and pick the right one for a job.',
    lesson: 'sockets',
    section: 'types',
    scenarios: ['handshake', 'lossy-transfer'],
  },
  {
    id: 'handshake',
    text: 'I can walk through SYN, SYN-ACK and ACK with their numbers, and explain what state the handshake makes the server keep.',
    lesson: 'handshake',
    section: 'three-segments',
    scenarios: ['handshake', 'syn-flood-cookies'],
  },
  {
    id: 'options',
    text: 'I know what `SO_REUSEADDR`, `SO_KEEPALIVE` and `TCP_NODELAY` do, and when to set each.',
    lesson: 'options',
    section: 'order',
    scenarios: ['reuseaddr-restart-works', 'keepalive-dead-peer', 'nodelay-hello'],
  },
  {
    id: 'backlog',
    text: 'I can size a listen backlog from connection rate and accept latency, and check it against somaxconn.',
    lesson: 'backlog',
    section: 'sizing',
    scenarios: ['backlog-overflow', 'somaxconn-caps-backlog'],
  },
  {
    id: 'non-blocking',
    text: 'I can explain how non-blocking sockets with select, poll or epoll let one thread serve many connections.',
    lesson: 'many-clients',
    section: 'event-loop',
    scenarios: ['nonblocking-accept', 'sequential-server'],
  },
  {
    id: 'pools',
    text: 'I can size a connection pool with Little’s law, bound how long a checkout waits, and keep its idle timeout below the server’s.',
    lesson: 'reuse',
    section: 'pools',
    scenarios: ['cold-start', 'http-keepalive', 'stale-pool-connection'],
  },
  {
    id: 'keepalive-kinds',
    text: 'I can tell TCP keepalive from application-level pings, and work out how long each takes to notice a dead peer.',
    lesson: 'options',
    section: 'keepalive',
    scenarios: ['keepalive-dead-peer', 'keepalive-off-dead-peer'],
  },
  {
    id: 'server',
    text: 'I can outline a TCP server that serves clients concurrently and shuts down without resetting the ones it has queued.',
    lesson: 'many-clients',
    section: 'shutdown',
    scenarios: ['thread-pool', 'graceful-shutdown'],
  },
];
