import { expect, type Page, test } from '@playwright/test';
import { collectErrors } from './page-errors';
import { storyLink } from './story-link';

test.describe.configure({ timeout: 120_000 });

/** Every "waits" label whose backing hides more than 3 px of another line from a thread to a lock, as drawn. */
function labelsHidingLines() {
  const paths = [
    ...document.querySelectorAll<SVGPathElement>('.diagram svg path.dedge-holds, .diagram svg path.dedge-waits'),
  ];
  const hidden: string[] = [];
  for (const label of document.querySelectorAll<SVGGElement>('.diagram svg .dlabel.style-waits')) {
    const r = label.querySelector('rect')?.getBoundingClientRect();
    const own = label.getAttribute('data-label-for');
    if (!r) continue;
    for (const path of paths) {
      const matrix = path.getScreenCTM();
      if (!matrix || path.dataset.edge === own) continue;
      let inside = 0;
      for (let at = 0; at <= path.getTotalLength(); at += 1) {
        const p = path.getPointAtLength(at).matrixTransform(matrix);
        if (p.x > r.left && p.x < r.right && p.y > r.top && p.y < r.bottom) inside += 1;
      }
      if (inside > 3) hidden.push(`${own}'s label hides ${path.dataset.edge} for ${inside}`);
    }
  }
  return hidden;
}

async function open(page: Page, id: string, step: number, presenter: boolean) {
  await page.goto(storyLink(id, step));
  await expect(page.locator('.diagram svg')).toBeVisible();
  if (presenter) {
    await page.locator('body').click({ position: { x: 4, y: 300 } });
    await page.keyboard.press('p');
    await expect(page.getByRole('button', { name: 'Presenter mode (P)' })).toHaveAttribute('aria-pressed', 'true');
  }
  await page.waitForTimeout(800);
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
])
  test.describe(`at ${size.width}x${size.height}`, () => {
    test.use({ viewport: size });

    test('KSM holding PG_locked and waiting for it shows both lines, apart, and no "waits" label hides a line', async ({
      page,
    }) => {
      const errors = collectErrors(page);
      for (const presenter of [false, true]) {
        await open(page, 'ksm-dirty-lock', 9, presenter);
        const holds = page.locator('.diagram svg path[data-edge="holds-1-page-2"]');
        const waits = page.locator('.diagram svg path[data-edge="waits-1-page-2"]');
        await expect(holds).toHaveCount(1);
        await expect(waits).toHaveCount(1);
        expect(await holds.getAttribute('d')).not.toEqual(await waits.getAttribute('d'));
        expect(await page.evaluate(labelsHidingLines), presenter ? 'presenter' : 'normal').toEqual([]);
        await open(page, 'merged-rcu-revert', 3, presenter);
        expect(await page.evaluate(labelsHidingLines), presenter ? 'presenter' : 'normal').toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  });
