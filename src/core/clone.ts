import type { State, ThreadState } from './types';

function cloneThread(t: ThreadState): ThreadState {
  const l = t.locals;
  return {
    pc: t.pc,
    done: t.done,
    locals: {
      round: l.round,
      seqSnap: l.seqSnap,
      pages: l.pages.slice(),
      refs: l.refs.slice(),
      inRcu: l.inRcu,
      eagain: l.eagain,
      newFrame: l.newFrame,
      mapSlot: l.mapSlot,
      aborted: l.aborted,
      unpublished: l.unpublished,
    },
  };
}

/** A deep copy that `step` may mutate. Findings are append-only (step builds a new array), so they are shared. */
export function cloneState(s: State): State {
  return {
    scenario: s.scenario,
    time: s.time,
    ptes: s.ptes.map((p) => ({ ...p })),
    frames: s.frames.map((f) => ({ ...f })),
    vmalloc: s.vmalloc.map((v) => ({ ...v })),
    tlbs: s.tlbs.map((tlb) => tlb.map((e) => ({ ...e }))),
    vhost: { ...s.vhost, ptr: s.vhost.ptr.slice() },
    threads: s.threads.map(cloneThread),
    swap: s.swap.slice(),
    published: s.published,
    counters: { ...s.counters },
    findings: s.findings,
  };
}
