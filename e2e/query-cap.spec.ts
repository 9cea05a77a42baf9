import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

/** A link whose query is `chars` characters long (`?` included): a built-in run with a long junk schedule. */
const longQuery = (chars: number) => {
  const head = '?v=2&s=gup-munmap-uaf&i=0&t=';
  return head + '0.'.repeat(Math.ceil((chars - head.length) / 2)).slice(0, chars - head.length);
};

test('a query just over the app cap reaches the app from Chromium and gets its message', async ({ page }) => {
  const errors = collectErrors(page);
  const query = longQuery(8_001);
  const response = await page.goto(`/${query}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('alert', { name: 'Error' })).toContainText(
    "The link's query is 8001 characters long; at most 8000.",
  );
  expect(errors).toEqual([]);
});

test('the server itself refuses a request line near 16,400 characters (why the cap is 8,000)', async ({ request }) => {
  const response = await request.get(`/${longQuery(16_400)}`);
  expect(response.status()).toBe(431);
});
