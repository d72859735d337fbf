// `a` b `c` → code / text / code. An unpaired backtick is kept as text rather than swallowing the rest.

export interface TextPart {
  text: string;
  code: boolean;
}

export function splitCode(text: string): TextPart[] {
  const out: TextPart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const open = rest.indexOf('`');
    const close = open < 0 ? -1 : rest.indexOf('`', open + 1);
    if (open < 0 || close < 0) {
      out.push({ text: rest, code: false });
      break;
    }
    if (open > 0) out.push({ text: rest.slice(0, open), code: false });
    if (close > open + 1) out.push({ text: rest.slice(open + 1, close), code: true });
    rest = rest.slice(close + 1);
  }
  return out;
}
