import { expect, test } from '@playwright/test';
import { collectErrors } from './page-errors';

/** The file: 120 KB, 40,000 `mm` entries (it froze the tab for 26 s before the door). */
const FORTY_THOUSAND = `{"format":1,"id":"x","design":"kmap-seq","mm":[${Array(40_000).fill('{}').join(',')}]}`;

test('importing the 40,000-entry file: a message within 1 s, no long task over 200 ms, the draft kept', async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/');
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  const scenario = await page.getByRole('combobox', { name: 'Scenario' }).inputValue();
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Scenario editor' });
  await editor.getByRole('combobox', { name: 'Rounds' }).selectOption('3');
  const id = await editor.getByRole('textbox', { name: 'Id' }).inputValue();
  await page.waitForTimeout(500); // the editor's first render is not the import's
  const startedAt = await page.evaluate(() => performance.now());

  await editor.getByLabel('Import a scenario file').setInputFiles({
    name: 'forty-thousand.json',
    mimeType: 'application/json',
    buffer: Buffer.from(FORTY_THOUSAND),
  });
  await expect(editor.getByText(/The file was refused: scenario: \d+ characters of JSON; at most 65536\./)).toBeVisible(
    {
      timeout: 1000,
    },
  );
  const shownAt = await page.evaluate(() => performance.now());
  const longTasks = await page.evaluate(
    (from) =>
      (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks
        .filter((task) => task.start + task.duration >= from)
        .map((task) => Math.round(task.duration)),
    startedAt,
  );
  console.log(
    `message ${Math.round(shownAt - startedAt)} ms after the file was set; long tasks: ${longTasks.join(', ') || 'none'}`,
  );
  expect(longTasks.filter((ms) => ms > 200)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/import-refused.png' });

  // The draft is the one before the import, and the page still shows the scenario it showed.
  await expect(editor.getByRole('textbox', { name: 'Id' })).toHaveValue(id);
  await expect(editor.getByRole('combobox', { name: 'Rounds' })).toHaveValue('3');
  await expect(editor.getByRole('combobox', { name: /^Thread \d+ event$/ })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue(scenario);
  expect(errors).toEqual([]);
});
