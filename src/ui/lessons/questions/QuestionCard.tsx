// One question, answered in the page: single (radios), multi (checkboxes), numeric (a forgiving text field), order
// (move up/down). `grade` decides; each option then shows its own feedback and the explanation follows. The verdict
// is said in a live region, and focus moves to the feedback, with Try again right after it.

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { grade, type Answer, type FeedbackLine, type GradeResult, type ResolvedQuestion, type StoredAnswer } from '../../../lessons/index.ts';
import { RichText } from '../blocks/RichText.tsx';
import { initialDraft, toAnswer, verdict, type Draft } from './draft.ts';
import { OrderInput } from './OrderInput.tsx';

interface Props {
  q: ResolvedQuestion;
  saved: StoredAnswer | undefined;
  onAnswer(answer: Answer, result: GradeResult): void;
  /** Shown above the prompt, e.g. "Question 2 of 5". */
  label?: string;
  submitLabel?: string;
  /** Offer "Try again" after grading (quizzes); a committed prediction stays committed. */
  retry?: boolean;
  /** Rendered after the feedback once graded (a try-this block's measured answer). */
  after?: ReactNode;
}

export function QuestionCard({ q, saved, onAnswer, label, submitLabel = 'Check answer', retry = true, after }: Props) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => initialDraft(q, saved?.answer));
  const [result, setResult] = useState<GradeResult | null>(() => (saved ? grade(q, saved.answer) : null));
  const [error, setError] = useState<string | null>(null);
  const focusNext = useRef<'result' | 'form' | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const graded = result !== null;

  useEffect(() => {
    const where = focusNext.current;
    focusNext.current = null;
    if (where === 'result') feedback.current?.focus();
    if (where === 'form') form.current?.querySelector<HTMLElement>('input:not([disabled]), button:not([disabled])')?.focus();
  }, [graded]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (graded) return;
    const s = toAnswer(q, draft);
    if (!s.ok) {
      setError(s.error);
      return;
    }
    const r = grade(q, s.answer);
    setError(null);
    setResult(r);
    focusNext.current = 'result';
    onAnswer(s.answer, r);
  };
  const again = (): void => {
    setResult(null);
    focusNext.current = 'form';
  };

  const errId = `${id}-err`;
  const promptId = `${id}-prompt`;
  const lineOf = (optionId: string): FeedbackLine | undefined => result?.lines.find((l) => l.id === optionId);

  return (
    <form ref={form} className={`question q-${q.kind}${graded ? ' is-graded' : ''}`} onSubmit={submit} aria-labelledby={promptId} noValidate>
      {label && <p className="q-label">{label}</p>}
      {(q.kind === 'single' || q.kind === 'multi') && (
        <fieldset className="q-fieldset" aria-describedby={error ? errId : undefined}>
          <legend id={promptId} className="q-prompt">
            <RichText text={q.prompt} />
          </legend>
          <ul className="options">
            {q.options.map((o) => {
              const picked = q.kind === 'single' ? draft.choice === o.id : draft.choices.includes(o.id);
              const line = lineOf(o.id);
              return (
                <li key={o.id} className={`option${line ? (line.correct ? ' is-key' : ' is-wrong') : ''}${picked ? ' is-picked' : ''}`} data-option={o.id}>
                  <label className="option-label">
                    <input
                      type={q.kind === 'single' ? 'radio' : 'checkbox'}
                      name={`${id}-opt`}
                      value={o.id}
                      checked={picked}
                      disabled={graded}
                      onChange={() =>
                        setDraft((d) =>
                          q.kind === 'single' ? { ...d, choice: o.id } : { ...d, choices: d.choices.includes(o.id) ? d.choices.filter((c) => c !== o.id) : [...d.choices, o.id] },
                        )
                      }
                    />
                    <span>
                      <RichText text={o.text} />
                    </span>
                  </label>
                  {line && (
                    <p className="option-feedback">
                      <strong className="mark">{markOf(line, q.kind === 'multi')}</strong> <RichText text={line.text} />
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {q.kind === 'numeric' && (
        <div className="q-numeric">
          <label id={promptId} htmlFor={`${id}-n`} className="q-prompt">
            <RichText text={q.prompt} />
          </label>
          <div className="numeric-row">
            <input
              id={`${id}-n`}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              spellCheck={false}
              value={draft.value}
              disabled={graded}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errId : undefined}
              onChange={(e) => setDraft((d) => ({ ...d, value: e.target.value }))}
            />
            {q.unit && <span className="unit">{q.unit}</span>}
          </div>
        </div>
      )}
      {q.kind === 'order' && (
        <fieldset className="q-fieldset">
          <legend id={promptId} className="q-prompt">
            <RichText text={q.prompt} /> <span className="q-hint">Move the items with the arrow buttons.</span>
          </legend>
          <OrderInput items={q.items} order={draft.order} disabled={graded} onChange={(order) => setDraft((d) => ({ ...d, order }))} />
        </fieldset>
      )}
      {error && (
        <p id={errId} className="q-error" role="alert">
          {error}
        </p>
      )}
      <p className={`q-verdict${result ? (result.correct ? ' is-right' : ' is-wrong') : ''}`} role="status">
        {result ? (
          <>
            <span aria-hidden="true">{result.correct ? '✓ ' : '✗ '}</span>
            {verdict(result.correct, result.score)}
          </>
        ) : null}
      </p>
      {result && (
        <div ref={feedback} className="q-feedback" tabIndex={-1} aria-label="Feedback">
          {result.problem && <p className="q-error">{result.problem}</p>}
          {(q.kind === 'numeric' || q.kind === 'order') && result.lines.length > 0 && (
            <>
              {q.kind === 'order' && <p className="q-sub">The right order:</p>}
              <ol className={`feedback-lines${q.kind === 'order' ? ' is-order' : ''}`}>
                {result.lines.map((l) => (
                  <li key={l.id} className={l.correct ? 'is-right' : 'is-wrong'}>
                    <strong className="mark">{l.correct ? '✓' : '✗'}</strong>
                    <span className="visually-hidden">{l.correct ? (q.kind === 'order' ? ' in place: ' : ' right: ') : q.kind === 'order' ? ' you had another item here: ' : ' '}</span>{' '}
                    <RichText text={l.text} />
                  </li>
                ))}
              </ol>
            </>
          )}
          <p className="explanation">
            <strong>Why: </strong>
            <RichText text={result.explanation} />
          </p>
          {after}
        </div>
      )}
      <div className="q-actions">
        {!graded && (
          <button type="submit" className="btn btn-primary">
            {submitLabel}
          </button>
        )}
        {graded && retry && (
          <button type="button" className="btn" onClick={again}>
            Try again
          </button>
        )}
      </div>
    </form>
  );
}

function markOf(l: FeedbackLine, multi: boolean): string {
  if (l.picked && l.correct) return '✓ Your answer, right.';
  if (l.picked) return '✗ Your answer, not right.';
  if (l.correct) return multi ? '✓ Also right (not picked).' : '✓ The right answer.';
  return 'Not right.';
}
