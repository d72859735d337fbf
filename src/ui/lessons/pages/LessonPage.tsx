// A lesson: header with goals and contents, its sections (prose, live labs, try-this, predictions, formulas,
// calculators, the drill), the quiz, "done", and previous/next. Section ids are the lesson's own, so
// `?lesson=handshake#syn-flood` lands on a section and survives reload.

import { Fragment, useMemo, useRef } from 'react';
import { computeFacts, course, findLesson, resolveLesson, type ResolvedLesson } from '../../../lessons/index.ts';
import { Block } from '../blocks/Block.tsx';
import { RichText, plainText } from '../blocks/RichText.tsx';
import { Calculator } from '../calculators/Calculator.tsx';
import { CALC_PLACES } from '../calculators/calcs.ts';
import { ActiveLabContext, useActiveLabState } from '../lab/activeLab.ts';
import { useProgress, useProgressActions } from '../progress/useProgress.ts';
import { QuestionCard } from '../questions/QuestionCard.tsx';
import { courseHref } from '../route/route.ts';
import { RouteLink } from '../route/RouteLink.tsx';
import { lessonStatus, statusText } from './lessonStatus.ts';
import { useArrival } from './useArrival.ts';

export const QUIZ_ID = 'check-your-understanding';

export function LessonPage({ id }: { id: string }) {
  const lesson = useMemo(() => {
    const l = findLesson(id);
    return l ? resolveLesson(l, computeFacts().facts) : null;
  }, [id]);
  const epoch = useProgress((s) => s.epoch);
  if (!lesson) return <NoLesson id={id} />;
  // A reset (or another tab's save) re-keys the page, so every form re-reads what is stored.
  return <Lesson key={`${lesson.id}:${epoch}`} lesson={lesson} />;
}

function firstLab(lesson: ResolvedLesson): string | null {
  for (const s of lesson.sections) {
    const i = s.blocks.findIndex((b) => b.kind === 'lab');
    if (i >= 0) return `${s.id}-${i}`;
  }
  return null;
}

function Lesson({ lesson }: { lesson: ResolvedLesson }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useArrival(heading, lesson.id);
  const activeLab = useActiveLabState(firstLab(lesson));
  const progress = useProgress((s) => s.progress);
  const answers = progress.lessons[lesson.id]?.answers ?? {};
  const actions = useProgressActions();
  const status = lessonStatus(lesson.id, progress);
  const facts = computeFacts().facts;
  const index = course.findIndex((l) => l.id === lesson.id);
  const prev = course[index - 1];
  const next = course[index + 1];

  return (
    <ActiveLabContext.Provider value={activeLab}>
      <article className="lesson" aria-labelledby="lesson-title">
        <nav className="crumbs" aria-label="Breadcrumb">
          <RouteLink href={courseHref({ page: 'course' })}>Course</RouteLink> <span aria-hidden="true">›</span> Lesson {lesson.number} of {course.length}
        </nav>
        <header className="lesson-head">
          <p className="lesson-kicker">
            Lesson {lesson.number} · about {lesson.minutes} minutes · <span className={`status status-${status.state}`}>{statusText(status)}</span>
          </p>
          <h1 id="lesson-title" ref={heading} tabIndex={-1}>
            {lesson.title}
          </h1>
          <p className="lesson-summary">
            <RichText text={lesson.summary} />
          </p>
          <div className="lesson-intro">
            <div className="goals">
              <h2 className="small-heading">After this lesson you can</h2>
              <ul>
                {lesson.goals.map((g, i) => (
                  <li key={i}>
                    <RichText text={g} />
                  </li>
                ))}
              </ul>
            </div>
            <nav className="toc" aria-label="In this lesson">
              <h2 className="small-heading">In this lesson</h2>
              <ol>
                {lesson.sections.map((s) => (
                  <li key={s.id}>
                    <a href={`#${s.id}`}>
                      <RichText text={s.heading} />
                    </a>
                  </li>
                ))}
                <li>
                  <a href={`#${QUIZ_ID}`}>Check your understanding</a>
                </li>
              </ol>
            </nav>
          </div>
        </header>
        {lesson.problems.length > 0 && (
          <div className="callout callout-warning" role="note">
            <p>
              <strong>Parts of this lesson could not be prepared:</strong> {lesson.problems.join('; ')}
            </p>
          </div>
        )}
        {lesson.sections.map((s) => (
          <section key={s.id} id={s.id} className="lesson-section" aria-labelledby={`${s.id}--h`}>
            <h2 id={`${s.id}--h`} tabIndex={-1}>
              <RichText text={s.heading} />
            </h2>
            {s.blocks.map((b, i) => (
              <Block key={i} block={b} blockKey={`${s.id}-${i}`} lessonId={lesson.id} sectionTitle={plainText(s.heading)} />
            ))}
            {CALC_PLACES.filter((p) => p.lesson === lesson.id && p.section === s.id).map((p) => (
              <Calculator key={p.calc.id} def={p.calc} facts={facts} />
            ))}
          </section>
        ))}
        <section id={QUIZ_ID} className="lesson-section quiz" aria-labelledby={`${QUIZ_ID}--h`}>
          <h2 id={`${QUIZ_ID}--h`} tabIndex={-1}>
            Check your understanding
          </h2>
          {lesson.questions.map((q, i) => (
            <Fragment key={q.id}>
              <QuestionCard
                q={q}
                saved={answers[q.id]}
                label={`Question ${i + 1} of ${lesson.questions.length}`}
                onAnswer={(answer, result) => actions.answer(lesson.id, q.id, answer, result)}
              />
            </Fragment>
          ))}
          <p className="quiz-score" aria-live="polite">
            {status.answered === 0 ? 'Your answers are saved as you go.' : `${status.answered} of ${status.total} answered, ${status.correct} right.`}
          </p>
        </section>
        <footer className="lesson-foot">
          <label className="done-toggle">
            <input type="checkbox" checked={status.done} onChange={(e) => actions.setDone(lesson.id, e.target.checked)} />
            <span>I have finished this lesson</span>
          </label>
          <nav className="pager" aria-label="Lessons">
            {prev ? (
              <RouteLink className="pager-prev" href={courseHref({ page: 'lesson', id: prev.id })}>
                <span className="pager-dir">← Previous</span> Lesson {prev.number}: {prev.title}
              </RouteLink>
            ) : (
              <RouteLink className="pager-prev" href={courseHref({ page: 'course' })}>
                <span className="pager-dir">← Back</span> Course contents
              </RouteLink>
            )}
            {next ? (
              <RouteLink className="pager-next" href={courseHref({ page: 'lesson', id: next.id })}>
                <span className="pager-dir">Next →</span> Lesson {next.number}: {next.title}
              </RouteLink>
            ) : (
              <RouteLink className="pager-next" href={courseHref({ page: 'concepts' })}>
                <span className="pager-dir">Next →</span> Key concepts
              </RouteLink>
            )}
          </nav>
        </footer>
      </article>
    </ActiveLabContext.Provider>
  );
}

function NoLesson({ id }: { id: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useArrival(heading, `missing-${id}`);
  return (
    <div className="lesson">
      <h1 ref={heading} tabIndex={-1}>
        No lesson called “{id}”
      </h1>
      <p>The link may be from an older version of the course. Pick a lesson from the contents:</p>
      <p>
        <RouteLink href={courseHref({ page: 'course' })}>Course contents</RouteLink>
      </p>
    </div>
  );
}
