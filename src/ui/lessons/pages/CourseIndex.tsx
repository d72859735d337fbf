// The course's contents: every lesson with its completion, where to carry on, the end page, and the reset.

import { useRef } from 'react';
import { computeFacts, course, courseMinutes, resolveTemplate } from '../../../lessons/index.ts';
import { RichText } from '../blocks/RichText.tsx';
import { useProgress } from '../progress/useProgress.ts';
import { courseHref } from '../route/route.ts';
import { RouteLink } from '../route/RouteLink.tsx';
import { courseSummary, lessonStatus, nextLesson, statusText } from './lessonStatus.ts';
import { ResetProgress } from './ResetProgress.tsx';
import { useArrival } from './useArrival.ts';

const MARK = { new: '○', started: '◐', done: '✓' } as const;

/** 165 → "2 h 45 min", rounded to five minutes. */
function hours(minutes: number): string {
  const m = Math.round(minutes / 5) * 5;
  return m < 60 ? `${m} minutes` : `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
}

export function CourseIndex() {
  const heading = useRef<HTMLHeadingElement>(null);
  useArrival(heading, 'course');
  const progress = useProgress((s) => s.progress);
  const sum = courseSummary(progress);
  const carryOn = nextLesson(progress);
  const facts = computeFacts().facts;
  const carryOnLesson = course.find((l) => l.id === carryOn);
  return (
    <div className="course-index">
      <h1 ref={heading} tabIndex={-1}>
        The life of a TCP connection
      </h1>
      <p className="lesson-summary">
        {course.length} short lessons, about {hours(courseMinutes)} in all: sockets and their calls, the handshake, data, closing, queues, failures,
        options, many clients and reusing connections. Each lesson runs the simulator’s Linux TCP right in the page.
      </p>
      <div className="course-progress" aria-live="polite">
        <p>
          <strong>
            {sum.lessonsDone} of {sum.lessonsTotal}
          </strong>{' '}
          lessons done · {sum.answered === 0 ? 'no questions answered yet' : `${sum.answered} questions answered, ${sum.correct} right`}
        </p>
        <progress max={sum.lessonsTotal} value={sum.lessonsDone} aria-label="Lessons done" />
      </div>
      {carryOnLesson ? (
        <p>
          <RouteLink className="btn btn-primary continue" href={courseHref({ page: 'lesson', id: carryOnLesson.id })}>
            {sum.lessonsDone === 0 && sum.answered === 0 ? 'Start' : 'Continue'} with lesson {carryOnLesson.number}: {carryOnLesson.title}
          </RouteLink>
        </p>
      ) : (
        <p>
          Every lesson is done. <RouteLink href={courseHref({ page: 'concepts' })}>Check yourself against the key concepts</RouteLink>.
        </p>
      )}
      <h2 className="small-heading">Lessons</h2>
      <ol className="lesson-list">
        {course.map((l) => {
          const st = lessonStatus(l.id, progress);
          return (
            <li key={l.id} className={`lesson-card status-${st.state}`} data-lesson={l.id}>
              <span className="lesson-mark" aria-hidden="true">
                {MARK[st.state]}
              </span>
              <div>
                <RouteLink className="lesson-link" href={courseHref({ page: 'lesson', id: l.id })}>
                  <span className="lesson-num">Lesson {l.number}</span> {l.title}
                </RouteLink>
                <p className="lesson-card-summary">
                  <RichText text={resolveTemplate(l.summary, facts).text} />
                </p>
                <p className="lesson-card-status">
                  <span className={`status status-${st.state}`}>{statusText(st)}</span> · {l.minutes} min
                </p>
              </div>
            </li>
          );
        })}
        <li className="lesson-card end-card">
          <span className="lesson-mark" aria-hidden="true">
            ★
          </span>
          <div>
            <RouteLink className="lesson-link" href={courseHref({ page: 'concepts' })}>
              Key concepts: the end-of-course checklist
            </RouteLink>
            <p className="lesson-card-summary">What you should be able to do after the course, each linked to its lesson and to the lab.</p>
          </div>
        </li>
      </ol>
      <h2 className="small-heading">Your progress</h2>
      <p className="muted">Progress is kept in this browser only. Resetting it cannot be undone.</p>
      <ResetProgress />
    </div>
  );
}
