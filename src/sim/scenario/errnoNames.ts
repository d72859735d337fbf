// errno names a step may `expect`: the ones the socket calls of the format can produce on Linux. ETIMEDOUT also
// stands for Python's TimeoutError from `timeoutMs`/`settimeout`, which has no errno of its own.

export const ERRNO_NAMES = [
  'EACCES',
  'EADDRINUSE',
  'EADDRNOTAVAIL',
  'EAGAIN',
  'EALREADY',
  'EBADF',
  'ECONNABORTED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'EINPROGRESS',
  'EINVAL',
  'EISCONN',
  'EMFILE',
  'ENETUNREACH',
  'ENFILE',
  'ENOBUFS',
  'ENOTCONN',
  'EOPNOTSUPP',
  'EPIPE',
  'ETIMEDOUT',
] as const;

export type ErrnoName = (typeof ERRNO_NAMES)[number];

const set: ReadonlySet<string> = new Set(ERRNO_NAMES);

export function isErrnoName(s: string): s is ErrnoName {
  return set.has(s);
}

/** Strings shaped like an errno name: a recv `expect` of this shape is read as an errno, not as text. */
export function looksLikeErrno(s: string): boolean {
  return /^E[A-Z]{3,14}$/.test(s);
}
