import { expect, test } from '@playwright/test';
import { init, type State, step } from '../src/core';
import { loadScenario, scheduleTo } from './schedules';

const SHOTS = 'test-results/screens';
test.describe.configure({ timeout: 120_000 });

test('two schedules of one scenario on one timeline: the divergence and the first hazard are marked', async ({
  page,
}) => {
  const id = 'gup-munmap-uaf';
  const scenario = loadScenario(id);
  const broken = scheduleTo(scenario, (_detail, hazard) => hazard);
  const serial = [...broken].sort((x, y) => x - y);
  const ran = (schedule: readonly number[]) => {
    let state: State = init(scenario);
    const threads: number[] = [];
    let hazard: number | null = null;
    for (const thread of schedule) {
      const result = step(state, thread);
      if (!result.ok) break;
      if (hazard === null && result.event.findings.some((f) => f.severity === 'hazard')) hazard = threads.length;
      threads.push(thread);
      state = result.state;
    }
    return { threads, hazard };
  };
  const a = ran(broken);
  const b = ran(serial);
  const diverge = a.threads.findIndex((thread, i) => thread !== b.threads[i]);

  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await page.getByRole('button', { name: 'Compare two schedules' }).click();
  await page.getByRole('textbox', { name: 'Schedule A' }).fill(broken.map((t) => t + 1).join(' '));
  await page.getByRole('textbox', { name: 'Schedule B' }).fill(serial.map((t) => t + 1).join('.'));

  const summary = page.getByRole('list', { name: 'How the two schedules differ' });
  await expect(summary).toContainText(`They first diverge at step ${diverge + 1}:`);
  await expect(summary).toContainText(`A breaks at step ${(a.hazard ?? -1) + 1} `);
  if (b.hazard === null) await expect(summary).toContainText('B does not break');
  const timeline = page.getByRole('img', { name: /They first diverge/ });
  await expect(timeline.locator('.cmp-diverge')).toBeVisible();
  await expect(timeline.locator('.cmp-hazard')).toHaveCount(b.hazard === null ? 1 : 2);
  await timeline.scrollIntoViewIfNeeded();
  await page.getByRole('dialog', { name: 'Compare two schedules' }).screenshot({ path: `${SHOTS}/compare.png` });
});
