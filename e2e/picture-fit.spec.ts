import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { shortHash } from '../src/url/hash';
import { collectErrors } from './page-errors';
import { smallestPictureText } from './picture-text';
import { loadScenario } from './schedules';

test.describe.configure({ timeout: 120_000 });

/** A run link to step `index` of a built-in's story, as the app writes it (docs/links.md). */
function storyLink(id: string, index: number): string {
  const model = shortHash(JSON.stringify(JSON.parse(readFileSync('src/scenarios/golden.json', 'utf8'))), 4);
  const threads = loadScenario(id).story.join('.');
  const c = shortHash(`${model}|${id}|${threads}|${index}`, 5);
  return `/?v=2&m=${model}&s=${id}&t=${threads}&i=${index}&c=${c}`;
}

/** Every thread box's text that is cut short (an ellipsis) or drawn outside its box. */
function cutThreadText() {
  const cut: string[] = [];
  for (const node of document.querySelectorAll<SVGGElement>('.diagram svg [data-node^="thread-"]')) {
    const box = node.querySelector('.dnode-box')?.getBoundingClientRect();
    if (!box) continue;
    for (const text of node.querySelectorAll<SVGTextElement>('text')) {
      const r = text.getBoundingClientRect();
      const outside = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5;
      if (text.textContent?.includes('…') || outside) cut.push(text.textContent ?? '');
    }
  }
  return cut;
}

async function settle(page: Page, link: string) {
  await page.goto(link);
  await expect(page.locator('.diagram svg')).toBeVisible();
  await page.waitForTimeout(600);
}

test.describe('at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the large built-in’s four thread boxes read whole, normal and presenter, with a word beside each badge', async ({
    page,
  }) => {
    const errors = collectErrors(page);
    for (const presenter of [false, true])
      for (const step of [3, 17, 22, 29]) {
        await settle(page, `${storyLink('kmap-seq-large', step)}${presenter ? '&presenter=1' : ''}`);
        const threads = page.locator('.diagram svg [data-node^="thread-"]');
        await expect(threads).toHaveCount(4);
        expect(await page.evaluate(cutThreadText), `step ${step}${presenter ? ', presenter' : ''}`).toEqual([]);
        await expect(threads.filter({ hasText: 'MADV_DONTNEED (used)' })).toHaveCount(1);
        for (const badge of await page.locator('.diagram svg .dnode-context').allTextContents())
          expect(badge).toMatch(/^(● may sleep|▲ atomic|■ must not block)|^\S/);
      }
    await page.screenshot({ path: 'test-results/screens/large-threads-presenter-1280.png' });
    expect(errors).toEqual([]);
  });
});

for (const size of [
  { width: 1280, height: 720, floor: 14 },
  { width: 1920, height: 1080, floor: 18 },
])
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('the two-vq ring move fits in presenter mode without scrolling, its text above the floor', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      for (const step of [18, 29, 37]) {
        await settle(page, `${storyLink('merged-second-vq', step)}&presenter=1`);
        const overflow = await page
          .locator('.diagram')
          .evaluate((diagram) => diagram.scrollHeight - diagram.clientHeight);
        expect(overflow, `step ${step}`).toBeLessThanOrEqual(0);
        expect(
          await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
        ).toBeLessThanOrEqual(0);
        expect(await page.evaluate(smallestPictureText)).toBeGreaterThanOrEqual(size.floor);
        const box = await page.locator('.diagram svg').boundingBox();
        const share = box ? (box.width * box.height) / (size.width * size.height) : 0;
        console.log(`two-vq presenter share at ${size.width}x${size.height}, step ${step}: ${share.toFixed(3)}`);
        expect(share).toBeGreaterThanOrEqual(0.6);
        await expect(page.locator('.diagram svg').getByText('vq 1 ring page 1').first()).toBeInViewport({ ratio: 1 });
        await expect(page.getByRole('img', { name: /^Guest’s used\.idx/ })).toBeInViewport({ ratio: 1 });
      }
      await page.screenshot({ path: `test-results/screens/two-vq-presenter-${size.width}.png` });
      expect(errors).toEqual([]);
    });
  });
