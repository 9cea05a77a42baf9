import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors } from './page-errors';

test.describe.configure({ timeout: 150_000 });
const SHOTS = 'test-results/screens';

const editor = (page: Page) => page.getByRole('dialog', { name: 'Scenario editor' });
async function openEditor(page: Page) {
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  await expect(editor(page).getByRole('textbox', { name: 'Id' })).toBeVisible();
  return editor(page);
}
const stepCount = (page: Page) => page.locator('.step-count');

test('a file-backed scenario with a writeback thread: the draft survives closing and reload, runs, records its story, shares', async ({
  page,
  context,
  browser,
}) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(stepCount(page)).toHaveText('Step 0 of 0');
  let dialog = await openEditor(page);
  await dialog.getByRole('combobox', { name: 'Thread 2 event' }).selectOption('writeback');
  await expect(dialog.getByText(/writeback needs memory "file"/)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Guest memory' }).selectOption('file');
  await dialog.getByRole('textbox', { name: 'Summary' }).fill('Writeback cleans a ring page vhost still writes.');
  await expect(dialog.getByRole('status')).toHaveText(/The scenario is valid\./);
  await page.screenshot({ path: `${SHOTS}/editor-writeback.png` });

  await dialog.getByRole('button', { name: 'Close' }).click();
  dialog = await openEditor(page);
  await expect(dialog.getByRole('combobox', { name: 'Thread 2 event' })).toHaveValue('writeback');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(stepCount(page)).toHaveText('Step 0 of 0');
  dialog = await openEditor(page);
  await expect(dialog.getByRole('status')).toContainText('Your draft is back');
  await expect(dialog.getByRole('combobox', { name: 'Guest memory' })).toHaveValue('file');
  await expect(dialog.getByRole('combobox', { name: 'Thread 2 event' })).toHaveValue('writeback');

  await dialog.getByRole('button', { name: 'Run in the stepper' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('my-gup-munmap-uaf');
  for (let i = 1; i <= 6; i++) {
    await page.getByRole('button', { name: /^Step forward/ }).click();
    await expect(stepCount(page)).toHaveText(`Step ${i} of ${i}`);
  }
  await expect(page).toHaveURL(/[?&]i=6&/);
  const shownRun = await page.evaluate(() => new URL(window.location.href).searchParams.get('t'));
  dialog = await openEditor(page);
  await dialog.getByRole('button', { name: 'Use the run shown as the story (6 steps)' }).click();
  const story = (shownRun ?? '')
    .split('.')
    .map((t) => Number(t) + 1)
    .join(' ');
  await expect(dialog.getByRole('textbox', { name: /^Story/ })).toHaveValue(story);
  await dialog.getByRole('button', { name: 'Copy a link to this scenario' }).click();
  await expect(dialog.getByRole('status')).toContainText('Link to this scenario copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('combobox', { name: 'Scenario' })).toHaveValue('my-gup-munmap-uaf');
  await expect(fresh.getByText('Writeback cleans a ring page vhost still writes.')).toBeVisible();
  await fresh.getByRole('button', { name: 'Edit scenario' }).click();
  const freshEditor = fresh.getByRole('dialog', { name: 'Scenario editor' });
  await expect(freshEditor.getByRole('textbox', { name: /^Story/ })).toHaveValue(story);
  await expect(freshEditor.getByRole('combobox', { name: 'Guest memory' })).toHaveValue('file');
  expect(errors).toEqual([]);
});

test('a three-stop tour of one’s own with notes: shared, opened fresh, played in presenter mode, handout holds the notes', async ({
  page,
  browser,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(stepCount(page)).toHaveText('Step 0 of 0');
  const notes = [
    'gup_fast took a *reference*; watch `put_page` drop it.',
    'Here munmap frees the frame. See [the thread](https://lore.kernel.org/all/20190308194845.GC26923@redhat.com/).',
    'vhost writes through a dangling pointer: the use-after-free.',
  ];
  const builder = page.getByRole('dialog', { name: 'Tour builder' });
  const addStop = async (n: number, steps: number, back = 0) => {
    for (let i = 0; i < steps; i++) await page.getByRole('button', { name: /^Step forward/ }).click();
    for (let i = 0; i < back; i++) await page.getByRole('button', { name: /^Step back/ }).click();
    await page.getByRole('button', { name: 'Your own tour' }).click();
    await builder.getByRole('button', { name: 'Add the step shown' }).click();
    await builder.getByRole('textbox', { name: `Note for stop ${n}` }).fill(notes[n - 1] ?? '');
    if (n === 1) await builder.getByRole('textbox', { name: 'Tour title' }).fill('Week 5: the vhost race');
  };
  // Stop 1 is two steps before the end of its run, so its question has a next step to ask about.
  await addStop(1, 6, 2);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('interval-notifier-safe');
  await expect(stepCount(page)).toHaveText('Step 0 of 0');
  await addStop(2, 3);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('gup-munmap-uaf');
  await expect(stepCount(page)).toHaveText('Step 0 of 0');
  await addStop(3, 12);
  await builder.getByRole('combobox', { name: 'Question for stop 1' }).selectOption('refcount');
  await page.screenshot({ path: `${SHOTS}/tour-builder.png` });
  await builder.getByRole('button', { name: 'Copy a link to the tour' }).click();
  const link = await builder.getByRole('textbox', { name: 'Link to the tour' }).inputValue();
  expect(link).toMatch(/\?own=1&c=[0-9a-z]{5}#o=/);
  expect(link.length).toBeLessThan(16_000);

  const fresh = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const freshErrors = collectErrors(fresh);
  await fresh.goto(link);
  const panel = fresh.getByRole('region', { name: 'Week 5: the vhost race' });
  await expect(panel.getByText('Your tour · stop 1 of 3')).toBeVisible();
  await expect(panel.locator('em')).toHaveText('reference');
  await fresh.keyboard.press('p');
  await expect(fresh.getByRole('button', { name: 'Presenter mode (P)' })).toHaveAttribute('aria-pressed', 'true');
  // The question at stop 1 holds the run until it is answered or skipped.
  await fresh.keyboard.press('ArrowRight');
  await expect(fresh.getByText(/Answer or skip the question first/)).toBeVisible();
  await panel.getByRole('button', { name: 'Skip the question' }).click();
  await fresh.keyboard.press('PageDown');
  await expect(panel.getByText('Your tour · stop 2 of 3')).toBeVisible();
  await expect(fresh.getByRole('combobox', { name: 'Scenario' })).toHaveValue('interval-notifier-safe');
  await expect(panel.getByRole('link', { name: 'the thread' })).toHaveAttribute(
    'href',
    /^https:\/\/lore\.kernel\.org\//,
  );
  await fresh.keyboard.press('PageDown');
  await expect(panel.getByText('Your tour · stop 3 of 3')).toBeVisible();
  await expect(fresh.locator('.step-count')).toHaveText(/^Step 12 of /);
  await fresh.screenshot({ path: `${SHOTS}/own-tour-presenter-1920.png` });
  // A reload keeps the player at its stop, in presenter mode: the address holds the tour's link and the stop shown.
  await expect(fresh).toHaveURL(/[?&]stop=3[&#]/);
  await fresh.reload();
  await expect(panel.getByText('Your tour · stop 3 of 3')).toBeVisible();
  await expect(fresh.locator('.step-count')).toHaveText(/^Step 12 of /);
  await expect(fresh.getByRole('button', { name: 'Presenter mode (P)' })).toHaveAttribute('aria-pressed', 'true');

  const waiting = fresh.waitForEvent('download');
  await panel.getByRole('button', { name: 'Markdown handout' }).click();
  const handout = readFileSync(await (await waiting).path(), 'utf8');
  expect(handout).toContain('# Week 5: the vhost race');
  expect(handout).toContain('gup\\_fast took a *reference*; watch `put_page` drop it.');
  expect(handout).toContain('[the thread](https://lore.kernel.org/all/20190308194845.GC26923@redhat.com/)');
  expect(handout).toContain('vhost writes through a dangling pointer: the use-after-free.');
  expect(handout.match(/^## Stop \d/gm)).toHaveLength(3);
  expect([...errors, ...freshErrors]).toEqual([]);
});
