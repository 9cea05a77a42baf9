import { layoutOf } from '../layout';
import { vqsOf } from '../pagetable';
import { CAPACITY } from '../schema/state-schema';
import type { Scenario } from '../types';
import { init } from '../world';
import type { Capacities } from './promela-schema';

/**
 * Per-scenario array sizes for the schema's lists: far below the schema's CAPACITY (which covers every scenario)
 * so the state vector stays small, yet above what the scenario can reach. A list that would grow past its size
 * trips the model's `capacity` assertion, which the agreement test would report as a disagreement.
 */
export function capacitiesOf(scenario: Scenario): Capacities {
  const np = layoutOf(scenario.ringSize).pages;
  const start = init(scenario);
  const regions = start.ptes.length / np;
  const threads = scenario.mm.length + 1;
  const slots = np * vqsOf(scenario);
  // Each vhost access of a ring page may fault a frame in and copy it on write; each mm event may do as much.
  const frames = Math.min(CAPACITY.frames, start.frames.length + 2 * np * (threads + scenario.rounds) + 2);
  const sizes: Record<string, number> = {
    ptes: start.ptes.length,
    frames,
    vmalloc: Math.max(1, np * (scenario.rounds + 1)),
    tlbs: 2,
    // User entries, the direct map's one, and the vmalloc entries of every vmap a run makes (one per round at most).
    'tlbs.e': regions * np + 1 + np * (scenario.design.startsWith('vmap') ? scenario.rounds : 1),
    threads,
    'threads.locals.pages': slots,
    'threads.locals.refs': Math.min(CAPACITY.refs, np * (scenario.rounds + 1)),
    'vhost.ptr': slots,
    swap: slots,
  };
  return (path) => {
    const n = sizes[path];
    if (n === undefined) throw new Error(`no Promela capacity for the list ${path}`);
    return n;
  };
}
