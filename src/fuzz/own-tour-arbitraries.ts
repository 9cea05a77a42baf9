import fc from 'fast-check';
import { builtinScenarios } from '../scenarios';
import { encodeRunLink } from '../url/encode';
import { linkSearch } from './link-arbitraries';

const junk = fc.jsonValue({ maxDepth: 3 });
const run = fc.oneof(
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...builtinScenarios), fc.nat(30))
      .map(([s, i]) => encodeRunLink({ scenarioId: s.id, schedule: [...s.story], index: Math.min(i, s.story.length) })),
    weight: 6,
  },
  linkSearch,
  junk,
);
/** Notes with the subset's syntax, hostile addresses and markup mixed in. */
const note = fc.oneof(
  { arbitrary: fc.string({ maxLength: 200 }), weight: 3 },
  fc
    .array(
      fc.constantFrom(
        '*em*',
        '`code`',
        '[x](https://a.org/)',
        '[x](javascript:alert(1))',
        '[x](http://a.org)',
        '<script>',
        '_u_',
        '\n',
        ' ',
        '](',
      ),
      { maxLength: 20 },
    )
    .map((parts) => parts.join('')),
  { arbitrary: junk, weight: 1 },
);
const stop = fc.oneof(
  {
    arbitrary: fc.record(
      { run, note, predict: fc.option(junk, { nil: undefined }) },
      { requiredKeys: ['run', 'note'] },
    ),
    weight: 8,
  },
  junk,
);

/** Tour-shaped data: mostly well formed, with junk in any field, so inputs reach every check. */
export const ownTourLike = fc.record(
  {
    format: fc.oneof({ arbitrary: fc.constant(1), weight: 8 }, junk),
    title: fc.oneof({ arbitrary: fc.string({ maxLength: 150 }), weight: 8 }, junk),
    stops: fc.oneof({ arbitrary: fc.array(stop, { minLength: 1, maxLength: 6 }), weight: 8 }, junk),
  },
  { requiredKeys: ['format', 'title', 'stops'] },
);
