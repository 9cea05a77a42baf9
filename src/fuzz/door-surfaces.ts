import fc from 'fast-check';
import { type CliIo, runCli } from '../cli/cli-core';
import { init } from '../core';
import { MESSAGE_MAX } from '../core/excerpt';
import { openStoredJson, openUntrustedJson } from '../core/guard/door';
import { checkScenarioShape } from '../core/guard/scenario-shape';
import { builtinScenarios } from '../scenarios';
import { isEmbedMode } from '../ui/export/embed';
import { decode } from '../url/decode';
import { encodeRunLink } from '../url/encode';
import { checkReply } from '../worker/reply-check';
import type { Outcome, Surface } from './harness';
import { buildHostile, hostileCase } from './hostile';
import { linkSearch } from './link-arbitraries';
import { scenarioLike, scenarioText } from './scenario-arbitraries';

/** The side entrances of issue 22: editor import and storage, worker replies, embed links, the CLI's byte bound. */
const first = builtinScenarios[0];
if (!first) throw new Error('no built-in scenario');
const reference = init(first);

/** Scenario text with one list of the format grown to any length (the 40,000-entry import froze the tab). */
const longList = fc
  .record({
    field: fc.constantFrom('mm', 'bugs', 'story'),
    length: fc.oneof(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 0, max: 120_000 })),
    item: fc.constantFrom('{}', '0', '"no-smp-rmb"', 'null', '{"kind":"munmap"}'),
  })
  .map(
    ({ field, length, item }) => `{"format":1,"id":"x","design":"kmap-seq","${field}":[${Array(length).fill(item)}]}`,
  );

const importText = fc.oneof(
  longList,
  scenarioText,
  scenarioLike.map((s) => JSON.stringify(s)),
);

const answer = (a: { ok: boolean; message?: string }): Outcome =>
  a.ok ? { label: 'accepted' } : { label: 'refused', messages: [a.message ?? ''] };

/** Reply-shaped data with every field valid, junk or absent, next to hostile objects and plain junk. */
const junk = fc.jsonValue({ maxDepth: 2 });
const replyShaped = fc.record(
  {
    id: fc.oneof(fc.integer({ min: -1, max: 5 }), junk),
    type: fc.constantFrom('ready', 'result', 'error', 'explore-progress', 'explore-result', 'explore-error', '?'),
    states: fc.oneof(
      fc.constant([reference]),
      fc.array(fc.oneof(fc.constant(reference), junk), { maxLength: 3 }),
      junk,
    ),
    events: fc.oneof(fc.constant([]), junk),
    message: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
      junk,
    ),
    progress: fc.oneof(fc.record({ states: fc.nat(), transitions: fc.nat(), depth: fc.nat(), ms: fc.nat() }), junk),
    result: junk,
  },
  { requiredKeys: ['id', 'type'] },
);
const reply = fc.oneof(
  replyShaped.map((data) => ({ data })),
  hostileCase.map((c) => ({ hostile: c })),
  junk.map((data) => ({ data })),
);

/** Embed links: any link text, and real links with one character changed (a wrong checksum), with embed=1. */
const realLink = fc
  .tuple(
    fc.constantFrom(...builtinScenarios),
    fc.array(fc.nat({ max: 3 }), { maxLength: 12 }),
    fc.nat(),
    fc.string({ minLength: 1, maxLength: 1 }),
  )
  .map(([s, schedule, at, c]) => {
    const link = encodeRunLink({ scenarioId: s.id, schedule, index: schedule.length });
    const i = at % link.length;
    return link.slice(0, i) + c + link.slice(i + 1);
  });
const embedLink = fc
  .tuple(fc.oneof(linkSearch, realLink), fc.constantFrom('&embed=1', '?embed=1', '&embed=0', '&embed=1&embed=1', ''))
  .map(([link, embed]) => `${link}${embed}`);

const cliFile = (text: string): CliIo => ({ readFile: () => text, builtins: builtinScenarios });
const byteBound = fc.tuple(
  fc.oneof(
    { arbitrary: fc.constantFrom(...builtinScenarios.map((s) => JSON.stringify(s))), weight: 3 },
    { arbitrary: scenarioLike.map((s) => JSON.stringify(s)), weight: 1 },
  ),
  fc.oneof({ arbitrary: fc.integer({ min: 1, max: 2 ** 21 }), weight: 9 }, { arbitrary: fc.constant(0), weight: 1 }),
  fc.oneof(
    { arbitrary: fc.constantFrom<string[]>([], ['--no-por']), weight: 8 },
    { arbitrary: fc.constantFrom(['--max-bytes', '5'], ['--max-states', '7'], ['--max-bytes']), weight: 1 },
  ),
);

export const DOOR_SURFACES: Surface<unknown>[] = [
  {
    name: 'import door: long lists, files and drafts',
    arbitrary: fc.tuple(importText, fc.boolean()),
    run: (input) => {
      const [text, stored] = input as [string, boolean];
      return answer(
        stored
          ? openStoredJson({ getItem: () => text }, 'draft', checkScenarioShape)
          : openUntrustedJson(text, checkScenarioShape),
      );
    },
    maxMessageLength: MESSAGE_MAX,
  },
  {
    name: 'worker replies',
    arbitrary: reply,
    prepare: (c) => {
      const input = c as { data?: unknown; hostile?: Parameters<typeof buildHostile>[0] };
      return input.hostile ? buildHostile(input.hostile) : input.data;
    },
    run: (data) => {
      const checked = checkReply(data, reference);
      return checked.ok ? { label: `passed ${checked.reply.type}` } : { label: 'refused', messages: [checked.reason] };
    },
    maxMessageLength: 200,
  },
  {
    name: 'embed links',
    arbitrary: embedLink,
    run: (text) => {
      const search = String(text).split('#')[0] ?? '';
      const embed = isEmbedMode(search) ? 'embed' : 'full';
      const link = decode(String(text));
      return link.status === 'error'
        ? { label: `${embed}: error`, messages: [link.error] }
        : { label: `${embed}: ${link.status}` };
    },
    maxMessageLength: MESSAGE_MAX,
  },
  {
    name: 'CLI under a byte bound (in process)',
    arbitrary: byteBound,
    run: (input) => {
      const [text, maxBytes, more] = input as [string, number, string[]];
      const args = ['fuzz.json', '--max-states', '3000', '--max-bytes', String(maxBytes), ...more];
      const out = runCli(args, cliFile(text));
      return { label: `exit ${out.code}`, messages: out.stderr === '' ? [] : [out.stderr.replace(/\n$/, '')] };
    },
    maxMessageLength: 2100,
    weight: 0.15,
  },
];
