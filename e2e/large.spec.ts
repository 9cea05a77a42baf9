import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

/** 300,000 states of safety, then as many of liveness, on two cores other builds share: minutes, not seconds. */
const BOUNDED_SEARCH = { timeout: 240_000 };
test.describe.configure({ timeout: 300_000 });

test('the large built-in is marked in the catalogue, stops at the browser’s bound and exports for Spin', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();

  await page.getByRole('button', { name: 'All scenarios' }).click();
  const list = page.getByRole('list', { name: 'Built-in scenarios' });
  const item = list.getByRole('button', { name: /^Large: kmap-seq/ });
  await expect(item).toContainText('large: the explorer stops at 300,000 states without a verdict');
  await item.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/large-catalogue.png' });
  await item.click();
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('kmap-seq-large');

  await page.getByRole('tab', { name: 'Explore' }).click();
  const note = page.getByText(/A large scenario: more interleavings than a browser tab holds/);
  await expect(note).toContainText('npm run explore -- kmap-seq-large --spin');
  await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Incomplete after 300,000 states' });
  await expect(status).toBeVisible(BOUNDED_SEARCH);
  await expect(status).toContainText('the bound of 300,000 states was reached');
  await expect(
    page.getByText(/No hazard in the 300,000 states explored so far, but the search is incomplete/),
  ).toBeVisible();
  await expect(note).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/large-explore.png' });

  const waiting = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'Model as Promela' }).click();
  const text = readFileSync(await (await waiting).path(), 'utf8');
  expect(text).toMatch(/^\/\* scenario: kmap-seq-large /m);
  expect(text).toMatch(/-DBITSTATE or -DNCORE=2 for large models/);
  expect(errors).toEqual([]);
});
