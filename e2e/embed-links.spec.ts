import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

const SHOTS = 'test-results/screens';

test('embed mode shows the same message as the full app for a link with a wrong checksum', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await page.getByRole('button', { name: /^Run .* \(1\)$/ }).click();
  await expect(page.getByText('Step 1 of 1')).toBeVisible();
  const good = new URL(page.url());
  const broken = `${good.search.replace(/c=[^&#]+/, 'c=zzzzz')}${good.hash}`;

  const messages: string[] = [];
  for (const [size, embed] of [
    [{ width: 1280, height: 720 }, ''],
    [{ width: 1280, height: 720 }, '&embed=1'],
    [{ width: 1920, height: 1080 }, '&embed=1'],
  ] as const) {
    await page.setViewportSize(size);
    await page.goto(`/${broken}${embed}`);
    const alert = page.getByRole('alert', { name: 'Error' });
    await expect(alert).toContainText('This link cannot be opened as it is.');
    messages.push((await alert.textContent()) ?? '');
    if (embed) await page.screenshot({ path: `${SHOTS}/embed-broken-link-${size.width}.png` });
  }
  expect(new Set(messages).size).toBe(1);
  expect(errors).toEqual([]);
});
