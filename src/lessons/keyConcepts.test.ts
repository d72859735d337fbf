import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../sim/index.ts';
import { course } from './course.ts';
import { keyConcepts } from './keyConcepts.ts';
import { typedNumbers } from './numberPolicy.ts';

describe('key concepts checklist', () => {
  it('has the chapter’s eight items, with unique ids', () => {
    expect(keyConcepts).toHaveLength(8);
    expect(new Set(keyConcepts.map((k) => k.id)).size).toBe(8);
  });
  it('every item links to a real lesson section and real scenarios', () => {
    for (const k of keyConcepts) {
      const lesson = course.find((l) => l.id === k.lesson);
      expect(lesson, k.id).toBeDefined();
      expect(lesson?.sections.some((s) => s.id === k.section), `${k.id} → ${k.lesson}/${k.section}`).toBe(true);
      for (const s of k.scenarios) expect(findBuiltin(s), `${k.id} → ${s}`).toBeDefined();
      expect(typedNumbers(k.text)).toEqual([]);
    }
  });
});
