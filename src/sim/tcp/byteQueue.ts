// An immutable byte queue for send and receive buffers. Appends and front drops share chunks between
// versions, so a transition that copies the TCB never copies buffered bytes (string `+=` then `slice` would
// flatten and copy the whole buffer on every ACK).

export interface ByteQueue {
  readonly chunks: readonly string[];
  /** Offset of the first live byte within chunks[0]. */
  readonly head: number;
  readonly length: number;
}

export const EMPTY_QUEUE: ByteQueue = { chunks: [], head: 0, length: 0 };

export function bqAppend(q: ByteQueue, s: string): ByteQueue {
  if (s.length === 0) return q;
  return { chunks: [...q.chunks, s], head: q.head, length: q.length + s.length };
}

export function bqDrop(q: ByteQueue, n: number): ByteQueue {
  if (n <= 0) return q;
  if (n >= q.length) return EMPTY_QUEUE;
  let i = 0;
  let head = q.head + n;
  while (head >= q.chunks[i]!.length) {
    head -= q.chunks[i]!.length;
    i++;
  }
  return { chunks: q.chunks.slice(i), head, length: q.length - n };
}

/** `n` bytes starting `from` bytes after the front. */
export function bqSlice(q: ByteQueue, from: number, n: number): string {
  const end = Math.min(q.length, from + n);
  if (from >= end) return '';
  let pos = from + q.head;
  let i = 0;
  while (pos >= q.chunks[i]!.length) {
    pos -= q.chunks[i]!.length;
    i++;
  }
  let want = end - from;
  let out = '';
  while (want > 0) {
    const c = q.chunks[i]!;
    const take = Math.min(want, c.length - pos);
    out += c.slice(pos, pos + take);
    want -= take;
    pos = 0;
    i++;
  }
  return out;
}

export const bqText = (q: ByteQueue): string => bqSlice(q, 0, q.length);
