// Every template string of a lesson, with where it sits: for checks such as the number policy, and for a UI's
// search index. Code blocks are left out on purpose: code quotes identifiers and literals, it states no facts.

import { DRILLS } from './drill/drills.ts';
import type { Block, Lesson, Question } from './types.ts';

export interface PlacedTemplate {
  where: string;
  text: string;
}

function questionTemplates(q: Question, where: string): PlacedTemplate[] {
  const out: PlacedTemplate[] = [{ where: `${where}/prompt`, text: q.prompt }, { where: `${where}/explanation`, text: q.explanation }];
  if (q.kind === 'single' || q.kind === 'multi') {
    for (const o of q.options) out.push({ where: `${where}/${o.id}`, text: o.text }, { where: `${where}/${o.id}/feedback`, text: o.feedback });
  }
  if (q.kind === 'order') for (const i of q.items) out.push({ where: `${where}/${i.id}`, text: i.text });
  return out;
}

function blockTemplates(b: Block, where: string): PlacedTemplate[] {
  switch (b.kind) {
    case 'prose':
    case 'callout':
      return [{ where, text: b.text }];
    case 'lab':
      return [{ where, text: b.caption }];
    case 'try':
      return [{ where, text: b.prompt }, { where: `${where}/reveal`, text: b.reveal }, ...questionTemplates(b.question, `${where}/${b.id}`)];
    case 'formula':
      return [{ where, text: b.title }, { where: `${where}/working`, text: b.working }];
    case 'table':
      return [...b.columns, ...b.rows.flat()].map((text) => ({ where, text }));
    case 'predict':
      return [{ where, text: b.intro }];
    case 'drill': {
      const d = DRILLS[b.drillId];
      if (!d) return [];
      return [d.title, d.prompt, ...d.modelAnswer, ...d.rubric.map((c) => c.text)].map((text) => ({ where: `${where}/${d.id}`, text }));
    }
    case 'code':
      return [];
  }
}

export function numberFreeTemplates(lesson: Lesson): PlacedTemplate[] {
  const out: PlacedTemplate[] = [
    { where: `${lesson.id}/summary`, text: lesson.summary },
    ...lesson.goals.map((text, i) => ({ where: `${lesson.id}/goal ${i}`, text })),
  ];
  for (const s of lesson.sections) {
    out.push({ where: `${lesson.id}/${s.id}`, text: s.heading });
    s.blocks.forEach((b, i) => out.push(...blockTemplates(b, `${lesson.id}/${s.id}#${i}`)));
  }
  for (const q of lesson.questions) out.push(...questionTemplates(q, `${lesson.id}/${q.id}`));
  return out;
}
