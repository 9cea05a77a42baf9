import fc from 'fast-check';
import { type CliIo, runCli } from '../cli/cli-core';
import { MESSAGE_MAX } from '../core/excerpt';
import { parseUntrustedJson } from '../core/guard/json-text';
import { validateScenario } from '../core/validate';
import { builtinScenarios } from '../scenarios';
import { decodeRunLink } from '../url/run-link';
import { DOOR_SURFACES } from './door-surfaces';
import type { Surface } from './harness';
import { buildHostile, hostileCase } from './hostile';
import { linkSearch } from './link-arbitraries';
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
