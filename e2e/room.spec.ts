import { readdirSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { loadScenario, scheduleTo } from './schedules';

// Outside test-results, which Playwright empties at the start of every run.
const SHOTS = 'screenshots';
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 800, height: 600 },
];

test.describe.configure({ timeout: 90_000 });

const BUILTIN_IDS = readdirSync('src/scenarios/builtin')
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

/** The scenario the app opens with. */
async function defaultScenario(page: Page) {
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  return loadScenario(await page.getByRole('combobox', { name: 'Scenario' }).inputValue());
}

const runLink = (id: string, schedule: readonly number[]) =>
  `/?v=1&s=${id}&t=${schedule.join('.')}&i=${schedule.length}`;

async function openRun(page: Page, id: string, schedule: readonly number[]) {
  await page.goto(runLink(id, schedule));
  await expect(page.getByText(`Step ${schedule.length} of ${schedule.length}`)).toBeVisible();
  await page.waitForTimeout(500);
}

/** The smallest rendered text size on screen: CSS font size times the SVG scale for SVG text. */
function smallestText() {
  let smallest = { size: Number.POSITIVE_INFINITY, text: '' };
  for (const element of document.querySelectorAll('body *')) {
    if (!(element instanceof HTMLElement || element instanceof SVGElement)) continue;
    const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    const box = element.getBoundingClientRect();
    if (!ownText || box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    let size = Number.parseFloat(style.fontSize);
    const matrix = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
    if (matrix) size *= Math.hypot(matrix.a, matrix.b);
    if (size < smallest.size) smallest = { size, text: element.textContent?.slice(0, 40) ?? '' };
  }
  return smallest;
}

/** Wholly inside the viewport and above the playback bar (which is fixed over the page on narrow screens). */
async function unobscured(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const bar = await page.locator('footer.bottom').boundingBox();
  const size = page.viewportSize();
  if (!box || !bar || !size) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.x + box.width <= size.width && box.y + box.height <= Math.min(bar.y, size.height)
  );
}

/** Texts of the diagram that stick out of their box. */
function overflowingText() {
  const out: string[] = [];
  for (const node of document.querySelectorAll('[data-node]')) {
    const box = node.querySelector('.dnode-box')?.getBoundingClientRect();
    if (!box) continue;
    for (const text of node.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.right > box.right + 0.5 || r.left < box.left - 0.5) out.push(text.textContent ?? '');
    }
  }
  return out;
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('the default scenario’s hazard step: readable, no sideways scroll, the race and its story in view', async ({
      page,
    }) => {
      const scenario = await defaultScenario(page);
      const schedule = scheduleTo(scenario, (_detail, hazard) => hazard);
      await openRun(page, scenario.id, schedule);

      const smallest = await page.evaluate(smallestText);
      expect(smallest.size, `smallest text: “${smallest.text}”`).toBeGreaterThanOrEqual(14);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      await page.locator('.diagram').evaluate((element) => element.scrollIntoView({ block: 'start' }));
      const banner = page.getByRole('alert').filter({ hasText: 'Hazard' });
      const race = [
        ['the dangling arrow', page.locator('[data-style="dangling"]').first()],
        ['the freed frame', page.locator('[data-node^="frame-"][data-tone="danger"]').first()],
      ] as const;
      const story = [
        ['the banner’s title', banner.locator('.banner-title')],
        ['the narration’s first line', page.getByTestId('narration').locator('.narration-head')],
      ] as const;
      // On a narrow screen the picture (with its protocol rows) and the story stack: each is in view in its turn.
      const stacked = viewport.width <= 900;
      for (const [what, locator] of stacked ? race : [...race, ...story])
        expect(await unobscured(page, locator), `${what} is on screen, not under the playback bar`).toBe(true);
      if (stacked) {
        await banner.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        for (const [what, locator] of story)
          expect(await unobscured(page, locator), `${what} is on screen, not under the playback bar`).toBe(true);
      }
      await page.screenshot({ path: `${SHOTS}/hazard-${viewport.width}x${viewport.height}.png` });
    });
  });
}

test('every built-in scenario’s last step, in a screenshot, with no text under 14 px', async ({ page }) => {
  test.setTimeout(180_000);
  for (const scenario of BUILTIN_IDS.map(loadScenario)) {
    await openRun(page, scenario.id, scenario.story);
    const smallest = await page.evaluate(smallestText);
    expect(smallest.size, `${scenario.id}: “${smallest.text}”`).toBeGreaterThanOrEqual(14);
    expect(await page.evaluate(overflowingText), scenario.id).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/last-${scenario.id}.png` });
  }
});

test('presenter mode enlarges the picture and the narration', async ({ page }) => {
  const scenario = await defaultScenario(page);
  await openRun(page, scenario.id, scenario.story);
  const before = await page.getByTestId('narration').evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  await page.getByRole('heading', { name: 'Ringside', level: 1 }).click();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Presenter mode (P)' })).toHaveAttribute('aria-pressed', 'true');
  const after = await page.getByTestId('narration').evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  expect(after).toBeGreaterThan(before);
  await page.waitForTimeout(500);
  expect(await page.evaluate(overflowingText)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/presenter.png` });
});
