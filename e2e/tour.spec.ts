import { expect, type Page, test } from '@playwright/test';
import { chapters } from '../src/tour/chapters';
import { modelAnswer } from '../src/tour/model-answer.test-util';
import { tourSources } from '../src/tour/sources';
import { publishedFigures } from '../src/ui/sidebyside/published-figures';
import { loadScenario } from './schedules';

const SHOTS = 'test-results/screens';
test.describe.configure({ timeout: 180_000 });

const tourPanel = (page: Page) => page.locator('section.tour');

/** Starts the tour and moves to chapter `id` with Page Down, waiting for each chapter to open. */
async function openChapter(page: Page, id: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Guided tour' }).click();
  for (const chapter of chapters) {
    await expect(tourPanel(page).getByRole('heading', { level: 2 })).toHaveText(chapter.title);
    if (chapter.id === id) return;
    await page.keyboard.press('PageDown');
  }
  throw new Error(`no chapter ${id}`);
}

const answerOf = (chapterId: string) => modelAnswer(chapterId, loadScenario);

test('walk the whole tour with the keyboard only: each chapter scenario, step, narration and link', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.locator('.step-count')).toHaveText('Step 0 of 0');
  const start = page.getByRole('button', { name: 'Guided tour' });
  for (let tabs = 0; tabs < 30 && !(await start.evaluate((el) => el === document.activeElement)); tabs++)
    await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');

  for (const [i, chapter] of chapters.entries()) {
    const scenario = loadScenario(chapter.scenarioId);
    const panel = tourPanel(page);
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText(chapter.title);
    await expect(panel.getByText(`Guided tour · chapter ${i + 1} of ${chapters.length}`)).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(chapter.scenarioId);
    await expect(page.locator('.step-count')).toHaveText(`Step ${chapter.step} of ${scenario.story.length}`);
    for (const paragraph of chapter.narration) await expect(panel.getByText(paragraph)).toBeVisible();
    const sources = panel.getByRole('list', { name: 'Sources' });
    await expect(sources.getByRole('listitem')).toHaveCount(chapter.cites.length);
    await expect(page).toHaveURL(new RegExp(`[?&]s=${chapter.scenarioId}&.*&i=${chapter.step}&.*tour=${chapter.id}$`));
    if (chapter.id === 'race-window') await page.screenshot({ path: `${SHOTS}/tour-chapter.png` });
    // The stepper's own keys keep working inside a chapter.
    if (i === 0) {
      await page.keyboard.press('ArrowRight');
      await expect(page.locator('.step-count')).toHaveText(`Step ${chapter.step + 1} of ${scenario.story.length}`);
    }
    await page.keyboard.press('PageDown');
  }
  await expect(tourPanel(page).getByRole('button', { name: 'Next chapter' })).toBeDisabled();
  await page.keyboard.press('PageUp');
  await expect(tourPanel(page).getByRole('heading', { level: 2 })).toHaveText(chapters.at(-2)?.title ?? '');
  await page.goBack();
  await expect(tourPanel(page).getByRole('heading', { level: 2 })).toHaveText(chapters.at(-1)?.title ?? '');
});

test('predict, then check: a right and a wrong answer, the score kept across pages', async ({ page }) => {
  const right = answerOf('gup-then-put-page');
  await openChapter(page, 'gup-then-put-page');
  const group = page.getByRole('group', { name: right.prompt });
  await group.getByRole('radio', { name: right.right, exact: true }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  const status = tourPanel(page).getByRole('status');
  await expect(status).toContainText('✓ Right');
  await expect(status).toContainText('Score: 1 right, 0 wrong, 0 skipped.');
  await expect(page.locator('.step-count')).toHaveText(/^Step 5 of /);

  const wrong = answerOf('set-page-dirty-at-invalidate');
  await openChapter(page, 'set-page-dirty-at-invalidate');
  await page.getByRole('group', { name: wrong.prompt }).getByRole('radio', { name: wrong.wrong }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(tourPanel(page).getByRole('status')).toContainText(`✗ Not quite: you chose ${wrong.wrong}`);
  await expect(tourPanel(page).getByRole('status')).toContainText('Score: 1 right, 1 wrong, 0 skipped.');
  await expect(page.locator('.step-count')).toHaveText(/^Step 13 of /);
  await page.screenshot({ path: `${SHOTS}/tour-predict.png` });
});

test('a broken score in localStorage and an unknown chapter never stop the page', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(() => window.localStorage.setItem('ringside.tour.answers.v1', '{"race-window": 7'));
  await openChapter(page, 'race-window');
  await expect(tourPanel(page).getByRole('status')).toContainText('Score: 0 right, 0 wrong, 0 skipped.');
  await page.getByRole('button', { name: 'Skip the question' }).click();
  await expect(tourPanel(page).getByRole('status')).toContainText('Skipped.');
  await page.goto('/?v=1&s=gup-munmap-uaf&t=0.0&i=1&tour=%3Cb%3Enope');
  await expect(page.locator('.step-count')).toHaveText('Step 1 of 2');
  await expect(tourPanel(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the published figures panel shows each figure with its citation, apart from the modelled chart', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption('tlb-reach-vmap-thp');
  await page.getByRole('button', { name: 'Compare two designs' }).click();
  const panel = page.getByRole('region', { name: 'Published figures' });
  await expect(panel.getByRole('table')).toContainText('not computed by this model');
  for (const figure of publishedFigures) {
    const source = tourSources[figure.source];
    if (source.kind !== 'thread') throw new Error(figure.version);
    const link = panel.getByRole('link', { name: source.title });
    await expect(link).toHaveAttribute('href', source.url);
    await expect(panel.getByRole('row').filter({ has: page.getByRole('link', { name: source.title }) })).toContainText(
      `${source.who}, ${source.date}`,
    );
  }
  await expect(page.getByText(/Modelled counts, a model of the steps and not measurements/)).toBeVisible();
  await page.setViewportSize({ width: 1600, height: 1600 });
  await page.locator('.sbs-costs').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/published-figures.png` });
});
