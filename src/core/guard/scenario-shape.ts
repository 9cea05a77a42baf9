import { BUGS, HAZARD_KINDS, LIMITS, WARNING_KINDS } from '../catalog';
import type { DoorAnswer } from './door';
import type { Json } from './problem';

type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every list of the scenario format and the most items it may hold (the validator checks the same bounds). */
export const FORMAT_LISTS: readonly { path: string; read: (o: JsonObject) => Json | undefined; max: number }[] = [
  { path: 'bugs', read: (o) => o.bugs, max: BUGS.length },
  { path: 'mm', read: (o) => o.mm, max: LIMITS.maxMmThreads },
  { path: 'story', read: (o) => o.story, max: LIMITS.maxStory },
  {
    path: 'expect.hazards',
    read: (o) => (isObject(o.expect) ? o.expect.hazards : undefined),
    max: HAZARD_KINDS.length,
  },
  {
    path: 'expect.warnings',
    read: (o) => (isObject(o.expect) ? o.expect.warnings : undefined),
    max: WARNING_KINDS.length,
  },
];

/**
 * The typed check for a scenario that may still be unfinished (the editor's draft): a JSON object whose lists are no
 * longer than the format allows. Anything else in it is left for the validator's messages, next to each field.
 */
export function checkScenarioShape(value: Json): DoorAnswer<JsonObject> {
  if (!isObject(value)) return { ok: false, message: 'scenario: expected a JSON object.' };
  for (const { path, read, max } of FORMAT_LISTS) {
    const list = read(value);
    if (Array.isArray(list) && list.length > max)
      return { ok: false, message: `${path}: a list of ${list.length} items; the format allows at most ${max}.` };
  }
  return { ok: true, value };
}
