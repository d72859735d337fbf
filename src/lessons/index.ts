// The lessons layer's public surface: course data, resolution for rendering, grading, drills, calculators and
// progress. Everything here is data or a pure function; the UI supplies rendering, clocks and storage.

import { course } from './course.ts';

// Course content
export { course, findLesson } from './course.ts';
export { keyConcepts } from './keyConcepts.ts';
export type { KeyConcept } from './keyConcepts.ts';
export type * from './types.ts';

/** The table of contents: ordered lessons with ids, titles and estimated minutes. */
export const courseOutline = course.map((l) => ({ id: l.id, number: l.number, title: l.title, minutes: l.minutes }));
export const courseMinutes = course.reduce((n, l) => n + l.minutes, 0);

// Facts and rendering
export { computeFacts } from './facts/computeFacts.ts';
export type { Facts } from './facts/computeFacts.ts';
export type { Fact, FactSource } from './facts/Fact.ts';
export type { FactId } from './factIds.ts';
export { GIVENS } from './facts/givens.ts';
export { resolveLesson } from './resolveLesson.ts';
export { resolveTemplate } from './resolveTemplate.ts';
export { applyLabChange } from './facts/applyLabChange.ts';
export { runLab } from './runLab.ts';

// Questions
export { grade } from './grade.ts';
export { makePredictQuestion, gradePrediction, predictableSegments, flagsOf, FLAG_NAMES } from './predict.ts';
export type { PredictQuestion, Prediction, SegmentSummary, FlagName } from './predict.ts';

// Drills
export { scoreDrill } from './drill/scoreDrill.ts';
export { coldStartDrill } from './drill/coldStartDrill.ts';
export { DRILLS } from './drill/drills.ts';
export type { Drill, DrillScore, DrillSelfAssessment, RubricCheck } from './drill/drillTypes.ts';

// Calculators
export { keepaliveDetection } from './calc/keepaliveDetection.ts';
export type { KeepaliveSettings } from './calc/keepaliveDetection.ts';
export { coldStart, sequentialCalls, pooledQueries } from './calc/coldStart.ts';
export { littlesLaw } from './calc/littlesLaw.ts';
export { poolMax, poolSizeWithBuffer, fdCeiling } from './calc/poolSize.ts';
export { backlogSize } from './calc/backlogSize.ts';
export { sequentialServer } from './calc/sequentialServer.ts';
export { fmt } from './calc/format.ts';
export type { Worked } from './calc/format.ts';

// Progress
export { parseProgress, readProgress } from './progress/parseProgress.ts';
export { serializeProgress } from './progress/serializeProgress.ts';
export { loadProgress, saveProgress, resetProgress, PROGRESS_KEY } from './progress/progressStorage.ts';
export type { ProgressStorage, SaveResult } from './progress/progressStorage.ts';
export { recordAnswer, markLessonDone, recordDrill, summarizeProgress } from './progress/progressUpdates.ts';
export type { ProgressSummary } from './progress/progressUpdates.ts';
export { emptyProgress, PROGRESS_VERSION } from './progress/progressTypes.ts';
export type { Progress, LessonProgress, StoredAnswer, DrillProgress, ParsedProgress } from './progress/progressTypes.ts';
