// Grading is a pure function of a resolved question and an answer. It never throws: a malformed answer (wrong kind,
// unknown option id, NaN) grades as wrong with a `problem` the UI can show, because answers come back from storage.

import type { Answer, FeedbackLine, GradeResult, ResolvedChoice, ResolvedQuestion } from './types.ts';

export function grade(q: ResolvedQuestion, a: Answer): GradeResult {
  if (q.kind !== a.kind) return invalid(q, `expected a ${q.kind} answer, got ${String((a as { kind?: unknown }).kind)}`);
  switch (q.kind) {
    case 'single':
      return gradeSingle(q.options, (a as Extract<Answer, { kind: 'single' }>).choice, q.explanation);
    case 'multi':
      return gradeMulti(q.options, (a as Extract<Answer, { kind: 'multi' }>).choices, q.explanation);
    case 'numeric':
      return gradeNumeric(q, (a as Extract<Answer, { kind: 'numeric' }>).value);
    case 'order':
      return gradeOrder(q, (a as Extract<Answer, { kind: 'order' }>).order);
  }
}

function invalid(q: ResolvedQuestion, problem: string): GradeResult {
  return { correct: false, score: 0, lines: [], explanation: q.explanation, problem };
}

function choiceLines(options: ResolvedChoice[], picked: ReadonlySet<string>): FeedbackLine[] {
  return options.map((o) => ({ id: o.id, text: o.feedback, picked: picked.has(o.id), correct: o.correct }));
}

function gradeSingle(options: ResolvedChoice[], choice: string, explanation: string): GradeResult {
  const hit = options.find((o) => o.id === choice);
  const lines = choiceLines(options, new Set([choice]));
  if (!hit) return { correct: false, score: 0, lines, explanation, problem: `no option "${choice}"` };
  return { correct: hit.correct, score: hit.correct ? 1 : 0, lines, explanation };
}

/** Multi-select: each right pick earns, each wrong pick costs; only the exact set is "correct". */
function gradeMulti(options: ResolvedChoice[], choices: string[], explanation: string): GradeResult {
  const picked = new Set(Array.isArray(choices) ? choices : []);
  const lines = choiceLines(options, picked);
  const unknown = [...picked].filter((id) => !options.some((o) => o.id === id));
  const keys = options.filter((o) => o.correct);
  const right = options.filter((o) => o.correct && picked.has(o.id)).length;
  const wrong = options.filter((o) => !o.correct && picked.has(o.id)).length + unknown.length;
  const correct = wrong === 0 && right === keys.length;
  const score = keys.length === 0 ? (wrong === 0 ? 1 : 0) : Math.max(0, (right - wrong) / keys.length);
  const result: GradeResult = { correct, score, lines, explanation };
  if (unknown.length > 0) result.problem = `no option ${unknown.map((u) => `"${u}"`).join(', ')}`;
  return result;
}

function gradeNumeric(q: Extract<ResolvedQuestion, { kind: 'numeric' }>, value: number): GradeResult {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return invalid(q, 'enter a number');
  }
  const slack = Math.max(q.tolerance.abs ?? 0, (q.tolerance.rel ?? 0) * Math.abs(q.answer));
  const correct = Math.abs(value - q.answer) <= slack + 1e-9;
  const direction = value < q.answer ? 'too low' : 'too high';
  const text = correct ? `${q.answer} ${q.unit}`.trim() : `${value} is ${direction}; the answer is ${q.answer} ${q.unit}`.trim();
  return { correct, score: correct ? 1 : 0, lines: [{ id: 'value', text, picked: true, correct }], explanation: q.explanation };
}

/** Ordering: the score is the share of items in their right place; feedback marks each position. */
function gradeOrder(q: Extract<ResolvedQuestion, { kind: 'order' }>, order: string[]): GradeResult {
  const given = Array.isArray(order) ? order : [];
  const sameSet = given.length === q.correctOrder.length && q.correctOrder.every((id) => given.includes(id));
  const lines: FeedbackLine[] = q.correctOrder.map((id, i) => {
    const item = q.items.find((it) => it.id === id);
    const ok = given[i] === id;
    return { id, text: `${i + 1}. ${item?.text ?? id}`, picked: given.includes(id), correct: ok };
  });
  const placed = lines.filter((l) => l.correct).length;
  const score = q.correctOrder.length === 0 ? 1 : placed / q.correctOrder.length;
  const result: GradeResult = { correct: sameSet && placed === q.correctOrder.length, score, lines, explanation: q.explanation };
  if (!sameSet) result.problem = 'put every item in the list exactly once';
  return result;
}
