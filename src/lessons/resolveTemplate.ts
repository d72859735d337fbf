// Fills {{factId}} with the fact's display text and {{factId.working}} with a formula's working (or, for a
// measured fact, how it was measured). Unknown ids are kept visible as "{{id}}" and reported, so a typo shows up
// in tests and on the page instead of silently printing nothing.

import type { Facts } from './facts/computeFacts.ts';

const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*)(\.working)?\}\}/g;

export interface Resolved {
  text: string;
  missing: string[];
  used: string[];
}

export function resolveTemplate(template: string, facts: Facts): Resolved {
  const missing: string[] = [];
  const used: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, id: string, working?: string) => {
    const f = facts[id];
    if (!f) {
      missing.push(id);
      return whole;
    }
    used.push(id);
    if (!working) return f.display;
    return f.source.kind === 'formula' ? f.source.working : f.source.kind === 'simulator' ? f.source.how : f.source.from;
  });
  return { text, missing, used };
}

/** Every placeholder id in a template, for static checks. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}
