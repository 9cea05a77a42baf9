import { expect, type Page, test } from '@playwright/test';
import { collectErrors } from './page-errors';
import { loadScenario, scheduleTo } from './schedules';

const SHOTS = 'test-results/screens';

// Each test clicks through 15-20 steps; two Chromium instances on a two-core machine need more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

async function openScenario(page: Page, id: string) {
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
}

/** Clicks each thread's Run button in turn, waiting for every step to land. */
async function runByClicks(page: Page, schedule: readonly number[]) {
  for (const [i, thread] of schedule.entries()) {
    await page.getByRole('button', { name: new RegExp(`^Run .* \\(${thread + 1}\\)$`) }).click();
    await expect(page.getByText(`Step ${i + 1} of ${i + 1}`)).toBeVisible();
  }
}

async function shootViews(page: Page, prefix: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${prefix}-page.png` });
  await page.getByRole('button', { name: 'Show the tables' }).click();
  const views = page.locator('section.view');
  for (let i = 0; i < (await views.count()); i++) {
    const heading = (await views.nth(i).locator('h2').textContent()) ?? '';
    const title = heading.split(/[ ·(]/)[0]?.toLowerCase() || `view${i}`;
    await views.nth(i).screenshot({ path: `${SHOTS}/${prefix}-${i}-${title}.png` });
  }
  await page.getByRole('button', { name: 'Hide the tables' }).click();
}

test('unchecked gup_fast vs munmap: the pointer turns red, the use-after-free is reported and undone', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const scenario = loadScenario('gup-munmap-uaf');
  const schedule = scheduleTo(scenario, (_detail, hazard) => hazard);
  await openScenario(page, scenario.id);
  await expect(page.getByText('Simulation runs on the main thread')).toHaveCount(0);

  await runByClicks(page, schedule);
  const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
  await expect(banner).toContainText(/use after free/i);
  await expect(banner).toContainText(`Caused by this step (vhost worker)`);
  await expect(banner).toContainText('Rule that would have prevented it');
  const picture = page.locator('.diagram').getByRole('group', { name: /^(At the start|After step)/ });
  await expect(picture).toHaveAttribute('aria-label', /[1-9] of them dangling into freed memory/);
  await expect(page.locator('[data-style="dangling"]').first()).toBeVisible();
  const arrowColour = await page
    .locator('[data-style="dangling"]')
    .first()
    .evaluate((line) => getComputedStyle(line).stroke);
  expect(arrowColour).toMatch(/rgb\((179, 18, 46|255, 107, 129)\)/);
  await shootViews(page, 'uaf');

  const last = schedule.length;
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByText(`Step ${last - 1} of ${last}`)).toBeVisible();
  await expect(banner).toHaveCount(0);

  await page.keyboard.press('Home');
  await expect(page.getByText(`Step 0 of ${last}`)).toBeVisible();
  await expect(page.locator('[data-style="dangling"]')).toHaveCount(0);
  await expect(picture).not.toHaveAttribute('aria-label', /dangling/);
  await page.keyboard.press('End');
  await expect(page.getByText(`Step ${last} of ${last}`)).toBeVisible();
  await expect(banner).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(`Step ${last - 2} of ${last}`)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`Step ${last} of ${last}`)).toBeVisible();
  await expect(banner).toContainText(/use after free/i);
  expect(errors).toEqual([]);
});

test('kmap-seq with the seq/count check: gup_fast is retried and nothing breaks', async ({ page }) => {
  const errors = collectErrors(page);
  const scenario = loadScenario('gup-munmap-seq-retry');
  const schedule = scheduleTo(scenario, (detail) => /retry/i.test(detail));
  await openScenario(page, scenario.id);
  await runByClicks(page, schedule.slice(0, -1));
  await page.keyboard.press(String((schedule.at(-1) ?? 0) + 1));
  await expect(page.getByText(`Step ${schedule.length} of ${schedule.length}`)).toBeVisible();
  const narration = page.getByRole('region', { name: 'What happened' });
  await expect(narration).toContainText(/retry/i);
  await expect(page.getByRole('alert').filter({ hasText: 'Hazard' })).toHaveCount(0);
  await shootViews(page, 'retry');
  expect(errors).toEqual([]);
});

test('plays the default scenario to its end in dark mode without errors', async ({ page }) => {
  const errors = collectErrors(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByLabel('Speed').fill('8');
  await page.getByRole('heading', { name: 'Ringside', level: 1 }).click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/dark-end.png` });
  expect(errors).toEqual([]);
});

test('a shared link reopens the run at its step', async ({ page }) => {
  const errors = collectErrors(page);
  const scenario = loadScenario('gup-munmap-uaf');
  const schedule = scheduleTo(scenario, (_detail, hazard) => hazard);
  await page.goto(`/?v=1&s=${scenario.id}&t=${schedule.join('.')}&i=${schedule.length}`);
  await expect(page.getByText(`Step ${schedule.length} of ${schedule.length}`)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Hazard' })).toContainText(/use after free/i);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(scenario.id);
  expect(errors).toEqual([]);
});
