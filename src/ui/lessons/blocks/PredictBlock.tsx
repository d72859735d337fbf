// Predict the next segment: the run is held just before a segment goes on the wire; the student says which flags it
// carries and its seq and ack (relative to the ISNs, as the ladder shows them), `gradePrediction` marks each part,
// and playing on shows the real segment.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatDuration } from '../../../playback/index.ts';
import { gradePrediction, type GradeResult, type PredictQuestion, type Prediction, type ResolvedBlock } from '../../../lessons/index.ts';
import { useActiveLab } from '../lab/activeLab.ts';
import { LabFrame } from '../lab/LabFrame.tsx';
import { knobsOf, openLab, segmentStep, type OpenedLab } from '../lab/labRun.ts';
import { useProgress, useProgressActions } from '../progress/useProgress.ts';
import { parseNumberInput } from '../questions/parseNumber.ts';
import { verdict } from '../questions/draft.ts';
import { RichText } from './RichText.tsx';

export function PredictBlock({ block, labKey, lessonId }: { block: Extract<ResolvedBlock, { kind: 'predict' }>; labKey: string; lessonId: string }) {
  const q = block.question;
  const { live, activate } = useActiveLab(labKey);
  const saved = useProgress((s) => s.progress.lessons[lessonId]?.answers[q.id]);
  const actions = useProgressActions();
  const [result, setResult] = useState<GradeResult | null>(() => (saved?.answer.kind === 'predict' ? gradePrediction(q, saved.answer) : null));
  const answered = result !== null;
  /** Read by the hold at every store change, so releasing it needs no re-render. */
  const held = useRef(!answered);
  const opened = useRef<OpenedLab | null>(null);
  const stepOfSegment = useRef<number | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  const open = (): OpenedLab => {
    if (opened.current) return opened.current;
    const o = openLab(block.lab.scenario, knobsOf(block.lab));
    if (o.ok) {
      const k = segmentStep(o.store.getState().loaded!, q.segmentId);
      stepOfSegment.current = k;
      if (k !== null) o.store.getState().seek(answered ? k : k - 1);
    }
    opened.current = o;
    return o;
  };

  // Hold play just before the segment until a prediction is in.
  const liveStore = live && opened.current?.ok ? opened.current.store : null;
  useEffect(() => {
    const k = stepOfSegment.current;
    if (!liveStore || answered || k === null) return;
    const hold = (): void => {
      const s = liveStore.getState();
      if (held.current && s.step >= k) s.seek(k - 1);
    };
    hold();
    return liveStore.subscribe(hold);
  }, [liveStore, answered]);

  const submit = (p: Prediction): void => {
    const r = gradePrediction(q, p);
    held.current = false;
    setResult(r);
    actions.answer(lessonId, q.id, { kind: 'predict', flags: p.flags, seq: p.seq, ack: p.ack }, r);
    // Play on: the segment appears on the ladder.
    const o = open();
    const k = stepOfSegment.current;
    if (o.ok && k !== null) {
      o.store.getState().seek(k - 1);
      o.store.getState().play();
    }
    if (!live) activate(frame.current);
  };

  return (
    <section ref={frame} className="predict" aria-label="Predict the next segment">
      <p className="try-kicker">Predict the next segment</p>
      <p className="try-prompt">
        <RichText text={block.intro} />
      </p>
      <SoFar q={q} />
      <PredictForm q={q} result={result} saved={saved?.answer.kind === 'predict' ? saved.answer : undefined} onSubmit={submit} />
      <LabFrame
        lab={block.lab}
        live={live}
        opened={opened.current}
        startLabel={answered ? 'Show the run' : 'Show the run so far'}
        onStart={(el) => {
          open();
          activate(el);
        }}
        label={`Predict the next segment: ${block.lab.scenario}`}
        status={answered ? <>Your prediction is in: play on to see the real segment.</> : <>The run is held just before the segment. Predict it, then play on.</>}
      />
    </section>
  );
}

function SoFar({ q }: { q: PredictQuestion }) {
  const id = useId();
  if (q.before.length === 0) return <p className="muted">No segment has been sent on this connection yet.</p>;
  return (
    <div className="so-far-wrap">
      <p id={`${id}-sf`} className="so-far-title">
        The connection so far (seq and ack relative to each side’s ISN)
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-sf`}>
      <table className="lesson-table so-far" aria-labelledby={`${id}-sf`}>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">From → to</th>
            <th scope="col">Flags</th>
            <th scope="col" className="num">
              seq
            </th>
            <th scope="col" className="num">
              ack
            </th>
            <th scope="col" className="num">
              len
            </th>
          </tr>
        </thead>
        <tbody>
          {q.before.map((s) => (
            <tr key={s.id} className={s.fate === 'dropped' ? 'is-lost' : undefined}>
              <td>{formatDuration(s.t)}</td>
              <td>
                {s.from} → {s.to}
                {s.fate === 'dropped' ? ' (lost)' : ''}
              </td>
              <td>{s.flags.join(', ')}</td>
              <td className="num">{s.seq}</td>
              <td className="num">{s.ack ?? '—'}</td>
              <td className="num">{s.len}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}

function PredictForm({ q, result, saved, onSubmit }: { q: PredictQuestion; result: GradeResult | null; saved: Prediction | undefined; onSubmit(p: Prediction): void }) {
  const id = useId();
  const [flags, setFlags] = useState<string[]>(saved?.flags ?? []);
  const [seq, setSeq] = useState(saved?.seq != null ? String(saved.seq) : '');
  const [ack, setAck] = useState(saved?.ack != null ? String(saved.ack) : '');
  const [error, setError] = useState<string | null>(null);
  const feedback = useRef<HTMLDivElement>(null);
  const justGraded = useRef(false);
  const graded = result !== null;

  useEffect(() => {
    if (graded && justGraded.current) feedback.current?.focus();
    justGraded.current = false;
  }, [graded]);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (graded) return;
    const s = seq.trim() === '' ? null : parseNumberInput(seq);
    const a = ack.trim() === '' ? null : parseNumberInput(ack);
    if (flags.length === 0) return setError('Tick at least one flag.');
    if (s === null) return setError(seq.trim() === '' ? 'Enter the seq number.' : `“${seq}” is not a number.`);
    if (ack.trim() !== '' && a === null) return setError(`“${ack}” is not a number.`);
    setError(null);
    justGraded.current = true;
    onSubmit({ flags: q.flagChoices.filter((f) => flags.includes(f)), seq: s, ack: a });
  };

  return (
    <form className={`question q-predict${graded ? ' is-graded' : ''}`} onSubmit={submit} aria-labelledby={`${id}-p`} noValidate>
      <p id={`${id}-p`} className="q-prompt">
        {q.prompt}
      </p>
      <div className="predict-fields">
        <fieldset className="q-fieldset flags">
          <legend>Flags</legend>
          {q.flagChoices.map((f) => (
            <label key={f} className="flag">
              <input type="checkbox" checked={flags.includes(f)} disabled={graded} onChange={() => setFlags((x) => (x.includes(f) ? x.filter((y) => y !== f) : [...x, f]))} /> {f}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-seq`}>seq</label>
          <input id={`${id}-seq`} type="text" inputMode="numeric" autoComplete="off" value={seq} disabled={graded} onChange={(e) => setSeq(e.target.value)} aria-describedby={error ? `${id}-e` : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ack`}>ack</label>
          <input id={`${id}-ack`} type="text" inputMode="numeric" autoComplete="off" value={ack} disabled={graded} onChange={(e) => setAck(e.target.value)} aria-describedby={`${id}-ackhint`} />
          <small id={`${id}-ackhint`} className="q-hint">
            Leave empty if it carries no ACK.
          </small>
        </div>
      </div>
      {error && (
        <p id={`${id}-e`} className="q-error" role="alert">
          {error}
        </p>
      )}
      {!graded && (
        <div className="q-actions">
          <button type="submit" className="btn btn-primary">
            Check my prediction
          </button>
        </div>
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
          <ul className="feedback-lines">
            {result.lines.map((l) => (
              <li key={l.id} className={l.correct ? 'is-right' : 'is-wrong'}>
                <strong className="mark">{l.correct ? '✓' : '✗'}</strong>
                <span className="visually-hidden">{l.correct ? ' right: ' : ' not right: '}</span> {l.text}
              </li>
            ))}
          </ul>
          <p className="explanation">
            <strong>Why: </strong>
            {result.explanation}
          </p>
        </div>
      )}
    </form>
  );
}
