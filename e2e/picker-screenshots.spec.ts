// Screenshots of the scenario picker's import dialog (a valid text, then one with errors) and of the picker with
// a custom scenario loaded, at 360 px and 1440 px, light and dark, for a person to look at (e2e/screenshots/).

import { builtinCatalog } from '../src/playback/index.ts';
import { SCREENSHOT_DIR } from './support/paths.ts';
import { expect, openStep, test } from './support/fixtures.ts';

const mine = { ...builtinCatalog.find('lost-synack')!, id: 'my-lost-synack', title: 'My lost SYN-ACK' };
const valid = JSON.stringify(mine, null, 2);
const invalid = valid
  .replace('"call": "connect"', '"call": "conect"')
  .replace('"version": 1', '"version": 2')
  .replace(/"delayMs": [\d.]+/, '"delayMs": -5');

for (const width of [360, 1440]) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`picker and import dialog at ${width}px, ${scheme}`, async ({ page }) => {
      await page.setViewportSize({ width, height: width < 500 ? 780 : 900 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await openStep(page, '?scenario=lost-synack&step=3');
      const tag = `${width}-${scheme}`;
      await page.getByRole('button', { name: 'Paste JSON' }).click();
      const dialog = page.getByRole('dialog', { name: 'Open your own scenario' });
      await dialog.getByLabel('Scenario JSON').fill(valid);
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/import-valid-${tag}.png` });

      await dialog.getByLabel('Scenario JSON').fill(invalid);
      await dialog.getByRole('button', { name: 'Check and open' }).click();
      await expect(dialog.getByRole('alert')).toContainText('problems');
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/import-errors-${tag}.png` });

      await dialog.getByLabel('Scenario JSON').fill(valid);
      await dialog.getByRole('button', { name: 'Check and open' }).click();
      await expect(dialog).toBeHidden();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(200);
      await page.locator('.picker').screenshot({ path: `${SCREENSHOT_DIR}/picker-custom-${tag}.png` });
    });
  }
}
