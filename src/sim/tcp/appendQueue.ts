// A persistent FIFO for per-TCB lists that grow at the back and shrink at the front (the receive queue's skbs).
// Versions share one array and each sees items[first .. end): pushing onto the newest version appends in place,
// so a queue of n items costs O(1) per push rather than an O(n) copy; pushing onto an older version copies.

export interface AppendQueue<T> {
  readonly items: readonly T[];
  readonly first: number;
  readonly end: number;
}

export const emptyQueue = <T>(): AppendQueue<T> => ({ items: [], first: 0, end: 0 });

export const aqLength = <T>(q: AppendQueue<T>): number => q.end - q.first;

/** The i-th live item (0 = front). */
export const aqAt = <T>(q: AppendQueue<T>, i: number): T | undefined => (q.first + i < q.end ? q.items[q.first + i] : undefined);

export function aqPush<T>(q: AppendQueue<T>, item: T): AppendQueue<T> {
  if (q.items.length === q.end && q.end > 0) {
    (q.items as T[]).push(item);
    return { items: q.items, first: q.first, end: q.end + 1 };
  }
  const items = q.items.slice(q.first, q.end);
  items.push(item);
  return { items, first: 0, end: items.length };
}

/** A copy with the last item replaced (the shared array is not touched: older versions may see that slot). */
export function aqReplaceLast<T>(q: AppendQueue<T>, item: T): AppendQueue<T> {
  const items = q.items.slice(q.first, q.end);
  items[items.length - 1] = item;
  return { items, first: 0, end: items.length };
}

/** A copy with the first item replaced. */
export function aqReplaceFirst<T>(q: AppendQueue<T>, item: T): AppendQueue<T> {
  const items = q.items.slice(q.first, q.end);
  items[0] = item;
  return { items, first: 0, end: items.length };
}

export function aqDropFront<T>(q: AppendQueue<T>, k: number): AppendQueue<T> {
  if (k <= 0) return q;
  const first = q.first + k;
  if (first >= q.end) return emptyQueue();
  // Once most of the shared array is behind us, copy the live part so dropped items can be collected.
  if (first >= 64 && first * 2 >= q.end) {
    const items = q.items.slice(first, q.end);
    return { items, first: 0, end: items.length };
  }
  return { items: q.items, first, end: q.end };
}
