import { expect, type Page, test } from '@playwright/test';
import { chapters } from '../src/tour/chapters';
import { collectErrors } from './page-errors';
import { smallestPictureText } from './picture-text';

const SHOTS = 'test-results/screens';
test.describe.configure({ timeout: 180_000 });

/** Where the chapter's first paragraph is cut: by the panel that scrolls it, or by the window. Empty when whole. */
function firstParagraphCut(text: string): string[] {
  const panel = document.querySelector<HTMLElement>('section.tour');
  const paragraph = [...(panel?.querySelectorAll('p') ?? [])].find((p) => p.textContent === text);
  if (!panel || !paragraph) return ['no chapter text'];
  const p = paragraph.getBoundingClientRect();
  const box = panel.getBoundingClientRect();
  const cut: string[] = [];
  if (p.top < box.top - 0.5 || p.bottom > box.bottom + 0.5) cut.push(`panel ${box.top}-${box.bottom}`);
  if (p.top < 0 || p.bottom > innerHeight || p.left < 0 || p.right > innerWidth) cut.push('window');
  return cut.map((where) => `paragraph ${Math.round(p.top)}-${Math.round(p.bottom)} cut by the ${where}`);
}

/** Each hazard or warning block shown: the kinds it lists, and the words a reader sees in its on-screen title. */
function findingBlocks() {
  return [...document.querySelectorAll<HTMLElement>('.narration-col > :is(.hazard-banner, .warning-note)')].map(
    (block) => {
      const title = block.querySelector<HTMLElement>('.banner-title');
      const r = title?.getBoundingClientRect();
      return {
        kinds: [...block.querySelectorAll('li .finding-kind')].map((kind) => kind.textContent?.toLowerCase() ?? ''),
        // biome-ignore lint/performance/useDomNodeTextContent: only the rendered words count, not hidden ones.
        title: title?.innerText.toLowerCase() ?? '',
        titleOnScreen: !!r && r.height > 0 && r.top >= 0 && r.bottom <= innerHeight,
        listShown: !!block.querySelector('ul')?.checkVisibility(),
      };
    },
  );
}

async function startPresenting(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tour' }).click();
  await expect(page.locator('section.tour h2')).toHaveText(chapters[0]?.title ?? '');
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presenter mode (P)' })).toHaveAttribute('aria-pressed', 'true');
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`presenting the tour at ${size.width}x${size.height}: each chapter's first paragraph reads whole, and a hazard is still named`, async ({
    page,
  }) => {
    const errors = collectErrors(page);
    await page.setViewportSize(size);
    await startPresenting(page);
    let blocksSeen = 0;
    for (const [i, chapter] of chapters.entries()) {
      await expect(page.locator('section.tour h2')).toHaveText(chapter.title);
      await expect(page.locator('.step-count')).toHaveText(new RegExp(`^Step ${chapter.step} of `));
      const first = chapter.narration[0] ?? '';
      await expect(page.locator('section.tour').getByText(first)).toBeVisible();
      await expect.poll(() => page.evaluate(firstParagraphCut, first), `chapter ${i + 1}`).toEqual([]);
      // The wider column costs the picture some width, never its text floor on a 1280-pixel projector.
      if (size.width === 1280) expect(await page.evaluate(smallestPictureText)).toBeGreaterThanOrEqual(14);
      for (const block of await page.evaluate(findingBlocks)) {
        blocksSeen++;
        expect(block.titleOnScreen, `chapter ${i + 1}: the hazard's title is on screen`).toBe(true);
        // A collapsed block still names every kind it holds in words; a whole one lists them.
        if (!block.listShown) for (const kind of block.kinds) expect(block.title).toContain(kind);
        // A large screen keeps the whole block, as outside the tour.
        if (size.height >= 1080) expect(block.listShown, `chapter ${i + 1}: the whole block`).toBe(true);
      }
      if ([0, 5, 12].includes(i))
        await page.screenshot({ path: `${SHOTS}/tour-presenter-${size.width}-ch${i + 1}.png` });
      await page.keyboard.press('PageDown');
    }
    expect(blocksSeen, 'some chapters show a hazard or a warning').toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
}

test('at 1280x720 presenting, a chapter’s collapsed hazard opens and closes with the button that names it', async ({
  page,
}) => {
  await startPresenting(page);
  for (const chapter of chapters.slice(1, 6)) {
    await page.keyboard.press('PageDown');
    await expect(page.locator('section.tour h2')).toHaveText(chapter.title);
  }
  await expect(page.locator('section.tour h2')).toHaveText(chapters[5]?.title ?? '');
  const banner = page.getByRole('alert');
  const details = banner.getByRole('button', { name: /^Hazard: sleep in atomic$/i });
  await expect(banner.getByRole('listitem')).toBeHidden();
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await details.focus();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('aria-expanded', 'true');
  await expect(banner.getByRole('listitem').first()).toBeVisible();
  await expect(banner.getByText('Rule that would have prevented it', { exact: false })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tour-presenter-1280-ch6-details.png` });
  await page.keyboard.press('Space');
  await expect(details).toHaveAttribute('aria-expanded', 'false');
  await expect(banner.getByRole('listitem')).toBeHidden();
  // Outside the tour the presenter's banner is whole again, with no button.
  await page.locator('section.tour').getByRole('button', { name: 'Close the tour' }).click();
  await expect(banner.getByRole('listitem').first()).toBeVisible();
  await expect(details).toBeHidden();
});
