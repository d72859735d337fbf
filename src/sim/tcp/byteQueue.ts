// An immutable byte queue for send and receive buffers. Appends and front drops share chunks between
// versions, so a transition that copies the TCB never copies buffered bytes (string `+=` then `slice` would
// flatten and copy the whole buffer on every ACK).
//
// Versions share one chunk array: a version sees chunks[first .. end). Appending to the newest version pushes
// onto the shared array (older versions, whose `end` is smaller, do not see the new chunk); appending to an
// older version — a test replaying a transition from the same TCB twice — copies first. So a receive queue of
// n segments costs O(1) per arriving segment instead of an O(n) copy.

export interface ByteQueue {
  readonly chunks: readonly string[];
  /** Index of the first live chunk. */
  readonly first: number;
  /** One past the last chunk of this version. */
  readonly end: number;
  /** Offset of the first live byte within chunks[first]. */
  readonly head: number;
  readonly length: number;
}

export const EMPTY_QUEUE: ByteQueue = { chunks: [], first: 0, end: 0, head: 0, length: 0 };

export function bqAppend(q: ByteQueue, s: string): ByteQueue {
  if (s.length === 0) return q;
  if (q.length === 0) return { chunks: [s], first: 0, end: 1, head: 0, length: s.length };
  if (q.chunks.length === q.end) {
    (q.chunks as string[]).push(s);
    return { chunks: q.chunks, first: q.first, end: q.end + 1, head: q.head, length: q.length + s.length };
  }
  const chunks = q.chunks.slice(q.first, q.end);
  chunks.push(s);
  return { chunks, first: 0, end: chunks.length, head: q.head, length: q.length + s.length };
}

export function bqDrop(q: ByteQueue, n: number): ByteQueue {
  if (n <= 0) return q;
  if (n >= q.length) return EMPTY_QUEUE;
  let i = q.first;
  let head = q.head + n;
  while (head >= q.chunks[i]!.length) {
    head -= q.chunks[i]!.length;
    i++;
  }
  // Once most of the shared array is behind us, copy the live part so dropped chunks can be collected.
  if (i >= 64 && i * 2 >= q.end) {
    const chunks = q.chunks.slice(i, q.end);
    return { chunks, first: 0, end: chunks.length, head, length: q.length - n };
  }
  return { chunks: q.chunks, first: i, end: q.end, head, length: q.length - n };
}

/** `n` bytes starting `from` bytes after the front. */
export function bqSlice(q: ByteQueue, from: number, n: number): string {
  const end = Math.min(q.length, from + n);
  if (from >= end) return '';
  let pos = from + q.head;
  let i = q.first;
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
