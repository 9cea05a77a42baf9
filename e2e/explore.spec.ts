import { expect, test } from '@playwright/test';

test('the explorer finds the use-after-free of the default scenario and opens it in the stepper', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));

  await page.goto('/');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('gup-munmap-uaf');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await expect(page.getByText('Simulation runs on the main thread')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  const open = page.getByRole('button', { name: 'Open use-after-free in stepper' });
  await expect(open).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Complete: every interleaving explored' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'At step 14 of a 14-step schedule' })).toBeVisible();

  await open.click();
  await expect(page.getByText('Step 14 of 14')).toBeVisible();
  const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
  await expect(banner).toContainText(/use after free/i);
  await expect(banner).toContainText('Caused by this step (vhost worker)');
  await expect(page.locator('[data-dangling="true"]').first()).toBeVisible();

  await page.waitForTimeout(400);
  await expect(open).toBeInViewport();
  await page.screenshot({ path: 'test-results/screens/explore.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/explore-dark.png' });
  expect(errors).toEqual([]);
});
