import { describe, expect, it } from 'vitest';
import { courseHref, parseRoute, sameRoute, scenarioHref } from './route.ts';

describe('parseRoute', () => {
  it('keeps every lab link a lab link', () => {
    for (const s of ['', '?', '?scenario=handshake&step=5&seed=42', '?scenario=backlog-overflow&p.backlog=3', '?step=%', '?courses=1']) {
      expect(parseRoute(s)).toEqual({ page: 'lab' });
    }
  });
  it('reads course pages', () => {
    expect(parseRoute('?course')).toEqual({ page: 'course' });
    expect(parseRoute('?course=')).toEqual({ page: 'course' });
    expect(parseRoute('?course=nonsense')).toEqual({ page: 'course' });
    expect(parseRoute('?course=key-concepts')).toEqual({ page: 'concepts' });
    expect(parseRoute('?lesson=handshake')).toEqual({ page: 'lesson', id: 'handshake' });
    expect(parseRoute('?lesson=%20Handshake%20')).toEqual({ page: 'lesson', id: 'handshake' });
  });
  it('a lesson wins over a scenario in the same link', () => {
    expect(parseRoute('?scenario=handshake&lesson=closing')).toEqual({ page: 'lesson', id: 'closing' });
  });
  it('a malformed lesson id falls back to the index instead of throwing', () => {
    expect(parseRoute('?lesson=%3Cscript%3E')).toEqual({ page: 'course' });
    expect(parseRoute('?lesson=')).toEqual({ page: 'course' });
    expect(parseRoute(`?lesson=${'a'.repeat(200)}`)).toEqual({ page: 'course' });
  });
});

describe('hrefs', () => {
  it('round-trip through parseRoute', () => {
    for (const r of [{ page: 'course' }, { page: 'concepts' }, { page: 'lesson', id: 'many-clients' }] as const) {
      expect(parseRoute(courseHref(r).split('#')[0]!)).toEqual(r);
    }
  });
  it('carry a section anchor and scenario ids', () => {
    expect(courseHref({ page: 'lesson', id: 'handshake' }, 'three-segments')).toBe('?lesson=handshake#three-segments');
    expect(scenarioHref('syn-flood-cookies')).toBe('?scenario=syn-flood-cookies');
  });
  it('sameRoute compares lesson ids', () => {
    expect(sameRoute({ page: 'lesson', id: 'a' }, { page: 'lesson', id: 'a' })).toBe(true);
    expect(sameRoute({ page: 'lesson', id: 'a' }, { page: 'lesson', id: 'b' })).toBe(false);
    expect(sameRoute({ page: 'course' }, { page: 'lab' })).toBe(false);
  });
});
