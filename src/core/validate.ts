import {
  BACKINGS,
  BUG_DESIGNS,
  BUGS,
  DESIGNS,
  KIND_BACKINGS,
  KIND_MEMORY,
  LIMITS,
  MEMORY_KINDS,
  MM_KINDS,
} from './catalog';
import { AREAS, RING_SIZES } from './layout';
import type { MmThreadSpec, Scenario } from './types';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (xs: readonly (string | number)[]) => xs.map((x) => JSON.stringify(x)).join(', ');

function oneOf<T extends string | number>(
  errors: string[],
  field: string,
  value: unknown,
  allowed: readonly T[],
  fallback?: T,
): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (allowed.includes(value as T)) return value as T;
  errors.push(`${field}: got ${JSON.stringify(value)}; allowed values: ${list(allowed)}.`);
  return allowed[0] as T;
}

function intIn(errors: string[], field: string, value: unknown, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) return value as number;
  errors.push(`${field}: got ${JSON.stringify(value)}; allowed: a whole number from ${min} to ${max}.`);
  return fallback;
}

function mmSpecs(errors: string[], raw: unknown, backing: string, design: string, memory: string): MmThreadSpec[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > LIMITS.maxMmThreads) {
    errors.push(`mm: expected a list of at most ${LIMITS.maxMmThreads} mm events.`);
    return [];
  }
  return raw.map((m: unknown, i): MmThreadSpec => {
    const item = isObj(m) ? m : {};
    const kind = oneOf(errors, `mm[${i}].kind`, item.kind, MM_KINDS);
    const target = oneOf(errors, `mm[${i}].target`, item.target, ['all', ...AREAS] as const, 'all');
    const backings = KIND_BACKINGS[kind];
    if (!backings.includes(backing as never))
      errors.push(`mm[${i}].kind: ${kind} needs backing ${list(backings)}, not ${JSON.stringify(backing)}.`);
    if (!KIND_MEMORY[kind].includes(memory as never))
      errors.push(`mm[${i}].kind: ${kind} needs memory ${list(KIND_MEMORY[kind])}, not ${JSON.stringify(memory)}.`);
    if (kind === 'set-vring-addr' && design === 'vmap-pinned')
      errors.push(`mm[${i}].kind: set-vring-addr is not modelled for vmap-pinned (V1 re-pins at setup).`);
    return { kind, target };
  });
}

/** Checks untrusted JSON and fills optional fields; every error names the field and its allowed values. */
export function validateScenario(json: unknown): Validation {
  if (!isObj(json)) return { ok: false, errors: ['scenario: expected a JSON object.'] };
  const errors: string[] = [];
  if (json.format !== 1) errors.push(`format: got ${JSON.stringify(json.format)}; allowed values: 1.`);
  const id = typeof json.id === 'string' && /^[a-z0-9][a-z0-9-]{0,63}$/.test(json.id) ? json.id : '';
  if (!id) errors.push('id: expected lower-case letters, digits and dashes (1 to 64 characters).');
  const design = oneOf(errors, 'design', json.design, DESIGNS);
  const backing = oneOf(errors, 'backing', json.backing, BACKINGS, '4k');
  const memory = oneOf(errors, 'memory', json.memory, MEMORY_KINDS, 'anonymous');
  const bugsRaw = json.bugs === undefined ? [] : Array.isArray(json.bugs) ? json.bugs : null;
  if (!bugsRaw) errors.push(`bugs: expected a list of bug switches from ${list(BUGS)}.`);
  const bugs = (bugsRaw ?? []).map((b: unknown, i) => oneOf(errors, `bugs[${i}]`, b, BUGS));
  const designKnown = DESIGNS.includes(json.design as never);
  for (const b of new Set(bugs)) {
    if (designKnown && !BUG_DESIGNS[b].includes(design))
      errors.push(`bugs: ${b} applies to designs ${list(BUG_DESIGNS[b])}, not ${design}.`);
  }
  if (new Set(bugs).size !== bugs.length) errors.push('bugs: a switch is listed twice.');
  const mm = mmSpecs(errors, json.mm, backing, design, memory);
  if (mm.filter((m) => m.kind === 'set-vring-addr').length > 1) errors.push('mm: at most one set-vring-addr event.');
  const startRegion = oneOf(errors, 'startRegion', json.startRegion, [0, 1] as const, 0);
  if (startRegion === 1 && !mm.some((m) => m.kind === 'set-vring-addr'))
    errors.push('startRegion: 1 needs a set-vring-addr event to move the ring into the invalidated range.');
  const threads = mm.length + 1;
  const storyRaw = json.story === undefined ? [] : json.story;
  const storyOk =
    Array.isArray(storyRaw) &&
    storyRaw.length <= LIMITS.maxStory &&
    storyRaw.every((t) => Number.isInteger(t) && t >= 0 && t < threads);
  if (!storyOk) errors.push(`story: expected at most ${LIMITS.maxStory} thread indices from 0 to ${threads - 1}.`);
  const expectRaw = isObj(json.expect) ? json.expect : {};
  const scenario: Scenario = {
    format: 1,
    id,
    title: typeof json.title === 'string' ? json.title : id,
    summary: typeof json.summary === 'string' ? json.summary : '',
    design,
    bugs,
    backing,
    memory,
    directMap: oneOf(errors, 'directMap', json.directMap, ['2M', '1G'] as const, '1G'),
    ringSize: oneOf(errors, 'ringSize', json.ringSize, RING_SIZES, 256),
    rounds: intIn(errors, 'rounds', json.rounds, 1, LIMITS.maxRounds, 2),
    mm,
    startRegion,
    story: storyOk ? (storyRaw as number[]) : [],
    expect: {
      hazards: Array.isArray(expectRaw.hazards) ? (expectRaw.hazards as Scenario['expect']['hazards']) : [],
      warnings: Array.isArray(expectRaw.warnings) ? (expectRaw.warnings as Scenario['expect']['warnings']) : [],
    },
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario };
}
