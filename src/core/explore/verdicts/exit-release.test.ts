import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../../scenarios';
import { DESIGNS } from '../../catalog';
import { replay } from '../../index';
import { programsOf } from '../../programs/compile';
import { threadStatus } from '../../step';
import { cellScenario, exploreCell } from '../matrix/matrix';

/** do_exit → exit_mm, exit_files → vhost_dev_cleanup, then mmput → exit_mmap (kernel/exit.c, mm/mmap.c; v5.0). */
describe('QEMU exits', () => {
  it('stops the worker and unregisters before exit_mmap calls mmu_notifier_release and frees the pages', () => {
    const ops = programsOf(cellScenario('direct-map-rcu', 'exit', null))[1]?.instrs.map((i) => i.op) ?? [];
    expect(ops).toEqual([
      'exit-mm',
      'exit-stop-worker',
      'exit-teardown',
      'exit-release',
      'zap',
      'tlb-flush',
      'free-batch',
      'reuse',
    ]);
  });

  it('keeps the address space until the worker has stopped: vhost holds mm_users (get_task_mm)', () => {
    const scenario = cellScenario('kmap-seq', 'exit', null);
    const run = replay(scenario, [1]);
    const state = run.states[1];
    if (!state) throw new Error('no state');
    expect(threadStatus(state, 1)).toEqual({ state: 'blocked', reason: 'vhost_net_flush waits for vhost worker' });
    expect(state.ptes.every((p) => p.present)).toBe(true);
  });

  it('leaves no vhost notifier for ->release and no pointer to a freed page, in every design', () => {
    for (const design of DESIGNS) {
      const cell = exploreCell(design, 'exit', null);
      expect(cell.complete).toBe(true);
      expect([...cell.hazards, ...cell.warnings]).toEqual([]);
    }
    const story = scenarioById('exit-no-release');
    if (!story) throw new Error('missing scenario');
    const run = replay(story, story.story);
    const release = run.events.find((e) => e.instr.op === 'exit-release');
    const before = run.states[run.events.indexOf(release as never)];
    expect(before?.vhost.registered).toBe(false);
    expect(before?.vhost.ptr.every((f) => f < 0)).toBe(true);
    expect(run.states[run.states.length - 1]?.frames.every((f) => f.owner === 'reused-by-other')).toBe(true);
  });

  it('says which designs have no ->release: RFC V2 (.invalidate_range only) and 7f466032dc9e (start/end only)', () => {
    const teardown = (design: (typeof DESIGNS)[number]) =>
      programsOf(cellScenario(design, 'exit', null))[1]?.instrs.find((i) => i.op === 'exit-teardown')?.code ?? '';
    expect(teardown('vmap-notifier')).toContain('no .release');
    expect(teardown('direct-map-rcu')).toContain('no .release');
    expect(teardown('direct-map-rcu')).toContain('no set_page_dirty');
    expect(teardown('interval-notifier')).toContain('mmu_interval_notifier_remove');
  });
});
