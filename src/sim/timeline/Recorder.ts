// Collects the timeline while the engine runs. Append-only; the Timeline handed out at the end is frozen.

import type { SocketRow, TimelineEvent } from './types.ts';

export class Recorder {
  readonly events: TimelineEvent[] = [];
  private rows = new Map<number, SocketRow>();

  push(e: TimelineEvent): void {
    this.events.push(e);
  }

  lastRow(sid: number): SocketRow | undefined {
    return this.rows.get(sid);
  }

  /** Emit a `sock` event for a row the caller already knows to differ from the last one. */
  putRow(t: number, row: SocketRow): void {
    this.rows.set(row.sid, row);
    this.events.push({ type: 'sock', t, row });
  }

  /** Emit a `sock` event only when the row differs from the last one emitted for that socket. */
  row(t: number, row: SocketRow): void {
    const prev = this.rows.get(row.sid);
    if (prev && sameRow(prev, row)) return;
    this.rows.set(row.sid, row);
    this.events.push({ type: 'sock', t, row });
  }

  gone(t: number, row: SocketRow): void {
    if (!this.rows.has(row.sid)) return;
    this.rows.delete(row.sid);
    this.events.push({ type: 'sock', t, row, gone: true });
  }
}

function sameRow(a: SocketRow, b: SocketRow): boolean {
  return (
    a.state === b.state && a.recvQ === b.recvQ && a.sendQ === b.sendQ && a.local === b.local && a.peer === b.peer &&
    a.timer?.kind === b.timer?.kind && a.timer?.until === b.timer?.until && a.fd === b.fd &&
    a.synQueue === b.synQueue && a.acceptQueue === b.acceptQueue && a.acceptMax === b.acceptMax &&
    a.orphan === b.orphan && a.half === b.half
  );
}
