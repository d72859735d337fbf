// The receive side's memory and the window it advertises, as Linux 6.x computes them (net/ipv4/tcp_input.c,
// tcp_output.c). Every queued segment costs its skb's truesize against sk_rcvbuf; the window offered is the
// smaller of that free space (scaled by the measured payload/truesize ratio) and rcv_ssthresh, which grows by
// two segments per full-sized arrival (tcp_grow_window), and the right edge of an offered window never moves
// back (tcp_select_window). Checked against recordings of Linux 6.18 on a TUN wire: a receiver that does not
// read advertises 63, 66, 69, 72, 75, 74, 73, … (×1024 bytes) for successive 1448-byte segments.
//
// Simplified: no receive-buffer autotuning (tcp_rcv_space_adjust grows sk_rcvbuf when the application reads
// fast), no queue collapsing under memory pressure, and skb sizes as a TUN device allocates them.

import type { Tcb } from './tcb.ts';
import { TS_OPTION_BYTES, WSCALE, initialWindow } from './constants.ts';
import { seqAdd, seqDiff } from './seq.ts';
import { aqAt, aqDropFront, aqLength, aqPush, aqReplaceLast } from './appendQueue.ts';

/** net.ipv4.tcp_rmem[1]: the receive buffer a new socket starts with. */
export const TCP_RMEM_DEFAULT = 131_072;
/** tcp_rmem[2] on 6.18 (32 MiB): bounds __tcp_grow_window's search. */
const TCP_RMEM_MAX = 33_554_432;
/** TCP_DEFAULT_SCALING_RATIO: until a segment is measured, half the buffer may be offered to the peer. */
export const DEFAULT_SCALING_RATIO = 128;
/** TCP_RMEM_TO_WIN_SCALE: the ratio is in 1/256ths. */
const RATIO_SHIFT = 8;
const RATIO_DIV = 2 ** RATIO_SHIFT;
/** TCP_MSS_DEFAULT: icsk_ack.rcv_mss before any segment is measured. */
export const TCP_MSS_DEFAULT = 536;

// x86-64 sizes behind skb->truesize: SKB_DATA_ALIGN(sizeof(struct sk_buff)) and of struct skb_shared_info,
// the headroom a driver reserves (NET_SKB_PAD) and the smallest head (skb_small_head_cache, SKB_SMALL_HEAD_SIZE).
const SKB_STRUCT = 256;
const SKB_SHINFO = 320;
const NET_SKB_PAD = 64;
const SMALL_HEAD = 640;

export interface RcvSkb {
  /** Payload bytes in this skb (after coalescing). */
  len: number;
  truesize: number;
  /** Tail room left for a later small segment to be copied in (skb_try_coalesce). */
  room: number;
}

const align64 = (n: number): number => Math.ceil(n / 64) * 64;

const PAGE_SIZE = 4096;
/** TUN's good_linear, SKB_MAX_HEAD(NET_SKB_PAD): a longer packet gets a one-page head and the rest in pages. */
const TUN_LINEAR_MAX = PAGE_SIZE - NET_SKB_PAD - SKB_SHINFO;

/**
 * The skb a received packet arrives in, and its truesize. On a TUN device (tun_alloc_skb) a packet up to a page
 * is one kmalloc'd head, rounded up to a power of two (2304 bytes of truesize for a 1500-byte packet); a longer
 * one gets a page-sized head and whole pages. On loopback the receiver gets the sender's own skb: a small head and
 * the payload in page fragments charged byte for byte.
 */
export function skbAlloc(payload: number, tsOk: boolean, loopback = false): { truesize: number; room: number } {
  // Nearly every segment of a transfer has the same size: remember the last answer.
  if (payload === memo.payload && tsOk === memo.tsOk && loopback === memo.loopback) return memo.result;
  const result = computeSkb(payload, tsOk, loopback);
  memo.payload = payload;
  memo.tsOk = tsOk;
  memo.loopback = loopback;
  memo.result = result;
  return result;
}

const memo = { payload: -1, tsOk: false, loopback: false, result: { truesize: 0, room: 0 } };

function computeSkb(payload: number, tsOk: boolean, loopback: boolean): { truesize: number; room: number } {
  const wire = 40 + (tsOk ? TS_OPTION_BYTES : 0) + payload;
  if (loopback) return { truesize: SMALL_HEAD + SKB_STRUCT + payload, room: 0 };
  if (wire > TUN_LINEAR_MAX) {
    return { truesize: PAGE_SIZE + SKB_STRUCT + Math.ceil((wire - TUN_LINEAR_MAX) / PAGE_SIZE) * PAGE_SIZE, room: 0 };
  }
  const obj = align64(NET_SKB_PAD + wire) + SKB_SHINFO;
  let osize = SMALL_HEAD;
  if (obj > SMALL_HEAD) {
    osize = 1024;
    while (osize < obj) osize *= 2;
  }
  return { truesize: osize - SKB_SHINFO + SKB_STRUCT + SKB_SHINFO, room: osize - SKB_SHINFO - NET_SKB_PAD - wire };
}

/** skbAlloc for a segment arriving at this connection. */
export const rcvSkb = (t: Tcb, payload: number): { truesize: number; room: number } => skbAlloc(payload, t.tsOk, t.local.ip.startsWith('127.'));

/** tcp_win_from_space: how many of `space` bytes of memory may be offered to the peer. */
export const winFromSpace = (t: Tcb, space: number): number => Math.floor((space * t.scalingRatio) / RATIO_DIV);
/** tcp_space: window-equivalent of the memory still free. */
export const tcpSpace = (t: Tcb): number => winFromSpace(t, t.rcvbuf - t.rmem);
/** tcp_full_space. */
export const fullSpace = (t: Tcb): number => winFromSpace(t, t.rcvbuf);
/** tcp_receive_window: what is left of the window last advertised. */
export const receiveWindow = (t: Tcb): number => Math.max(0, seqDiff(seqAdd(t.rcvWup, t.rcvWnd), t.rcvNxt));

/**
 * tp->advmss as the receive side uses it: an active opener takes the timestamp option off once it is agreed
 * (tcp_rcv_synsent_state_process), a passive child keeps the route's 1460 (tcp_v4_syn_recv_sock).
 */
const rcvAdvMss = (t: Tcb): number => (t.listener === null && t.tsOk ? t.advMss - TS_OPTION_BYTES : t.advMss);

/** tcp_select_initial_window: the first window offered (in the SYN or SYN-ACK), whole segments of `mss`. */
export function initRcvWindow(t: Tcb, mss: number): void {
  t.rcvWnd = initialWindow(mss, fullSpace(t));
  t.rcvSsthresh = t.rcvWnd;
  // The clamp is the largest window the scale can express; an opener always offers scaling, a listener's
  // child only when the SYN did.
  t.windowClamp = 65535 * 2 ** (t.listener === null || t.wscaleOk ? WSCALE : 0);
}

/**
 * tcp_init_buffer_space, when the connection is established: the window clamp is the full space less one
 * segment (tcp_app_win = 31 reserves one), and rcv_ssthresh starts no higher than that.
 */
export function initBufferSpace(t: Tcb): void {
  const maxwin = fullSpace(t);
  const advmss = rcvAdvMss(t);
  if (t.windowClamp >= maxwin) t.windowClamp = maxwin;
  if (t.windowClamp > 2 * advmss && t.windowClamp + advmss > maxwin) t.windowClamp = Math.max(2 * advmss, maxwin - advmss);
  t.rcvSsthresh = Math.min(t.rcvSsthresh, t.windowClamp);
}

/**
 * __tcp_select_window: the window to offer now, in bytes. Leaves quick-ack mode when less than half the
 * buffer is free.
 */
export function computeWindow(t: Tcb): number {
  let mss = t.rcvMss;
  let free = tcpSpace(t);
  const allowed = fullSpace(t);
  const full = Math.min(t.windowClamp, allowed);
  if (mss > full) {
    mss = full;
    if (mss <= 0) return 0;
  }
  const scale = t.wscaleOk ? WSCALE : 0;
  if (free < full >> 1) {
    t.quick = 0;
    free = Math.floor(Math.max(0, free) / (1 << scale)) * (1 << scale);
    if (free < allowed >> 4 || free < mss) return 0;
  }
  if (free > t.rcvSsthresh) free = t.rcvSsthresh;
  if (scale > 0) return Math.ceil(free / (1 << scale)) * (1 << scale);
  // Without scaling: keep the current offer if it is within a segment of the free space, else a multiple of MSS.
  let offer = t.rcvWnd;
  if (offer <= free - mss || offer > free) offer = Math.floor(free / mss) * mss;
  else if (mss === full && free > offer + (full >> 1)) offer = free;
  return offer;
}

/** tcp_select_window: the 16-bit window field of an outgoing segment; the offered right edge never recedes. */
export function selectWindow(t: Tcb): number {
  const scale = t.wscaleOk ? WSCALE : 0;
  const cur = receiveWindow(t);
  let win = computeWindow(t);
  if (win < cur) win = Math.ceil(cur / (1 << scale)) * (1 << scale);
  t.rcvWnd = win;
  t.rcvWup = t.rcvNxt;
  return Math.min(win, 65535 * 2 ** scale) >>> scale;
}

/** tcp_queue_rcv: charge an in-order segment to the buffer, copied into the tail skb when it fits there. */
export function chargeSegment(t: Tcb, len: number): void {
  if (len === 0) return;
  const tail = aqAt(t.rcvSkbs, aqLength(t.rcvSkbs) - 1);
  if (tail && len <= tail.room) {
    t.rcvSkbs = aqReplaceLast(t.rcvSkbs, { len: tail.len + len, truesize: tail.truesize, room: tail.room - len });
    return;
  }
  const { truesize, room } = rcvSkb(t, len);
  t.rcvSkbs = aqPush(t.rcvSkbs, { len, truesize, room });
  t.rmem += truesize;
}

/** The application read `n` bytes: skbs read to the end are freed (partly read ones keep their memory). */
export function releaseRead(t: Tcb, n: number): void {
  let left = n + t.rcvSkbHeadUsed;
  let i = 0;
  for (let skb = aqAt(t.rcvSkbs, 0); skb !== undefined && left >= skb.len; skb = aqAt(t.rcvSkbs, ++i)) {
    left -= skb.len;
    t.rmem -= skb.truesize;
  }
  if (i > 0) t.rcvSkbs = aqDropFront(t.rcvSkbs, i);
  t.rcvSkbHeadUsed = aqLength(t.rcvSkbs) > 0 ? left : 0;
}

/**
 * tcp_measure_rcv_mss: a full-sized segment of a new size sets rcv_mss and, from its payload/truesize, the
 * scaling ratio; the window clamp follows the ratio (tcp_set_window_clamp).
 */
export function measureRcvMss(t: Tcb, len: number): void {
  if (len < t.rcvMss) {
    // A short segment: the sender pushed (ICSK_ACK_PUSHED, then PUSHED2), which tcp_cleanup_rbuf looks at.
    if (len > 0) t.ackPushed = t.ackPushed >= 1 ? 2 : 1;
    return;
  }
  if (len !== t.rcvMss) {
    const old = t.scalingRatio;
    t.scalingRatio = Math.max(1, Math.floor((len * 2 ** RATIO_SHIFT) / rcvSkb(t, len).truesize));
    if (old !== t.scalingRatio) setWindowClamp(t, winFromSpace(t, t.rcvbuf));
  }
  t.rcvMss = Math.min(len, rcvAdvMss(t));
}

function setWindowClamp(t: Tcb, val: number): void {
  const clamp = Math.max(2304, val); // SOCK_MIN_RCVBUF / 2
  if (clamp === t.windowClamp) return;
  const old = t.windowClamp;
  t.windowClamp = clamp;
  if (clamp < old) t.rcvSsthresh = Math.min(t.rcvSsthresh, clamp);
  else t.rcvSsthresh = Math.max(Math.min(t.rcvWnd, clamp), t.rcvSsthresh);
}

/**
 * tcp_grow_window, for an in-order segment of 128 bytes or more: while the buffer has room, rcv_ssthresh grows
 * by two segments, and the next ACK goes out at once (icsk_ack.quick |= 1) so the sender hears of it.
 */
export function growWindow(t: Tcb, len: number): void {
  const room = Math.min(t.windowClamp, tcpSpace(t)) - t.rcvSsthresh;
  if (room <= 0) return;
  const truesize = rcvSkb(t, len).truesize;
  let incr: number;
  if (winFromSpace(t, truesize) <= len) incr = 2 * rcvAdvMss(t);
  else {
    // __tcp_grow_window: allow growth only while the overhead ratio would still fit the largest buffer.
    let ts = winFromSpace(t, truesize) >> 1;
    let maxOffer = winFromSpace(t, TCP_RMEM_MAX) >> 1;
    incr = 0;
    while (t.rcvSsthresh <= maxOffer) {
      if (ts <= len) {
        incr = 2 * t.rcvMss;
        break;
      }
      ts >>= 1;
      maxOffer >>= 1;
    }
  }
  if (incr === 0) return;
  incr = Math.max(incr, 2 * len);
  t.rcvSsthresh += Math.min(room, incr);
  t.quick |= 1;
}
