// The course's rule, checkable: prose states no number of its own. Digits may appear only inside {{fact}}
// placeholders, inside `code` spans (identifiers such as `AF_INET` or a port in a call), or in names that carry a
// version or is a name (TLS 1.3, HTTP/1.1, RFC 9293, IPv4, Linux 6.5, the 4-tuple, FIN-WAIT-2). Everything else must be a fact.

const ALLOWED_NAMES = /\b(?:TLS \d(?:\.\d)?|HTTP\/\d(?:\.\d)?|RFC \d+(?: §[\d.]+)?|IPv[46]|Linux \d+\.\d+|kernels? \d+\.\d+|4-tuple|C10K|Lesson \d+|SIGINT|SIGTERM|FIN-WAIT-[12]|FIN_WAIT[12]|\d+-way)/g;

/** Digit runs in `text` that are not covered by a placeholder, a code span or an allowed name. */
export function typedNumbers(text: string): string[] {
  const stripped = text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(ALLOWED_NAMES, ' ');
  return stripped.match(/\d[\d,.]*/g) ?? [];
}
