// Screenshots of every view at 360 px and 1440 px, light and dark, for a person to look at
// (e2e/screenshots/, not committed).

import { SCREENSHOT_DIR } from './support/paths.ts';
import { expect, openStep, test } from './support/fixtures.ts';

const VIEWS = ['.picker', '.sticky-bar', '.ladder', '.detail', '.states', '.sockets', '.queues', '.code', '.log'];

for (const width of [360, 1440]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`screenshots at ${width}px, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 500 ? 780 : 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await openStep(page, '?scenario=lost-synack&step=9');
      await expect(page.locator('.code-lines').first()).toBeVisible();
      await page.locator('.log-line').nth(1).click();
      await expect(page.locator('.detail')).toBeVisible();
      await page.waitForTimeout(700);
      const tag = `${width}-${scheme}`;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SCREENSHOT_DIR}/page-${tag}.png`, fullPage: true });
      for (const sel of VIEWS) {
        const el = page.locator(sel).first();
        await el.scrollIntoViewIfNeeded();
        await page.waitForTimeout(150);
        await el.screenshot({ path: `${SCREENSHOT_DIR}/${sel.slice(1)}-${tag}.png` });
      }
    });
  }
}

test('screenshot: a busy scenario (backlog overflow) at 1440px', async ({ page }) => {
  await openStep(page, '?scenario=backlog-overflow&step=30');
  await expect(page.locator('.queues .listener')).toBeVisible();
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/page-backlog-1440-light.png`, fullPage: true });
});
