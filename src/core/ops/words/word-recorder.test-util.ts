import { W } from '../../schema/state-words';
import type { StatePart } from '../footprints';

type AnyFn = (w: Int32Array, ...args: unknown[]) => unknown;
interface Log {
  reads: Set<StatePart>;
  writes: Set<StatePart>;
}

/** The state part each field of `vhost` belongs to (shared with the object recorder). */
export const VHOST_PARTS: Readonly<Record<string, StatePart>> = {
  region: 'region',
  ptr: 'ptr',
  vmapSlot: 'vmapSlot',
  vmapSlot1: 'vmapSlot',
  nextSlot: 'nextSlot',
  seq: 'seq',
  count: 'count',
  itreeSeq: 'itree',
  itreeActive: 'itree',
  mmuLock: 'mmuLock',
  vqMutex: 'vqMutex',
  vqMutex1: 'vqMutex',
  registered: 'registered',
};

/** The state parts an accessor at `path` touches, given its index arguments (thread `t`'s own fields are not logged). */
function partsOf(path: readonly string[], args: readonly unknown[], t: number): StatePart[] {
  const [top, field] = path;
  if (top === 'vhost') return field && VHOST_PARTS[field] ? [VHOST_PARTS[field]] : [];
  if (top === 'threads') return path.length > 1 && args[0] !== t ? ['threads'] : [];
  if (top === 'tlbs')
    return path.length > 1 && args[0] !== undefined ? [args[0] === 1 ? 'tlb1' : 'tlb0'] : ['tlb0', 'tlb1'];
  return top ? [top as StatePart] : [];
}

const WRITERS = new Set(['set', 'setLength']);

/** The log the accessors write to while `recordingWords` runs (null: they only pass the call on). */
let active: { log: Log; t: number } | null = null;
let installed = false;

/** Wraps every generated accessor once per process: a wrapper logs only while a recording is active. */
function install(): void {
  installed = true;
  const wrap = (node: Record<string, unknown>, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'function') {
        const original = value as AnyFn;
        const writes = WRITERS.has(key);
        node[key] = (w: Int32Array, ...args: unknown[]) => {
          if (active) {
            const into = writes ? active.log.writes : active.log.reads;
            for (const p of partsOf(path, args, active.t)) into.add(p);
          }
          return original(w, ...args);
        };
      } else if (typeof value === 'object' && value !== null) wrap(value as Record<string, unknown>, [...path, key]);
    }
  };
  wrap(W as unknown as Record<string, unknown>, []);
}

/**
 * Runs `body` with every generated accessor logging the parts it reads and writes (the footprint recorder's view
 * of an op on words). The wrappers stay installed afterwards, logging nothing.
 */
export function recordingWords<R>(log: Log, t: number, body: () => R): R {
  if (!installed) install();
  const outer = active;
  active = { log, t };
  try {
    return body();
  } finally {
    active = outer;
  }
}
