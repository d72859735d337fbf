// The course's data model. A UI renders these shapes without knowing any lesson: prose is a Template whose
// {{factId}} placeholders are filled from the facts (simulator runs or shown formulas), lab blocks name a built-in
// scenario and the views to show, questions carry their own answer keys and per-option feedback.

import type { FactId } from './factIds.ts';
import type { PredictQuestion } from './predict.ts';

/** Text with {{factId}} placeholders and `code` spans; resolveTemplate fills it. */
export type Template = string;

/** The lab views a lesson can ask for. The UI maps each to a panel. */
export type LabView =
  | 'ladder' // sequence diagram of segments between hosts
  | 'narration' // one sentence per event
  | 'states' // each socket's TCP state over time
  | 'calls' // the socket calls per thread, blocking shown
  | 'queues' // a listener's SYN queue and accept queue
  | 'ss' // `ss -tan` rows
  | 'tcpdump' // tcpdump lines
  | 'timers'; // retransmit, keepalive, TIME-WAIT timers

/** A knob turned on a built-in scenario: values for its declared params, another seed, another one-way delay. */
export interface LabChange {
  params?: Record<string, number | string>;
  seed?: number;
  delayMs?: number;
}

export interface LabRef extends LabChange {
  scenario: string;
  views: LabView[];
}

export type Block =
  | { kind: 'prose'; text: Template }
  | { kind: 'lab'; lab: LabRef; caption: Template }
  /** "Try this": turn a knob, predict, then run. The question's answer is a fact measured on the changed run. */
  | { kind: 'try'; id: string; lab: LabRef; prompt: Template; question: Question; reveal: Template }
  /** A worked formula: the UI shows the working line the calculator produced, filled from facts. */
  | { kind: 'formula'; title: Template; working: Template }
  | { kind: 'table'; columns: Template[]; rows: Template[][] }
  | { kind: 'code'; language: 'c' | 'python' | 'shell' | 'text'; lines: string[] }
  | { kind: 'callout'; tone: 'note' | 'warning' | 'linux'; text: Template }
  /** Predict-the-next-segment on a live run: the segment is picked by what it is, not by a fragile index. */
  | { kind: 'predict'; id: string; lab: LabRef; segment: SegmentPick; intro: Template }
  | { kind: 'drill'; drillId: string };

/** Chooses a segment of a run: the nth (1-based, default 1) whose fields match. */
export interface SegmentPick {
  from?: string;
  /** tcpdump notation, exact: "S.", "F.", "P." */
  flags?: string;
  /** Only segments carrying data (true) or none (false). */
  hasData?: boolean;
  /** The simulator's reason, matched as a prefix: "keepalive probe", "retransmit". */
  why?: string;
  nth?: number;
}

export interface Section {
  id: string;
  heading: Template;
  blocks: Block[];
}

/** A number in a question's key: a fact, never a literal, so the key follows the simulator. */
export interface FactRef {
  fact: FactId;
}

export interface Choice {
  id: string;
  text: Template;
  /** Shown after answering, whether this option was picked or not. */
  feedback: Template;
  /** Static key, or: correct when the named fact's value equals `equals`. */
  correct: boolean | { fact: FactId; equals: number | string };
}

interface QuestionBase {
  id: string;
  prompt: Template;
  /** Shown after any answer: why the right answer is right. */
  explanation: Template;
}

export type Question =
  | (QuestionBase & { kind: 'single'; options: Choice[] })
  | (QuestionBase & { kind: 'multi'; options: Choice[] })
  | (QuestionBase & {
      kind: 'numeric';
      answer: FactRef;
      unit: string;
      /** Accepted when |given − answer| ≤ max(abs, rel × |answer|). Grading slack, not a stated fact. */
      tolerance: { abs?: number; rel?: number };
    })
  | (QuestionBase & { kind: 'order'; items: { id: string; text: Template }[]; correctOrder: string[] });

export interface Lesson {
  id: string;
  number: number;
  title: string;
  minutes: number;
  summary: Template;
  goals: Template[];
  sections: Section[];
  questions: Question[];
}

// ---- Resolved shapes: what a UI renders. Every placeholder filled, every fact-based key turned into a value. ----

export interface ResolvedChoice {
  id: string;
  text: string;
  feedback: string;
  correct: boolean;
}

interface ResolvedBase {
  id: string;
  prompt: string;
  explanation: string;
}

export type ResolvedQuestion =
  | (ResolvedBase & { kind: 'single'; options: ResolvedChoice[] })
  | (ResolvedBase & { kind: 'multi'; options: ResolvedChoice[] })
  | (ResolvedBase & { kind: 'numeric'; answer: number; unit: string; tolerance: { abs?: number; rel?: number } })
  | (ResolvedBase & { kind: 'order'; items: { id: string; text: string }[]; correctOrder: string[] });

export type ResolvedBlock =
  | { kind: 'prose'; text: string }
  | { kind: 'lab'; lab: LabRef; caption: string }
  | { kind: 'try'; id: string; lab: LabRef; prompt: string; question: ResolvedQuestion; reveal: string }
  | { kind: 'formula'; title: string; working: string }
  | { kind: 'table'; columns: string[]; rows: string[][] }
  | { kind: 'code'; language: 'c' | 'python' | 'shell' | 'text'; lines: string[] }
  | { kind: 'callout'; tone: 'note' | 'warning' | 'linux'; text: string }
  | { kind: 'predict'; id: string; lab: LabRef; intro: string; question: PredictQuestion }
  | { kind: 'drill'; drill: ResolvedDrill };

export interface ResolvedSection {
  id: string;
  heading: string;
  blocks: ResolvedBlock[];
}

export interface ResolvedDrill {
  id: string;
  title: string;
  prompt: string;
  modelAnswer: string[];
  rubric: { id: string; text: string; bonus: boolean }[];
}

export interface ResolvedLesson {
  id: string;
  number: number;
  title: string;
  minutes: number;
  summary: string;
  goals: string[];
  sections: ResolvedSection[];
  questions: ResolvedQuestion[];
  /** Placeholders without a fact, fact-based keys that could not be decided, runs that failed: empty when healthy. */
  problems: string[];
}

/** What a student submits; `kind` must match the question's. */
export type Answer =
  | { kind: 'single'; choice: string }
  | { kind: 'multi'; choices: string[] }
  | { kind: 'numeric'; value: number }
  | { kind: 'order'; order: string[] }
  | { kind: 'predict'; flags: string[]; seq: number | null; ack: number | null };

/** Feedback for one option (choices), one item (ordering) or one field (predict). */
export interface FeedbackLine {
  id: string;
  text: string;
  /** The student picked this option / put this item here / gave this field. */
  picked?: boolean;
  /** This option is part of the key / the item or field is right. */
  correct: boolean;
}

export interface GradeResult {
  correct: boolean;
  /** 0..1: partial credit for multi-select, ordering and predictions. */
  score: number;
  lines: FeedbackLine[];
  explanation: string;
  /** Set when the answer could not be graded (wrong kind, unknown option): the UI shows it instead. */
  problem?: string;
}
