import fc from 'fast-check';
import { BACKINGS, BUGS, DESIGNS, HAZARD_KINDS, MM_KINDS, WARNING_KINDS } from '../core/catalog';
import { AREAS, RING_SIZES } from '../core/layout';
import { builtinScenarios } from '../scenarios';

/** Scenario-shaped data: each field a valid value, junk JSON, or absent, so inputs reach every field check. */
const junk = fc.jsonValue({ maxDepth: 3 });
/** Mostly valid values, so that many inputs pass the early checks and reach the later, cross-field ones. */
const field = <T>(valid: readonly T[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 8 },
    { arbitrary: junk, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 2 },
  );
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, { arbitrary, weight: 1 });

const mmItem = fc.oneof(
  {
    arbitrary: fc.record({ kind: field(MM_KINDS), target: field(['all', ...AREAS]) }, { requiredKeys: ['kind'] }),
    weight: 8,
  },
  junk,
);

const fields = {
  format: field([1]),
  id: fc.oneof({ arbitrary: fc.constantFrom('fuzz', 'a-b-9'), weight: 8 }, fc.string({ maxLength: 80 }), junk),
  title: fc.oneof({ arbitrary: fc.string({ maxLength: 300 }), weight: 8 }, junk),
  summary: fc.oneof({ arbitrary: fc.string({ maxLength: 300 }), weight: 8 }, junk),
  design: field(DESIGNS),
  bugs: fc.oneof({ arbitrary: fc.array(field(BUGS), { maxLength: 3 }), weight: 8 }, junk),
  backing: field(BACKINGS),
  directMap: field(['2M', '1G']),
  ringSize: field(RING_SIZES),
  rounds: field([1, 2, 3, 4]),
  mm: fc.oneof({ arbitrary: fc.array(mmItem, { maxLength: 3 }), weight: 8 }, junk),
  vqs: sometimes(field([1, 2, 3])),
  startRegion: field([0, 1]),
  story: sometimes(fc.oneof(fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 40 }), junk)),
  expect: fc.oneof(
    fc.constant(undefined),
    fc.record(
      { hazards: fc.array(field(HAZARD_KINDS), { maxLength: 6 }), warnings: fc.array(field(WARNING_KINDS)) },
      { requiredKeys: [] },
    ),
    junk,
  ),
  extra: sometimes(junk),
};

/** A built-in scenario with one field replaced: most stay valid, and the rest fail exactly one check. */
const mutatedBuiltin = fc
  .tuple(fc.constantFrom(...builtinScenarios), fc.constantFrom(...(Object.keys(fields) as (keyof typeof fields)[])))
  .chain(([scenario, key]) => fields[key].map((value: unknown) => ({ ...scenario, [key]: value })));

export const scenarioLike = fc.oneof(fc.record(fields, { requiredKeys: ['format', 'id', 'design'] }), mutatedBuiltin);

/** Scenario JSON text, whole or cut and spliced the way a damaged or hand-edited file is. */
export const scenarioText = fc.oneof(
  scenarioLike.map((s) => JSON.stringify(s)),
  fc
    .tuple(scenarioLike, fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 20 }))
    .map(([s, cut, len, insert]) => {
      const text = JSON.stringify(s);
      const at = cut % (text.length + 1);
      return text.slice(0, at) + insert + text.slice(at + (len % 8));
    }),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `{"format":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
