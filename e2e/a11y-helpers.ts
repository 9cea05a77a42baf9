import { createRequire } from 'node:module';
import { expect, type Locator, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The serious and critical axe-core violations on the page as it is now (WCAG 2.x A and AA rules). */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 4)}`);
}

/**
 * The text runs under `root` rendered smaller than `min` pixels: HTML text at its computed size, SVG text at its
 * size times the SVG's scale on screen. Hidden text (display none, zero size) is left out.
 */
export async function smallText(root: Locator, min = 14): Promise<{ total: number; small: string[] }> {
  return root.evaluate((element, least) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let total = 0;
    const small: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || parent.closest('[aria-hidden="true"]')) continue;
      let size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (parent instanceof SVGGraphicsElement) {
        const m = parent.getScreenCTM();
        if (m) size *= Math.sqrt(m.a * m.a + m.b * m.b);
      }
      total++;
      if (size < least - 0.05) small.push(`${size.toFixed(1)}px “${text.slice(0, 30)}”`);
    }
    return { total, small };
  }, min);
}

/** Presses Tab `times` times and expects focus to stay inside `dialog` after each press. */
export async function expectTabStaysIn(page: Page, dialog: Locator, times: number) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `after ${i + 1} presses`).toBe(true);
  }
}
