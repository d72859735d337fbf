// Number formatting shared by calculators and facts, so a value reads the same in a formula and in prose.

/** 1000 → "1,000"; 0.5 → "0.5"; keeps at most three decimals, no trailing zeros. */
export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 1000) / 1000;
  const [int, frac] = Math.abs(rounded).toString().split('.');
  const grouped = (int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (rounded < 0 ? '−' : '') + grouped + (frac ? '.' + frac : '');
}

/** A result a lesson can show: the number and the working that produced it. */
export interface Worked {
  value: number;
  /** One line a student can follow, e.g. "60 + 10 × 6 = 120 s". */
  working: string;
}
