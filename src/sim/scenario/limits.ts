// Bounds that keep validation (and the engine behind it) finite on any input: a pasted file, a fuzzer's output or a
// hostile URL parameter. They are far above what a teaching scenario needs, so no real scenario meets them.

export const LIMITS = {
  /** Steps in one scenario. */
  steps: 100_000,
  hosts: 64,
  faults: 1_000,
  params: 64,
  /** Errors collected before the validator stops looking: past this point more errors only hide the first ones. */
  errors: 100,
  /** Simulated time, ms (about 11.5 days): longer than any TCP timer with Linux's maximum settings. */
  timeMs: 1_000_000_000,
  /** One-way delay, ms. */
  delayMs: 60_000,
  /** Characters of one send's `data`. */
  dataChars: 1_000_000,
  /** Bytes of one send's `bytes`. */
  sendBytes: 10_000_000,
  recvSize: 1_048_576,
  synflood: 100_000,
  id: 64,
  title: 200,
  description: 4_000,
  note: 1_000,
  label: 80,
  name: 32,
  pointer: 512,
  /** Characters of a scenario file given as text (parseScenarioText). */
  textChars: 50_000_000,
  /** Nesting depth of a scenario file given as text. */
  textDepth: 256,
} as const;
