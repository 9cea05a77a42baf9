import {
  BACKINGS,
  BUG_DESIGNS,
  BUGS,
  DESIGNS,
  HAZARD_KINDS,
  KIND_BACKINGS,
  KIND_MEMORY,
  LIMITS,
  MEMORY_KINDS,
  MM_KINDS,
  WARNING_KINDS,
} from './catalog';
import { boundLine } from './excerpt';
import { plainCopy } from './guard/plain-copy';
import type { Json } from './guard/problem';
import { AREAS, RING_SIZES } from './layout';
import type { MmThreadSpec, Scenario } from './types';
import {
  type Errors,
  intIn,
  isObj,
  list,
  listOf,
  type Obj,
  oneOf,
  onlyKnown,
  shown,
  text,
  unique,
} from './validate-checks';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** The largest ring two vqs may use: both rings (and vq 0's moved ring) fit the state's fixed capacities. */
export const MAX_RING_TWO_VQS = 256;

/** More errors than this are summed up in one line: a message stays short whatever the input. */
export const MAX_ERRORS = 10;

type Draft = Partial<Scenario>;
/** Checks one field of the raw object; earlier fields of the table are already in `draft`. */
type Check<K extends keyof Scenario> = (raw: Obj, draft: Draft, errors: Errors) => Scenario[K];

/** Every field of the format, checked in this order (a new field is one more line). */
const FIELDS: { [K in keyof Scenario]: Check<K> } = {
  format: (raw, _, errors) => {
    if (raw.format !== 1) errors.push(`format: got ${shown(raw.format)}; allowed values: 1.`);
    return 1;
  },
  id: (raw, _, errors) => {
    if (typeof raw.id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(raw.id)) return raw.id;
    errors.push(`id: got ${shown(raw.id)}; expected lower-case letters, digits and dashes (1 to 64 characters).`);
    return '';
  },
  title: (raw, draft, errors) => text(errors, 'title', raw.title, LIMITS.maxTitle, draft.id ?? ''),
  summary: (raw, _, errors) => text(errors, 'summary', raw.summary, LIMITS.maxSummary, ''),
  design: (raw, _, errors) => oneOf(errors, 'design', raw.design, DESIGNS),
  bugs: (raw, _, errors) => {
    const bugs = listOf(errors, 'bugs', raw.bugs, BUGS.length, (b, path) => oneOf(errors, path, b, BUGS));
    unique(errors, 'bugs', bugs);
    const design = DESIGNS.find((d) => d === raw.design);
    for (const b of new Set(bugs))
      if (design && !BUG_DESIGNS[b].includes(design))
        errors.push(`bugs: ${b} applies to designs ${list(BUG_DESIGNS[b])}, not ${design}.`);
    return bugs;
  },
  backing: (raw, _, errors) => oneOf(errors, 'backing', raw.backing, BACKINGS, '4k'),
  memory: (raw, _, errors) => oneOf(errors, 'memory', raw.memory, MEMORY_KINDS, 'anonymous'),
  directMap: (raw, _, errors) => oneOf(errors, 'directMap', raw.directMap, ['2M', '1G'] as const, '1G'),
  ringSize: (raw, _, errors) => oneOf(errors, 'ringSize', raw.ringSize, RING_SIZES, 256),
  rounds: (raw, _, errors) => intIn(errors, 'rounds', raw.rounds, 1, LIMITS.maxRounds, 2),
  mm: (raw, draft, errors) => {
    const mm = listOf(errors, 'mm', raw.mm, LIMITS.maxMmThreads, (m, path) => mmSpec(errors, m, path, draft));
    if (mm.filter((m) => m.kind === 'set-vring-addr').length > 1) errors.push('mm: at most one set-vring-addr event.');
    return mm;
  },
  vqs: (raw, draft, errors) => {
    if (raw.vqs === undefined) return undefined;
    const vqs = oneOf(errors, 'vqs', raw.vqs, [1, 2] as const, 1);
    if (vqs === 2 && (draft.ringSize ?? 0) > MAX_RING_TWO_VQS)
      errors.push(`vqs: 2 needs ringSize ${MAX_RING_TWO_VQS} or less (both rings must fit the model’s page table).`);
    if (vqs === 2 && draft.mm?.some((m) => m.kind === 'exit'))
      errors.push('vqs: 2 is not modelled with an exit event (exit tears down one vq).');
    return vqs;
  },
  startRegion: (raw, draft, errors) => {
    const region = oneOf(errors, 'startRegion', raw.startRegion, [0, 1] as const, 0);
    if (region === 1 && !draft.mm?.some((m) => m.kind === 'set-vring-addr'))
      errors.push('startRegion: 1 needs a set-vring-addr event to move the ring into the invalidated range.');
    return region;
  },
  story: (raw, draft, errors) => {
    const last = draft.mm?.length ?? 0;
    // Absent means no story; null is refused, as it is for every other field.
    const story = raw.story === undefined ? [] : raw.story;
    const ok =
      Array.isArray(story) &&
      story.length <= LIMITS.maxStory &&
      story.every((t) => typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= last);
    // -0 passes `t >= 0`; it is stored as 0, so that a scenario's JSON and its link say the same.
    if (ok) return (story as number[]).map((t) => (t === 0 ? 0 : t));
    errors.push(
      `story: got ${shown(raw.story)}; expected at most ${LIMITS.maxStory} thread indices from 0 to ${last}.`,
    );
    return [];
  },
  expect: (raw, _, errors) => {
    if (raw.expect !== undefined && !isObj(raw.expect))
      errors.push(`expect: got ${shown(raw.expect)}; expected an object.`);
    const expect = isObj(raw.expect) ? raw.expect : {};
    onlyKnown(errors, 'expect', expect, ['hazards', 'warnings']);
    const kinds = <K extends string>(field: 'hazards' | 'warnings', allowed: readonly K[]) => {
      const path = `expect.${field}`;
      const items = listOf(errors, path, expect[field], allowed.length, (k, at) => oneOf(errors, at, k, allowed));
      unique(errors, path, items);
      return items;
    };
    return { hazards: kinds('hazards', HAZARD_KINDS), warnings: kinds('warnings', WARNING_KINDS) };
  },
};

function mmSpec(errors: Errors, raw: Json, path: string, draft: Draft): MmThreadSpec {
  const item = isObj(raw) ? raw : {};
  if (!isObj(raw)) errors.push(`${path}: got ${shown(raw)}; expected an object { kind, target }.`);
  onlyKnown(errors, path, item, ['kind', 'target']);
  const kind = oneOf(errors, `${path}.kind`, item.kind, MM_KINDS);
  const target = oneOf(errors, `${path}.target`, item.target, ['all', ...AREAS] as const, 'all');
  const backing = draft.backing ?? '4k';
  const backings = KIND_BACKINGS[kind];
  if (!backings.includes(backing))
    errors.push(`${path}.kind: ${kind} needs backing ${list(backings)}, not ${JSON.stringify(backing)}.`);
  const memory = draft.memory ?? 'anonymous';
  if (!KIND_MEMORY[kind].includes(memory))
    errors.push(`${path}.kind: ${kind} needs memory ${list(KIND_MEMORY[kind])}, not ${JSON.stringify(memory)}.`);
  if (kind === 'set-vring-addr' && draft.design === 'vmap-pinned')
    errors.push(`${path}.kind: set-vring-addr is not modelled for vmap-pinned (V1 re-pins at setup).`);
  return { kind, target };
}

/**
 * The one door for untrusted scenarios: the data is first copied under caps (size, depth, lengths; getters,
 * proxies, cycles and BigInt refused), then every field is checked. Never throws; each error names the field.
 */
export function validateScenario(json: unknown): Validation {
  const copied = plainCopy(json);
  if (!copied.ok) return { ok: false, errors: [copied.error.message] };
  const raw = copied.value;
  if (!isObj(raw)) return { ok: false, errors: [`scenario: got ${shown(raw)}; expected a JSON object.`] };
  const errors: Errors = [];
  onlyKnown(errors, 'scenario', raw, Object.keys(FIELDS));
  const draft: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(FIELDS) as [keyof Scenario, Check<keyof Scenario>][]) {
    // An optional field that is absent stays absent, so older scenarios keep their exact shape.
    const value = check(raw, draft as Draft, errors);
    if (value !== undefined) draft[key] = value;
  }
  const lines = errors.slice(0, MAX_ERRORS).map((message) => boundLine(message));
  if (errors.length > MAX_ERRORS)
    return { ok: false, errors: [...lines, `…and ${errors.length - MAX_ERRORS} more errors.`] };
  return errors.length > 0 ? { ok: false, errors: lines } : { ok: true, scenario: draft as unknown as Scenario };
}
