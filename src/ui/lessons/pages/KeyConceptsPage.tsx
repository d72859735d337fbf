// The end page: the chapter's key-concepts checklist. Each item links to the lesson section that teaches it and
// to the lab with the scenarios that show it; the ticks are the student's own and are saved.

import { useRef } from 'react';
import { builtinCatalog } from '../../../playback/index.ts';
import { computeFacts, findLesson, keyConcepts, resolveTemplate } from '../../../lessons/index.ts';
import { RichText, plainText } from '../blocks/RichText.tsx';
import { useProgress, useProgressActions } from '../progress/useProgress.ts';
import { courseHref, scenarioHref } from '../route/route.ts';
import { RouteLink } from '../route/RouteLink.tsx';
import { useArrival } from './useArrival.ts';

export function KeyConceptsPage() {
  const heading = useRef<HTMLHeadingElement>(null);
  useArrival(heading, 'concepts');
  const ticks = useProgress((s) => s.ticks);
  const a = useProgressActions();
  const facts = computeFacts().facts;
  const ticked = keyConcepts.filter((c) => ticks[c.id]).length;
  return (
    <div className="concepts-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <RouteLink href={courseHref({ page: 'course' })}>Course</RouteLink> <span aria-hidden="true">›</span> Key concepts
      </nav>
      <h1 ref={heading} tabIndex={-1}>
        Key concepts
      </h1>
      <p className="lesson-summary">Tick each one you could explain to a colleague. If you hesitate, follow its links: the lesson section that teaches it, and the lab runs that show it.</p>
      <p className="concepts-count" aria-live="polite">
        {ticked} of {keyConcepts.length} ticked
      </p>
      <ul className="concepts">
        {keyConcepts.map((c) => {
          const lesson = findLesson(c.lesson);
          const section = lesson?.sections.find((s) => s.id === c.section);
          const text = resolveTemplate(c.text, facts).text;
          return (
            <li key={c.id} className="concept" data-concept={c.id}>
              <label className="option-label">
                <input type="checkbox" checked={ticks[c.id] === true} onChange={(e) => a.tick(c.id, e.target.checked)} />
                <span>
                  <RichText text={text} />
                </span>
              </label>
              <p className="concept-links">
                {lesson && (
                  <span>
                    Learn it:{' '}
                    <RouteLink href={courseHref({ page: 'lesson', id: lesson.id }, c.section)}>
                      Lesson {lesson.number}, “{section ? plainText(resolveTemplate(section.heading, facts).text) : lesson.title}”
                    </RouteLink>
                  </span>
                )}
                <span>
                  See it in the lab:{' '}
                  {c.scenarios.map((id, i) => (
                    <span key={id}>
                      {i > 0 ? ', ' : ''}
                      <RouteLink href={scenarioHref(id)} title={builtinCatalog.find(id)?.title}>
                        <code>{id}</code>
                        <span className="visually-hidden"> ({builtinCatalog.find(id)?.title ?? 'scenario'}), in the lab</span>
                      </RouteLink>
                    </span>
                  ))}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
      <p>
        <RouteLink href={courseHref({ page: 'course' })}>← Course contents</RouteLink>
      </p>
    </div>
  );
}
