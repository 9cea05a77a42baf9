import { expect, test } from '@playwright/test';
import { smallText } from './a11y-helpers';

test.describe.configure({ timeout: 180_000 });

test('secondary panels at 1280×720 use no text under 14 px: tables, Matrix, Compare, editor', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  const report: Record<string, { total: number; small: string[] }> = {};

  await page.getByRole('button', { name: 'Show the tables' }).click();
  report.tables = await smallText(page.locator('.views-grid'));
  await page.locator('.views-grid').screenshot({ path: 'test-results/screens/tables-1280.png' });

  await page.getByRole('button', { name: 'Edit scenario' }).click();
  report.editor = await smallText(page.getByRole('dialog', { name: 'Scenario editor' }));
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Compare two designs' }).click();
  await expect(page.getByRole('table', { name: /^Published figures/ })).toBeVisible();
  report.designs = await smallText(page.getByRole('dialog', { name: 'Compare two designs' }));
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Compare two schedules' }).click();
  report.schedules = await smallText(page.getByRole('dialog', { name: 'Compare two schedules' }));
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Matrix' }).click();
  const matrix = page.getByRole('dialog', { name: 'Design × mm-event matrix' });
  await matrix.getByRole('button', { name: 'Compute the matrix' }).click();
  await expect(matrix.getByRole('status')).toHaveText(/complete\.$/, { timeout: 150_000 });
  report.matrix = await smallText(matrix);
  await page.screenshot({ path: 'test-results/screens/matrix-1280.png' });

  for (const [panel, { total, small }] of Object.entries(report)) {
    console.log(`${panel}: ${small.length} of ${total} text runs under 14 px`, small.slice(0, 5).join('; '));
  }
  for (const [panel, { total, small }] of Object.entries(report)) {
    expect(total, panel).toBeGreaterThan(0);
    expect(small, panel).toEqual([]);
  }
});
