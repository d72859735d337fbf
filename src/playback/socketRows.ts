// The socket table as `ss -tan -o` would print it, one list per host. The state column follows the latest
// state change even when the simulator has not yet flushed the socket's row for it (rows are flushed at the
// end of whatever the kernel was doing, which can be a step later), so the table, the state diagram and the
// narration never disagree.

import type { HostInfo, SocketRow, TcpState, ViewState } from '../sim/index.ts';

export interface TableRow {
  sid: number;
  state: TcpState;
  /** ss's spelling: ESTAB, SYN-RECV, UNCONN… */
  ssState: string;
  recvQ: number;
  sendQ: number;
  local: string;
  peer: string;
  /** `timer:(timewait,59sec)` or null. */
  timer: string | null;
  fd: number | null;
  half: boolean;
  orphan: boolean;
  listener: boolean;
}

export interface HostTable {
  host: string;
  ip: string;
  rows: TableRow[];
}

const SS_NAMES: Partial<Record<TcpState, string>> = {
  CLOSED: 'UNCONN',
  ESTABLISHED: 'ESTAB',
  'SYN-RECEIVED': 'SYN-RECV',
};

export const ssStateName = (s: TcpState): string => SS_NAMES[s] ?? s;

/** ss's print_ms_timer: "59sec", "204ms", "1.200ms" (sic), "1min30sec". */
export function ssDuration(ms: number): string {
  let msecs = Math.max(0, Math.floor(ms));
  let secs = Math.floor(msecs / 1000);
  const minutes = Math.floor(secs / 60);
  secs %= 60;
  msecs %= 1000;
  let out = '';
  if (minutes) {
    msecs = 0;
    out += `${minutes}min`;
    if (minutes > 9) secs = 0;
  }
  if (secs) {
    if (secs > 9) msecs = 0;
    out += `${secs}${msecs ? '.' : 'sec'}`;
  }
  if (msecs) out += `${String(msecs).padStart(out ? 3 : 1, '0')}ms`;
  return out || '0ms';
}

export function timerText(row: SocketRow, now: number): string | null {
  if (!row.timer) return null;
  return `timer:(${row.timer.kind},${ssDuration((row.timer.until - now) / 1000)})`;
}

export function socketTables(view: ViewState, hosts: readonly HostInfo[]): HostTable[] {
  const byHost = new Map<string, TableRow[]>();
  for (const h of hosts) byHost.set(h.name, []);
  const sids = Object.keys(view.sockets).map(Number).sort((a, b) => a - b);
  for (const sid of sids) {
    const row = view.sockets[sid]!;
    const state = view.lastState[sid]?.to ?? row.state;
    const list = byHost.get(row.host) ?? [];
    byHost.set(row.host, list);
    list.push({
      sid,
      state,
      ssState: ssStateName(state),
      recvQ: row.recvQ,
      sendQ: row.sendQ,
      local: row.local,
      peer: row.peer,
      timer: timerText(row, view.t),
      fd: row.fd ?? null,
      half: row.half === true,
      orphan: row.orphan === true,
      listener: state === 'LISTEN',
    });
  }
  return [...byHost].map(([host, rows]) => ({ host, ip: hosts.find((h) => h.name === host)?.ip ?? '', rows }));
}
