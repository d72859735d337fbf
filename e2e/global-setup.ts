// Compute what the simulator says for every built-in scenario once, before the browsers start.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { EXPECTED_FILE } from './support/paths.ts';

export default function globalSetup(): void {
  mkdirSync('test-results', { recursive: true });
  execFileSync('npx', ['tsx', 'e2e/support/expected.ts', EXPECTED_FILE], { stdio: 'inherit' });
}
