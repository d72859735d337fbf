// Keyboard only: reach and use every control without a mouse.

import { expect, openStep, stepOf, test } from './support/fixtures.ts';

test('Space, arrows, Home and End drive playback', async ({ page }) => {
  await openStep(page, '?scenario=handshake&step=0');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect((await stepOf(page)).n).toBe(2);
  await page.keyboard.press('ArrowLeft');
  expect((await stepOf(page)).n).toBe(1);
  await page.keyboard.press('End');
  const { of } = await stepOf(page);
  expect((await stepOf(page)).n).toBe(of);
  await page.keyboard.press('Home');
  expect((await stepOf(page)).n).toBe(0);
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('Tab reaches the controls in order and Enter/Space activate them', async ({ page }) => {
  await openStep(page, '?scenario=connection-refused&step=0');
  const names: string[] = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent?.trim() ?? ''));
  }
  for (const name of ['Play', 'Next step', 'Restart']) expect(names).toContain(name);
  await page.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press(' ');
  expect((await stepOf(page)).n).toBe(2);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});

test('the scenario picker works from the keyboard', async ({ page }) => {
  await openStep(page, '?scenario=handshake&step=0');
  await page.locator('.picker-select').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.picker-select')).not.toHaveValue('handshake');
  await expect(page).not.toHaveURL(/scenario=handshake&/);
  // Arrows inside a field change the field, not the step.
  expect((await stepOf(page)).n).toBe(0);
});

test('a segment opens its details from the packet log, and closes', async ({ page }) => {
  await openStep(page, '?scenario=handshake&step=9');
  const line = page.locator('.log-line').first();
  await line.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Segment #0: SYN/ })).toBeVisible();
  await expect(page.locator('.fields')).toContainText('MSS 1460');
  await page.getByRole('button', { name: 'Close segment details' }).click();
  await expect(page.getByRole('heading', { name: /Segment #0/ })).toHaveCount(0);
});
