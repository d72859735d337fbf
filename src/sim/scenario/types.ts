// Scenario format v1: the public, documented input of the simulator (docs/scenario-format.md).
// Every field here is checked by validateScenario before the engine sees it.

export type SysctlName =
  | 'net.core.somaxconn'
  | 'net.ipv4.tcp_max_syn_backlog'
  | 'net.ipv4.tcp_syncookies'
  | 'net.ipv4.tcp_abort_on_overflow'
  | 'net.ipv4.tcp_syn_retries'
  | 'net.ipv4.tcp_syn_linear_timeouts'
  | 'net.ipv4.tcp_synack_retries'
  | 'net.ipv4.tcp_fin_timeout'
  | 'net.ipv4.tcp_keepalive_time'
  | 'net.ipv4.tcp_keepalive_intvl'
  | 'net.ipv4.tcp_keepalive_probes'
  | 'net.ipv4.tcp_retries2'
  | 'net.ipv4.tcp_tw_reuse'
  | 'net.ipv4.ip_local_port_range';

/** Values are numbers, except ip_local_port_range which is "low high" as in /proc. */
export type SysctlValues = Partial<Record<SysctlName, number | string>>;

export interface HostSpec {
  ip: string;
  sysctl?: SysctlValues;
  /** RLIMIT_NOFILE: fds 0..nofile-1 are valid; 0, 1 and 2 are taken by stdio. */
  nofile?: number;
  /** Link MTU; default 1500 (65536 for 127.0.0.0/8). */
  mtu?: number;
}

export type FlagsPattern = string; // tcpdump notation: "S", "S.", ".", "P.", "F.", "R", "R."

export interface FaultMatch {
  /** Host name of the sender. */
  from?: string;
  /** Host name of the receiver. */
  to?: string;
  /** Exact tcpdump flags of the segment, e.g. "S." */
  flags?: FlagsPattern;
  /** Only segments that carry data (true) or none (false). */
  hasData?: boolean;
  /** The n-th segment (1-based) that matches the rest; default: every match. */
  nth?: number;
  /** Only segments sent at or after this time (ms). */
  afterMs?: number;
  /** Only segments sent before this time (ms). */
  beforeMs?: number;
}

export type Fault =
  | { action: 'drop'; match: FaultMatch; count?: number }
  | { action: 'duplicate'; match: FaultMatch; count?: number }
  | { action: 'delay'; match: FaultMatch; count?: number; delayMs: number }
  /** Hold the matched segment back until the next segment in the same direction has arrived. */
  | { action: 'reorder'; match: FaultMatch; count?: number }
  /** Random loss from the scenario's seeded RNG; probability 0..1. */
  | { action: 'loss'; rate: number; match?: FaultMatch };

export interface NetworkSpec {
  /** One-way delay in ms (fractional allowed; loopback is ~0.05 ms). */
  delayMs?: number;
  faults?: Fault[];
}

export type SockOptName =
  | 'SO_REUSEADDR'
  | 'SO_REUSEPORT'
  | 'SO_KEEPALIVE'
  | 'SO_LINGER'
  | 'SO_RCVTIMEO'
  | 'SO_SNDTIMEO'
  | 'SO_RCVBUF'
  | 'SO_SNDBUF'
  | 'TCP_NODELAY'
  | 'TCP_KEEPIDLE'
  | 'TCP_KEEPINTVL'
  | 'TCP_KEEPCNT'
  | 'TCP_SYNCNT';

/** struct linger: onoff is an int, non-zero = on. */
export type LingerValue = { onoff: number; linger: number };
export type ShutdownHow = 'SHUT_RD' | 'SHUT_WR' | 'SHUT_RDWR';

/** An fd is named by the `as` of an earlier step on the same host, or given as a number. */
export type FdRef = string | number;

interface StepBase {
  host: string;
  thread?: string;
  /** Earliest start, ms from the start of the run. */
  at?: number;
  /** Fail the call with a timeout (like Python's settimeout for one call). */
  timeoutMs?: number;
  /** A return value, an errno name ("ECONNREFUSED"), or for recv the received text. */
  expect?: number | string;
  /** Free text shown in the lab beside this call. */
  note?: string;
}

export type Step = StepBase &
  (
    | { call: 'socket'; as?: string; type?: 'SOCK_STREAM' }
    | { call: 'setsockopt'; fd: FdRef; opt: SockOptName; value: number | LingerValue }
    | { call: 'bind'; fd: FdRef; port: number; ip?: string }
    | { call: 'listen'; fd: FdRef; backlog?: number }
    | { call: 'accept'; fd: FdRef; as?: string }
    | { call: 'connect'; fd: FdRef; addr: string }
    | { call: 'send'; fd: FdRef; data?: string; bytes?: number }
    | { call: 'recv'; fd: FdRef; size?: number }
    | { call: 'shutdown'; fd: FdRef; how: ShutdownHow }
    | { call: 'close'; fd: FdRef }
    | { call: 'setblocking'; fd: FdRef; value: boolean | 0 | 1 }
    /** Python's sock.settimeout(seconds): null = blocking forever, 0 = non-blocking. */
    | { call: 'settimeout'; fd: FdRef; seconds: number | null }
    | { call: 'sleep'; ms: number }
    /** The process exits: the kernel closes every fd it holds (FIN, or RST where data is unread). */
    | { call: 'exit' }
    /** The machine vanishes (power loss, cable cut): nothing is sent, nothing is answered. */
    | { call: 'crash' }
    /** A SYN flood from spoofed sources that never answer (SOCK_RAW). */
    | { call: 'synflood'; addr: string; count: number; intervalMs?: number }
  );

export type CallName = Step['call'];

export interface Scenario {
  /** Ignored by the simulator: lets editors find docs/scenario.schema.json for completion. */
  $schema?: string;
  version: 1;
  id: string;
  title: string;
  description?: string;
  /** Topic for grouping in the picker. */
  topic?: string;
  seed?: number;
  network?: NetworkSpec;
  hosts: Record<string, HostSpec>;
  steps: Step[];
  /** Stop the run at this simulated time (ms). */
  untilMs?: number;
  /** Knobs the lab may expose: name -> JSON pointer into this file with bounds. */
  params?: Record<string, ScenarioParam>;
}

export interface ScenarioParam {
  label: string;
  /** JSON pointer, e.g. "/steps/3/backlog" or "/network/delayMs". */
  path: string;
  min?: number;
  max?: number;
  step?: number;
  options?: (number | string)[];
}
