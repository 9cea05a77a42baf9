import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

test('Export → Promela downloads the scenario as a Spin model whose header names it, the versions and its link', async ({
  page,
}) => {
  const id = 'rmb-reorder';
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  const waiting = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Model as Promela' }).click();
  const file = await waiting;
  expect(file.suggestedFilename()).toBe(`ringside-${id}.pml`);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.startsWith('/* Ringside Promela export */')).toBe(true);
  expect(text).toMatch(new RegExp(`^/\\* scenario: ${id} `, 'm'));
  const model = new RegExp(`ringside: ${version.replace(/\./g, '\\.')}  model: (\\w+)`).exec(text)?.[1];
  expect(model).toBeDefined();
  const link = /open in Ringside: (\S+)/.exec(text)?.[1] ?? '';
  expect(link).toContain(`s=${id}`);
  expect(link).toContain(`m=${model}`);
  expect(text).toMatch(/spin -a model\.pml && gcc .*-DSAFETY/);
  expect(text).toMatch(/\.\/pan -l -f/);
  await expect(page.getByRole('group', { name: 'Export' }).getByRole('status')).toHaveText('Promela downloaded.');
  await page.getByRole('group', { name: 'Export' }).screenshot({ path: 'test-results/screens/export-promela.png' });

  await page.goto(link);
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(id);
});
