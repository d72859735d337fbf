// The course's look and accessibility: axe on a lesson page (a live lab, a graded question, a try-this and a
// prediction answered) in both themes, and screenshots for a person to look at (e2e/screenshots/lessons-*,
// not committed): the index, a lesson with its lab and a graded question, the drill and the end page, at 360 px
// and 1440 px, light and dark.

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './support/paths.ts';
import { expect, test } from './support/fixtures.ts';

/** A lesson page with something of everything on it: the lab stepped, a wrong answer graded, a prediction made. */
async function workedLesson(page: Page): Promise<void> {
  await page.goto('/?lesson=handshake');
  const lab = page.locator('.live-lab');
  for (let i = 0; i < 3; i++) await lab.getByRole('button', { name: 'Next step' }).click();
  await expect(lab.locator('.lab-step-count')).toContainText('Step 3 of');
  const q = page.locator('form.question').filter({ hasText: 'mainly adds' });
  await q.getByLabel('Encryption of the connection').check();
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.locator('.q-verdict')).toHaveText(/Not quite/);
}

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1440, 360]) {
    test(`axe: a worked lesson page at ${width}px, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await workedLesson(page);
      const tryIt = page.getByRole('region', { name: 'Try this' });
      await tryIt.getByLabel('is still waiting, retransmitting its SYN').check();
      await tryIt.getByRole('button', { name: 'Commit my prediction' }).click();
      await expect(tryIt.locator('.live-lab')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
}

test('axe: the index, the drill and the end page, dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  for (const url of ['/?course', '/?course=key-concepts', '/?lesson=reuse#drill']) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (url.includes('drill')) {
      await page.getByRole('button', { name: 'Skip and show it' }).click();
      await page.locator('.rubric input').first().check();
    }
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${url} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }
});

for (const width of [360, 1440]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots of the course at ${width}px, ${scheme}`, async ({ page }) => {
      const tag = `${width}-${scheme}`;
      await page.setViewportSize({ width, height: width < 500 ? 780 : 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });

      await page.goto('/?course');
      await expect(page.locator('.lesson-list')).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/lessons-index-${tag}.png`, fullPage: true });

      await workedLesson(page);
      await page.waitForTimeout(600);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SCREENSHOT_DIR}/lessons-lesson-${tag}.png`, fullPage: false });
      const section = page.locator('#three-segments');
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `${SCREENSHOT_DIR}/lessons-lab-${tag}.png` });
      const graded = page.locator('form.question').filter({ hasText: 'mainly adds' });
      await graded.scrollIntoViewIfNeeded();
      await graded.screenshot({ path: `${SCREENSHOT_DIR}/lessons-question-${tag}.png` });

      await page.goto('/?lesson=reuse#drill');
      const drill = page.locator('.drill');
      await drill.getByLabel('Your answer').fill('A new connection pays the TCP and TLS handshakes first; later calls reuse it. Keep a warm pool.');
      await drill.getByRole('button', { name: 'Show the model answer' }).click();
      await drill.getByLabel(/one-time setup/).check();
      await drill.getByLabel(/Names the handshake/).check();
      await drill.screenshot({ path: `${SCREENSHOT_DIR}/lessons-drill-${tag}.png` });
      const calc = page.locator('[data-calc="pool-size"]');
      await calc.scrollIntoViewIfNeeded();
      await calc.screenshot({ path: `${SCREENSHOT_DIR}/lessons-calc-${tag}.png` });

      await page.goto('/?course=key-concepts');
      await page.locator('.concept input').first().check();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/lessons-end-${tag}.png`, fullPage: true });
    });
  }
}
