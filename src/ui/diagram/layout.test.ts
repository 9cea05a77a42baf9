import './core-statuses.test-util';
import { describe, expect, it } from 'vitest';
import { enabledThreads, type Replay, replay, step } from '../../core';
import type { HazardKind, Scenario, State } from '../../core/types';
import { builtinScenarios, scenarioById } from '../../scenarios';
import { changedMatcher, nothingChanged } from '../views/changed';
import { denserLayout, sideLegs } from './denser-layouts';
import { layoutDiagram, presenterScale, registerDenserLayouts } from './layout';
import type { DiagramLayout } from './model';

registerDenserLayouts(denserLayout, sideLegs);

const OPTIONS = { width: 680, font: 14 };
const draw = (state: State) => layoutDiagram(state, nothingChanged, OPTIONS);

function scenario(id: string): Scenario {
  const found = scenarioById(id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** The state right after the first step of the scenario's story that reports a hazard of `kind`. */
function atFirstHazard(s: Scenario, kind: HazardKind): { run: Replay; state: State; at: number } {
  const run = replay(s, s.story);
  const at = run.events.findIndex((e) => e.findings.some((f) => f.kind === kind));
  const state = run.states[at + 1];
  if (at < 0 || !state) throw new Error(`${s.id}: the story reports no ${kind}`);
  return { run, state, at };
}

const overlaps = (a: DiagramLayout['nodes'][number], b: DiagramLayout['nodes'][number]) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('diagram layout', () => {
  it.each(builtinScenarios.map((s) => [s.id, s] as const))('draws every path of %s without overlaps', (_id, s) => {
    const run = replay(s, s.story);
    for (const state of run.states) {
      const layout = draw(state);
      const pages = layout.nodes.filter((n) => n.kind === 'page');
      expect(layout.nodes.filter((n) => n.kind === 'frame')).toHaveLength(state.frames.length);
      expect(layout.nodes.some((n) => n.kind === 'pointer' || n.kind === 'note')).toBe(true);
      for (const page of pages) {
        const pte = state.ptes[page.index];
        const edge = layout.edges.find((e) => e.id === `pte-${page.index}`);
        expect(edge?.to).toBe(pte?.present ? `frame-${pte.frame}` : null);
        expect(edge?.style).toBe(pte?.present ? 'solid' : 'cut');
      }
      for (const [i, a] of layout.nodes.entries())
        for (const b of layout.nodes.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      for (const node of layout.nodes) expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    }
  });

  it('turns the pointer that outlives its frame red, dashed and labelled at the first use-after-free', () => {
    const { run, state, at } = atFirstHazard(scenario('gup-munmap-uaf'), 'use-after-free');
    const layout = draw(state);
    const dangling = layout.edges.filter((e) => e.style === 'dangling');
    expect(dangling.length).toBeGreaterThan(0);
    for (const edge of dangling) {
      expect(edge.label?.text).toBe('dangling');
      expect(layout.nodes.find((n) => n.id === edge.to)?.tone).toBe('danger');
    }
    const before = draw(run.states[at - 1] as State);
    expect(before.edges.filter((e) => e.style === 'dangling').length).toBeLessThanOrEqual(dangling.length);
    expect(layout.summary).toMatch(/dangling into freed memory/);
  });

  it('draws a TLB entry that outlived its vmalloc PTE as a labelled stale arrow', () => {
    const { state } = atFirstHazard(scenario('vmap-lazy-tlb'), 'stale-tlb');
    const stale = draw(state).edges.filter((e) => e.style === 'stale');
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((e) => e.label?.text === 'stale TLB' && e.kind === 'tlb')).toBe(true);
  });

  it('swings a migrated page’s arrow to the new frame', () => {
    const base = scenario('gup-munmap-seq-retry');
    const s: Scenario = { ...base, id: 'migrate-only', mm: [{ kind: 'migrate', target: 'all' }], bugs: [] };
    let state = replay(s, []).states[0] as State;
    const first = draw(state).edges.find((e) => e.id === 'pte-0')?.to;
    while (enabledThreads(state).includes(1)) {
      const result = step(state, 1);
      if (!result.ok) throw new Error(result.error);
      state = result.state;
    }
    const after = draw(state).edges.find((e) => e.id === 'pte-0');
    expect(after?.style).toBe('solid');
    expect(after?.to).not.toBe(first);
    expect(after?.to).toBe(`frame-${state.ptes[0]?.frame}`);
  });

  it('never draws text under 14 px and sizes columns from the width', () => {
    const state = replay(scenario('gup-munmap-uaf'), []).states[0] as State;
    expect(layoutDiagram(state, nothingChanged, { width: 680, font: 9 }).font).toBe(14);
    const wide = layoutDiagram(state, nothingChanged, { width: 1200, font: 20 });
    expect(wide.font).toBe(20);
    expect(wide.nodes.every((n) => n.x + n.width <= 1200)).toBe(true);
    const squeezed = layoutDiagram(state, nothingChanged, { width: 700, font: 20 });
    expect(squeezed.font).toBeLessThan(20);
    expect(squeezed.width).toBe(700);
    const narrow = layoutDiagram(state, nothingChanged, { width: 500, font: 14 });
    expect(narrow.font).toBe(14);
    expect(narrow.width).toBeGreaterThan(500);
  });

  it('marks what the step changed and says each step in its own sentence', () => {
    const s = scenario('gup-munmap-uaf');
    const run = replay(s, s.story);
    const sentences = run.states.map((state) => draw(state).summary);
    expect(new Set(sentences).size).toBe(sentences.length);
    run.events.forEach((event, i) => {
      const layout = layoutDiagram(run.states[i + 1] as State, changedMatcher(event.changed), OPTIONS);
      const marked = new Set(layout.nodes.filter((n) => n.changed).map((n) => n.id));
      const expected = event.changed.flatMap((path) => {
        const [kind, index] = path.split('.');
        return kind === 'frames' ? [`frame-${index}`] : kind === 'ptes' ? [`page-${index}`] : [];
      });
      for (const id of expected) expect(marked, `step ${i + 1} changed ${id}`).toContain(id);
      const frames = [...marked].filter((id) => id.startsWith('frame-') || id.startsWith('page-'));
      expect(frames.sort()).toEqual([...expected].sort());
    });
  });

  it('in presenter mode takes the box’s shape where it can, never narrower than its text needs nor below the least scale', () => {
    for (const s of builtinScenarios) {
      const state = replay(s, s.story).states.at(-1) as State;
      for (const box of [
        { width: 1016, height: 552 },
        { width: 1528, height: 912 },
      ]) {
        const minScale = box.width >= 1440 ? 18 / 14 : 1;
        const layout = layoutDiagram(state, nothingChanged, { width: box.width, font: 14, box, minScale });
        expect(layout.width).toBeLessThanOrEqual(Math.floor(box.width / minScale));
        expect(layout.width).toBeGreaterThanOrEqual(Math.min(box.width, 14 * 48.5));
        const scale = presenterScale(layout, box, minScale);
        expect(layout.width * scale).toBeLessThanOrEqual(box.width + 0.5);
        expect(scale * layout.font).toBeGreaterThanOrEqual(14 * minScale - 0.01);
        // A picture that fits the box fills it: its gaps grow to the box's proportions, or, with the threads and locks
        // beside the columns (a picture too tall for the box otherwise), it spans the box's width or height.
        const beside = (layout.nodes.find((n) => n.id === 'thread-0')?.x ?? 0) > 2;
        if (layout.height * scale <= box.height + 0.5 && !beside)
          expect(layout.width / layout.height).toBeCloseTo(box.width / box.height, 1);
        if (beside)
          expect(Math.max((layout.width * scale) / box.width, (layout.height * scale) / box.height)).toBeGreaterThan(
            0.99,
          );
        for (const [i, a] of layout.nodes.entries())
          for (const b of layout.nodes.slice(i + 1))
            expect(overlaps(a, b), `${s.id}: ${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });
});
