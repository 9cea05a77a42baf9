import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';
import { loadScenario, scheduleTo } from './schedules';

test.describe.configure({ timeout: 120_000 });

test('two virtqueues: stepping the built-in to its use-after-free shows vq 1’s ring in the picture', async ({
  page,
}) => {
  const errors = collectErrors(page);
  const scenario = loadScenario('merged-second-vq');
  const schedule = scheduleTo(scenario, (_detail, hazard) => hazard);
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario.id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  const picture = page.getByRole('group', { name: /the rings of vq 0 and vq 1/ });
  await expect(picture).toBeVisible();
  for (const [i, thread] of schedule.entries()) {
    await page.getByRole('button', { name: new RegExp(`^Run .* \\(${thread + 1}\\)$`) }).click();
    await expect(page.getByText(`Step ${i + 1} of ${i + 1}`)).toBeVisible();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Hazard' })).toContainText(/use after free/i);
  await expect(picture).toHaveAttribute('aria-label', /dangling into freed memory/);
  await expect(page.locator('svg').getByText('vq 1 ring page 0').first()).toBeVisible();
  // The thread's name for the cached pointer, with vq 1's own field beside it.
  await expect(
    page
      .locator('svg')
      .getByText(/^vqs\[1\]->maps\[1\] /)
      .first(),
  ).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/second-vq-1280.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/second-vq-1920.png' });
  await page.keyboard.press('p');
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/second-vq-presenter.png' });
  await page.getByRole('button', { name: 'Show the tables' }).click();
  await expect(page.getByRole('region', { name: /QEMU page table/ }).getByText('vq1 page 0')).toBeVisible();
  expect(errors).toEqual([]);
});

test('two virtqueues: the explorer finds vq 1’s use-after-free and opens it in the stepper', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('merged-second-vq');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  const open = page.getByRole('button', { name: 'Open use-after-free in stepper' });
  await expect(open).toBeVisible({ timeout: 60_000 });
  await open.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Hazard' })).toContainText(/use after free/i);
  await expect(page.locator('svg').getByText('vq 1 ring page 0').first()).toBeVisible();
  expect(errors).toEqual([]);
});
