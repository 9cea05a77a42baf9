import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

/** The safety search and then the liveness pass run before the result shows; a loaded machine needs the margin. */
const SEARCH = { timeout: 30_000 };

test('the explorer finds the use-after-free of the default scenario and opens it in the stepper', async ({ page }) => {
  const errors = collectErrors(page);

  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('gup-munmap-uaf');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await expect(page.getByText('Simulation runs on the main thread')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  const open = page.getByRole('button', { name: 'Open use-after-free in stepper' });
  await expect(open).toBeVisible(SEARCH);
  await expect(page.getByRole('status').filter({ hasText: 'Complete: every interleaving explored' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'At step 14 of a 14-step schedule' })).toBeVisible();

  await open.click();
  await expect(page.getByText('Step 14 of 14')).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
  await expect(banner).toContainText(/use after free/i);
  await expect(banner).toContainText('Caused by this step (vhost worker)');
  await expect(page.locator('[data-style="dangling"]').first()).toBeVisible();

  await page.waitForTimeout(400);
  await expect(open).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/explore.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/explore-dark.png' });
  expect(errors).toEqual([]);
});

test('the explorer reports liveness beside safety and opens the spin loop as a lasso', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('gup-munmap-seq-retry');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  const verdicts = page.getByRole('list', { name: 'Liveness verdicts' });
  await expect(verdicts.getByRole('listitem').first()).toContainText('Without fairness: Never progresses', SEARCH);
  await expect(verdicts.getByRole('listitem').nth(1)).toContainText('Under weak fairness: Live');

  await page.getByRole('button', { name: 'Open the loop without fairness in stepper' }).click();
  await expect(page.getByText('Step 4 of 8')).toBeVisible();
  await expect(page.getByText(/Loop: steps 5–8 lead back to the state after step 4/)).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByText('Step 8 of 8')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/explore-lasso.png' });
});

test('a count left above zero starves vhost even under weak fairness, and the loop opens in the stepper', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('count-stuck-starves');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  const verdicts = page.getByRole('list', { name: 'Liveness verdicts' });
  await expect(verdicts.getByRole('listitem').nth(1)).toContainText('Under weak fairness: Never progresses', SEARCH);
  await expect(verdicts.getByRole('listitem').nth(1)).toContainText('a fair scheduler can run it forever');

  await page.getByRole('button', { name: 'Open the loop under weak fairness in stepper' }).click();
  await expect(page.getByText('Step 13 of 17')).toBeVisible();
  await expect(page.getByText(/Loop: steps 14–17 lead back to the state after step 13/)).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/explore-starve.png' });
});

test('clearing the reduction checkbox explores every interleaving, with the same hazard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await page.getByRole('tab', { name: 'Explore' }).click();
  const reduce = page.getByRole('checkbox', { name: /partial-order reduction/i });
  await expect(reduce).toBeChecked();
  await reduce.press('Space');
  await expect(reduce).not.toBeChecked();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  await expect(page.getByRole('button', { name: 'Open use-after-free in stepper' })).toBeVisible(SEARCH);
  const status = page.getByRole('status').filter({ hasText: /^Complete: every interleaving/ });
  await expect(status).toHaveText('Complete: every interleaving explored, 400 distinct states.');
  await reduce.check();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  await expect(status).toContainText('(partial-order reduction), 146 distinct states', SEARCH);
  await expect(page.getByRole('button', { name: 'Open use-after-free in stepper' })).toBeVisible();
});
