// What a student types into a number field: "3,394,835,398", "1 000", "−2", "0,5", "60 s", ".25". Thousands
// separators and a trailing unit are forgiven; anything that is not one number is null, so the page can say so
// instead of grading NaN.

const GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PLAIN = /^-?(\d+(\.\d*)?|\.\d+)$/;

export function parseNumberInput(raw: string): number | null {
  let s = raw
    .trim()
    .replace(/[\u2212\u2013]/g, '-')
    .replace(/[\s\u00a0\u202f_]/g, '')
    .replace(/[a-zA-Zµ%×]+$/u, '');
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  else if (/^-?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (!PLAIN.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
