import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** Issue 20's budget for the JavaScript the first screen needs, gzip level 9. */
const BUDGET_KB = 150;

/** What index.html makes the browser fetch before anything runs: its module script and its module preloads. */
function firstScreenScripts(html: string): string[] {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const url = /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1];
    const loads = tag.startsWith('<script') || /\brel="modulepreload"/.test(tag);
    return url && loads ? [new URL(url, 'http://page/').pathname] : [];
  });
}

test.skip(!!process.env.E2E_DEV, 'the dev server serves modules one by one, unbundled');

test('the first screen fetches under 150 KB of gzipped JavaScript; workers and code loaded on use come later', async ({
  page,
  request,
}) => {
  const fetched: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.js')) fetched.push(new URL(response.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  const scripts = firstScreenScripts(await (await request.get('/')).text());
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(fetched).toContain(script);
  let bytes = 0;
  for (const script of scripts) bytes += gzipSync(await (await request.get(script)).body(), { level: 9 }).length;
  const kb = bytes / 1024;
  test
    .info()
    .annotations.push({ type: 'first-screen JS', description: `${kb.toFixed(1)} KB gzip, ${scripts.length} files` });
  expect(kb, `first-screen JS ${kb.toFixed(1)} KB gzip: ${scripts.join(', ')}`).toBeLessThan(BUDGET_KB);
});

/** The page's own script fetches (a worker's imports are on the worker's timeline, not the page's). */
const pageScripts = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js') && !path.includes('worker')),
  );

test('an untouched page fetches no more script than the budget; the movement code comes with the first move', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.waitForTimeout(1500);
  const untouched = [...new Set(await pageScripts(page))];
  let bytes = 0;
  for (const script of untouched) bytes += gzipSync(await (await request.get(script)).body(), { level: 9 }).length;
  const kb = bytes / 1024;
  test.info().annotations.push({ type: 'untouched page JS', description: `${kb.toFixed(1)} KB gzip` });
  expect(kb, `untouched page JS ${kb.toFixed(1)} KB gzip: ${untouched.join(', ')}`).toBeLessThan(BUDGET_KB);
  expect(untouched.some((path) => path.includes('d3-motion'))).toBe(false);
  await page.mouse.move(200, 200);
  await page.mouse.move(400, 300);
  await expect.poll(async () => (await pageScripts(page)).some((path) => path.includes('d3-motion'))).toBe(true);
});
