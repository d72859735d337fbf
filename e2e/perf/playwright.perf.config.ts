// `npm run perf`: frame-rate measurements, kept out of the normal e2e run (this machine is shared and noisy, so a
// timed assertion there would fail at random). Same built app and browser as playwright.config.ts, one worker so
// nothing else competes for the two cores while frames are timed.

import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';

const PORT = 4183;

export default defineConfig({
  ...base,
  testDir: '.',
  outputDir: '../../test-results/perf',
  testMatch: '**/*.perf.ts',
  globalSetup: undefined,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    command: `npx vite build --logLevel warn && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
