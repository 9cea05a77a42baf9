import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectTabStaysIn, seriousViolations } from './a11y-helpers';
import { collectErrors } from './page-errors';

test.describe.configure({ timeout: 180_000 });

/** Focuses the opener with the keyboard only: Tab until `opener` has focus. */
async function tabTo(page: Page, opener: Locator, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await opener.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${opener}`);
}

const DIALOGS: [opener: string, dialog: string][] = [
  ['All scenarios', 'All scenarios'],
  ['Edit scenario', 'Scenario editor'],
  ['Matrix', 'Design × mm-event matrix'],
  ['Compare two schedules', 'Compare two schedules'],
  ['Compare two designs', 'Compare two designs'],
];

test('keyboard only through every dialog: Tab stays inside, Escape closes from anywhere, focus returns', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  for (const [openerName, dialogName] of DIALOGS) {
    const opener = page.getByRole('button', { name: openerName, exact: true });
    await page.locator('body').focus();
    await tabTo(page, opener);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: dialogName });
    await expect(dialog).toBeVisible();
    await expectTabStaysIn(page, dialog, 40);
    if (openerName === 'Matrix') {
      // Computing must not drop focus out of the dialog, and Escape still closes it.
      await dialog.getByRole('button', { name: 'Compute the matrix' }).focus();
      await page.keyboard.press('Enter');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).press('Enter');
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  }
  // The Key is a disclosure: Escape closes it wherever focus is.
  const key = page.locator('details.diagram-key');
  if ((await key.count()) > 0) {
    await key.locator('summary').click();
    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await page.keyboard.press('Escape');
    await expect(key).not.toHaveAttribute('open');
  }
  expect(errors).toEqual([]);
});

test('the arrow keys step on the focused scenario menu instead of switching the scenario', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  const select = page.getByRole('combobox', { name: 'Scenario' });
  const before = await select.inputValue();
  await page.getByRole('button', { name: /^Step forward/ }).click();
  await select.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText(/^Step 0 of 1/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^Step 1 of 1/)).toBeVisible();
  expect(await select.inputValue()).toBe(before);
});

test('every control can be reached and clicked at 800×600', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  for (const name of ['Compare two schedules', 'Compare two designs', 'Edit scenario', 'Matrix', 'All scenarios']) {
    const button = page.getByRole('button', { name, exact: true });
    await button.scrollIntoViewIfNeeded();
    // A trial click fails when another element (the fixed playback bar) would receive it.
    await button.click({ trial: true, timeout: 5000 });
    await button.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const close = page.getByRole('dialog').getByRole('button', { name: 'Close' });
    await close.click({ trial: true, timeout: 5000 });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
  }
  await page.screenshot({ path: 'test-results/screens/reach-800x600.png', fullPage: false });
});

/** Waits until every finite CSS animation on the page (a dialog's fade-in, an old value's fade) has finished. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished),
    ),
  );
}

test('axe-core finds no serious or critical violation on the main view, the editor, the Matrix and the tour', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  expect(await seriousViolations(page), 'main view').toEqual([]);
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  // Judge the editor once its lazily loaded form is in and the dialog's fade-in has ended (half-faded text fails contrast).
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Id' })).toBeVisible();
  await settled(page);
  expect(await seriousViolations(page), 'editor').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Matrix', exact: true }).click();
  const matrix = page.getByRole('dialog', { name: 'Design × mm-event matrix' });
  await matrix.getByRole('button', { name: 'Compute the matrix' }).click();
  await expect(matrix.getByRole('status')).toHaveText(/complete\.$/, { timeout: 150_000 });
  await settled(page);
  expect(await seriousViolations(page), 'matrix').toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Guided tour' }).click();
  await expect(page.locator('section.tour')).toBeVisible();
  expect(await seriousViolations(page), 'tour').toEqual([]);
});
