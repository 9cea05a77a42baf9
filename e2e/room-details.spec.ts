import { expect, type Locator, test } from '@playwright/test';
import { shortHash } from '../src/url/hash';
import { loadScenario } from './schedules';
import { storyLink } from './story-link';

/** True when the middle of `inner` is painted by `inner` itself (nothing clips or covers it there). */
const paintedAtCentre = (inner: Locator) =>
  inner.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return !!hit && (hit === el || el.contains(hit));
  });

test('each hazard mark on the timeline shows its ⚠ whole, centred in its button (not sunk into its border)', async ({
  page,
}) => {
  await page.goto(`${storyLink('gup-munmap-uaf', 5)}&presenter=1`);
  const marks = page.getByRole('button', { name: /^Go to the hazard at step/ });
  await expect(marks).toHaveCount(3);
  for (const mark of await marks.all()) {
    const button = await mark.boundingBox();
    const glyph = await mark.locator('span').boundingBox();
    if (!button || !glyph) throw new Error('no box');
    expect(Math.abs(glyph.y + glyph.height / 2 - (button.y + button.height / 2))).toBeLessThanOrEqual(2);
    expect(Math.abs(glyph.x + glyph.width / 2 - (button.x + button.width / 2))).toBeLessThanOrEqual(2);
    // The glyph's line box is at least as tall as its font, so no part of the ⚠ hangs below it into the border.
    const { lineHeight, fontSize } = await mark.locator('span').evaluate((el) => {
      const style = getComputedStyle(el);
      return { lineHeight: style.lineHeight, fontSize: style.fontSize };
    });
    expect(Number.parseFloat(lineHeight) || Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(
      Number.parseFloat(fontSize),
    );
  }
});

test('a malformed link says so in presenter mode too, and its note can be read and dismissed', async ({ page }) => {
  await page.goto('/?v=2&m=zzzz&s=gup-munmap-uaf&t=0.1.9&i=2&c=abcde&presenter=1');
  await expect(page.getByRole('button', { name: 'Presenter mode (P)' })).toHaveAttribute('aria-pressed', 'true');
  const note = page.getByRole('alert', { name: 'Error' });
  await expect(note).toContainText('This link cannot be opened as it is');
  expect(await paintedAtCentre(note)).toBe(true);
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toHaveCount(0);
});

test('a link from another model version shows its notice in presenter mode', async ({ page }) => {
  const threads = loadScenario('gup-munmap-uaf').story.join('.');
  const c = shortHash(`zzzz|gup-munmap-uaf|${threads}|3`, 5);
  await page.goto(`/?v=2&m=zzzz&s=gup-munmap-uaf&t=${threads}&i=3&c=${c}&presenter=1`);
  await expect(page.locator('.step-count')).toHaveText(/^Step 3 of/);
  const notice = page.getByRole('status').filter({ hasText: 'Dismiss' });
  await expect(notice).toBeVisible();
  expect(await paintedAtCentre(notice)).toBe(true);
});

test('in presenter mode at 1280×720 the step heading wraps a long kernel function instead of cutting it', async ({
  page,
}) => {
  await page.goto(`${storyLink('ksm-dirty-lock', 9)}&presenter=1`);
  const code = page.locator('.narration-head code');
  await expect(code).toHaveText('invalidate_range_start');
  const column = page.getByRole('complementary', { name: 'Narration' });
  const box = await code.boundingBox();
  const col = await column.boundingBox();
  if (!box || !col) throw new Error('no box');
  expect(box.x + box.width).toBeLessThanOrEqual(col.x + col.width);
});
