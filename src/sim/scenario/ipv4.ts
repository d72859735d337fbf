// Dotted-quad IPv4 as written in a scenario: four decimal octets, no leading zeros (inet_aton would read 010 as octal).

export function parseIPv4(s: string): number | null {
  if (s.length > 15) return null;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i]!;
    if (part.length > 1 && part.startsWith('0')) return null;
    const v = Number(part);
    if (v > 255) return null;
    n = n * 256 + v;
  }
  return n;
}

export function isIPv4(s: string): boolean {
  return parseIPv4(s) !== null;
}

/** Why an address cannot be a simulated host's own address, or null when it can. */
export function hostAddressProblem(s: string): string | null {
  const n = parseIPv4(s);
  if (n === null) return 'is not an IPv4 address';
  if (n === 0) return 'is the wildcard address 0.0.0.0, not a host address';
  if (n === 0xffffffff) return 'is the broadcast address, not a host address';
  const first = Math.floor(n / 2 ** 24);
  if (first >= 224 && first <= 239) return 'is a multicast address, not a host address';
  if (first >= 240) return 'is a reserved (class E) address, not a host address';
  return null;
}

/** Splits "name:port" / "ip:port"; the parts are checked by the caller. */
export function splitHostPort(addr: string): { host: string; port: string } | null {
  const i = addr.lastIndexOf(':');
  if (i <= 0 || i === addr.length - 1) return null;
  return { host: addr.slice(0, i), port: addr.slice(i + 1) };
}
