// Collects the timeline while the engine runs. Append-only; the Timeline handed out at the end is frozen.

import type { SocketRow, TimelineEvent } from './types.ts';

export class Recorder {
  readonly events: TimelineEvent[] = [];
  private rows = new Map<number, string>();

  push(e: TimelineEvent): void {
    this.events.push(e);
  }

  /** Emit a `sock` event only when the row differs from the last one emitted for that socket. */
  row(t: number, row: SocketRow): void {
    const key = rowKey(row);
    if (this.rows.get(row.sid) === key) return;
    this.rows.set(row.sid, key);
    this.events.push({ type: 'sock', t, row });
  }

  gone(t: number, row: SocketRow): void {
    if (!this.rows.has(row.sid)) return;
    this.rows.delete(row.sid);
    this.events.push({ type: 'sock', t, row, gone: true });
  }
}

function rowKey(r: SocketRow): string {
  return `${r.state}|${r.recvQ}|${r.sendQ}|${r.local}|${r.peer}|${r.timer?.kind ?? ''}|${r.timer?.until ?? ''}|${r.fd ?? ''}|${r.synQueue ?? ''}|${r.acceptQueue ?? ''}|${r.acceptMax ?? ''}|${r.orphan ? 1 : 0}|${r.half ? 1 : 0}`;
}
