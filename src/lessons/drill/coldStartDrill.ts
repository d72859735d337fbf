// The cold-start drill from the "Network sockets" lesson: same service, same region, no code change, yet the first
// call is much slower than the rest. The numbers are the course's givens; the gap is a shown formula.

import type { Drill } from './drillTypes.ts';

export const coldStartDrill: Drill = {
  id: 'cold-start',
  title: 'Why is the first call slow?',
  prompt:
    'Right after a deploy, your service makes its first call to a dependency in the same region and it takes {{drillFirstCallMs}}. ' +
    'Every call after that takes about {{drillLaterCallMs}}. Nobody changed any code between the calls. ' +
    'Where do the extra {{drillGapMs}} go? Write your explanation and what you would do about it before you look at the model answer.',
  modelAnswer: [
    'Only the first call has to build what every later call reuses. Before its request can leave, the client opens a TCP connection ' +
      '(one round trip for SYN, SYN-ACK, ACK) and, for HTTPS, runs the TLS handshake on top of it (another round trip with TLS 1.3). ' +
      'It may also have to resolve the name in DNS and warm up its own code paths and caches.',
    'The later calls ride on the same kept-alive connection, so they skip all of that and pay only for the request itself.',
    'To hide the cost: keep connections alive and share them through a pool, open (pre-warm) the pool at start-up before taking ' +
      'traffic, and keep the pool’s idle timeout below the server’s so warm connections are not silently lost.',
    'Two different "cold" costs are at play and worth telling apart: connection setup (handshakes, paid per new connection) and ' +
      'application warm-up (JIT, caches, lazy initialisation, paid once per process).',
  ],
  rubric: [
    { id: 'setup', text: 'Puts the gap down to one-time setup for a new connection, which later calls reuse', bonus: false },
    { id: 'handshakes', text: 'Names the handshake(s): TCP, and TLS for HTTPS', bonus: false },
    { id: 'fix', text: 'Proposes a remedy: keep-alive, a connection pool, or warming up at start-up', bonus: false },
    { id: 'app-vs-conn', text: 'Bonus: separates connection setup from the application’s own cold start', bonus: true },
  ],
};
