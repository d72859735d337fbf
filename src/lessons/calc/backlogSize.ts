// Sizing listen()'s backlog: connections that arrive while the server is busy between accept() calls must wait
// somewhere. Linux then clamps the request to net.core.somaxconn (min(backlog, somaxconn), inet_listen()).

import { fmt, type Worked } from './format.ts';

export function backlogSize(burstPerS: number, acceptLatencyMs: number, somaxconn: number): Worked & { wanted: number; clamped: boolean } {
  const wanted = Math.ceil(burstPerS * (acceptLatencyMs / 1000) - 1e-9);
  const value = Math.min(wanted, somaxconn);
  return {
    value,
    wanted,
    clamped: wanted > somaxconn,
    working: `${fmt(burstPerS)}/s × ${fmt(acceptLatencyMs / 1000)} s = ${fmt(wanted)}; min(${fmt(wanted)}, somaxconn ${fmt(somaxconn)}) = ${fmt(value)}`,
  };
}
