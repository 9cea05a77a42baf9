import { expect, test } from '@playwright/test';
import { DESIGN_TITLES, threadNames } from '../src/core';
import { costRows } from '../src/ui/sidebyside/CostChart';
import { pairedRuns, withDesign } from '../src/ui/sidebyside/paired-runs';
import { loadScenario } from './schedules';

const SHOTS = 'test-results/screens';
test.describe.configure({ timeout: 120_000 });

test('vmap-notifier against kmap-seq on THP side by side: two pictures, the chart values, each design hazards', async ({
  page,
}) => {
  const base = loadScenario('tlb-reach-vmap-thp');
  const a = withDesign(base, 'vmap-notifier');
  const b = withDesign(base, 'kmap-seq');
  if (!a || !b) throw new Error('variant refused');
  const points = pairedRuns(base, a, b, base.story, threadNames(base));
  const last = points.at(-1);
  if (!last) throw new Error('no checkpoint');

  await page.goto('/');
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(base.id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  await page.getByRole('button', { name: 'Compare two designs' }).click();
  await page.getByRole('combobox', { name: 'Design A' }).selectOption('vmap-notifier');
  await page.getByRole('combobox', { name: 'Design B' }).selectOption('kmap-seq');

  await expect(
    page
      .getByRole('region', { name: `Design A: ${DESIGN_TITLES['vmap-notifier']}` })
      .getByRole('group', { name: /^(At the start|After step)/ }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: `Design B: ${DESIGN_TITLES['kmap-seq']}` })
      .getByRole('group', { name: /^(At the start|After step)/ }),
  ).toBeVisible();
  await expect(page.getByText(/Modelled counts, a model of the steps and not measurements/)).toBeVisible();
  const chart = page.locator('svg.sbs-chart');
  const label = (await chart.getAttribute('aria-label')) ?? '';
  for (const row of costRows(last.a.counters, last.b.counters)) {
    expect(label).toContain(`${row.label}: A ${row.a}, B ${row.b}`);
    await expect(chart.getByText(`B ${row.b}`, { exact: true }).first()).toBeVisible();
  }
  for (const [name, state] of [
    ['A', last.a],
    ['B', last.b],
  ] as const) {
    const kinds = state.findings.filter((f) => f.severity === 'hazard').map((f) => f.kind.replace(/-/g, ' '));
    const region = page.getByRole('region', { name: new RegExp(`^Design ${name}:`) });
    if (kinds.length === 0) await expect(region).toContainText(`${name}: no hazard.`);
    for (const kind of kinds) await expect(region).toContainText(kind);
  }
  await page.getByRole('slider', { name: /^mm step/ }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('slider', { name: /^mm step/ })).toHaveValue('0');
  await page.keyboard.press('End');
  await page.locator('section.sbs .sbs-pictures').screenshot({ path: `${SHOTS}/sidebyside.png` });
  await page.locator('section.sbs figure').screenshot({ path: `${SHOTS}/sidebyside-chart.png` });
});
