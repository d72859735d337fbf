// A binary min-heap ordered by (time, insertion order): simultaneous events run in the order they were
// scheduled, which is what makes a run deterministic. Kept as three parallel arrays so that scheduling an event
// allocates nothing but the event itself (the engine schedules one or more per segment).

export interface Queued<T> {
  t: number;
  order: number;
  item: T;
}

export class EventQueue<T> {
  private ts: number[] = [];
  private ords: number[] = [];
  private items: T[] = [];
  private counter = 0;

  get size(): number {
    return this.items.length;
  }

  /** `lifo`: among events of the same time, run this one before those pushed earlier (Linux timer buckets). */
  push(t: number, item: T, lifo = false): void {
    const n = this.counter++;
    const order = lifo ? -n : n;
    const { ts, ords, items } = this;
    let i = items.length;
    ts.push(t);
    ords.push(order);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = ts[p]!;
      if (pt < t || (pt === t && ords[p]! < order)) break;
      ts[i] = pt;
      ords[i] = ords[p]!;
      items[i] = items[p]!;
      i = p;
    }
    ts[i] = t;
    ords[i] = order;
    items[i] = item;
  }

  peekTime(): number | undefined {
    return this.items.length > 0 ? this.ts[0] : undefined;
  }

  /** Remove and return the earliest event (its time is what peekTime() said). */
  popItem(): T | undefined {
    const { ts, ords, items } = this;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const lt = ts.pop()!;
    const lo = ords.pop()!;
    const li = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (ts[r]! < ts[l]! || (ts[r] === ts[l] && ords[r]! < ords[l]!)) ? r : l;
        if (lt < ts[c]! || (lt === ts[c] && lo < ords[c]!)) break;
        ts[i] = ts[c]!;
        ords[i] = ords[c]!;
        items[i] = items[c]!;
        i = c;
      }
      ts[i] = lt;
      ords[i] = lo;
      items[i] = li;
    }
    return top;
  }

  pop(): Queued<T> | undefined {
    if (this.items.length === 0) return undefined;
    const t = this.ts[0]!;
    const order = this.ords[0]!;
    return { t, order, item: this.popItem()! };
  }
}
