// UI budgets: first-load JS gzip size (< 150 KB), click-to-DOM time of a step (< 50 ms), frame rate during play (60 fps),
// and no long task over 50 ms on the main thread while the matrix or the explorer runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { cpuSecondsOfChildren } from './bench-ui-cpu.mjs';
import { loadAverage, timelineAfter, timelineText } from './bench-ui-matrix.mjs';

// BENCH_PORT keeps parallel checkouts' benchmark servers apart.
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const URL = `http://127.0.0.1:${PORT}/`;
const STEPS = 20;

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIfNeeded() {
  const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
  if (built >= Math.max(newestMtime('src'), newestMtime('index.html'))) return;
  console.log('building (dist/ is missing or older than src/)…');
  const result = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Scripts and module preloads that index.html loads before anything runs (the worker chunk loads later). */
function firstLoadGzipKb() {
  const html = readFileSync('dist/index.html', 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join('dist', file)), { level: 9 }).length, 0);
  return { files, kb: bytes / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`vite preview did not answer on ${URL}`);
}

/** Clicks "Step forward" and resolves with the milliseconds until the step counter's text changed. */
function timeOneStep() {
  return new Promise((resolve) => {
    const counter = document.querySelector('.step-count');
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Step forward'));
    if (!counter || !button || button.disabled) return resolve(-1);
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(counter, { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    button.click();
  });
}

/** Collects requestAnimationFrame deltas for `ms` milliseconds. */
function frameDeltas(ms) {
  return new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    const end = last + ms;
    const tick = (now) => {
      deltas.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick);
      else resolve(deltas);
    };
    requestAnimationFrame(tick);
  });
}

/** Records every long task (over 50 ms) the main thread runs from now on. */
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}

/** Polls one element's text twice a second: Playwright's own locators walk the whole DOM and make long tasks. */
function waitForText(page, selector, pattern) {
  return page.waitForFunction(
    ([css, source]) => new RegExp(source).test(document.querySelector(css)?.textContent ?? ''),
    [selector, pattern],
    { polling: 500, timeout: 600_000 },
  );
}

async function longTasksWhile(page, work) {
  await page.evaluate(watchLongTasks);
  const started = Date.now();
  await work();
  const tasks = await page.evaluate(() => window.__longTasks);
  return { tasks, seconds: (Date.now() - started) / 1000 };
}

/** Opens the matrix (its chunk loads on first use), then measures while every cell is computed in the workers. */
async function matrixRun(page) {
  await page.getByRole('button', { name: 'Matrix' }).click();
  const dialog = page.getByRole('dialog', { name: 'Design × mm-event matrix' });
  const compute = dialog.getByRole('button', { name: 'Compute the matrix' });
  await compute.waitFor();
  const cpuBefore = cpuSecondsOfChildren(server.pid);
  const load = loadAverage();
  const measured = await longTasksWhile(page, async () => {
    await compute.click();
    await waitForText(page, '.matrix [role="status"]', '^(\\d+) of \\1 cells.*complete');
  });
  const cpu = cpuSecondsOfChildren(server.pid) - cpuBefore;
  const timeline = await page.evaluate(timelineAfter, 'matrix:compute');
  const cells = await page.evaluate(() => document.querySelector('.matrix progress')?.getAttribute('max'));
  // The pool has one worker per core the browser reports (src/worker/pool.ts).
  const workers = await page.evaluate(() => Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1)));
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { ...measured, cells, workers, cpu, load, timeline };
}

/** Makes a scenario in the editor whose exploration stops at the browser's state bound, then measures that run. */
async function explorerRun(page) {
  await page.getByRole('button', { name: 'Edit scenario' }).click();
  const editor = page.getByRole('dialog', { name: 'Scenario editor' });
  await editor.getByRole('textbox', { name: 'Id' }).fill('bench-big');
  await editor.getByRole('combobox', { name: 'Design' }).selectOption('interval-notifier');
  await editor.getByRole('combobox', { name: 'Rounds' }).selectOption('4');
  await editor.getByRole('button', { name: 'Add an mm thread' }).click();
  await editor.getByRole('combobox', { name: 'Thread 3 event' }).selectOption('migrate');
  await editor.getByRole('button', { name: 'Add an mm thread' }).click();
  await editor.getByRole('combobox', { name: 'Thread 4 event' }).selectOption('oom-reap');
  await editor.getByRole('button', { name: 'Run in the stepper' }).click();
  await page.getByText('Step 0 of 0').waitFor();
  await page.getByRole('tab', { name: 'Explore' }).click();
  await page.waitForTimeout(500);
  return longTasksWhile(page, async () => {
    await page.getByRole('button', { name: 'Find every bad interleaving' }).click();
    await waitForText(page, '.explore-status', '^(Complete|Incomplete)');
  });
}

const longLine = (what, { tasks, seconds }) =>
  `${what}: ${tasks.length} long tasks over ${seconds.toFixed(1)} s, longest ${tasks.length ? Math.max(...tasks).toFixed(0) : 0} ms; goal none over 50 ms`;

buildIfNeeded();
const size = firstLoadGzipKb();
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // BENCH_WORKERS=1 makes the page see one core, so the matrix runs on one worker (to compare with the pool).
  const workers = Number(process.env.BENCH_WORKERS ?? 0);
  if (workers > 0)
    await page.addInitScript((n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }), workers);
  await page.goto(URL);
  await page.getByText(/^Step 0 of/).waitFor();
  const scenario = await page.getByRole('combobox', { name: 'Scenario' }).inputValue();
  const steps = [];
  while (steps.length < STEPS) {
    const ms = await page.evaluate(timeOneStep);
    if (ms >= 0) steps.push(ms);
    else
      await page
        .getByRole('combobox', { name: 'Scenario' })
        .selectOption(scenario)
        .then(() => page.getByText('Step 0 of 0').waitFor());
    await page.waitForTimeout(50);
  }
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption(scenario);
  await page.getByText('Step 0 of 0').waitFor();
  await page.getByLabel('Speed').fill('8');
  await page.getByRole('button', { name: 'Play' }).click();
  const deltas = (await page.evaluate(frameDeltas, 2500)).slice(1);
  // A short story may have played to its end within the measured frames.
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  // The same measure on an idle page: on a shared machine, preemption alone makes some tasks long.
  const idle = await longTasksWhile(page, () => page.waitForTimeout(10_000));
  const matrix = await matrixRun(page);
  const explorer = await explorerRun(page);
  await browser.close();

  const meanDelta = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  const slow = deltas.filter((d) => d > 1000 / 50).length;
  console.log(`steps (ms): ${steps.map((ms) => ms.toFixed(1)).join(' ')}`);
  console.log(`first-load JS: ${size.kb.toFixed(1)} KB gzip (${size.files.join(', ')}); goal < 150 KB`);
  console.log(
    `step click -> DOM updated: median ${median(steps).toFixed(1)} ms, max ${Math.max(...steps).toFixed(1)} ms over ${steps.length} steps of ${scenario}; goal < 50 ms`,
  );
  console.log(
    `play at 8 steps/s: ${(1000 / meanDelta).toFixed(1)} fps mean, median frame ${median(deltas).toFixed(1)} ms, ${slow}/${deltas.length} frames over 20 ms; goal 60 fps`,
  );
  console.log(longLine('idle page, for comparison', idle));
  console.log(
    `matrix in the browser: ${matrix.cells} cells, ${matrix.seconds.toFixed(1)} s wall, ${Number.isNaN(matrix.cpu) ? 'browser CPU n/a' : `${matrix.cpu.toFixed(1)} s browser CPU (every thread)`}, workers=${matrix.workers}; goal < 2 s wall at low load`,
  );
  console.log(
    `matrix timeline (ms from the Compute click): ${timelineText(matrix.timeline)}; load average ${matrix.load}`,
  );
  console.log(longLine(`matrix in the workers (${matrix.cells} cells)`, matrix));
  console.log(longLine('explorer in the worker (to the 300,000-state bound)', explorer));
} finally {
  process.kill(-server.pid);
}
