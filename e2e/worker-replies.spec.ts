import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

/** A worker script that answers the handshake, then answers every request with the reply `body` builds. */
const scripted = (body: string) =>
  `self.onmessage = (e) => { const r = e.data; self.postMessage(r && r.type === 'hello' ? { type: 'ready' } : (${body})(r)); };`;

const MALFORMED: [string, string][] = [
  ['null', '() => null'],
  ['a result without states', "(r) => ({ id: r.id, type: 'result', events: [] })"],
  ['a result whose states are not states', "(r) => ({ id: r.id, type: 'result', states: [{}], events: [] })"],
  ['an error with a 100,000-character message', "(r) => ({ id: r.id, type: 'error', message: 'x'.repeat(100000) })"],
  ['an error whose message is not text', "(r) => ({ id: r.id, type: 'error', message: { toString: 1 } })"],
];

for (const [what, body] of MALFORMED) {
  test(`a worker reply of ${what} ends in the main-thread fallback, with the note`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.route('**/*sim.worker*', (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: scripted(body) }),
    );
    await page.goto('/');
    await expect(page.getByText('Simulation runs on the main thread (worker unavailable)')).toBeVisible();
    await expect(page.getByText('Step 0 of 0')).toBeVisible();
    // The stepper works on the main thread: one step lands.
    await page.getByRole('button', { name: /^Run .* \(1\)$/ }).click();
    await expect(page.getByText('Step 1 of 1')).toBeVisible();
    await expect(page.getByText('x'.repeat(400))).toHaveCount(0);
    expect(errors).toEqual([]);
  });
}
