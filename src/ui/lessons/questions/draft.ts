// What the form holds while a student answers, and how it becomes an Answer for `grade`. Pure, so the rules
// ("pick one", "enter a number", the starting order) are tested without a browser.

import type { Answer, ResolvedQuestion } from '../../../lessons/index.ts';
import { parseNumberInput } from './parseNumber.ts';

export interface Draft {
  choice: string | null;
  choices: string[];
  /** The number field's text, as typed. */
  value: string;
  order: string[];
}

/** A fresh form, or the student's saved answer put back (after a reload). The order starts as the lesson lists
 *  the items, which is never the right order. */
export function initialDraft(q: ResolvedQuestion, saved?: Answer): Draft {
  const draft: Draft = { choice: null, choices: [], value: '', order: q.kind === 'order' ? q.items.map((i) => i.id) : [] };
  if (!saved || saved.kind !== q.kind) return draft;
  switch (saved.kind) {
    case 'single':
      return { ...draft, choice: saved.choice };
    case 'multi':
      return { ...draft, choices: [...saved.choices] };
    case 'numeric':
      return { ...draft, value: String(saved.value) };
    case 'order': {
      const known = new Set(draft.order);
      const ok = saved.order.length === draft.order.length && saved.order.every((id) => known.has(id));
      return ok ? { ...draft, order: [...saved.order] } : draft;
    }
    default:
      return draft;
  }
}

export type Submission = { ok: true; answer: Answer } | { ok: false; error: string };

export function toAnswer(q: ResolvedQuestion, d: Draft): Submission {
  switch (q.kind) {
    case 'single':
      return d.choice ? { ok: true, answer: { kind: 'single', choice: d.choice } } : { ok: false, error: 'Pick one answer first.' };
    case 'multi':
      return d.choices.length > 0 ? { ok: true, answer: { kind: 'multi', choices: q.options.map((o) => o.id).filter((id) => d.choices.includes(id)) } } : { ok: false, error: 'Pick at least one answer first.' };
    case 'numeric': {
      const n = parseNumberInput(d.value);
      return n === null ? { ok: false, error: d.value.trim() === '' ? 'Enter a number first.' : `“${d.value.trim()}” is not a number.` } : { ok: true, answer: { kind: 'numeric', value: n } };
    }
    case 'order':
      return { ok: true, answer: { kind: 'order', order: [...d.order] } };
  }
}

/** Move item `i` of a list by `by` places (clamped). */
export function move<T>(list: readonly T[], i: number, by: number): T[] {
  const j = Math.max(0, Math.min(list.length - 1, i + by));
  const out = [...list];
  const [item] = out.splice(i, 1);
  if (item !== undefined) out.splice(j, 0, item);
  return out;
}

/** The sentence the live region says after grading. */
export function verdict(correct: boolean, score: number): string {
  if (correct) return 'Correct.';
  if (score > 0) return `Partly right: ${Math.round(score * 100)}% of the marks.`;
  return 'Not quite.';
}
