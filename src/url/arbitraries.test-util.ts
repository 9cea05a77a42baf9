import fc from 'fast-check';
import { BACKINGS, BUG_DESIGNS, BUGS, DESIGNS, KIND_BACKINGS, LIMITS, MM_KINDS } from '../core/catalog';
import { AREAS, RING_SIZES } from '../core/layout';
import type { Scenario } from '../core/types';
import { validateScenario } from '../core/validate';
import { builtinScenarios } from '../scenarios';
import type { RunLink } from './run-link-types';

/** Scenarios an editor could produce: every catalogue value, kept when the validator accepts the combination. */
export const editedScenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
    title: fc.string({ maxLength: 80, unit: 'grapheme' }),
    design: fc.constantFrom(...DESIGNS),
    backing: fc.constantFrom(...BACKINGS),
    bugs: fc.subarray([...BUGS]),
    ringSize: fc.constantFrom(...RING_SIZES),
    rounds: fc.integer({ min: 1, max: LIMITS.maxRounds }),
    directMap: fc.constantFrom('2M', '1G'),
    vqs: fc.option(fc.constantFrom(1, 2), { nil: undefined }),
    mm: fc.array(fc.record({ kind: fc.constantFrom(...MM_KINDS), target: fc.constantFrom('all', ...AREAS) }), {
      maxLength: LIMITS.maxMmThreads,
    }),
  })
  .map((draft) => ({
    format: 1,
    ...draft,
    bugs: draft.bugs.filter((bug) => BUG_DESIGNS[bug].includes(draft.design)),
    mm: draft.mm.filter((m) => KIND_BACKINGS[m.kind].includes(draft.backing) && m.kind !== 'set-vring-addr'),
  }))
  .map((draft) => validateScenario(draft))
  .filter((valid) => valid.ok)
  .map((valid) => (valid as { ok: true; scenario: Scenario }).scenario);

const scheduleArb = fc.oneof(
  fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 120 }),
  fc.array(fc.integer({ min: 10, max: 63 }), { minLength: 1900, maxLength: 2000 }),
);

/** Any valid situation: a built-in or edited scenario, any schedule of thread numbers, any step of it. */
export const runLinkArb: fc.Arbitrary<RunLink> = fc
  .record({
    scenario: fc.oneof(
      fc.constantFrom(...builtinScenarios).map((s) => ({ scenarioId: s.id })),
      editedScenarioArb.map((s) => ({ scenarioId: s.id, edited: s })),
    ),
    schedule: scheduleArb,
  })
  .chain(({ scenario, schedule }) =>
    fc.integer({ min: 0, max: schedule.length }).map((index) => ({ ...scenario, schedule, index })),
  );
