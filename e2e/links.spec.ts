// Links open exactly a step; bad links say what is wrong and show the nearest valid view; the address follows;
// the lab works inside an iframe.

import { expect, openStep, stepOf, test } from './support/fixtures.ts';

test('a link opens exactly that step, with its seed', async ({ page }) => {
  await openStep(page, '?scenario=handshake&step=5&seed=42');
  expect(await stepOf(page)).toMatchObject({ n: 5 });
  await expect(page.locator('.knobs-box summary')).toContainText('seed 42');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the address follows as you move, so a copied link shows the same view', async ({ page, context }) => {
  await openStep(page, '?scenario=client-closes-first&step=3');
  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/scenario=client-closes-first&step=5/);
  const narration = await page.getByTestId('narration').textContent();
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('narration')).toHaveText(narration ?? '');
  await other.close();
});

const BAD: [string, RegExp, (n: number, of: number) => boolean][] = [
  ['?scenario=no-such-thing&step=3', /no scenario called "no-such-thing"/, (n) => n === 3],
  ['?scenario=handshake&step=100000', /past the end/, (n, of) => n === of],
  ['?scenario=handshake&step=-2', /does not exist/, (n) => n === 0],
  ['?scenario=handshake&step=two', /not a whole number/, (n) => n === 0],
  ['?scenario=handshake&seed=abc&step=4', /seed "abc"/, (n) => n === 4],
  ['?scenario=handshake&delay=fast', /delay "fast"/, (n) => n === 0],
  ['?scenario=backlog-overflow&p.backlog=999', /between 0 and 8/, (n) => n === 0],
  ['?scenario=%3Cscript%3E&step=%', /no scenario called "<script>"/, (n) => n === 0],
];

for (const [search, message, where] of BAD) {
  test(`bad link ${search}: a clear message and the nearest valid view`, async ({ page }) => {
    await openStep(page, search);
    await expect(page.getByRole('alert')).toContainText(message);
    const { n, of } = await stepOf(page);
    expect(where(n, of), `step ${n} of ${of}`).toBe(true);
    await expect(page.getByTestId('narration')).not.toBeEmpty();
    await expect(page.locator('.ladder-svg')).toBeVisible();
  });
}

test('knobs rerun the scenario and land in the link', async ({ page }) => {
  await openStep(page, '?scenario=handshake&step=6');
  await page.locator('.knobs-box summary').click();
  await page.getByLabel('One-way delay').selectOption({ label: 'Across the world (75 ms, 150 ms round trip)' });
  await expect(page).toHaveURL(/delay=75/);
  await expect(page.locator('.knobs-box summary')).toContainText('one-way delay 75 ms');
  await page.getByLabel('Seed').fill('777');
  await page.getByLabel('Seed').press('Enter');
  await expect(page).toHaveURL(/seed=777/);
  expect(await stepOf(page)).toMatchObject({ n: 6 });
});

test('works inside an iframe (an LMS): steps, and never navigates the top page', async ({ page, baseURL }) => {
  await page.setContent(`<h1>Course page</h1><iframe title="TCP Lab" src="${baseURL}/?scenario=handshake&step=2" width="1000" height="800"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.step-count')).toContainText('Step 2 of');
  await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(frame.locator('.step-count')).toContainText('Step 3 of');
  expect(page.url()).toBe('about:blank');
  await expect.poll(() => page.frames()[1]?.url() ?? '').toContain('step=3');
});
