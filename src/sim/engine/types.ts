// Runtime records of the engine: hosts, sockets, threads and queued events. Internal to src/sim/engine and
// src/sim/socket; the outside world sees only the Timeline.

import type { Step } from '../scenario/types.ts';
import type { Endpoint, Segment } from '../tcp/segment.ts';
import type { Tcb, TcpSettings } from '../tcp/tcb.ts';
import type { TcpState, TimerKind } from '../timeline/types.ts';
import type { Sysctl } from '../socket/sysctl.ts';

export interface HostRt {
  name: string;
  ip: string;
  sysctl: Sysctl;
  nofile: number;
  mss: number;
  /** fd → sid */
  fds: Map<number, number>;
  /** `as` name → fd */
  names: Map<string, number>;
  /** "lip:lport>rip:rport" → sid, for connections (including TIME-WAIT and SYN queue children). */
  conns: Map<string, number>;
  /** sids of sockets holding a local port (bind table). */
  bound: Set<number>;
  crashed: boolean;
  exited: boolean;
  /** Linux table_perturb: moves the ephemeral-port search along after each connect(). */
  perturb: number;
}

export interface ListenState {
  backlog: number;
  /** min(backlog, somaxconn): sk_max_ack_backlog */
  max: number;
  synQ: number[];
  acceptQ: number[];
  /** Last time the SYN queue overflowed (SYN cookies are honoured for a while after). */
  lastOverflow: number;
}

export interface Sock {
  sid: number;
  host: HostRt;
  /** "ip:port" of the endpoint objects last shown in its ss row (the row is re-checked after every event). */
  shown?: { local: Endpoint | null; localText: string; peer: Endpoint | null; peerText: string };
  fd: number | null;
  reuseaddr: boolean;
  reuseport: boolean;
  settings: TcpSettings;
  /** SO_RCVTIMEO / SO_SNDTIMEO in µs (0 = none). */
  rcvtimeo: number;
  sndtimeo: number;
  /** Python settimeout in µs: null = none. */
  pyTimeout: number | null;
  nonblocking: boolean;
  local: Endpoint | null;
  explicitBind: boolean;
  listen: ListenState | null;
  tcb: Tcb | null;
  /** State for sockets without a TCB (new, listening, or closed before connecting). */
  bareState: TcpState;
  parent: number | null;
  connKey: string | null;
  freed: boolean;
  everConnected: boolean;
  /** The socket layer's connect state (struct socket.state): what a repeated connect() reports. */
  ss: 'unconnected' | 'connecting' | 'connected';
}

export interface Blocked {
  call: string;
  sid: number;
  startT: number;
  token: number;
  /** Bytes of a send() already queued. */
  progress: number;
}

export interface ThreadRt {
  host: HostRt;
  name: string;
  steps: { step: Step; index: number }[];
  pc: number;
  status: 'ready' | 'blocked' | 'sleeping' | 'done';
  blocked: Blocked | null;
  /** Whether the running call had to wait. */
  waited: boolean;
  /** The fd the running call was made on (resolved when it started, since close() forgets the name). */
  curFd?: number;
  /** A blocked recv() has a wake-up queued for the end of the current instant. */
  wakeQueued?: boolean;
}

export type Ev =
  | { k: 'thread'; th: ThreadRt }
  | { k: 'arrive'; segId: number; seg: Segment; host: HostRt; token?: number }
  | { k: 'timer'; sid: number; kind: TimerKind; at: number }
  | { k: 'deadline'; th: ThreadRt; token: number }
  | { k: 'flood'; th: ThreadRt; i: number }
  | { k: 'wake'; th: ThreadRt; token: number };

export type CallOutcome =
  | { done: true; ret?: number; errno?: string; data?: string; /** The first World.recvChars of data, taken from the buffer so the whole result need not be copied. */ dataHead?: string; peer?: string }
  | { done: false; sid: number; progress?: number; /** The call's own time limit (SO_LINGER), returning 0. */ timeoutUs?: number };
