import { expect, test } from '@playwright/test';

test.describe.configure({ timeout: 90_000 });

test('cancel one exploration, complete another, open a finding, and go Back to the run it replaced', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Scenario editor' });
  await editor.getByRole('textbox', { name: 'Id' }).fill('big-one');
  await editor.getByRole('combobox', { name: 'Design' }).selectOption('interval-notifier');
  await editor.getByRole('combobox', { name: 'Rounds' }).selectOption('4');
  await editor.getByRole('button', { name: 'Add an mm thread' }).click();
  await editor.getByRole('combobox', { name: 'Thread 3 event' }).selectOption('migrate');
  await editor.getByRole('button', { name: 'Add an mm thread' }).click();
  await editor.getByRole('combobox', { name: 'Thread 4 event' }).selectOption('oom-reap');
  await editor.getByRole('button', { name: 'Run and explore' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('big-one');
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Explored [\d,]+ states/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Cancelled after [\d,]+ states: incomplete\./ }),
  ).toBeVisible();

  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('gup-munmap-uaf');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  await page.getByRole('tab', { name: 'What happened' }).click();
  await page.getByRole('button', { name: /^Run .* \(1\)$/ }).click();
  await expect(page.locator('.step-count')).toHaveText('Step 1 of 1');
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Complete: every interleaving explored' })).toBeVisible();
  await page.getByRole('button', { name: 'Open use-after-free in stepper' }).click();
  // The finding opens at the step that causes it, the last of its shortest schedule (longer than the one step run).
  await expect(page.locator('.step-count')).toHaveText(/^Step ([2-9]|\d\d+) of \1$/);
  await page.goBack();
  await expect(page.locator('.step-count')).toHaveText('Step 1 of 1');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('gup-munmap-uaf');
});
