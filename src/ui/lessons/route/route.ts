// Where the page is: the lab (`?scenario=…&step=…`, unchanged) or the course. Course links use the same query-string
// style: `?course` (the index), `?course=key-concepts` (the end page), `?lesson=<id>` with an optional
// `#<section>` anchor. Parsing is pure and never throws; an unknown lesson id is kept so the page can say so.

export type Route =
  | { page: 'lab' }
  | { page: 'course' }
  | { page: 'concepts' }
  | { page: 'lesson'; id: string };

export const CONCEPTS_PARAM = 'key-concepts';

/** Lesson ids are short kebab-case words; anything else in the address is not one. */
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function parseRoute(search: string): Route {
  let q: URLSearchParams;
  try {
    q = new URLSearchParams(search);
  } catch {
    return { page: 'lab' };
  }
  const lesson = q.get('lesson');
  if (lesson !== null) {
    const id = lesson.trim().toLowerCase();
    return LESSON_ID.test(id) ? { page: 'lesson', id } : { page: 'course' };
  }
  const course = q.get('course');
  if (course !== null) return course.trim() === CONCEPTS_PARAM ? { page: 'concepts' } : { page: 'course' };
  return { page: 'lab' };
}

/** The query string (and anchor) for a course page; hrefs are relative, so they work under any path and in a frame. */
export function courseHref(route: Exclude<Route, { page: 'lab' }>, section?: string): string {
  switch (route.page) {
    case 'course':
      return '?course';
    case 'concepts':
      return `?course=${CONCEPTS_PARAM}`;
    case 'lesson':
      return `?lesson=${encodeURIComponent(route.id)}${section ? `#${encodeURIComponent(section)}` : ''}`;
  }
}

/** A lab link for a scenario, as the lab itself writes them (the lab adds `&step=` once it opens). */
export function scenarioHref(scenario: string): string {
  return `?scenario=${encodeURIComponent(scenario)}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.page === b.page && (a.page !== 'lesson' || a.id === (b as { id: string }).id);
}
