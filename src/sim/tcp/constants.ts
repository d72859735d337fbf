// Linux constants (include/net/tcp.h) in µs. Each is what a 6.x kernel uses by default.

export const TCP_TIMEOUT_INIT = 1_000_000; // initial RTO, RFC 6298 §2.1 and Linux TCP_TIMEOUT_INIT
export const TCP_RTO_MIN = 200_000; // TCP_RTO_MIN
export const TCP_RTO_MAX = 120_000_000; // TCP_RTO_MAX
export const TCP_TIMEWAIT_LEN = 60_000_000; // TCP_TIMEWAIT_LEN: fixed, not 2×MSL (RFC 9293 suggests 2×2 min)
export const TCP_ATO_MIN = 40_000; // TCP_ATO_MIN = HZ/25: the shortest delayed-ACK timeout
export const TCP_DELACK_MAX = 200_000; // TCP_DELACK_MAX = HZ/5
/** CONFIG_HZ = 250 (Debian's default): one jiffy, the kernel's timer tick. */
export const JIFFY_US = 4000;
/** net.ipv4.tcp_invalid_ratelimit = 500 ms (HZ/2): the least time between two rate-limited ACKs of one socket. */
export const TCP_INVALID_RATELIMIT_JIFFIES = 125;
export const TCP_MAX_QUICKACKS = 16; // quick-ack budget at the start of a connection
export const TCP_INIT_CWND = 10; // RFC 6928 initial window, Linux TCP_INIT_CWND
/** Option bytes on every data segment when timestamps are on (net.ipv4.tcp_timestamps = 1). */
export const TS_OPTION_BYTES = 12;
/**
 * Our window scale. Linux derives it from tcp_rmem[2]: 32 MiB on 6.18 (recorded: wscale 10), 6 MiB on older
 * kernels (wscale 7).
 */
export const WSCALE = 10;

/**
 * The initial receive window (tcp_select_initial_window): as many whole segments as fit in `space`, by default
 * the 64 KiB a new socket's buffer offers (tcp_full_space of tcp_rmem[1] = 128 KiB at ratio ½) — 64240 in a SYN (44 × 1460,
 * before timestamps are agreed), 65160 in a listener's SYN-ACK (45 × 1448), 65495 on loopback.
 */
export const initialWindow = (segmentBytes: number, space = 65536): number =>
  (space > segmentBytes ? Math.floor(space / segmentBytes) * segmentBytes : space);
/** Send buffer: a blocking send() waits once this many bytes are queued (simplified sk_sndbuf). */
export const SNDBUF_BYTES = 131_072;
/** The reserved stdio fds; socket() returns the lowest free fd from here on (POSIX). */
export const FIRST_FD = 3;
