// A binary min-heap ordered by (time, insertion order): simultaneous events run in the order they were
// scheduled, which is what makes a run deterministic.

export interface Queued<T> {
  t: number;
  order: number;
  item: T;
}

export class EventQueue<T> {
  private heap: Queued<T>[] = [];
  private counter = 0;

  get size(): number {
    return this.heap.length;
  }

  /** `lifo`: among events of the same time, run this one before those pushed earlier (Linux timer buckets). */
  push(t: number, item: T, lifo = false): void {
    const n = this.counter++;
    const node: Queued<T> = { t, order: lifo ? -n : n, item };
    const h = this.heap;
    h.push(node);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (less(parent, node)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = node;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.t;
  }

  pop(): Queued<T> | undefined {
    const h = this.heap;
    const top = h[0];
    if (!top) return undefined;
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      const n = h.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && less(h[r]!, h[l]!) ? r : l;
        if (less(last, h[c]!)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

function less<T>(a: Queued<T>, b: Queued<T>): boolean {
  return a.t < b.t || (a.t === b.t && a.order < b.order);
}
