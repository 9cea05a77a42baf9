import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { collectErrors } from './page-errors';

test.describe.configure({ timeout: 90_000 });

async function openEditor(page: Page) {
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  return page.getByRole('dialog', { name: 'Scenario editor' });
}

test('edit a scenario, share it, and open the link in a fresh page', async ({ page, context, browser }) => {
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const editor = await openEditor(page);
  await editor.getByRole('combobox', { name: 'Design' }).selectOption('copy-user');
  await expect(editor.getByText(/^bugs: skip-seq-check applies to designs .* not copy-user\./)).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Run in the stepper' })).toBeDisabled();
  await editor.getByRole('checkbox', { name: /skip-seq-check/ }).uncheck();
  await expect(editor.getByText(/^bugs: /)).toHaveCount(0);
  await editor.getByRole('combobox', { name: 'Design' }).selectOption('vmap-notifier');
  await editor.getByRole('combobox', { name: 'Rounds' }).selectOption('1');
  await editor.getByRole('button', { name: 'Add an mm thread' }).click();
  await editor.getByRole('combobox', { name: 'Thread 3 event' }).selectOption('reclaim');
  await expect(editor.getByRole('status')).toHaveText(/The scenario is valid\./);
  await page.screenshot({ path: 'test-results/screens/editor.png' });
  await editor.getByRole('button', { name: 'Copy a link to this scenario' }).click();
  await expect(editor.getByRole('status')).toContainText('Link to this scenario copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());

  await editor.getByRole('button', { name: 'Run in the stepper' }).click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('my-gup-munmap-uaf');
  await expect(page.getByRole('button', { name: /^Run .* \(3\)$/ })).toBeVisible();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('combobox', { name: 'Scenario' })).toHaveValue('my-gup-munmap-uaf');
  await expect(fresh.getByRole('button', { name: /^Run .*reclaim.* \(3\)$/i })).toBeVisible();
  await expect(fresh.locator('.step-count')).toHaveText('Step 0 of 0');
  expect(errors).toEqual([]);
});

test('export a scenario file and import it again, with the chooser and by dropping it', async ({ page }) => {
  const errors = collectErrors(page);
  const editor = await openEditor(page);
  await editor.getByRole('textbox', { name: 'Id' }).fill('exported-one');
  await editor.getByRole('combobox', { name: 'Ring size' }).selectOption('1024');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    editor.getByRole('button', { name: 'Export JSON file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('exported-one.json');
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 1, id: 'exported-one', ringSize: 1024 });

  await editor.getByRole('button', { name: 'Discard the draft, start from the scenario shown' }).click();
  await expect(editor.getByRole('textbox', { name: 'Id' })).toHaveValue('my-gup-munmap-uaf');
  await editor.getByLabel('Import a scenario file').setInputFiles(path);
  await expect(editor.getByRole('textbox', { name: 'Id' })).toHaveValue('exported-one');
  await expect(editor.getByRole('combobox', { name: 'Ring size' })).toHaveValue('1024');

  await editor.getByRole('button', { name: 'Discard the draft, start from the scenario shown' }).click();
  const dropped = JSON.stringify({ ...JSON.parse(text), id: 'dropped-one', ringSize: 300 });
  const transfer = await page.evaluateHandle((json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    return data;
  }, dropped);
  await editor.getByRole('region', { name: 'Scenario file' }).dispatchEvent('drop', { dataTransfer: transfer });
  await expect(editor.getByRole('textbox', { name: 'Id' })).toHaveValue('dropped-one');
  await expect(editor.getByText(/^ringSize: got 300; allowed values/)).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Run in the stepper' })).toBeDisabled();
  expect(errors).toEqual([]);
});
