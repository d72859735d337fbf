// A TCP segment as the simulator carries it: header fields that matter to the lifecycle, plus the payload.
// Timestamps and SACK blocks are not modelled; their one visible effect, 12 option bytes per data segment
// (MSS 1460 carries 1448 payload bytes), is (see tcb.ts, TS_OPTION_BYTES).

export interface Flags {
  syn?: boolean;
  ack?: boolean;
  fin?: boolean;
  rst?: boolean;
  psh?: boolean;
}

export interface Endpoint {
  ip: string;
  port: number;
}

export interface Segment {
  src: Endpoint;
  dst: Endpoint;
  seq: number;
  ack: number;
  flags: Flags;
  /** Window field as sent on the wire (already shifted by the sender's window scale when not a SYN). */
  win: number;
  data: string;
  mss?: number;
  wscale?: number;
  sackOk?: boolean;
  /** The timestamps option is present (values are not modelled). */
  ts?: boolean;
  cookie?: boolean;
  why?: string;
}

/** tcpdump's notation for each combination, built once: the timeline keeps one string per segment. */
const FLAG_TEXT: readonly string[] = Array.from({ length: 32 }, (_, bits) => {
  let s = '';
  if (bits & 1) s += 'S';
  if (bits & 2) s += 'F';
  if (bits & 4) s += 'P';
  if (bits & 8) s += 'R';
  if (bits & 16) s += '.';
  return s === '' ? 'none' : s;
});

/** tcpdump's notation: S, F, P, R, then "." for ACK (tcpdump prints e.g. "S." or "FP."). */
export function flagsText(f: Flags): string {
  return FLAG_TEXT[(f.syn ? 1 : 0) | (f.fin ? 2 : 0) | (f.psh ? 4 : 0) | (f.rst ? 8 : 0) | (f.ack ? 16 : 0)]!;
}

const epCache = new WeakMap<Endpoint, string>();
/** "ip:port", cached per endpoint object: a connection reuses its two endpoints for every segment. */
export function epText(e: Endpoint): string {
  let s = epCache.get(e);
  if (s === undefined) {
    s = `${e.ip}:${e.port}`;
    epCache.set(e, s);
  }
  return s;
}

/** Sequence space a segment occupies: data plus one for SYN and one for FIN (RFC 9293 §3.4). */
export const segSpace = (s: Segment): number => s.data.length + (s.flags.syn ? 1 : 0) + (s.flags.fin ? 1 : 0);
