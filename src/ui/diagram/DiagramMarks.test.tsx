import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contextOf, locksOf, notifierOf, replay, threadNames, usedIdxView } from '../../core';
import type { State, StepEvent } from '../../core/types';
import { scenarioById } from '../../scenarios';
import { Diagram } from './Diagram';

/** A built-in's story at `step` (the last step when omitted), with the event and state that led there. */
function at(id: string, step?: number): { state: State; previous: State | undefined; event: StepEvent | undefined } {
  const s = scenarioById(id);
  if (!s) throw new Error(`no scenario ${id}`);
  const run = replay(s, s.story);
  const i = step ?? run.events.length;
  return { state: run.states[i] as State, previous: run.states[i - 1], event: run.events[i - 1] };
}

const show = (id: string, step?: number) => {
  const { state, previous, event } = at(id, step);
  render(<Diagram state={state} previous={previous} event={event} font={14} />);
  return { state, names: threadNames(state.scenario) };
};

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the protocol’s marks, each by role and name', () => {
  it('draws the PT lock and vq->mutex with their holder and waiter when reclaim’s ->invalidate_range takes the mutex', () => {
    const { state, names } = show('rfc-v2-rmap-mutex', 4);
    for (const lock of locksOf(state).filter((l) => l.id === 'pt-lock' || l.id === 'vq-mutex')) {
      expect(lock.holders.length).toBeGreaterThan(0);
      const holder = names[lock.holders[0] ?? 0] ?? '';
      const mark = screen.getByRole('img', { name: new RegExp(`^${literal(lock.name)} .*held by ${literal(holder)}`) });
      expect(mark).toHaveAttribute('data-marks', lock.id);
    }
  });

  it('shows a deadlock as a cycle: each thread holds the lock the other waits for', async () => {
    const { state, names } = show('rfc-v2-ksm-abba');
    const waited = locksOf(state).filter((l) => l.waiters.length > 0);
    expect(waited.length).toBe(2);
    for (const lock of waited) {
      const holder = literal(names[lock.holders[0] ?? -1] ?? '');
      const waiter = literal(names[lock.waiters[0] ?? -1] ?? '');
      screen.getByRole('img', { name: new RegExp(`held by ${holder}; waiting: ${waiter}$`) });
    }
    // The lines load with the first lock in use, a moment after the boxes.
    await waitFor(() => expect(document.querySelectorAll('[data-edge^="waits-"]')).toHaveLength(2));
    expect(document.querySelectorAll('[data-edge^="holds-"]')).toHaveLength(2);
  });

  it('shows the notifier’s seq and count, vhost’s snapshot beside the live value, and the band of the running invalidation', () => {
    const { state, names } = show('gup-munmap-seq-retry', 8);
    const view = notifierOf(state);
    if (!view) throw new Error('kmap-seq has a notifier');
    expect(view.counters.find((c) => c.id === 'count')?.value).toBe(1);
    screen.getByRole('img', {
      name: new RegExp(
        `seq and count: vq->mmu_seq ${state.vhost.seq}, vq->count ${state.vhost.count}, \\(the in-progress count\\)$`,
      ),
    });
    screen.getByRole('img', { name: new RegExp(`seq snapshot ${view.snapshot}.*check now: retry$`) });
    const band = screen.getByRole('img', { name: /^Invalidation in progress: munmap invalidating$/ });
    expect(band).toHaveAttribute('data-band', 'band-1');
    expect(names[1]).toMatch(/^munmap/);
  });

  it('marks the interval designs’ subscription sequence odd while an invalidation runs', () => {
    const { state } = show('interval-notifier-safe', 9);
    expect(state.vhost.seq % 2).toBe(1);
    screen.getByRole('img', { name: new RegExp(`subscription seq ${state.vhost.seq}, .*\\(odd: invalidating\\)`) });
  });

  it('drops “invalidating” once the mm’s sequence has moved on: the subscription keeps the odd value of its last one', () => {
    const { state } = show('interval-notifier-safe');
    expect(state.vhost.seq % 2).toBe(1);
    expect(state.vhost.itreeSeq).not.toBe(state.vhost.seq);
    const mark = screen.getByRole('img', { name: /^Notifier’s seq and count/ });
    expect(mark).toHaveAccessibleName(/invalidations active 0/);
    expect(mark).not.toHaveAccessibleName(/invalidating/);
  });

  it('says when vhost’s notifier is off the mm’s list, as in the failed register before the mm_count underflow', () => {
    const s = scenarioById('merged-mmdrop-exit');
    const run = replay(s as NonNullable<typeof s>, s?.story ?? []);
    const hazard = run.states.findIndex((st) => st.findings.some((f) => f.kind === 'mm-refcount-underflow'));
    expect(hazard).toBeGreaterThan(0);
    const counters = (i: number) => {
      cleanup();
      render(<Diagram state={run.states[i] as State} previous={run.states[i - 1]} event={undefined} font={14} />);
      return screen.getByRole('img', { name: /^Notifier’s seq and count/ });
    };
    expect(run.states[hazard - 1]?.vhost.registered).toBe(false);
    expect(counters(hazard - 1)).toHaveAccessibleName(/notifier off the mm’s list/);
    // Drawn, not only named (a narrow box may wrap it over two lines).
    expect(counters(hazard - 1).textContent?.replace(/\s+/g, ' ')).toMatch(/notifier off the ?mm’s ?list/);
    expect(run.states[1]?.vhost.registered).toBe(true);
    expect(counters(1)).not.toHaveAccessibleName(/off the mm’s list/);
  });

  it('names where a thread that waits on no lock is blocked: vhost in mmu_interval_read_begin (tour chapter 14)', () => {
    const { state, names } = show('interval-notifier-safe', 9);
    const mark = screen.getByRole('img', { name: new RegExp(`^${literal(names[0] ?? '')}:`) });
    expect(mark).toHaveAccessibleName(/blocked: sleeps in mmu_interval_read_begin\(\) until the invalidation/);
    expect(mark.textContent).toMatch(/blocked/);
    expect(state.threads[0]?.done).toBe(false);
  });

  it('gives every running thread a context badge: atomic under the PT lock, must not block in the OOM reaper', () => {
    const pt = show('rfc-v2-rmap-mutex', 4);
    expect(contextOf(pt.state, 1)?.kind).toBe('atomic');
    screen.getByRole('img', { name: new RegExp(`^${literal(pt.names[1] ?? '')}: atomic \\(PT lock held\\)`) });
    cleanup();
    const s = scenarioById('interval-mutex-oom-skip');
    const run = replay(s as NonNullable<typeof s>, s?.story ?? []);
    const i = run.states.findIndex((st) => contextOf(st, 2)?.kind === 'no-block');
    expect(i).toBeGreaterThanOrEqual(0);
    render(<Diagram state={run.states[i] as State} event={undefined} font={14} />);
    screen.getByRole('img', { name: /^OOM reaper.*: must not block \(OOM reaper\)/ });
  });

  it('shows the guest’s used.idx in the frame its PTE maps against where vhost wrote: a lost write after a COW', () => {
    const s = scenarioById('v1-fork-cow');
    const run = replay(s as NonNullable<typeof s>, s?.story ?? []);
    const i = run.states.findIndex((st) => {
      const v = usedIdxView(st);
      return v.published > 0 && v.guestFrame >= 0 && !v.writtenTo.includes(v.guestFrame);
    });
    const state = run.states[i] as State;
    const view = usedIdxView(state);
    render(<Diagram state={state} event={undefined} font={14} />);
    const mark = screen.getByRole('img', {
      name: new RegExp(
        `^Guest’s used.idx: the guest reads ${view.guestReads}, in frame #${view.guestFrame}; vhost wrote ${view.published} → #${view.writtenTo[0]}.*the guest does not see it$`,
      ),
    });
    expect(mark).toHaveAttribute('data-tone', 'danger');
  });

  it('calls the guest’s used.idx lost only after the checker found a lost write, never for memory discarded or mid-COW', () => {
    const lostAt = (id: string) => {
      const s = scenarioById(id);
      const run = replay(s as NonNullable<typeof s>, s?.story ?? []);
      return run.states.map((st) => {
        cleanup();
        render(<Diagram state={st} event={undefined} font={14} />);
        const mark = screen.getByRole('img', { name: /^Guest’s used.idx/ });
        return {
          danger: mark.getAttribute('data-tone') === 'danger',
          lostSoFar: st.findings.some((f) => f.kind === 'lost-write'),
          differs: usedIdxView(st).published !== usedIdxView(st).guestReads,
        };
      });
    };
    // Mid-COW the copy holds the value and the next step maps it; after munmap the memory is gone: neither is a loss.
    for (const id of ['rfc-v2-cow-ptl', 'interval-notifier-safe', 'exit-no-release']) {
      const states = lostAt(id);
      expect(states.some((st) => st.differs)).toBe(true);
      expect(states.filter((st) => st.danger)).toEqual([]);
    }
    const lost = lostAt('swapout-lost-write');
    expect(lost.some((st) => st.danger)).toBe(true);
    for (const st of lost) expect(st.danger).toBe(st.lostSoFar && st.differs);
  });

  it('says vhost wrote nothing yet before its first used.idx, not “not published” (publishing is the pointer’s word)', () => {
    show('gup-munmap-uaf', 5);
    const mark = screen.getByRole('img', { name: /^Guest’s used.idx/ });
    expect(mark).toHaveAccessibleName(/vhost wrote nothing yet/);
    expect(within(mark).getByText('vhost wrote nothing yet')).toBeInTheDocument();
    expect(within(mark).queryByText(/published/)).not.toBeInTheDocument();
  });

  it('shows a changed refcount as old → new, the old value in its own part so it can fade', () => {
    const s = scenarioById('gup-munmap-uaf');
    const run = replay(s as NonNullable<typeof s>, s?.story ?? []);
    const i = run.states.findIndex(
      (st, k) => k > 0 && st.frames.some((f, n) => f.refcount !== run.states[k - 1]?.frames[n]?.refcount),
    );
    const state = run.states[i] as State;
    const previous = run.states[i - 1] as State;
    const f = state.frames.findIndex((fr, n) => fr.refcount !== previous.frames[n]?.refcount);
    render(<Diagram state={state} previous={previous} event={run.events[i - 1]} font={14} />);
    const box = document.querySelector(`[data-node="frame-${f}"]`) as HTMLElement;
    const old = within(box).getByText(`${previous.frames[f]?.refcount} →`, { exact: false });
    expect(old).toHaveClass('old-value');
    expect(old.closest('text')).toHaveTextContent(
      `ref ${previous.frames[f]?.refcount} → ${state.frames[f]?.refcount} · map`,
    );
  });

  it('names vhost’s cached pointer userringpage, with the design’s own field beside it', () => {
    show('gup-munmap-uaf', 8);
    expect(screen.getAllByText(/^userringpage \d$/).length).toBeGreaterThan(0);
    expect(screen.getAllByText(/^vq->ptr\[\d\]/).length).toBeGreaterThan(0);
    cleanup();
    show('merged-rcu-revert', 10);
    expect(screen.getAllByText(/^vq->maps\[\d\]/).length).toBeGreaterThan(0);
  });
});
