import { expect, test } from '@playwright/test';
import { loadScenario, scheduleTo } from './schedules';

test.describe.configure({ timeout: 90_000 });

test('V1 after fork: QEMU’s write fault copies the ring page and vhost writes into the child’s page', async ({
  page,
}) => {
  const scenario = loadScenario('v1-fork-cow');
  const schedule = scheduleTo(scenario, (_detail, hazard) => hazard);
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario.id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  for (const [i, thread] of schedule.entries()) {
    await page.getByRole('button', { name: new RegExp(`^Run .* \\(${thread + 1}\\)$`) }).click();
    await expect(page.getByText(`Step ${i + 1} of ${i + 1}`)).toBeVisible();
  }
  const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
  await expect(banner).toContainText(/lost write/i);
  await expect(banner).toContainText('child');
  await expect(page.locator('svg').getByText("child's page (after COW)").first()).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'test-results/screens/fork-cow-lost-write.png' });
});
