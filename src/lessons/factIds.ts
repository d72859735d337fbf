// Placeholder until the fact catalog lands.
export type FactId = string;
