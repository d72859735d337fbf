// tcpdump's flag notation: it prints the flags in the fixed order F S R P . U E W (tcp_flag_values in print-tcp.c),
// and "none" when no flag is set. A fault's `flags` must be written exactly as tcpdump prints them.

const ORDER = 'FSRP.UEW';

/** The canonical spelling of `flags`, or null when they are not tcpdump flag letters. */
export function canonicalFlags(flags: string): string | null {
  if (flags === 'none') return flags;
  if (flags.length === 0 || flags.length > ORDER.length) return null;
  const seen = new Set<string>();
  for (const c of flags) {
    if (!ORDER.includes(c) || seen.has(c)) return null;
    seen.add(c);
  }
  return [...ORDER].filter((c) => seen.has(c)).join('');
}

/** Why `flags` is not valid, or null. */
export function flagsProblem(flags: string): string | null {
  const canonical = canonicalFlags(flags);
  if (canonical === flags) return null;
  if (canonical !== null) return `tcpdump writes these flags as "${canonical}"`;
  const upper = canonicalFlags(flags.toUpperCase());
  const hint = upper !== null ? ` (did you mean "${upper}"?)` : '';
  return `is not tcpdump flag notation${hint}: letters from F S R P . U E W in that order, e.g. "S", "S.", ".", "P.", "F.", "R", "R."`;
}
