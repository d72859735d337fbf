// A written drill: the student writes an answer, then sees the model answer and ticks the rubric honestly. The
// rubric only counts after the reveal (scoreDrill), so its boxes appear with the model answer. Text and ticks are
// saved as they change (the text a moment after typing stops), so a reload keeps them.

import { useEffect, useId, useRef, useState } from 'react';
import { scoreDrill, type Drill, type ResolvedDrill } from '../../../lessons/index.ts';
import { useProgress, useProgressActions } from '../progress/useProgress.ts';
import { RichText } from './RichText.tsx';

const SAVE_AFTER_MS = 600;
const MAX_TEXT = 20_000;

export function DrillBlock({ drill }: { drill: ResolvedDrill }) {
  const id = useId();
  const saved = useProgress((s) => s.progress.drills[drill.id]);
  const actions = useProgressActions();
  const [text, setText] = useState(saved?.text ?? '');
  const [checks, setChecks] = useState<Record<string, boolean>>(saved?.checks ?? {});
  const [revealed, setRevealed] = useState(saved?.revealed ?? false);
  const [savedNote, setSavedNote] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ text, checks, revealed });
  latest.current = { text, checks, revealed };
  const model = useRef<HTMLHeadingElement>(null);
  const justRevealed = useRef(false);

  const save = (note: string): void => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    actions.saveDrill(drill.id, latest.current);
    setSavedNote(note);
  };
  // Save pending text when the block goes away (another page, a reset re-keys it).
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        actions.saveDrill(drill.id, latest.current);
      }
    },
    [actions, drill.id],
  );
  useEffect(() => {
    if (revealed && justRevealed.current) model.current?.focus();
    justRevealed.current = false;
  }, [revealed]);

  const type = (value: string): void => {
    setText(value);
    setSavedNote('');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save('Your answer is saved.'), SAVE_AFTER_MS);
  };
  const reveal = (): void => {
    latest.current = { ...latest.current, revealed: true };
    justRevealed.current = true;
    setRevealed(true);
    save('Your answer is saved. Now compare it with the model answer.');
  };
  const tick = (checkId: string, on: boolean): void => {
    const next = { ...latest.current.checks, [checkId]: on };
    latest.current = { ...latest.current, checks: next };
    setChecks(next);
    save('Self-assessment saved.');
  };

  const score = scoreDrill({ checks, revealed }, drill as Drill);
  const written = text.trim().length > 0;
  return (
    <section className="drill" aria-labelledby={`${id}-t`}>
      <p className="try-kicker">Drill</p>
      <h3 id={`${id}-t`} className="drill-title">
        <RichText text={drill.title} />
      </h3>
      <p>
        <RichText text={drill.prompt} />
      </p>
      <label className="drill-answer" htmlFor={`${id}-a`}>
        Your answer
      </label>
      <textarea id={`${id}-a`} className="drill-text" rows={7} maxLength={MAX_TEXT} value={text} onChange={(e) => type(e.target.value)} onBlur={() => timer.current && save('Your answer is saved.')} />
      <p className="drill-saved muted" role="status">
        {savedNote}
      </p>
      {!revealed && (
        <div className="q-actions">
          <button type="button" className="btn btn-primary" onClick={reveal} disabled={!written} aria-describedby={written ? undefined : `${id}-why`}>
            Show the model answer
          </button>
          {!written && (
            <>
              <span id={`${id}-why`} className="q-hint">
                Write your answer first.
              </span>
              <button type="button" className="btn btn-small btn-ghost" onClick={reveal}>
                Skip and show it
              </button>
            </>
          )}
        </div>
      )}
      {revealed && (
        <>
          <div className="model-answer">
            <h4 ref={model} tabIndex={-1}>
              Model answer
            </h4>
            {drill.modelAnswer.map((p, i) => (
              <p key={i}>
                <RichText text={p} />
              </p>
            ))}
          </div>
          <fieldset className="q-fieldset rubric">
            <legend>Tick what your answer did</legend>
            <ul className="options">
              {drill.rubric.map((c) => (
                <li key={c.id} className={`option${c.bonus ? ' is-bonus' : ''}`}>
                  <label className="option-label">
                    <input type="checkbox" checked={checks[c.id] === true} onChange={(e) => tick(c.id, e.target.checked)} />
                    <span>
                      {c.bonus && <strong className="bonus-tag">Bonus </strong>}
                      <RichText text={c.text.replace(/^Bonus:\s*/, '')} />
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <p className={`drill-score${score.passed ? ' is-right' : ''}`} aria-live="polite">
            {score.points} of {score.max} checks
            {score.bonusMax > 0 ? `, bonus ${score.bonus} of ${score.bonusMax}` : ''}.{' '}
            {score.passed ? 'All the essentials are there.' : `Look again at: ${score.missing.map((m) => drill.rubric.find((c) => c.id === m)?.text ?? m).join('; ')}.`}
          </p>
        </>
      )}
    </section>
  );
}
