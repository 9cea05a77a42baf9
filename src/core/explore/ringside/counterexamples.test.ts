import { describe, expect, it } from 'vitest';
import { MM_KINDS, replay, validateScenario } from '../../index';
import { cellScenario, matrixRows } from '../matrix/matrix';
import { exploreScenario } from './ringside';

const cells = matrixRows().flatMap(({ design, bug }) =>
  MM_KINDS.map((event) => validateScenario(cellScenario(design, event, bug))).flatMap((v) =>
    v.ok ? [v.scenario] : [],
  ),
);

describe('counterexamples of every matrix cell', () => {
  it('replay with the core to their finding at the reported step', () => {
    let checked = 0;
    for (const scenario of cells) {
      const r = exploreScenario(scenario);
      expect(r.errors).toEqual([]);
      for (const found of r.findings) {
        const run = replay(scenario, found.schedule);
        expect(run.error).toBeUndefined();
        expect(run.events).toHaveLength(found.schedule.length);
        const event = run.events[found.step];
        expect(event?.findings.find((f) => f.kind === found.kind)?.message).toBe(found.message);
        checked++;
      }
    }
    expect(cells.length).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(50);
  }, 60_000);
});
