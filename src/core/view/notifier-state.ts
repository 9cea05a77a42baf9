import { isIntervalDesign } from '../catalog';
import { modelOf } from '../model';
import { mmTargets } from '../ops/shared';
import type { State } from '../types';

/** One live counter of the notifier protocol, named as the design's code spells it. */
export interface CounterView {
  id: 'seq' | 'count' | 'itree-seq';
  name: string;
  value: number;
  note?: string;
}

/** The protocol's live values, the worker's snapshot beside them, and what gup_fast loaded. */
export interface NotifierView {
  counters: CounterView[];
  /** The sequence the worker read before gup_fast (seq designs only). */
  snapshot: number | null;
  /** Would the worker's check retry now (an invalidation in progress or ended since its snapshot)? */
  stale: boolean;
  /** Frames gup_fast returned per ring page and the worker still holds, -1 for none. */
  loaded: number[];
}

/** The notifier's sequence and count for the designs that have them, or null (copy_*_user, vmap). */
export function notifierOf(s: State): NotifierView | null {
  const { design } = s.scenario;
  const v = s.vhost;
  const loaded = s.threads[0]?.locals.pages ?? [];
  const snap = s.threads[0]?.locals.seqSnap ?? 0;
  if (design === 'kmap-seq')
    return {
      counters: [
        { id: 'seq', name: 'vq->mmu_seq', value: v.seq },
        // The value comes right after the short name, so a narrow box never cuts it off; the meaning is a note.
        { id: 'count', name: 'vq->count', value: v.count, note: 'the in-progress count' },
      ],
      snapshot: snap,
      stale: v.count !== 0 || snap !== v.seq,
      loaded,
    };
  if (isIntervalDesign(design))
    return {
      counters: [
        {
          id: 'seq',
          name: 'subscription seq',
          value: v.seq,
          // The subscription keeps its last invalidation's odd value; it is being invalidated only while the mm's
          // sequence still equals it (mmu_interval_read_begin's wait condition, mm/mmu_notifier.c, v5.5).
          ...(v.seq % 2 === 1 && v.seq === v.itreeSeq ? { note: 'odd: invalidating' } : {}),
        },
        { id: 'itree-seq', name: 'mm’s invalidate_seq', value: v.itreeSeq },
        { id: 'count', name: 'invalidations active', value: v.itreeActive },
      ],
      snapshot: snap,
      stale: snap !== v.seq,
      loaded,
    };
  if (design === 'direct-map-rcu')
    return {
      counters: [{ id: 'count', name: 'invalidate_count', value: v.count }],
      snapshot: null,
      stale: v.count !== 0,
      loaded: [],
    };
  return null;
}

/** An invalidation between its start and the end of its _end callbacks: the thread and the ring pages it covers. */
export interface InvalidationView {
  thread: number;
  /** Global ring page indices (region 0) of the range. */
  pages: readonly number[];
}

export function invalidationsOf(s: State): InvalidationView[] {
  const { programs } = modelOf(s.scenario);
  const out: InvalidationView[] = [];
  s.threads.forEach((th, t) => {
    const instrs = programs[t]?.instrs ?? [];
    if (t === 0 || th.done) return;
    let last: string | null = null;
    for (let i = 0; i < th.pc; i++) {
      const op = instrs[i]?.op;
      if ((instrs[i]?.depth ?? 0) === 0 && (op === 'mm-start' || op === 'mm-end')) last = op;
    }
    const inEnd = last === 'mm-end' && (instrs[th.pc]?.depth ?? 0) > 0;
    if (last === 'mm-start' || inEnd) out.push({ thread: t, pages: mmTargets(s, t) });
  });
  return out;
}
