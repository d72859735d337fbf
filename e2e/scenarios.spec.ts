// Every built-in scenario: open it by URL, check chosen steps against the simulator's jsonl (narration,
// socket table, state diagram), play it, jump to the end, step back to the start.

import { expected, expect, openStep, stepOf, test } from './support/fixtures.ts';

/** Real play per scenario, at 4×; long scenarios then jump to the end (the play loop is the same). */
const PLAY_MS = 2500;
/** Steps taken back one key press at a time before Home takes the rest. */
const BACK_KEYS = 40;

for (const sc of expected()) {
  test(`${sc.id}: by URL, agrees with jsonl, plays, steps back`, async ({ page }) => {
    await openStep(page, `?scenario=${sc.id}&step=0`);
    await expect(page.locator('.picker-select')).toHaveValue(sc.id);
    expect(await stepOf(page)).toEqual({ n: 0, of: sc.last });
    await expect(page.getByTestId('narration')).toContainText('Nothing has happened yet');

    for (const c of sc.checks) {
      await page.locator('.scrubber').fill(String(c.step));
      await expect(page.locator('.step-count')).toContainText(`Step ${c.step} of ${sc.last}`);
      const narration = page.getByTestId('narration');
      for (const m of c.mentions) await expect(narration, `step ${c.step} narration`).toContainText(m);

      const rows = await page.locator('.ss tbody tr[data-socket]').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-socket') ?? '', tr.getAttribute('data-state') ?? '']));
      // Several sockets can share an address pair (SO_REUSEPORT listeners, a bound socket before listen()).
      const shown = new Map<string, string[]>();
      for (const [socket, state] of rows as [string, string][]) shown.set(socket, [...(shown.get(socket) ?? []), state]);
      for (const [socket, states] of shown) if (c.sockets[socket]) expect(states, `step ${c.step}: ${socket} in the socket table`).toContain(c.sockets[socket]);
      for (const [socket, state] of Object.entries(c.sockets)) if (state !== 'CLOSED' && state !== 'TIME-WAIT') expect(shown.has(socket), `step ${c.step}: ${socket} (${state}) is listed`).toBe(true);

      for (const [host, state] of Object.entries(c.hosts)) {
        await expect(page.getByTestId(`state-${host}`), `step ${c.step}: ${host}'s state diagram`).toHaveAttribute('data-state', state);
        await expect(page.locator(`[data-host="${host}"] .sg-node-on`).first()).toContainText(state);
      }
    }

    await page.locator('.scrubber').fill('0');
    await page.locator('.speed select').selectOption('4');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(async () => (await stepOf(page)).n, { timeout: 5000 }).toBeGreaterThan(0);
    await page.waitForTimeout(PLAY_MS);
    if ((await stepOf(page)).n < sc.last) {
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.keyboard.press('End');
    } else {
      await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    }
    expect(await stepOf(page)).toEqual({ n: sc.last, of: sc.last });
    await expect(page).toHaveURL(new RegExp(`step=${sc.last}\\b`));

    await page.locator('body').click({ position: { x: 2, y: 2 } });
    for (let i = 0; i < Math.min(BACK_KEYS, sc.last); i++) await page.keyboard.press('ArrowLeft');
    expect((await stepOf(page)).n).toBe(Math.max(0, sc.last - BACK_KEYS));
    await page.keyboard.press('Home');
    expect(await stepOf(page)).toEqual({ n: 0, of: sc.last });
    await expect(page.getByTestId('narration')).toContainText('Nothing has happened yet');
  });
}
