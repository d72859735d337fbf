// What the UI may use from playback — and, re-exported, the few simulator names it needs, so that imports
// keep flowing ui → playback → sim.

export { createPlaybackStore, builtinCatalog, loadRun, clampSpeed, SPEEDS, MIN_SPEED, MAX_SPEED } from './createPlaybackStore.ts';
export type { Catalog, Loaded, PlaybackActions, PlaybackState, PlaybackStore } from './createPlaybackStore.ts';
export { startFrameLoop } from './frameLoop.ts';
export type { FrameSource } from './frameLoop.ts';
export { appliedAt, buildSteps, hostOf, KIND_BIT, stepOfEvent, stepAtTime } from './buildSteps.ts';
export type { Step, StepKind } from './buildSteps.ts';
export { positionOfTime, stepAtPosition, FLIGHT_MS, MIN_DWELL_MS, MAX_GAP_MS } from './buildSchedule.ts';
export type { Gap, Schedule } from './buildSchedule.ts';
export { narrate, formatDuration, hostName, waitPhrase, segmentPhrase } from './narrate.ts';
export { flagWords, relativeSeqNumbers, segmentLabel, seqOf } from './seqNumbers.ts';
export type { SeqNumbers, SeqPair } from './seqNumbers.ts';
export { socketTables, ssDuration, ssStateName, timerText } from './socketRows.ts';
export type { HostTable, TableRow } from './socketRows.ts';
export { DELAY_PRESETS, NO_KNOBS, getPointer } from './applyKnobs.ts';
export type { Knobs, ParamValue } from './applyKnobs.ts';
export { linkSearch, parseLink } from './parseLink.ts';
export type { LinkState } from './parseLink.ts';

export { segmentLine, TCP_STATES } from '../sim/index.ts';
// Scenario files written by people (the lab's "Open your own scenario"): text → validated scenario with
// line/column errors, and a bounded trial run (maxEvents) before a custom scenario is played.
export { formatScenarioError, parseScenarioText, runScenario, validateScenario } from '../sim/index.ts';
export type { ParseResult, RunOptions, ScenarioError } from '../sim/index.ts';
export type {
  CallEvent,
  CallStartEvent,
  HostInfo,
  QueueView,
  Scenario,
  ScenarioParam,
  SegmentEvent,
  StateEvent,
  Step as ScenarioStep,
  TcpState,
  ThreadView,
  Timeline,
  TimelineEvent,
  ViewState,
} from '../sim/index.ts';
