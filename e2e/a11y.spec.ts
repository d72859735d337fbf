// Automated accessibility check (axe): no serious or critical violations, light and dark, phone and desktop.

import AxeBuilder from '@axe-core/playwright';
import { expect, openStep, test } from './support/fixtures.ts';

const CASES = [
  { search: '?scenario=lost-synack&step=10', width: 1440, scheme: 'light' as const },
  { search: '?scenario=backlog-overflow&step=20', width: 1440, scheme: 'dark' as const },
  { search: '?scenario=client-closes-first&step=20', width: 360, scheme: 'light' as const },
  { search: '?scenario=reset-linger-zero&step=12', width: 360, scheme: 'dark' as const },
];

for (const c of CASES) {
  test(`axe: ${c.search} at ${c.width}px, ${c.scheme}`, async ({ page }) => {
    await page.setViewportSize({ width: c.width, height: 900 });
    await page.emulateMedia({ colorScheme: c.scheme });
    await openStep(page, c.search);
    await expect(page.locator('.code-lines').first()).toBeVisible();
    await page.locator('.log-line').first().click();
    await expect(page.locator('.fields')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}
