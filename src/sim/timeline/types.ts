// The timeline: the immutable record of one run. Views render from it alone; nothing re-runs TCP to draw.
// Times are integer microseconds of simulated time since the start of the run.

export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

export const TCP_STATES: readonly TcpState[] = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
];

export type Fate = 'delivered' | 'dropped';

export interface SegmentOptions {
  mss?: number;
  wscale?: number;
  sackOk?: boolean;
  /** The timestamps option (RFC 7323) is present; its values are not modelled. */
  ts?: boolean;
  /** Set when the SYN-ACK carries a SYN cookie instead of a queued request. */
  cookie?: boolean;
}

export interface SegmentEvent {
  type: 'segment';
  t: number;
  /** Unique per run, in send order. */
  id: number;
  src: string; // "ip:port"
  dst: string;
  srcHost: string;
  dstHost: string | null;
  flags: string; // tcpdump notation
  seq: number;
  ack: number;
  len: number;
  win: number;
  /** Payload preview (text), when it is printable. */
  data?: string;
  options?: SegmentOptions;
  fate: Fate;
  /** Arrival time when delivered (µs); a duplicate has two. */
  arrive: number[];
  /** Why this segment left: 'retransmit', 'keepalive', 'challenge-ack', 'window-probe', 'rst-no-socket', ... */
  why?: string;
  /** Why it was lost or altered: 'fault: drop', 'random loss', 'duplicated', 'delayed', 'reordered'. */
  faultNote?: string;
}

export interface ArriveEvent {
  type: 'arrive';
  t: number;
  segment: number;
  host: string;
  /** What the receiving stack did with it, in words ("queued in the SYN queue", "no socket: reply RST"). */
  outcome: string;
}

export interface CallStartEvent {
  type: 'call-start';
  t: number;
  host: string;
  thread: string;
  step: number;
  call: string;
  fd?: number;
  /** The call as code-ish text, e.g. connect(3, 10.0.0.2:8080). */
  text: string;
}

export interface CallEvent {
  type: 'call';
  t: number;
  host: string;
  thread: string;
  step: number;
  call: string;
  fd?: number;
  ret?: number;
  errno?: string;
  /** recv: the bytes read, as text (only the first RunOptions.recvDataChars when dataTruncated); accept: the peer "ip:port". */
  data?: string;
  dataTruncated?: boolean;
  peer?: string;
  /** True when the call had to wait (blocked) before returning. */
  blocked: boolean;
  /** Set when the step had an `expect` that did not hold. */
  expectFailed?: string;
}

export interface StateEvent {
  type: 'state';
  t: number;
  host: string;
  socket: string; // "ip:port>ip:port" (peer "0.0.0.0:*" for a listener)
  sid: number;
  from: TcpState;
  to: TcpState;
  /** The event that caused it, e.g. "rcv SYN,ACK", "close()", "timer: TIME-WAIT 60 s". */
  cause: string;
  /** What the endpoint did on the transition, e.g. "snd ACK". */
  action?: string;
}

export type TimerKind =
  | 'retransmit'
  | 'delayed-ack'
  | 'time-wait'
  | 'fin-wait-2'
  | 'keepalive'
  | 'synack'
  | 'persist';

export interface TimerEvent {
  type: 'timer';
  t: number;
  host: string;
  sid: number;
  socket: string;
  timer: TimerKind;
  action: 'set' | 'fired' | 'cleared';
  /** When a set timer will fire (µs). */
  at?: number;
}

/** One row of `ss -tan` for a socket, after the event; `gone` removes it. */
export interface SocketRow {
  sid: number;
  host: string;
  state: TcpState;
  recvQ: number;
  sendQ: number;
  local: string;
  peer: string;
  /** ss -o style timer, e.g. { kind: 'timewait', until: µs } */
  timer?: { kind: string; until: number };
  fd?: number;
  listener?: number;
  /** Listener only. */
  synQueue?: number;
  acceptQueue?: number;
  acceptMax?: number;
  synMax?: number;
  /** A child still in the SYN queue (a request sock) has no fd and is not in `ss` as a full socket. */
  half?: boolean;
  orphan?: boolean;
}

export interface SockEvent {
  type: 'sock';
  t: number;
  row: SocketRow;
  gone?: boolean;
}

export interface QueueEvent {
  type: 'queue';
  t: number;
  host: string;
  sid: number;
  listener: string;
  synQueue: number;
  acceptQueue: number;
  synMax: number;
  acceptMax: number;
  /** What changed: 'syn+', 'syn-', 'accept+', 'accept-', 'overflow: SYN dropped', ... */
  change: string;
}

export interface NoteEvent {
  type: 'note';
  t: number;
  host?: string;
  text: string;
}

export type TimelineEvent =
  | SegmentEvent
  | ArriveEvent
  | CallStartEvent
  | CallEvent
  | StateEvent
  | TimerEvent
  | SockEvent
  | QueueEvent
  | NoteEvent;

export type TimelineEventType = TimelineEvent['type'];

export interface HostInfo {
  name: string;
  ip: string;
}

export interface Timeline {
  scenarioId: string;
  seed: number;
  hosts: HostInfo[];
  events: readonly TimelineEvent[];
  /** Simulated end time (µs). */
  endT: number;
  /** Steps whose `expect` failed. */
  failures: string[];
  /** Why the run stopped early, if it did (event budget, until). */
  truncated?: string;
  /** Discrete events the engine processed (deliveries, timers, thread wake-ups). */
  engineEvents: number;
  /**
   * Where each engine event's recording begins (ascending indices into `events`): one stimulus — a call, an
   * arrival, a timer, a deadline — and everything it caused. The lab's steps are built on these boundaries.
   */
  marks: number[];
}
