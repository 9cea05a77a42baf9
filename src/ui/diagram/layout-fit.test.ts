import './core-statuses.test-util';
import { describe, expect, it } from 'vitest';
import { replay, type Scenario, validateScenario } from '../../core';
import type { State } from '../../core/types';
import { builtinScenarios, scenarioById } from '../../scenarios';
import { nothingChanged } from '../views/changed';
import { denserLayout, sideLegs } from './denser-layouts';
import { layoutDiagram, presenterScale, registerDenserLayouts } from './layout';
import type { DiagramLayout, LayoutOptions } from './model';
import { lineText, textWidth } from './values';

registerDenserLayouts(denserLayout, sideLegs);

/** The picture's boxes at 1280x720 and 1920x1080, normal (drawn 1:1) and presenter (scaled into its box). */
const VIEWS: { name: string; options: LayoutOptions; floor: number }[] = [
  { name: '1280 normal', options: { width: 680, font: 14 }, floor: 14 },
  { name: '1920 normal', options: { width: 1320, font: 14 }, floor: 14 },
  {
    name: '1280 presenter',
    options: { width: 1016, font: 14, box: { width: 1016, height: 549 }, minScale: 1 },
    floor: 14,
  },
  {
    name: '1920 presenter',
    options: { width: 1528, font: 14, box: { width: 1528, height: 912 }, minScale: 18 / 14 },
    floor: 18,
  },
];

function scenario(id: string): Scenario {
  const found = scenarioById(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** Every thread box's text cut short, or estimated wider than its box. */
function cutThreadText(layout: DiagramLayout): string[] {
  const pad = layout.pad;
  return layout.nodes
    .filter((n) => n.kind === 'thread')
    .flatMap((n) => [n.title, ...(n.titleMore ?? []), ...n.lines.map(lineText)].map((text) => ({ n, text })))
    .filter(({ n, text }) => text.includes('…') || textWidth(text) * layout.font > n.width - pad * 2 + 0.5)
    .map(({ n, text }) => `${n.id}: ${text}`);
}

/** kmap-seq-large with a fourth mm thread of the longest name: five thread boxes, as many as a scenario may have. */
function fiveThreads(): Scenario {
  const large = scenario('kmap-seq-large');
  const result = validateScenario({
    ...large,
    id: 'five-threads',
    mm: [...large.mm, { kind: 'munmap-batch-full', target: 'used' }],
    story: [],
  });
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.scenario;
}

describe('the picture’s thread boxes', () => {
  describe.each(VIEWS.map((v) => [v.name, v] as const))('at %s', (_name, view) => {
    it.each(builtinScenarios.map((s) => [s.id, s] as const))('read whole at every step of %s', (_id, s) => {
      for (const [i, state] of replay(s, s.story).states.entries())
        expect(cutThreadText(layoutDiagram(state, nothingChanged, view.options)), `step ${i}`).toEqual([]);
    });
  });

  it.each(VIEWS.map((v) => [v.name, v] as const))('read whole with five threads at %s', (_name, view) => {
    const s = fiveThreads();
    const state = replay(s, []).states[0] as State;
    const layout = layoutDiagram(state, nothingChanged, view.options);
    expect(layout.nodes.filter((n) => n.kind === 'thread')).toHaveLength(5);
    expect(cutThreadText(layout)).toEqual([]);
  });

  it('keep a word with each context badge: its shape and what it means, never colour alone', () => {
    const s = scenario('kmap-seq-large');
    const kinds = new Set<string>();
    for (const state of replay(s, s.story).states)
      for (const node of layoutDiagram(state, nothingChanged, VIEWS[0]?.options as LayoutOptions).nodes)
        if (node.context) {
          kinds.add(node.context);
          expect(node.lines[0]).toMatch(/^(● may sleep|▲ atomic|■ must not block)/);
        }
    expect(kinds.size).toBeGreaterThan(1);
  });
});

describe('the two-vq ring move in presenter mode', () => {
  const s = scenario('merged-second-vq');
  it.each(VIEWS.filter((v) => v.options.box).map((v) => [v.name, v] as const))(
    'fits its box at every step at %s, its text at least the floor',
    (_name, view) => {
      const box = view.options.box as { width: number; height: number };
      for (const [i, state] of replay(s, s.story).states.entries()) {
        const layout = layoutDiagram(state, nothingChanged, view.options);
        const scale = expectFitsAboveFloor(layout, view, i);
        const share =
          (Math.min(layout.width * scale, box.width) * Math.min(layout.height * scale, box.height)) /
          (box.width * box.height);
        expect(share, `step ${i}`).toBeGreaterThan(0.9);
      }
    },
  );
});

describe.each(VIEWS.filter((v) => v.options.box).map((v) => [v.name, v] as const))(
  'every built-in in presenter mode at %s',
  (_name, view) => {
    it.each(builtinScenarios.map((s) => [s.id, s] as const))(
      '%s fits the box at every step of its story, its text at least the floor',
      (_id, s) => {
        for (const [i, state] of replay(s, s.story).states.entries()) {
          expectFitsAboveFloor(layoutDiagram(state, nothingChanged, view.options), view, i);
        }
      },
    );
  },
);

/** The presenter's scale for `layout` in `view`'s box, after checking nothing scrolls and text stays at the floor. */
function expectFitsAboveFloor(layout: ReturnType<typeof layoutDiagram>, view: (typeof VIEWS)[number], step: number) {
  const box = view.options.box as { width: number; height: number };
  const scale = presenterScale(layout, box, view.options.minScale ?? 1);
  expect(Math.ceil(layout.height * scale - 0.001), `step ${step}`).toBeLessThanOrEqual(box.height);
  expect(layout.width * scale, `step ${step}`).toBeLessThanOrEqual(box.width + 0.5);
  expect(layout.font * scale, `step ${step}`).toBeGreaterThanOrEqual(view.floor - 0.01);
  return scale;
}
