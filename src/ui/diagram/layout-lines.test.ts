import './core-statuses.test-util';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import { builtinScenarios } from '../../scenarios';
import { nothingChanged } from '../views/changed';
import { denserLayout, sideLegs } from './denser-layouts';
import { layoutDiagram, registerDenserLayouts } from './layout';
import { labelsCovering, linesOnEachOther } from './line-checks.test-util';
import type { DiagramLayout, LayoutOptions } from './model';
import { pathSamples } from './path-samples';

registerDenserLayouts(denserLayout, sideLegs);

/** The picture's boxes at 1280x720 and 1920x1080, normal and presenter (as in layout-fit.test.ts). */
const VIEWS: { name: string; options: LayoutOptions }[] = [
  { name: '1280 normal', options: { width: 680, font: 14 } },
  { name: '1920 normal', options: { width: 1320, font: 14 } },
  { name: '1280 presenter', options: { width: 1016, font: 14, box: { width: 1016, height: 549 }, minScale: 1 } },
  { name: '1920 presenter', options: { width: 1528, font: 14, box: { width: 1528, height: 912 }, minScale: 18 / 14 } },
];

/** Every line from a thread to a lock that runs inside a box of the threads, locks or values (its own ends too). */
function linesThroughBoxes(layout: DiagramLayout): string[] {
  const boxes = layout.nodes.filter((n) => n.column === 'protocol');
  const inset = 1.5;
  return layout.edges
    .filter((e) => e.kind === 'holds' || e.kind === 'waits')
    .flatMap((edge) => {
      const points = pathSamples(edge.path);
      const hit = boxes.find((b) =>
        points.some(
          ([x, y]) => x > b.x + inset && x < b.x + b.width - inset && y > b.y + inset && y < b.y + b.height - inset,
        ),
      );
      return hit ? [`${edge.id} through ${hit.id}`] : [];
    });
}

/** Every "waits" label whose backing (as EdgeLabelView draws it) reaches outside the picture. */
function labelsOutside(layout: DiagramLayout): string[] {
  return layout.edges.flatMap((e) => {
    if (!e.label) return [];
    const half = (e.label.text.length * layout.font * 0.62 + layout.font * 0.6) / 2;
    const inside = e.label.x - half >= 0 && e.label.x + half <= layout.width && e.label.y <= layout.height;
    return inside ? [] : [`${e.id}: ${e.label.text}`];
  });
}

describe.each(VIEWS.map((v) => [v.name, v] as const))('the lines from threads to locks at %s', (_name, view) => {
  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    'run around every box and apart from each other at every step of %s, their labels inside the picture, hiding none',
    (_id, s) => {
      for (const [i, state] of replay(s, s.story).states.entries()) {
        const layout = layoutDiagram(state, nothingChanged, view.options);
        expect(linesThroughBoxes(layout), `step ${i}`).toEqual([]);
        expect(labelsOutside(layout), `step ${i}`).toEqual([]);
        expect(linesOnEachOther(layout), `step ${i}`).toEqual([]);
        expect(labelsCovering(layout), `step ${i}`).toEqual([]);
      }
    },
  );

  it('show KSM holding PG_locked #2 and waiting for it, at the KSM deadlock, on routes of their own', () => {
    const s = builtinScenarios.find((b) => b.id === 'ksm-dirty-lock');
    const deadlock = s ? replay(s, s.story).states.at(-1) : undefined;
    if (!deadlock) throw new Error('no ksm-dirty-lock');
    const layout = layoutDiagram(deadlock, nothingChanged, view.options);
    const lines = layout.edges.filter((e) => e.from === 'thread-1' && e.to === 'lock-page-2');
    expect(lines.map((e) => e.kind).sort()).toEqual(['holds', 'waits']);
    expect(linesOnEachOther({ ...layout, edges: lines })).toEqual([]);
    expect(labelsCovering(layout)).toEqual([]);
  });

  it.runIf(view.options.box)(
    'include presenter pictures with threads and locks beside the columns and a "waits" label',
    () => {
      const s = builtinScenarios.find((b) => b.id === 'merged-rcu-revert');
      const state = s ? replay(s, s.story).states[3] : undefined;
      if (!state) throw new Error('no merged-rcu-revert');
      const layout = layoutDiagram(state, nothingChanged, view.options);
      expect(layout.nodes.find((n) => n.id === 'thread-0')?.x).toBeGreaterThan(layout.width / 2);
      expect(layout.edges.filter((e) => e.kind === 'waits' && e.label)).toHaveLength(1);
    },
  );

  it('are drawn for the built-ins’ locks (the check above has lines to check)', () => {
    const s = builtinScenarios.find((b) => b.id === 'kmap-seq-large');
    const states = s ? replay(s, s.story).states : [];
    const lines = states.flatMap((state) =>
      layoutDiagram(state, nothingChanged, view.options).edges.filter((e) => e.kind === 'holds' || e.kind === 'waits'),
    );
    expect(lines.length).toBeGreaterThan(states.length);
  });
});
