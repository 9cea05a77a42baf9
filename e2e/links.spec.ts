import { expect, type Page, test } from '@playwright/test';
import { collectErrors } from './page-errors';
import { loadScenario, scheduleTo } from './schedules';

test.describe.configure({ timeout: 90_000 });

const runButton = (page: Page, thread: number) =>
  page.getByRole('button', { name: new RegExp(`^Run .* \\(${thread + 1}\\)$`) });

async function run(page: Page, schedule: readonly number[], from = 0) {
  for (const [i, thread] of schedule.entries()) {
    await runButton(page, thread).click();
    await expect(page.locator('.step-count')).toHaveText(`Step ${from + i + 1} of ${from + i + 1}`);
  }
}

test('step, reload and see the same step; Back and Forward walk through scenarios and branches', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  await expect(page).toHaveURL(/\?v=2&m=\w{4}&s=gup-munmap-uaf&t=&i=0&c=\w{5}$/);
  await run(page, [0, 0, 0]);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page).toHaveURL(/t=0\.0\.0&i=2&/);
  await page.reload();
  await expect(page.locator('.step-count')).toHaveText('Step 2 of 3');

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('swapout-lost-write');
  await expect(page).toHaveURL(/s=swapout-lost-write&t=&i=0/);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('gup-munmap-uaf');
  await expect(page.locator('.step-count')).toHaveText('Step 2 of 3');
  await page.goForward();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('swapout-lost-write');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');

  // A branch: back two steps, take the other thread; the old future is one Back away and in the list.
  await run(page, [0, 0, 0, 0]);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.step-count')).toHaveText('Step 2 of 4');
  await runButton(page, 1).click();
  await expect(page.locator('.step-count')).toHaveText('Step 3 of 3');
  await expect(page).toHaveURL(/t=0\.0\.1&i=3/);
  await page.getByText('Earlier runs').click();
  await page.getByRole('button', { name: /^Open .* \(at step 2, 4 steps\)$/ }).click();
  await expect(page.locator('.step-count')).toHaveText('Step 2 of 4');
  await expect(page).toHaveURL(/t=0\.0\.0\.0&i=2/);
  await page.goBack();
  await expect(page.locator('.step-count')).toHaveText('Step 3 of 3');
  await page.goBack();
  await expect(page.locator('.step-count')).toHaveText('Step 2 of 4');
  expect(errors).toEqual([]);
});

test('copy a link, open it in a fresh page, and see the same step and hazard', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const scenario = loadScenario('gup-munmap-uaf');
  const schedule = scheduleTo(scenario, (_detail, hazard) => hazard);
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  await run(page, schedule);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).search.length).toBeLessThan(200);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  const n = schedule.length;
  await expect(fresh.locator('.step-count')).toHaveText(`Step ${n} of ${n}`);
  await expect(fresh.getByRole('alert').filter({ hasText: 'Hazard' })).toContainText(/use after free/i);
  expect(errors).toEqual([]);
});

const BROKEN = [
  {
    name: 'a trailing dot',
    query: '?v=1&s=gup-munmap-uaf&t=0.0.&i=2',
    says: /thread choices "0\.0\." are not thread numbers/,
  },
  { name: 'an empty step', query: '?v=1&s=gup-munmap-uaf&t=0.0&i=', says: /step shown, "", is not a whole number/ },
  { name: 'a hex number', query: '?v=1&s=gup-munmap-uaf&t=0x1', says: /"0x1" are not thread numbers/ },
  { name: 'an unknown version', query: '?v=9&s=gup-munmap-uaf', says: /format version "9" is unknown/ },
  { name: 'an unknown scenario', query: '?v=1&s=no-such-thing', says: /unknown scenario "no-such-thing"/ },
  {
    name: 'markup',
    query: `?v=1&s=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    says: /unknown scenario "<img src=x/,
  },
  { name: 'a long text', query: `?v=1&s=${'a'.repeat(6000)}`, says: /unknown scenario "a{40}…" \(6000 characters\)/ },
  {
    name: 'a tampered checksum',
    query: '?v=2&m=abcd&s=gup-munmap-uaf&t=0.0&i=1&c=00000',
    says: /checksum does not match/,
  },
  { name: 'a truncated link', query: '?v=2&m=abcd&s=gup-munmap-uaf&t=0.0&i=1', says: /checksum does not match/ },
  {
    name: 'a damaged edited scenario',
    query: '?v=2&m=abcd&x=NoWayThisIsLZ&t=&i=0&c=00000',
    says: /edited scenario is damaged/,
  },
];

test('broken links say what was wrong, wrap, render no markup, and leave the app usable', async ({ page }) => {
  const errors = collectErrors(page);
  for (const { query, says } of BROKEN) {
    await page.goto(`/${query}`);
    const alert = page.getByRole('alert', { name: 'Error' });
    await expect(alert).toContainText(says);
    await expect(alert).toContainText(/This link cannot be opened as it is\./);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1280);
    await expect(page.locator('.step-count')).toHaveText(/^Step \d+ of \d+$/);
  }
  await page.screenshot({ path: 'test-results/screens/broken-link.png' });
  await runButton(page, 0).click();
  await expect(page.locator('.step-count')).toHaveText('Step 1 of 1');
  expect(errors).toEqual([]);
});
