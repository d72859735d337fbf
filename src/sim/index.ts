// The simulator's public surface: everything other layers (playback, lessons, ui, cli) may use.

export { runScenario } from './engine/runScenario.ts';
export type { RunOptions } from './engine/runScenario.ts';
export { TimelineIndex, applyEvent } from './timeline/TimelineIndex.ts';
export type { ViewState, ThreadView, QueueView } from './timeline/TimelineIndex.ts';
export type * from './timeline/types.ts';
export { TCP_STATES } from './timeline/types.ts';
export type * from './scenario/types.ts';
export { validateScenario, formatScenarioError } from './scenario/validateScenario.ts';
export type { ScenarioError } from './scenario/validateScenario.ts';
export { parseScenarioText } from './scenario/parseScenarioText.ts';
export type { ParseResult } from './scenario/parseScenarioText.ts';
export { builtinScenarios, findBuiltin } from './scenario/library/index.ts';
export { toJsonl, eventToJson } from './output/toJsonl.ts';
export { toTcpdump, segmentLine } from './output/toTcpdump.ts';
export { SYSCTL_DEFAULTS } from './socket/sysctl.ts';
