// The set of sockets touched while handling one event. Cleared after every event, so clearing must cost
// nothing: an epoch counter invalidates all marks at once instead of emptying a hash set.

export class SidSet {
  private readonly list: number[] = [];
  private readonly mark: number[] = [];
  private epoch = 1;
  /** Counts every add; stamp[sid] is the count at the socket's last add (see lastAdd). */
  private clock = 0;
  private readonly stamp: number[] = [];

  add(sid: number): void {
    this.stamp[sid] = ++this.clock;
    if (this.mark[sid] === this.epoch) return;
    this.mark[sid] = this.epoch;
    this.list.push(sid);
  }

  has(sid: number): boolean {
    return this.mark[sid] === this.epoch;
  }

  /** A number that changes whenever `sid` is added (again): equal stamps mean no add in between. */
  lastAdd(sid: number): number {
    return this.stamp[sid] ?? 0;
  }

  clear(): void {
    if (this.list.length === 0) return;
    this.list.length = 0;
    this.epoch++;
  }

  /** Members in insertion order (the order rows are re-emitted in). */
  values(): readonly number[] {
    return this.list;
  }
}
