// The course, as a new student meets it: lessons 3 and 5 with their labs, predictions, try-this and quizzes
// (right and wrong answers, per-option feedback), the drill, progress that survives a reload, stored data that is
// corrupt or old, and a reset. Plus the course's links: deep links, Back, the lab's own links, an iframe.

import type { Locator, Page } from '@playwright/test';
import { expect, stepOf, test } from './support/fixtures.ts';

const PROGRESS = 'tcp-lab.progress';

function question(page: Page, text: string): Locator {
  return page.locator('form.question').filter({ hasText: text });
}

async function answerSingle(q: Locator, option: string, expected: RegExp): Promise<void> {
  await q.getByLabel(option, { exact: true }).check();
  await q.getByRole('button', { name: /Check answer|Commit my prediction/ }).click();
  await expect(q.locator('.q-verdict[role=status]')).toHaveText(expected);
}

/** "3,394,835,397" → 3394835397 */
const num = (s: string): number => Number(s.replace(/,/g, ''));

test('a new student works through lessons 3 and 5, the drill, and keeps it all across a reload', async ({ page }) => {
  await page.goto('/?course');
  await expect(page.getByRole('heading', { level: 1, name: 'The life of a TCP connection' })).toBeVisible();
  await expect(page.locator('.course-progress')).toContainText('0 of 10 lessons done');

  // Lesson 3 from the index.
  await page.locator('[data-lesson="handshake"]').getByRole('link').click();
  await expect(page).toHaveURL(/\?lesson=handshake$/);
  await expect(page.getByRole('heading', { level: 1, name: 'The three-way handshake' })).toBeFocused();

  // The first lab is live: step it.
  const lab = page.locator('.live-lab');
  await expect(lab).toHaveCount(1);
  await lab.getByRole('button', { name: 'Next step' }).click();
  await expect(lab.locator('.lab-step-count')).toContainText('Step 1 of');
  await expect(lab.getByTestId('narration')).not.toContainText('Nothing has happened');

  // Predict the SYN-ACK: flags, seq and ack; the lab then plays on to it.
  const predict = page.getByRole('region', { name: 'Predict the next segment' }).first();
  await predict.getByLabel('SYN', { exact: true }).check();
  await predict.getByLabel('ACK', { exact: true }).check();
  await predict.getByLabel('seq', { exact: true }).fill('0');
  await predict.getByLabel('ack', { exact: true }).fill('1');
  await predict.getByRole('button', { name: 'Check my prediction' }).click();
  await expect(predict.locator('.q-verdict[role=status]')).toHaveText(/Correct\./);
  await expect(predict.locator('.q-feedback')).toContainText('Flags: SYN, ACK');
  await expect(predict.locator('.live-lab')).toHaveCount(1);
  await expect(page.locator('.live-lab')).toHaveCount(1); // the first lab folded away

  // Quiz: wrong first (its option's feedback and the explanation), then right.
  const adds = question(page, 'mainly adds');
  await answerSingle(adds, 'Encryption of the connection', /Not quite\./);
  await expect(adds.locator('[data-option="encryption"] .option-feedback')).toContainText('TCP does not encrypt');
  await expect(adds.locator('[data-option="rtt"] .option-feedback')).toContainText('The right answer');
  await expect(adds.locator('.explanation')).toContainText('one round trip of pure setup');
  await adds.getByRole('button', { name: 'Try again' }).click();
  await answerSingle(adds, 'About one round trip of setup before data can flow', /Correct\./);

  // Numeric, read off the page's own numbers: a wrong one says which way, then ISN + 1.
  const synack = question(page, 'What ack number');
  const isn = num(/seq ([\d,]+)/.exec((await synack.locator('.q-prompt').textContent()) ?? '')![1]!);
  await synack.getByRole('textbox').fill(String(isn));
  await synack.getByRole('button', { name: 'Check answer' }).click();
  await expect(synack.locator('.q-verdict[role=status]')).toHaveText(/Not quite\./);
  await expect(synack.locator('.feedback-lines')).toContainText('too low');
  await synack.getByRole('button', { name: 'Try again' }).click();
  await synack.getByRole('textbox').fill((isn + 1).toLocaleString('en'));
  await synack.getByRole('button', { name: 'Check answer' }).click();
  await expect(synack.locator('.q-verdict[role=status]')).toHaveText(/Correct\./);

  // Multi: a partly right pick gets partial credit.
  const cookies = question(page, 'Which are true of SYN cookies');
  await cookies.getByLabel('The server keeps no entry for the half-open connection').check();
  await cookies.getByLabel('They add a round trip to every handshake').check();
  await cookies.getByRole('button', { name: 'Check answer' }).click();
  await expect(cookies.locator('.q-verdict[role=status]')).toHaveText(/Not quite\.|Partly right/);
  await expect(cookies.locator('[data-option="extra-rtt"] .option-feedback')).toContainText('Your answer, not right');

  // Try this: commit, then the lab reruns with the knob and the measured answer is revealed.
  const tryIt = page.getByRole('region', { name: 'Try this' });
  await expect(tryIt.getByRole('list', { name: 'The change' })).toContainText(/tcp_syncookies: 1 .*0/);
  await tryIt.getByLabel('is still waiting, retransmitting its SYN').check();
  await tryIt.getByRole('button', { name: 'Commit my prediction' }).click();
  await expect(tryIt.locator('.q-verdict[role=status]')).toHaveText(/Correct\.|Not quite\./);
  await expect(tryIt.locator('.reveal')).toContainText('Measured on the run');
  await expect(tryIt.locator('.lab-status')).toContainText('With the change');
  await expect(tryIt.locator('.live-lab')).toBeVisible();

  await page.getByLabel('I have finished this lesson').check();
  await page.getByRole('link', { name: /Next → Lesson 4/ }).click();
  await expect(page).toHaveURL(/\?lesson=data$/);
  await page.getByRole('link', { name: /Next → Lesson 5/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Closing a connection' })).toBeFocused();

  // Lesson 5: a "try this" whose run is the answer shows nothing before the prediction.
  const who = page.getByRole('region', { name: 'Try this' }).first();
  await expect(who.getByText('The run starts when you commit your prediction.')).toBeVisible();
  await answerSingle(who, 'the client', /Not quite\./);
  await expect(who.locator('.reveal')).toContainText('server');
  await expect(who.locator('.live-lab')).toBeVisible();

  const twLength = question(page, 'How many seconds does Linux keep');
  await twLength.getByRole('textbox').fill('240');
  await twLength.getByRole('button', { name: 'Check answer' }).click();
  await expect(twLength.locator('.feedback-lines')).toContainText('too high');
  await twLength.getByRole('button', { name: 'Try again' }).click();
  const nominal = /arms a fixed ([\d,]+) s/.exec((await page.locator('#time-wait').textContent()) ?? '')![1]!;
  await twLength.getByRole('textbox').fill(nominal);
  await twLength.getByRole('button', { name: 'Check answer' }).click();
  await expect(twLength.locator('.q-verdict[role=status]')).toHaveText(/Correct\./);
  await page.getByLabel('I have finished this lesson').check();

  // The drill, by a deep link to its section.
  await page.goto('/?lesson=reuse#drill');
  await expect(page.getByRole('heading', { name: 'Why is the first call slow?' })).toBeInViewport();
  const drill = page.locator('.drill');
  await expect(drill.getByRole('button', { name: 'Show the model answer' })).toBeDisabled();
  await drill.getByLabel('Your answer').fill('The first call pays the TCP and TLS handshakes on a new connection; reuse it with a pool.');
  await drill.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(drill.getByRole('heading', { name: 'Model answer' })).toBeFocused();
  for (const check of [/one-time setup/, /Names the handshake/, /Proposes a remedy/]) await drill.getByLabel(check).check();
  await expect(drill.locator('.drill-score')).toContainText('3 of 3 checks, bonus 0 of 1');

  // Reload: everything is still there.
  await page.reload();
  await expect(page.locator('.drill-text')).toHaveValue(/TCP and TLS handshakes/);
  await expect(page.locator('.drill').getByLabel(/Names the handshake/)).toBeChecked();
  await expect(page.locator('.drill-score')).toContainText('3 of 3 checks');
  await page.getByRole('link', { name: 'Course', exact: true }).first().click();
  await expect(page.locator('.course-progress')).toContainText('2 of 10 lessons done');
  await expect(page.locator('[data-lesson="handshake"]')).toContainText('Done · 3 of 4 questions answered, 2 right');
  await expect(page.locator('[data-lesson="closing"]')).toContainText('Done');
  await page.goto('/?lesson=handshake');
  await expect(question(page, 'mainly adds').locator('.q-verdict[role=status]')).toHaveText(/Correct\./);
  await expect(question(page, 'mainly adds').getByLabel('About one round trip of setup before data can flow')).toBeChecked();
  await expect(page.getByRole('region', { name: 'Predict the next segment' }).first().locator('.q-verdict[role=status]')).toHaveText(/Correct\./);
});

test('corrupt or old stored progress: the course loads, says what it dropped, keeps the rest; reset starts fresh', async ({ page }) => {
  await page.goto('/?course');
  await page.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ version: 2, lessons: { handshake: { done: true, answers: { broken: { answer: 42 } } } }, drills: 'nope' }));
  }, PROGRESS);
  await page.reload();
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('could not be read');
  await expect(notice).toContainText('broken');
  await expect(page.locator('[data-lesson="handshake"]')).toContainText('Done');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Not JSON at all.
  await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"lessons":{"handshake":'), PROGRESS);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await expect(page.locator('.course-progress')).toContainText('0 of 10 lessons done');
  await page.goto('/?lesson=handshake');
  await expect(page.getByRole('heading', { level: 1, name: 'The three-way handshake' })).toBeVisible();

  // The first release's shape is migrated, silently.
  await page.evaluate((key) => {
    localStorage.setItem(key, JSON.stringify({ version: 1, completed: ['sockets'], answers: {}, drill: { text: 'from v1', ticks: ['setup'], revealed: true, at: 1 } }));
  }, PROGRESS);
  await page.goto('/?course');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('[data-lesson="sockets"]')).toContainText('Done');
  await page.goto('/?lesson=reuse#drill');
  await expect(page.locator('.drill-text')).toHaveValue('from v1');

  // Reset, with confirmation.
  await page.goto('/?course');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('[data-lesson="sockets"]')).toContainText('Done');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await page.getByRole('button', { name: 'Yes, reset progress' }).click();
  await expect(page.getByText('Progress reset: the course starts fresh.')).toBeVisible();
  await expect(page.locator('.course-progress')).toContainText('0 of 10 lessons done');
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS)).toBeNull();
  await page.reload();
  await expect(page.locator('[data-lesson="sockets"]')).toContainText('Not started');
});

test('links: deep links survive reload, Back and Forward move between pages, the lab keeps its own links', async ({ page }) => {
  // The lab as before, then the course and back: the lab returns to its step.
  await page.goto('/?scenario=handshake&step=5');
  await expect(page.locator('.step-count').first()).toContainText('Step 5 of');
  await page.getByRole('navigation', { name: 'TCP Lab sections' }).getByRole('link', { name: 'Course' }).click();
  await expect(page).toHaveURL(/\?course$/);
  await page.locator('[data-lesson="closing"]').getByRole('link').click();
  await expect(page).toHaveURL(/\?lesson=closing$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?course$/);
  await page.goBack();
  await expect(page).toHaveURL(/scenario=handshake&step=5/);
  expect((await stepOf(page)).n).toBe(5);
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/scenario=handshake&step=6/);
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'The life of a TCP connection' })).toBeVisible();

  // A section anchor lands on the section, also after a reload.
  await page.goto('/?lesson=closing#close-wait');
  await expect(page.getByRole('heading', { level: 2, name: 'CLOSE-WAIT: the program forgot to close' })).toBeInViewport();
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'CLOSE-WAIT: the program forgot to close' })).toBeInViewport();

  // The end page links each concept to its lesson section and to the lab.
  await page.goto('/?course=key-concepts');
  const handshake = page.locator('[data-concept="handshake"]');
  await expect(handshake.getByRole('link', { name: /Lesson 3/ })).toHaveAttribute('href', '?lesson=handshake#three-segments');
  await handshake.getByLabel(/walk through SYN/).check();
  await expect(page.locator('.concepts-count')).toContainText('1 of 8 ticked');
  await handshake.getByRole('link', { name: /^handshake .*in the lab$/ }).click();
  await expect(page).toHaveURL(/\?scenario=handshake(&|$)/);
  expect((await stepOf(page)).n).toBe(0);
  await expect(page.locator('.picker')).toBeVisible();
  await page.goBack();
  await expect(page.locator('.concepts-count')).toContainText('1 of 8 ticked');

  // A lab block opens the same run in the full lab; Back returns to the same place in the lesson.
  await page.goto('/?lesson=handshake');
  const open = page.getByRole('link', { name: 'Open lost-synack in the lab' });
  await open.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => window.scrollY);
  await open.click();
  await expect(page).toHaveURL(/\?scenario=lost-synack&step=0/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'The three-way handshake' })).toBeFocused();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(5);

  // An unknown lesson says so and offers the contents.
  await page.goto('/?lesson=no-such-lesson');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('No lesson called “no-such-lesson”');
  await page.getByRole('link', { name: 'Course contents' }).click();
  await expect(page).toHaveURL(/\?course$/);
});

test('the course works inside an iframe and never navigates the top page', async ({ page, baseURL }) => {
  await page.setContent(`<h1>LMS</h1><iframe title="TCP Lab" src="${baseURL}/?lesson=handshake" width="1000" height="800"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: 'The three-way handshake' })).toBeVisible();
  await answerSingle(frame.locator('form.question').filter({ hasText: 'mainly adds' }), 'Header compression', /Not quite\./);
  await frame.getByRole('link', { name: /Next → Lesson 4/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: 'Data and acknowledgements' })).toBeVisible();
  expect(page.url()).toBe('about:blank');
  await expect.poll(() => page.frames()[1]?.url() ?? '').toContain('lesson=data');
});

test('ordering by keyboard, and calculators that follow every keystroke', async ({ page }) => {
  await page.goto('/?lesson=socket-calls');
  const q = question(page, 'Put a TCP server’s calls in order');
  // The lesson lists accept, bind, recv, socket, listen; the server needs socket, bind, listen, accept, recv.
  const press = async (name: string, times: number): Promise<void> => {
    await q.getByRole('button', { name }).focus();
    for (let i = 0; i < times; i++) await page.keyboard.press('Enter');
    // Focus follows the item (to its other button when it reaches an end).
    const item = /Move (\S+) /.exec(name)![1]!;
    await expect(q.locator('.order-item').filter({ hasText: item }).locator('button:focus')).toHaveCount(1);
  };
  await press('Move socket() up', 3);
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.locator('.q-verdict')).toHaveText(/Partly right|Not quite/);
  await expect(q.locator('.feedback-lines')).toContainText('1. socket()');
  await q.getByRole('button', { name: 'Try again' }).click();
  await press('Move accept() down', 2);
  await press('Move listen() up', 2);
  await press('Move accept() up', 1);
  await expect(q.locator('.order-item')).toHaveText([/socket\(\)/, /bind\(\)/, /listen\(\)/, /accept\(\)/, /recv\(\)/]);
  await q.getByRole('button', { name: 'Check answer' }).click();
  await expect(q.locator('.q-verdict')).toHaveText(/Correct\./);

  await page.goto('/?lesson=options#keepalive');
  const calc = page.locator('[data-calc="keepalive"]');
  await calc.getByRole('button', { name: 'Linux defaults' }).click();
  await expect(calc.locator('.calc-working')).toHaveText('7,200 + 75 × 9 = 7,875 s');
  await calc.getByLabel('TCP_KEEPIDLE').fill('600');
  await expect(calc.locator('.calc-working')).toHaveText('600 + 75 × 9 = 1,275 s');
  await calc.getByLabel('TCP_KEEPCNT').fill('many');
  await expect(calc.getByText('Not a number.')).toBeVisible();
  await expect(calc.locator('.calc-results')).toContainText('Fix the field above');
  await expect(calc.getByLabel('TCP_KEEPCNT')).toHaveAttribute('aria-invalid', 'true');
});
