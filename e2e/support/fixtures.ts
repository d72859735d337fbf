// Shared test setup: fail any test whose page threw or logged an error, and helpers to read the lab's state.

import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { EXPECTED_FILE } from './paths.ts';
import type { ScenarioExpectation } from './expected.ts';

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

let cached: ScenarioExpectation[] | null = null;
export function expected(): ScenarioExpectation[] {
  cached ??= JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as ScenarioExpectation[];
  return cached;
}

/** The step the lab shows, from "Step n of N". */
export async function stepOf(page: Page): Promise<{ n: number; of: number }> {
  const text = (await page.locator('.step-count span').first().textContent()) ?? '';
  const m = /Step\s+(\d+)\s+of\s+(\d+)/.exec(text);
  if (!m) throw new Error(`no step indicator in "${text}"`);
  return { n: Number(m[1]), of: Number(m[2]) };
}

export async function openStep(page: Page, search: string): Promise<void> {
  await page.goto(`/${search}`);
  await expect(page.locator('.step-count')).toBeVisible();
}
