import fc from 'fast-check';
import { type CliIo, runCli } from '../cli/cli-core';
import { MESSAGE_MAX } from '../core/excerpt';
import { parseUntrustedJson } from '../core/guard/json-text';
import { validateScenario } from '../core/validate';
import { builtinScenarios } from '../scenarios';
import { noteLines } from '../tour/own/note-markup';
import { decodeOwnTour, encodeOwnTour, readOwnTourJson } from '../tour/own/own-link';
import { objectShape, schedulePairShape, stringListShape } from '../ui/storage/kept-shapes';
import { readKept } from '../ui/storage/kept-text';
import { decode } from '../url/decode';
import { decodeRunLink } from '../url/run-link';
import { DOOR_SURFACES } from './door-surfaces';
import type { Surface } from './harness';
import { buildHostile, hostileCase } from './hostile';
import { linkSearch } from './link-arbitraries';
import { ownTourLike } from './own-tour-arbitraries';
import { scenarioLike, scenarioText } from './scenario-arbitraries';

/** The longest message any guarded door may show a person: the CLI's one stderr line. */
export const MAX_MESSAGE = 2100;

const validation = (input: unknown) => {
  const v = validateScenario(input);
  return v.ok ? { label: 'valid' } : { label: 'invalid', messages: v.errors };
};

const cliFiles = (text: string): CliIo => ({
  readFile: (path) => {
    if (path !== 'fuzz.json') throw new Error('ENOENT');
    return text;
  },
  builtins: builtinScenarios,
});
const cliArgs = fc.oneof(
  { arbitrary: fc.constant([]), weight: 3 },
  fc.array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '--table',
        '--max-states',
        '--max-states=',
        '--max-bytes',
        '--max-bytes=9',
        '--no-por',
        '-',
        '--x',
      ),
    ),
    { maxLength: 4 },
  ),
);

/** Type-checks one surface against its own input type, then lets it join the list. */
export const surface = <T, P = T>(s: Surface<T, P>) => s as unknown as Surface<unknown>;

/** Every door untrusted input comes through, one entry each (`scripts/fuzz.ts` adds the CLI as a process). */
export const SURFACES: Surface<unknown>[] = [
  surface({
    name: 'validator: scenario-shaped JSON',
    arbitrary: scenarioLike,
    run: validation,
    maxMessageLength: MESSAGE_MAX,
  }),
  surface({
    name: 'validator: hostile objects',
    arbitrary: hostileCase,
    prepare: buildHostile,
    run: validation,
    maxMessageLength: MESSAGE_MAX,
  }),
  surface({
    name: 'JSON text guard',
    arbitrary: scenarioText,
    run: (text) => {
      const parsed = parseUntrustedJson(text);
      return parsed.ok ? { label: 'parsed' } : { label: parsed.error.problem, messages: [parsed.error.message] };
    },
    maxMessageLength: MESSAGE_MAX,
  }),
  surface({
    name: 'link decoder',
    arbitrary: linkSearch,
    run: (search) => {
      const link = decodeRunLink(search);
      if (link === null) return { label: 'no link' };
      return link.ok ? { label: 'link' } : { label: 'error', messages: [link.error] };
    },
  }),
  surface({
    name: 'kept values: editor draft, earlier runs, compared schedules',
    arbitrary: fc.oneof(
      scenarioText,
      linkSearch.map((href) => JSON.stringify([href, href.slice(3)])),
    ),
    run: (text) => {
      const draft = readKept(text, objectShape);
      const runs = readKept(text, stringListShape(12, 16_000)) ?? [];
      const pair = readKept(text, schedulePairShape);
      const links = runs.filter((href) => decode(href).status === 'ok').length;
      if (draft) return { label: `draft ${validateScenario(draft).ok ? 'valid' : 'invalid'}` };
      if (pair) return { label: 'schedules' };
      return { label: runs.length > 0 ? `runs (${links > 0 ? 'some links' : 'no link'})` : 'refused' };
    },
  }),
  surface({
    name: 'own-tour link decoder',
    arbitrary: fc.oneof(
      ownTourLike.map((tour) => {
        const text = JSON.stringify(tour);
        const valid = readOwnTourJson(text);
        return valid.status === 'ok' ? (encodeOwnTour(valid.tour) ?? text) : `?own=1&c=00000#o=${text}`;
      }),
      fc
        .tuple(linkSearch, fc.string({ maxLength: 60 }))
        .map(([search, tail]) => `?own=1&c=${tail.slice(0, 5)}#o=${search}`),
      fc.string({ unit: 'binary', maxLength: 300 }).map((junk) => `?own=${junk}`),
    ),
    run: (text) => {
      const read = decodeOwnTour(text);
      return read.status === 'error' ? { label: 'error', messages: [read.error] } : { label: read.status };
    },
    maxMessageLength: MAX_MESSAGE,
  }),
  surface({
    name: 'own-tour file and notes',
    arbitrary: fc.oneof(
      ownTourLike.map((tour) => JSON.stringify(tour)),
      scenarioText,
    ),
    run: (text) => {
      const read = readOwnTourJson(text);
      if (read.status !== 'ok') return { label: 'refused', messages: read.status === 'error' ? [read.error] : [] };
      const pieces = read.tour.stops.flatMap((stop) => noteLines(stop.note).flat());
      const unsafe = pieces.some((p) => p.kind === 'link' && !p.href.startsWith('https://'));
      return { label: unsafe ? 'UNSAFE LINK' : 'tour', messages: unsafe ? ['a non-https link got through'] : [] };
    },
    maxMessageLength: MAX_MESSAGE,
  }),
  surface({
    name: 'CLI (in process)',
    arbitrary: fc.tuple(scenarioText, cliArgs, fc.boolean()),
    run: ([text, args, withFile]) => {
      const out = runCli([...(withFile ? ['fuzz.json'] : []), ...args, '--max-states', '500'], cliFiles(text));
      return { label: `exit ${out.code}`, messages: out.stderr === '' ? [] : [out.stderr.replace(/\n$/, '')] };
    },
    maxMessageLength: MAX_MESSAGE,
    weight: 0.5,
  }),
  ...DOOR_SURFACES,
];
