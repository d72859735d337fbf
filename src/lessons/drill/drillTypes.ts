// A written drill: the student answers in their own words, then sees the model answer and ticks the rubric
// honestly. Nothing grades the free text; the rubric is a self-assessment.

import type { Template } from '../types.ts';

export interface RubricCheck {
  id: string;
  text: Template;
  /** Bonus checks add credit but are not needed to pass. */
  bonus: boolean;
}

export interface Drill {
  id: string;
  title: Template;
  prompt: Template;
  /** Shown only after the student has written something (or chosen to skip). */
  modelAnswer: Template[];
  rubric: RubricCheck[];
}

export interface DrillSelfAssessment {
  checks: Record<string, boolean>;
  /** Ticks made before seeing the model answer do not count: the rubric judges against it. */
  revealed: boolean;
}

export interface DrillScore {
  /** Required checks ticked. */
  points: number;
  /** Required checks in the rubric. */
  max: number;
  bonus: number;
  bonusMax: number;
  /** Every required check ticked. */
  passed: boolean;
  /** Required checks not ticked, for "look again at…" hints. */
  missing: string[];
}
