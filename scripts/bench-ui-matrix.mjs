// The design × mm-event matrix in the browser (issue 20: under 2 s at low load): a production build in Debian's
// Chromium, wall time from the Compute click to the last cell, the browser's CPU seconds, the load average, and the
// page's timeline (user-timing marks `matrix:*`). BENCH_RUNS=N computes N times in the same page (the first cold,
// then "Compute again" on warm workers); BENCH_WORKERS=N makes the page see N cores; BENCH_THINK_MS=ms waits that long
// between the dialog's opening and the Compute click; BENCH_PROFILE=file.json writes
// a CPU profile of every worker (Chromium DevTools protocol) and prints its heaviest functions.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { cpuSecondsByThread, cpuSecondsOfChildren, threadSplit } from './bench-ui-cpu.mjs';
import { startWorkerProfiles } from './bench-ui-profile.mjs';

/** The host's 1-minute load average (Linux), as a string; "n/a" elsewhere. */
export function loadAverage() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  } catch {
    return 'n/a';
  }
}

/** Every `matrix:*` and `sim-worker:*` mark since `from` (a mark's name), in ms after it. */
export function timelineAfter(from) {
  const marks = performance.getEntriesByType('mark');
  const zero = marks.filter((m) => m.name === from).at(-1)?.startTime ?? 0;
  return marks
    .filter((m) => /^(matrix|sim-worker):/.test(m.name) && m.startTime >= zero)
    .map((m) => [m.name.replace(/^matrix:/, ''), Math.round(m.startTime - zero)]);
}

/** Polls one element's text twice a second: Playwright's own locators walk the whole DOM and make long tasks. */
const waitForText = (page, selector, pattern) =>
  page.waitForFunction(
    ([css, source]) => new RegExp(source).test(document.querySelector(css)?.textContent ?? ''),
    [selector, pattern],
    { polling: 50, timeout: 600_000 },
  );

/**
 * Opens the matrix (its chunk loads on first use), computes it `runs` times and measures each run: wall from the
 * Compute click to the last cell (the page's own marks), the browser's CPU (`serverPid`'s process is left out).
 */
export async function matrixRuns(page, serverPid, runs = 1) {
  const button = page.getByRole('button', { name: 'Matrix' });
  await button.hover();
  // The app marks the rest (src/ui/matrix/timeline.ts); the click's own mark stays out of the first screen's code.
  await page.evaluate(() => performance.mark('matrix:open'));
  await button.click();
  const dialog = page.getByRole('dialog', { name: 'Design × mm-event matrix' });
  await dialog.getByRole('button', { name: /^Compute (the matrix|again)$/ }).waitFor();
  // BENCH_THINK_MS: a person reads the dialog before pressing Compute (0, the default, presses it at once).
  await page.waitForTimeout(Number(process.env.BENCH_THINK_MS ?? 0));
  const opened = await page.evaluate(timelineAfter, 'matrix:open');
  const results = [];
  for (let run = 0; run < runs; run++) {
    const compute = dialog.getByRole('button', { name: /^Compute (the matrix|again)$/ });
    const load = loadAverage();
    const cpuBefore = cpuSecondsOfChildren(serverPid);
    const threadsBefore = cpuSecondsByThread(serverPid);
    const clicked = Date.now();
    await compute.click();
    await waitForText(page, '.matrix [role="status"]', '^(\\d+) of \\1 cells.*complete');
    const polled = (Date.now() - clicked) / 1000;
    const cpu = cpuSecondsOfChildren(serverPid) - cpuBefore;
    const threads = threadSplit(threadsBefore, cpuSecondsByThread(serverPid));
    const timeline = await page.evaluate(timelineAfter, 'matrix:compute');
    const status = await dialog.getByRole('status').textContent();
    // A build without the marks (one before them) is timed by polling the status every 50 ms.
    const wall = (timeline.find(([name]) => name === 'last-cell')?.[1] ?? polled * 1000) / 1000;
    results.push({ wall, cpu, threads, load, timeline, status, warm: run > 0 });
    await page.evaluate(() => performance.clearMarks());
  }
  const cells = await page.evaluate(() => document.querySelector('.matrix progress')?.getAttribute('max'));
  const workers = await page.evaluate(() => Math.min(8, Math.max(1, navigator.hardwareConcurrency || 1)));
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { opened, results, cells, workers };
}

export const timelineText = (timeline) => timeline.map(([name, ms]) => `${name} ${ms}`).join(', ');

async function main() {
  const port = Number(process.env.BENCH_PORT ?? 4179);
  const url = `http://127.0.0.1:${port}/`;
  if (!process.env.BENCH_NO_BUILD && !process.env.BENCH_DIST) {
    const built = spawnSync('npx', ['vite', 'build'], { stdio: 'ignore' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  // BENCH_DIST serves another build (to compare two builds back to back); it is never rebuilt here.
  const outDir = process.env.BENCH_DIST ? ['--outDir', process.env.BENCH_DIST] : [];
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', ...outDir], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (
      let i = 0;
      i < 100 &&
      !(await fetch(url).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 100));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const workers = Number(process.env.BENCH_WORKERS ?? 0);
    if (workers > 0)
      await page.addInitScript(
        (n) => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n }),
        workers,
      );
    const profiles = process.env.BENCH_PROFILE ? await startWorkerProfiles(page.context(), page) : null;
    await page.goto(url);
    await page.getByText(/^Step 0 of/).waitFor();
    await page.waitForTimeout(1000);
    const matrix = await matrixRuns(page, server.pid, Number(process.env.BENCH_RUNS ?? 1));
    if (profiles) console.log(await profiles.stop(process.env.BENCH_PROFILE, writeFileSync));
    await browser.close();
    console.log(`matrix dialog (ms from the Matrix click): ${timelineText(matrix.opened)}`);
    for (const r of matrix.results)
      console.log(
        `matrix in the browser${r.warm ? ' (again, warm workers)' : ''}: ${matrix.cells} cells, ${r.wall.toFixed(2)} s wall (click → last cell), ${r.cpu.toFixed(1)} s browser CPU (every thread), workers=${matrix.workers}, load average ${r.load}; goal < 2 s wall at low load\n` +
          `  timeline (ms from the Compute click): ${timelineText(r.timeline)}; ${r.status}\n` +
          `  CPU s by thread: ${r.threads}`,
      );
  } finally {
    process.kill(-server.pid);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
