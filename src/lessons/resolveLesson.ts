// Turns a lesson (templates, fact references) into what a UI renders: plain strings, concrete answer keys,
// predict questions built from real runs. Never throws: anything it cannot resolve is listed in `problems`.

import type { Facts } from './facts/computeFacts.ts';
import { makePredictQuestion } from './predict.ts';
import { resolveTemplate } from './resolveTemplate.ts';
import { runLab } from './runLab.ts';
import { DRILLS } from './drill/drills.ts';
import type { Block, Lesson, Question, ResolvedBlock, ResolvedLesson, ResolvedQuestion, SegmentPick } from './types.ts';
import type { SegmentEvent } from '../sim/index.ts';

export function resolveLesson(lesson: Lesson, facts: Facts): ResolvedLesson {
  const problems: string[] = [];
  const t = (template: string, where: string): string => {
    const r = resolveTemplate(template, facts);
    for (const id of r.missing) problems.push(`${where}: no fact "${id}"`);
    return r.text;
  };
  const sections = lesson.sections.map((s) => ({
    id: s.id,
    heading: t(s.heading, `${lesson.id}/${s.id}`),
    blocks: s.blocks.flatMap((b, i) => {
      const r = resolveBlock(b, t, facts, `${lesson.id}/${s.id}#${i}`, problems);
      return r ? [r] : [];
    }),
  }));
  return {
    id: lesson.id,
    number: lesson.number,
    title: lesson.title,
    minutes: lesson.minutes,
    summary: t(lesson.summary, `${lesson.id}/summary`),
    goals: lesson.goals.map((g, i) => t(g, `${lesson.id}/goal ${i}`)),
    sections,
    questions: lesson.questions.map((q) => resolveQuestion(q, t, facts, `${lesson.id}/${q.id}`, problems)),
    problems,
  };
}

type T = (template: string, where: string) => string;

function resolveBlock(b: Block, t: T, facts: Facts, where: string, problems: string[]): ResolvedBlock | null {
  switch (b.kind) {
    case 'prose':
      return { kind: 'prose', text: t(b.text, where) };
    case 'lab':
      return { kind: 'lab', lab: b.lab, caption: t(b.caption, where) };
    case 'try':
      return { kind: 'try', id: b.id, lab: b.lab, prompt: t(b.prompt, where), question: resolveQuestion(b.question, t, facts, `${where}/${b.id}`, problems), reveal: t(b.reveal, where) };
    case 'formula':
      return { kind: 'formula', title: t(b.title, where), working: t(b.working, where) };
    case 'table':
      return { kind: 'table', columns: b.columns.map((c) => t(c, where)), rows: b.rows.map((r) => r.map((c) => t(c, where))) };
    case 'code':
      return { kind: 'code', language: b.language, lines: b.lines };
    case 'callout':
      return { kind: 'callout', tone: b.tone, text: t(b.text, where) };
    case 'predict': {
      const run = runLab(b.lab);
      if (!run.ok) {
        problems.push(`${where}: ${run.error}`);
        return null;
      }
      const id = pickSegment(run.timeline.events.filter((e): e is SegmentEvent => e.type === 'segment'), b.segment);
      const q = id === null ? null : makePredictQuestion(run.timeline, id);
      if (!q) {
        problems.push(`${where}: no segment matches ${JSON.stringify(b.segment)} in ${b.lab.scenario}`);
        return null;
      }
      return { kind: 'predict', id: b.id, lab: b.lab, intro: t(b.intro, where), question: { ...q, id: b.id } };
    }
    case 'drill': {
      const d = DRILLS[b.drillId];
      if (!d) {
        problems.push(`${where}: no drill "${b.drillId}"`);
        return null;
      }
      return {
        kind: 'drill',
        drill: {
          id: d.id,
          title: t(d.title, where),
          prompt: t(d.prompt, where),
          modelAnswer: d.modelAnswer.map((p) => t(p, where)),
          rubric: d.rubric.map((c) => ({ id: c.id, text: t(c.text, where), bonus: c.bonus })),
        },
      };
    }
  }
}

export function pickSegment(segs: SegmentEvent[], pick: SegmentPick): number | null {
  const hits = segs.filter(
    (s) =>
      (pick.from === undefined || s.srcHost === pick.from) &&
      (pick.flags === undefined || s.flags === pick.flags) &&
      (pick.hasData === undefined || s.len > 0 === pick.hasData) &&
      (pick.why === undefined || (s.why ?? '').startsWith(pick.why)),
  );
  return hits[(pick.nth ?? 1) - 1]?.id ?? null;
}

function resolveQuestion(q: Question, t: T, facts: Facts, where: string, problems: string[]): ResolvedQuestion {
  const base = { id: q.id, prompt: t(q.prompt, where), explanation: t(q.explanation, where) };
  switch (q.kind) {
    case 'single':
    case 'multi': {
      const options = q.options.map((o) => {
        let correct: boolean;
        if (typeof o.correct === 'boolean') correct = o.correct;
        else {
          const f = facts[o.correct.fact];
          if (!f) problems.push(`${where}/${o.id}: no fact "${o.correct.fact}"`);
          correct = f !== undefined && f.value === o.correct.equals;
        }
        return { id: o.id, text: t(o.text, where), feedback: t(o.feedback, where), correct };
      });
      if (q.kind === 'single' && options.filter((o) => o.correct).length !== 1) problems.push(`${where}: a single-choice question needs exactly one right option`);
      return { ...base, kind: q.kind, options };
    }
    case 'numeric': {
      const f = facts[q.answer.fact];
      if (!f || typeof f.value !== 'number') problems.push(`${where}: no numeric fact "${q.answer.fact}"`);
      return { ...base, kind: 'numeric', answer: typeof f?.value === 'number' ? f.value : Number.NaN, unit: q.unit, tolerance: q.tolerance };
    }
    case 'order':
      return { ...base, kind: 'order', items: q.items.map((i) => ({ id: i.id, text: t(i.text, where) })), correctOrder: q.correctOrder };
  }
}
