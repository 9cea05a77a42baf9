import { expect, type Page, test } from '@playwright/test';
import { CHAPTER_MARKS } from '../src/tour/chapter-marks';
import { chapters } from '../src/tour/chapters';
import { collectErrors } from './page-errors';
import { smallestPictureText } from './picture-text';

// Outside test-results, which Playwright empties at the start of every run.
const SHOTS = 'screenshots';
const SIZES = [
  { width: 800, height: 600 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

test.describe.configure({ timeout: 120_000 });

/** Opens tour chapter `id` by walking the tour with Page Down; returns the chapter's own link. */
async function openChapter(page: Page, id: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tour' }).click();
  const heading = page.locator('section.tour').getByRole('heading', { level: 2 });
  for (const chapter of chapters) {
    await expect(heading).toHaveText(chapter.title);
    if (chapter.id === id)
      return (await page.getByRole('link', { name: 'Link to this chapter' }).getAttribute('href')) ?? '';
    await page.keyboard.press('PageDown');
  }
  throw new Error(`no chapter ${id}`);
}

/** The smallest text of the main views outside the picture (threads, narration, tour). */
function smallestPageText() {
  let smallest = Number.POSITIVE_INFINITY;
  let what = '';
  for (const element of document.querySelectorAll<HTMLElement>('main.main *')) {
    if (element.closest('svg')) continue;
    const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const box = element.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0) continue;
    const size = Number.parseFloat(getComputedStyle(element).fontSize);
    if (size < smallest) what = `${element.className}: ${element.textContent?.slice(0, 40)}`;
    smallest = Math.min(smallest, size);
  }
  return { size: smallest, what };
}

/** The header's items all sit on one line. */
async function headerRows(page: Page): Promise<number> {
  return page.locator('header.top').evaluate((header) => {
    const tops = [...header.children]
      .map((child) => child.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0)
      .map((r) => Math.round(r.top + r.height / 2));
    const rows: number[] = [];
    for (const top of tops) if (!rows.some((row) => Math.abs(row - top) < 12)) rows.push(top);
    return rows.length;
  });
}

async function pictureShare(page: Page): Promise<number> {
  const box = await page.locator('.diagram svg').boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return 0;
  return (box.width * box.height) / (size.width * size.height);
}

const presenterButton = (page: Page) => page.getByRole('button', { name: 'Presenter mode (P)' });

for (const size of SIZES) {
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('chapter 5’s picture, normal and presenter: readable, no sideways scroll, a one-line header when presenting', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      await openChapter(page, 'no-mutex-in-invalidate-range');
      await expect(page.getByRole('img', { name: /^PT lock .*held by/ })).toBeVisible();
      await page.waitForTimeout(800);
      expect(await page.evaluate(smallestPictureText)).toBeGreaterThanOrEqual(14);
      if (size.width >= 1280) {
        const page14 = await page.evaluate(smallestPageText);
        expect(page14.size, page14.what).toBeGreaterThanOrEqual(14);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await page.screenshot({ path: `${SHOTS}/picture-${size.width}x${size.height}.png` });

      await presenterButton(page).click();
      await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
      await expect(page).toHaveURL(/[?&]presenter=1/);
      await page.waitForTimeout(800);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      if (size.width >= 1280) {
        expect(await headerRows(page)).toBe(1);
        const share = await pictureShare(page);
        console.log(`presenter share at ${size.width}x${size.height}: ${share.toFixed(3)}`);
        expect(share).toBeGreaterThanOrEqual(0.6);
        const smallest = await page.evaluate(smallestPictureText);
        console.log(`smallest picture text at ${size.width}x${size.height}: ${smallest.toFixed(1)} px`);
        expect(smallest).toBeGreaterThanOrEqual(size.width >= 1920 ? 18 : 14);
        // The hazard's text is whole: its banner is not clipped by the column.
        const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
        await expect(banner).toBeInViewport({ ratio: 1 });
      }
      await page.screenshot({ path: `${SHOTS}/picture-presenter-${size.width}x${size.height}.png` });
      await page.reload();
      await expect(presenterButton(page)).toHaveAttribute('aria-pressed', 'true');
      expect(errors).toEqual([]);
    });
  });
}

test('the Key is a legend beside the picture, never over it, with an entry for every mark', async ({ page }) => {
  await openChapter(page, 'seq-count-retry');
  await page.getByRole('button', { name: 'Key' }).click();
  const key = page.getByRole('region', { name: 'Key' });
  await expect(key).toBeVisible();
  for (const entry of [
    'cut',
    'desc / avail / used',
    'ref · map',
    'userringpage',
    'lock',
    'may sleep',
    'atomic',
    'must not block',
    'band',
    'seq / count',
    'two loads',
    'guest’s used.idx',
    'waits',
  ])
    await expect(key.getByText(entry, { exact: false }).first()).toBeVisible();
  const legend = await key.boundingBox();
  const picture = await page.locator('.diagram svg').boundingBox();
  if (!legend || !picture) throw new Error('no boxes');
  expect(legend.y).toBeGreaterThanOrEqual(picture.y + picture.height - 1);
  await page.screenshot({ path: `${SHOTS}/picture-key.png`, fullPage: true });
});

test('every tour chapter lights at least one mark of the picture, named in the chapter', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tour' }).click();
  const panel = page.locator('section.tour');
  for (const chapter of chapters) {
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(chapter.title);
    await expect(panel.getByText(/^In the picture, outlined:/)).toBeVisible();
    const lit = page.locator('.diagram .dmark-halo, .diagram .dedge-lit');
    await expect(lit.first()).toBeAttached();
    expect(CHAPTER_MARKS[chapter.id].length).toBeGreaterThan(0);
    await page.keyboard.press('PageDown');
  }
});

test.describe('at 1280x720 a chapter opens at its title with its hazard in view', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  for (const id of ['no-mutex-in-invalidate-range', 'cow-fault'] as const)
    test(id, async ({ page }) => {
      const link = await openChapter(page, id);
      await page.goto(link);
      const panel = page.locator('section.tour');
      const title = chapters.find((c) => c.id === id)?.title ?? '';
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(title);
      await expect(panel.getByRole('heading', { level: 2 })).toBeInViewport({ ratio: 1 });
      await expect(page.getByRole('alert').filter({ hasText: 'Hazard' }).locator('.banner-title')).toBeInViewport({
        ratio: 1,
      });
      await expect(page.getByRole('img', { name: /^vq->mutex/ })).toBeVisible();
      await page.getByText('Glossary: terms and people').click();
      await expect(panel.getByText('Jason Gunthorpe', { exact: true })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/tour-${id}-1280x720.png` });
    });
});

test('a changed number shows old → new for a moment, and both values stay under reduced motion', async ({ page }) => {
  for (const reducedMotion of ['no-preference', 'reduce'] as const) {
    await page.emulateMedia({ reducedMotion });
    await page.goto('/');
    await expect(page.getByText(/^Step 0 of/)).toBeVisible();
    const old = page.locator('.diagram .old-value').first();
    for (let i = 0; i < 30 && (await old.count()) === 0; i++)
      await page.getByRole('button', { name: /Step forward/ }).click();
    await expect(old).toBeAttached();
    await expect(old).toHaveText(/^\S+ → $/);
    await page.waitForTimeout(3500);
    const opacity = await old.evaluate((element) => Number(getComputedStyle(element).opacity));
    expect(opacity, reducedMotion).toBe(reducedMotion === 'reduce' ? 1 : 0);
  }
});
