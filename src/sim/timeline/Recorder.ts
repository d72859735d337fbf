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

  /** Emit a `sock` event for a row the caller already knows to differ from lastRow() (World.emitRow compares). */
  putRow(t: number, row: SocketRow): void {
    this.rows.set(row.sid, row);
    this.events.push({ type: 'sock', t, row });
  }

  gone(t: number, row: SocketRow): void {
    if (!this.rows.has(row.sid)) return;
    this.rows.delete(row.sid);
    this.events.push({ type: 'sock', t, row, gone: true });
  }
}
