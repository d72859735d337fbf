// Opening your own scenario: paste or open a file, fix what the checker finds, play it, reload, download.

import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { builtinCatalog, type Scenario } from '../src/playback/index.ts';
import { expect, openStep, stepOf, test } from './support/fixtures.ts';

const handshake = builtinCatalog.find('handshake')!;
const mine: Scenario = { ...handshake, id: 'my-handshake', title: 'My own handshake', description: 'A handshake I wrote myself.' };
const valid = JSON.stringify(mine, null, 2);
/** A typo in a call name, and a JSON syntax error in another copy. */
const misspelt = valid.replace('"call": "connect"', '"call": "conect"');
const broken = valid.replace('"title": "My own handshake",', '"title": "My own handshake"');

async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open your own scenario' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Scenario JSON').fill(text);
  await dialog.getByRole('button', { name: 'Check and open' }).click();
}

test('a pasted scenario plays like a built-in, keeps through a reload and says it cannot be shared by link', async ({ page, pageErrors }) => {
  await openStep(page, '');
  await paste(page, valid);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('select.picker-select')).toHaveValue('custom');
  await expect(page.locator('.picker-desc')).toHaveText('A handshake I wrote myself.');
  await expect(page.locator('.picker-notes')).toContainText('lives only in this browser tab');
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect.poll(() => stepOf(page).then((s) => s.n)).toBe(2);
  await expect.poll(() => new URL(page.url()).search).toContain('scenario=custom');
  // The address follows the step a moment later (it is replaced after the state settles): wait for it.
  await expect.poll(() => new URL(page.url()).search).toContain('step=2');

  await page.reload();
  await expect(page.locator('select.picker-select')).toHaveValue('custom');
  await expect.poll(() => stepOf(page).then((s) => s.n)).toBe(2);
  await expect(page.locator('.problems')).toHaveCount(0);

  // The same link in another browser (no copy kept there) explains itself and falls back to a built-in.
  const other = await page.context().browser()!.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(page.url());
  await expect(elsewhere.locator('.problems')).toContainText('cannot be shared by link');
  await expect(elsewhere.locator('.problems')).toContainText('Download JSON');
  await other.close();
  expect(pageErrors).toEqual([]);
});

test('errors name their JSON path, line and column; the author fixes them and opens again', async ({ page }) => {
  await openStep(page, '');
  await paste(page, broken);
  const dialog = page.getByRole('dialog', { name: 'Open your own scenario' });
  const errors = dialog.getByRole('alert');
  await expect(errors).toContainText('One problem');
  await expect(errors).toContainText('line 5, column 3');
  await expect(errors).toContainText('not valid JSON');

  const area = dialog.getByLabel('Scenario JSON');
  await area.fill(misspelt);
  await dialog.getByRole('button', { name: 'Check and open' }).click();
  await expect(errors).toContainText('/steps/');
  await expect(errors).toContainText('unknown call "conect" (did you mean "connect"?)');
  // A click on the error puts the caret on the line it names.
  const line = Number(/line (\d+)/.exec((await errors.locator('.import-where').first().textContent()) ?? '')![1]);
  await errors.getByRole('button').first().click();
  await expect(area).toBeFocused();
  await expect(dialog.locator('.import-meta')).toContainText(`Line ${line},`);

  // An author can also start over from the scenario on screen (the built-in, as a file).
  await dialog.getByRole('button', { name: 'Start from the scenario on screen' }).click();
  await expect(area).toHaveValue(/"id": "handshake"/);
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  await area.fill(valid);
  await dialog.getByRole('button', { name: 'Check and open' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('select.picker-select')).toHaveValue('custom');
});

test('a scenario file opens from the file picker; one over 1 MB is refused before it is read', async ({ page }) => {
  await openStep(page, '');
  const input = page.getByTestId('scenario-file');
  await input.setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(1_100_000, 0x20) });
  const dialog = page.getByRole('dialog', { name: 'Open your own scenario' });
  await expect(dialog.getByRole('alert')).toContainText('“big.json” is 1.1 MB; the lab opens scenario files up to 1.0 MB');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(misspelt) });
  await expect(dialog.getByRole('alert')).toContainText('unknown call "conect"');
  await expect(dialog.getByLabel('Scenario JSON')).toHaveValue(misspelt);
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(valid) });
  await expect(page.locator('select.picker-select')).toHaveValue('custom');
  await expect(page.locator('.picker-notes')).toContainText('Your scenario, from mine.json.');
});

test('nothing crashes on junk: binary files, deep nesting, a runaway scenario is cut short', async ({ page, pageErrors }) => {
  await openStep(page, '');
  const input = page.getByTestId('scenario-file');
  const dialog = page.getByRole('dialog', { name: 'Open your own scenario' });
  await input.setInputFiles({ name: 'photo.json', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0xfe, 10, 13]) });
  await expect(dialog.getByRole('alert')).toContainText('not valid JSON');
  await dialog.getByLabel('Scenario JSON').fill('['.repeat(100_000));
  await dialog.getByRole('button', { name: 'Check and open' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/nest|deep/i);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  const flood = {
    version: 1,
    id: 'runaway',
    title: 'A very long SYN flood',
    network: { delayMs: 150 },
    hosts: { attacker: { ip: '10.0.0.66' }, server: { ip: '10.0.0.2' } },
    steps: [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog: 4096 },
      { host: 'attacker', call: 'synflood', addr: 'server:80', count: 100000, intervalMs: 0.05 },
    ],
  };
  // Cancelled while the simulator runs: nothing is opened when it finishes.
  await paste(page, JSON.stringify(flood));
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.waitForTimeout(4000);
  await expect(page.locator('select.picker-select')).not.toHaveValue('custom');

  await paste(page, JSON.stringify(flood));
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.locator('.picker-notes')).toContainText('This run is cut short: the simulator stopped after 25,000 events');
  await expect(page.locator('.ladder-svg')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('a damaged copy kept in the tab is dropped with a notice', async ({ page, pageErrors }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      sessionStorage.setItem('tcp-lab:custom-scenario:v1', '{"v":1,"name":"x.json","text":"{\\"version\\": 1, \\"id\\": \\"oops\\"');
    }
  });
  await openStep(page, '?scenario=custom&step=3');
  await expect(page.locator('.picker-notes')).toContainText('was damaged');
  await expect(page.locator('.problems')).toContainText('cannot be shared by link');
  expect(await page.evaluate(() => sessionStorage.getItem('tcp-lab:custom-scenario:v1'))).toBeNull();
  expect(pageErrors).toEqual([]);
});

test('Download JSON saves a built-in with the current settings', async ({ page }) => {
  await openStep(page, '?scenario=lost-synack&delay=40&seed=7');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('lost-synack.json');
  const doc = JSON.parse(readFileSync((await download.path())!, 'utf8')) as Scenario;
  expect(doc.id).toBe('lost-synack');
  expect(doc.network?.delayMs).toBe(40);
  expect(doc.seed).toBe(7);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: the import dialog with errors and the picker with a custom scenario, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openStep(page, '');
    await paste(page, misspelt);
    const dialog = page.getByRole('dialog', { name: 'Open your own scenario' });
    await expect(dialog.getByRole('alert')).toContainText('unknown call');
    const axe = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = (r: Awaited<ReturnType<typeof axe>>) =>
      r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious(await axe())).toEqual([]);
    await dialog.getByLabel('Scenario JSON').fill(valid);
    await dialog.getByRole('button', { name: 'Check and open' }).click();
    await expect(dialog).toBeHidden();
    // Focus goes back to the button that opened the dialog.
    await expect(page.getByRole('button', { name: 'Paste JSON' })).toBeFocused();
    expect(serious(await axe())).toEqual([]);
  });
}
