// Scores a drill self-assessment. Pure and total: unknown check ids are ignored, ticks before the reveal count
// for nothing (the rubric is meant to be applied against the model answer).

import { coldStartDrill } from './coldStartDrill.ts';
import type { Drill, DrillScore, DrillSelfAssessment } from './drillTypes.ts';

export function scoreDrill(self: DrillSelfAssessment, drill: Drill = coldStartDrill): DrillScore {
  const required = drill.rubric.filter((c) => !c.bonus);
  const bonuses = drill.rubric.filter((c) => c.bonus);
  const ticked = (id: string): boolean => self.revealed && self.checks[id] === true;
  const points = required.filter((c) => ticked(c.id)).length;
  return {
    points,
    max: required.length,
    bonus: bonuses.filter((c) => ticked(c.id)).length,
    bonusMax: bonuses.length,
    passed: points === required.length,
    missing: required.filter((c) => !ticked(c.id)).map((c) => c.id),
  };
}
