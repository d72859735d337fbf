// "Try this": the lesson names a knob and asks what will happen. The student commits a prediction (graded by the
// measured answer of exactly that run), then the lab reruns with the knob and plays, and the measured value is
// revealed. When the knob changes an existing scenario, the run before the change can be watched first; when the
// "change" is another scenario altogether, nothing is shown before committing, since the run is the answer.

import { useRef, useState } from 'react';
import { builtinCatalog, NO_KNOBS } from '../../../playback/index.ts';
import type { Answer, GradeResult, ResolvedBlock } from '../../../lessons/index.ts';
import { useActiveLab } from '../lab/activeLab.ts';
import { LabFrame } from '../lab/LabFrame.tsx';
import { describeChange, hasChange, knobsOf, openLab, type OpenedLab } from '../lab/labRun.ts';
import { useProgress, useProgressActions } from '../progress/useProgress.ts';
import { QuestionCard } from '../questions/QuestionCard.tsx';
import { RichText } from './RichText.tsx';

type Shown = 'before' | 'after';

export function TryBlock({ block, labKey, lessonId }: { block: Extract<ResolvedBlock, { kind: 'try' }>; labKey: string; lessonId: string }) {
  const { live, activate } = useActiveLab(labKey);
  const saved = useProgress((s) => s.progress.lessons[lessonId]?.answers[block.question.id]);
  const actions = useProgressActions();
  const [committed, setCommitted] = useState(saved !== undefined);
  const [shown, setShown] = useState<Shown | null>(null);
  const opened = useRef<OpenedLab | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  const base = builtinCatalog.find(block.lab.scenario);
  const changes = base ? describeChange(base, block.lab) : [];
  const changed = hasChange(block.lab);

  const show = (which: Shown, keep: Element | null): void => {
    const knobs = which === 'after' ? knobsOf(block.lab) : NO_KNOBS;
    const o = opened.current;
    if (o?.ok) o.store.getState().load(o.base, knobs, 0);
    else opened.current = openLab(block.lab.scenario, knobs);
    const now = opened.current;
    if (which === 'after' && now?.ok) now.store.getState().play();
    setShown(which);
    activate(keep);
  };

  const commit = (answer: Answer, result: GradeResult): void => {
    actions.answer(lessonId, block.question.id, answer, result);
    setCommitted(true);
    show('after', frame.current);
  };

  const changeText = changes.map((c) => `${c.label}: ${c.from} → ${c.to}`).join('; ');
  return (
    <section ref={frame} className="try" aria-label="Try this">
      <p className="try-kicker">Try this</p>
      <p className="try-prompt">
        <RichText text={block.prompt} />
      </p>
      {changes.length > 0 && (
        <ul className="try-changes" aria-label="The change">
          {changes.map((c) => (
            <li key={c.label}>
              {c.label}: <span className="from">{c.from}</span> <span aria-hidden="true">→</span>
              <span className="visually-hidden"> becomes </span> <strong className="to">{c.to}</strong>
            </li>
          ))}
        </ul>
      )}
      <QuestionCard
        q={block.question}
        saved={saved}
        onAnswer={commit}
        submitLabel="Commit my prediction"
        retry={false}
        after={
          committed && (
            <p className="reveal">
              <strong>Measured on the run: </strong>
              <RichText text={block.reveal} />
            </p>
          )
        }
      />
      <LabFrame
        lab={block.lab}
        live={live && shown !== null}
        opened={opened.current}
        startLabel={committed ? 'Run it with the change' : changed ? 'Show the run before the change' : null}
        idleNote={<span className="lab-note">The run starts when you commit your prediction.</span>}
        onStart={(el) => show(committed ? 'after' : 'before', el)}
        label={`Try this: ${block.lab.scenario}${shown === 'after' && changeText ? `, with ${changeText}` : ''}`}
        status={
          shown === 'before' ? (
            <>Before the change: the scenario as it ships.</>
          ) : changeText ? (
            <>With the change: {changeText}.</>
          ) : (
            <>The run your prediction is about.</>
          )
        }
      />
    </section>
  );
}
