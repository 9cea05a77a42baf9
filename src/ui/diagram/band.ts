import { invalidationsOf, type State, threadNames } from '../../core';
import type { Geometry } from './geometry';
import type { DiagramBand, DiagramNode } from './model';
import { fitText } from './values';

/** A thread's name up to its first qualifier ("munmap / MADV_DONTNEED" is "munmap"), keeping a "#2" suffix. */
export function shortName(name: string | undefined): string {
  const full = name ?? 'mm';
  const number = / #\d+$/.exec(full)?.[0] ?? '';
  return `${full.split(/ \/ |, | \(| \+ /)[0] ?? full}${number}`;
}

/** Invalidations in progress with the shown ring pages they cover (region 0 only: the mm events' range). */
export function coveredPages(state: State) {
  return invalidationsOf(state).map((inv) => ({ thread: inv.thread, pages: new Set(inv.pages) }));
}

/** How many band labels go under each ring page: one under the last page each band covers. */
export function bandLabelsAfter(state: State, shown: readonly number[]): Map<number, number> {
  const after = new Map<number, number>();
  for (const band of coveredPages(state)) {
    const last = [...shown].reverse().find((gp) => band.pages.has(gp));
    if (last !== undefined) after.set(last, (after.get(last) ?? 0) + 1);
  }
  return after;
}

/** A band behind the covered ring pages, from the first to the label under the last, named after its thread. */
export function buildBands(state: State, nodes: readonly DiagramNode[], g: Geometry): DiagramBand[] {
  const names = threadNames(state.scenario);
  const pages = nodes.filter((n) => n.kind === 'page');
  const used = new Map<number, number>();
  return coveredPages(state).flatMap((band, i): DiagramBand[] => {
    const covered = pages.filter((p) => band.pages.has(p.index));
    const first = covered[0];
    const last = covered[covered.length - 1];
    if (!first || !last) return [];
    const slot = used.get(last.index) ?? 0;
    used.set(last.index, slot + 1);
    const inset = g.pad * (0.4 + i * 0.5);
    const bottom = last.y + last.height + g.line * (slot + 1) + g.pad * 0.4;
    return [
      {
        id: `band-${band.thread}`,
        thread: band.thread,
        x: Math.max(0, first.x - inset),
        y: first.y - inset,
        width: first.width + inset * 2,
        height: bottom - first.y + inset,
        label: fitText(`▲ ${shortName(names[band.thread])} invalidating`, first.width + g.lane * 0.9, g.font),
      },
    ];
  });
}
