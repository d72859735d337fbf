// The picker's groups, in the order the lab shows them.

export const SCENARIO_TOPICS = [
  'sockets',
  'handshake',
  'data',
  'closing',
  'reset',
  'backlog',
  'failures',
  'options',
  'concurrency',
  'reuse',
] as const;

export type ScenarioTopic = (typeof SCENARIO_TOPICS)[number];
