import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

test.describe.configure({ timeout: 300_000 });

test('compute the matrix in the worker, click a cell and land on its counterexample', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  await page.getByRole('button', { name: 'Matrix' }).click();
  const dialog = page.getByRole('dialog', { name: 'Design × mm-event matrix' });
  await dialog.getByRole('button', { name: 'Compute the matrix' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^(\d+) of \1 cells, [\d,]+ states: complete\.$/, {
    timeout: 240_000,
  });
  await page.screenshot({ path: 'test-results/screens/matrix.png' });
  const cell = dialog.getByRole('button', { name: /^kmap-seq \+ skip-seq-check against munmap: safety fails/ });
  await expect(cell).toContainText('✗ UAF');
  await cell.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cell-kmap-seq-munmap-skip-seq-check');
  const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
  await expect(banner).toContainText(/use after free/i);
  await expect(banner).toContainText('Caused by this step');
  await expect(page).toHaveURL(/x=/);
  await page.goBack();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('gup-munmap-uaf');
  expect(errors).toEqual([]);
});
