import { lazy, Suspense, useMemo } from 'react';
import { DESIGN_TITLES, DESIGNS, threadNames } from '../../core';
import type { DesignId, Finding, Scenario } from '../../core/types';
import { Diagram } from '../diagram/Diagram';
import { CostChart } from './CostChart';
import { NEAREST_CORRECT } from './nearest-correct';
import { pairedRuns, withDesign } from './paired-runs';

// The published figures load with the open view, so their table stays out of the first-load JavaScript.
const PublishedFigures = lazy(() => import('./PublishedFigures'));

const kindTitle = (kind: string) => kind.replace(/-/g, ' ');

function HazardList({ findings, name }: { findings: readonly Finding[]; name: string }) {
  const hazards = findings.filter((f) => f.severity === 'hazard');
  return (
    <p className="sbs-hazards">
      {hazards.length === 0 ? `${name}: no hazard.` : `${name} hits: `}
      {[...new Set(hazards.map((f) => kindTitle(f.kind)))].map((kind) => (
        <strong key={kind} className="sbs-hazard">
          <span aria-hidden="true">⚠ </span>
          {kind}{' '}
        </strong>
      ))}
    </p>
  );
}

const switchesText = (bugs: readonly string[]) => `Bug switches: ${bugs.length > 0 ? bugs.join(', ') : 'none'}`;

/** The designs chosen (empty: the scenario's own for A, the nearest correct one for B) and the mm step shown. */
export interface SideBySideChoice {
  designA: DesignId | '';
  designB: DesignId | '';
  at: number | null;
}

interface Props {
  scenario: Scenario;
  schedule: readonly number[];
  choice: SideBySideChoice;
  choose: (change: Partial<SideBySideChoice>) => void;
}

/** The open view: the two pictures at one mm step, the slider and the costs (loaded when first opened). */
export default function SideBySideBody({ scenario, schedule, choice, choose }: Props) {
  const { designA, designB, at } = choice;
  const { a, b, points } = useMemo(() => {
    const variantA = withDesign(scenario, designA || scenario.design);
    const variantB = withDesign(scenario, designB || NEAREST_CORRECT[scenario.design], false);
    if (!variantA || !variantB) return { a: variantA, b: variantB, points: [] };
    const run = schedule.length > 0 ? [...schedule] : scenario.story;
    return { a: variantA, b: variantB, points: pairedRuns(scenario, variantA, variantB, run, threadNames(scenario)) };
  }, [scenario, schedule, designA, designB]);
  const last = Math.max(0, points.length - 1);
  const index = Math.min(at ?? last, last);
  const point = points[index];
  const designSelect = (name: string, value: DesignId, onChange: (d: DesignId) => void) => (
    <label className="sbs-select">
      Design {name}
      <select value={value} onChange={(e) => onChange(e.target.value as DesignId)}>
        {DESIGNS.map((design) => (
          <option key={design} value={design}>
            {DESIGN_TITLES[design]}
          </option>
        ))}
      </select>
    </label>
  );
  if (!a || !b || !point) return null;
  return (
    <div className="sbs-body">
      <p className="sbs-hint">
        {scenario.mm.length > 0
          ? `Same mm event (${scenario.mm.map((m) => m.kind).join(', ')}) on ${scenario.backing} backing. B runs each mm step of the run shown at the same point of the vhost worker's progress (ring accesses done); the run's own design follows it exactly.`
          : `No mm event in this scenario: both designs run the vhost worker alone on ${scenario.backing} backing, to the same ring accesses.`}{' '}
        A keeps the scenario's bug switches that apply to its design; B runs its design as published, with none.
      </p>
      <div className="sbs-selects">
        {designSelect('A', a.design, (d) => choose({ designA: d }))}
        {designSelect('B', b.design, (d) => choose({ designB: d }))}
      </div>
      <label className="sbs-slider">
        mm step
        <input
          type="range"
          min={0}
          max={last}
          value={index}
          aria-valuetext={`${index} of ${last}: ${point.label}`}
          onChange={(e) => choose({ at: Number(e.target.value) })}
        />
        <output>{point.label}</output>
      </label>
      <div className="sbs-pictures">
        {(
          [
            ['A', a.design, a.bugs, point.a],
            ['B', b.design, b.bugs, point.b],
          ] as const
        ).map(([name, design, bugs, state]) => (
          <section key={name} className="sbs-picture" aria-label={`Design ${name}: ${DESIGN_TITLES[design]}`}>
            <h3>
              {name}: {DESIGN_TITLES[design]}
            </h3>
            <p className="sbs-switches">{switchesText(bugs)}</p>
            <Diagram state={state} event={undefined} font={14} />
            <HazardList findings={state.findings} name={name} />
          </section>
        ))}
      </div>
      <div className="sbs-costs">
        <CostChart
          a={point.a.counters}
          b={point.b.counters}
          names={[DESIGN_TITLES[a.design], DESIGN_TITLES[b.design]]}
        />
        <Suspense fallback={<p>Loading the published figures…</p>}>
          <PublishedFigures />
        </Suspense>
      </div>
    </div>
  );
}
