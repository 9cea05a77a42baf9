import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { init, type State, type StepEvent, step, threadNames } from '../src/core';
import { loadScenario, scheduleTo } from './schedules';

const SHOTS = 'test-results/screens';
test.describe.configure({ timeout: 120_000 });

function eventsOf(id: string, schedule: readonly number[]): StepEvent[] {
  let state: State = init(loadScenario(id));
  return schedule.map((thread) => {
    const result = step(state, thread);
    if (!result.ok) throw new Error(`step ${thread} refused`);
    state = result.state;
    return result.event;
  });
}

async function openAtHazard(page: Page, id: string) {
  const schedule = scheduleTo(loadScenario(id), (_detail, hazard) => hazard);
  await page.goto('/');
  await expect(page.getByText(/^Step 0 of/)).toBeVisible();
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(id);
  await expect(page.getByText('Step 0 of 0')).toBeVisible();
  for (const [i, thread] of schedule.entries()) {
    await page.getByRole('button', { name: new RegExp(`^Run .* \\(${thread + 1}\\)$`) }).click();
    await expect(page.getByText(`Step ${i + 1} of ${i + 1}`)).toBeVisible();
  }
  return schedule;
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: button }).click();
  const file = await waiting;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('the picture downloads as a standalone SVG and a PNG, the trace as Markdown whose link replays', async ({
  page,
}) => {
  const id = 'gup-munmap-uaf';
  const schedule = await openAtHazard(page, id);
  const live = page.locator('.views-col .diagram svg');
  const liveTexts = (await live.locator('text').allTextContents()).filter((t) => t.trim() !== '');
  const liveWidth = Number(await live.getAttribute('width'));

  const svg = await download(page, 'Picture as SVG');
  expect(svg.name).toMatch(/\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.getElementsByTagName('parsererror').length > 0,
      root: root.localName,
      namespace: root.namespaceURI,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      shapes: root.querySelectorAll('rect, path, line').length,
      styledTexts: [...root.querySelectorAll('text')].filter((t) => /fill:/.test(t.getAttribute('style') ?? '')).length,
      classes: root.querySelectorAll('[class]').length,
    };
  }, svg.bytes.toString('utf8'));
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.namespace).toBe('http://www.w3.org/2000/svg');
  expect(parsed.shapes).toBeGreaterThan(5);
  for (const text of liveTexts) expect(parsed.texts).toContain(text);
  // The caption: title, design and switches, step N of M with the step's kernel function; then the legend.
  const lastEvent = eventsOf(id, schedule).at(-1);
  expect(parsed.texts).toContain(loadScenario(id).title);
  expect(parsed.texts).toContain('Bug switches: skip-seq-check');
  expect(parsed.texts).toContain(
    `Step ${schedule.length} of ${schedule.length}: ${threadNames(loadScenario(id))[lastEvent?.thread ?? 0]} ran ${lastEvent?.instr.fn}`,
  );
  expect(parsed.texts).toContain('Key:');
  expect(parsed.styledTexts).toBe(parsed.texts.length);
  expect(parsed.classes).toBe(0);

  const png = await download(page, 'Picture as PNG');
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  expect(png.bytes.readUInt32BE(16)).toBeGreaterThanOrEqual(liveWidth);
  expect(png.bytes.readUInt32BE(20)).toBeGreaterThan(100);
  expect(png.bytes.length).toBeGreaterThan(5_000);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/export-picture.png`, png.bytes);
  await page.screenshot({ path: `${SHOTS}/export-page.png` });

  const md = (await download(page, 'Trace as Markdown')).bytes.toString('utf8');
  const scenario = loadScenario(id);
  const names = threadNames(scenario);
  const events = eventsOf(id, schedule);
  const shown = md.replace(/\\(.)/g, '$1');
  for (const event of events) {
    expect(shown).toContain(`${event.step + 1}. **${names[event.thread]}** ran \`${event.instr.fn}\``);
  }
  const hazard = events.flatMap((e) => e.findings).find((f) => f.severity === 'hazard');
  expect(hazard).toBeDefined();
  expect(shown).toContain(`**${hazard?.kind.replace(/-/g, ' ')}** at step ${(hazard?.step ?? 0) + 1}`);
  const link = /^Link: (\S+)$/m.exec(md)?.[1] ?? '';
  expect(link.startsWith('http')).toBe(true);

  await page.goto(link);
  await expect(page.getByText(`Step ${schedule.length} of ${schedule.length}`)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Hazard' })).toBeVisible();
});

test('embed mode inside an iframe shows the picture and the playback controls, nothing else', async ({
  page,
  baseURL,
}) => {
  await page.setContent(
    `<h1>A slide</h1><iframe title="Ringside embed" src="${baseURL}/?embed=1" width="1000" height="620"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="Ringside embed"]');
  await expect(frame.getByText('Step 0 of 0')).toBeVisible();
  await expect(frame.getByRole('group', { name: /^(At the start|After step)/ })).toBeVisible();
  const playback = frame.getByRole('region', { name: 'Playback' });
  await expect(playback.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(playback.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(frame.getByRole('combobox', { name: 'Scenario' })).toHaveCount(0);
  await expect(frame.getByRole('complementary')).toHaveCount(0);
  await expect(frame.getByRole('group', { name: 'Export' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Copy link' })).toHaveCount(0);
  await expect(frame.getByRole('heading', { name: 'What happened' })).toHaveCount(0);

  await playback.getByRole('button', { name: 'Step forward' }).click();
  await expect(frame.getByText('Step 1 of 1')).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/embed-iframe.png` });
});
