import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../scenarios';
import { cellScenario } from '../explore/matrix/matrix';
import { checkTrailText } from '../guard/spin-trail';
import { OPS } from '../ops';
import { modelOf, replay } from '../step';
import type { Scenario } from '../types';
import { validateScenario } from '../validate';
import { exportPromela, untranslatedOps } from './promela-export';
import { HEADER_TAG } from './promela-header';
import { PROMELA_OPS } from './promela-ops';
import { progressStep } from './promela-progress';
import { readPromelaHeader, readSpinReplay, trailBack } from './trail';

const META = { ringsideVersion: '9.9.9', modelVersion: 'm123', link: 'http://x/?s=rmb-reorder' };
const scenario = builtinScenarios.find((s) => s.id === 'rmb-reorder');
if (!scenario) throw new Error('no rmb-reorder');

describe('Promela export', () => {
  const model = exportPromela(scenario, META);
  const text = model.ok ? model.text : '';

  it('has a header naming the scenario, both versions, the link and the commands', () => {
    expect(text.startsWith(HEADER_TAG)).toBe(true);
    expect(readPromelaHeader(text)).toEqual({ scenario: 'rmb-reorder', ringside: '9.9.9', model: 'm123' });
    expect(text).toContain(`open in Ringside: ${META.link}`);
    expect(text).toMatch(/spin -a model\.pml && gcc .*-DSAFETY/);
    expect(text).toMatch(/spin -DPROGRESS -a model\.pml && gcc .*-DNP/);
  });

  it('writes one proctype per thread and one d_step per instruction, printing the step it takes', () => {
    const { programs } = modelOf(scenario);
    programs.forEach((p, t) => {
      expect(text).toContain(`proctype T${t}()`);
      p.instrs.forEach((instr, pc) => {
        expect(text).toContain(`printf("RS ${t} ${pc}\\n")`);
        expect(text).toContain(`op_${instr.op.replace(/-/g, '_')}(${t}, ${instr.arg}, ${instr.target},`);
      });
    });
  });

  it('declares each op it runs once, as an inline, and every hazard kind as a named assertion flag', () => {
    for (const op of new Set(modelOf(scenario).programs.flatMap((p) => p.instrs.map((i) => i.op)))) {
      expect(text.split(`inline op_${op.replace(/-/g, '_')}(`).length - 1).toBe(1);
    }
    expect(text).toContain('hidden byte hazard_use_after_free = 1;');
    expect(text).toContain('#define HAZARD(k) assert(!hazard_##k)');
  });

  it("leaves the progress copy of the worker's loop on every step that is not progress", () => {
    const progress = text.slice(
      text.indexOf('end_P: progress_step: do'),
      text.indexOf('#endif', text.indexOf('end_P: progress_step')),
    );
    const options = progress.split('  :: d_step').slice(1);
    const { instrs } = modelOf(scenario).programs[0] ?? { instrs: [] };
    expect(options).toHaveLength(instrs.length);
    instrs.forEach((instr, pc) => {
      const step = options[pc] ?? '';
      if (progressStep(instr, pc, instrs.length)) expect(step).not.toContain('goto end_L');
      else expect(step).toContain('goto end_L');
    });
  });

  it('names every op of the vocabulary in its Promela table', () => {
    expect(Object.keys(PROMELA_OPS).sort()).toEqual(Object.keys(OPS).sort());
  });

  it('refuses, in one line naming the ops, a scenario that runs an op with no Promela text yet', () => {
    // The vmap ops know one virtqueue only: the RFC V2 story with a second vq is one the export cannot write yet.
    const vmap = builtinScenarios.find((s) => s.id === 'vmap-lazy-tlb');
    if (!vmap) throw new Error('no vmap-lazy-tlb');
    const valid = validateScenario({ ...vmap, vqs: 2 });
    if (!valid.ok) throw new Error(valid.errors.join(' '));
    const refused = exportPromela(valid.scenario, META);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error).toMatch(/^not yet translated to Promela: .*vaccess \(with a second virtqueue\)/);
      expect(refused.error.split('\n')).toHaveLength(1);
    }
  });

  it.each([
    ['vmap-lazy-tlb', ['op_vaccess', 'vmalloc_access', 'op_inv_vunmap', 'drop_vmap_slot', 'op_dirty_lock']],
    ['v1-pin-blocks-migration', ['op_vmap', 'op_vunmap', 'op_unpin', 'DESIGN == DESIGN_vmap_pinned']],
    ['rfc-v2-ksm-abba', ['op_inv_mutex_lock', 'op_ksm_trylock', 'op_ksm_wrprotect', 'op_ksm_replace', 'flush_user_gp']],
    ['rfc-v2-writeback', ['op_wb_if_dirty', 'op_mkclean', 'op_writepage']],
  ])('exports %s, a vmap design, KSM or writeback, with its inlines', (id, names) => {
    const s = builtinScenarios.find((b) => b.id === id);
    if (!s) throw new Error(`no ${id}`);
    expect(untranslatedOps(s)).toEqual([]);
    const out = exportPromela(s, META);
    expect(out.ok).toBe(true);
    const pml = out.ok ? out.text : '';
    for (const name of names) expect(pml).toContain(name);
    expect(pml).toContain('HAZARD(stale_tlb)');
  });
});

describe('Promela export of fork, VHOST_SET_VRING_ADDR, QEMU exit and a second vq', () => {
  const byId = (id: string) => {
    const found = builtinScenarios.find((s) => s.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  const textOf = (s: Scenario) => {
    const m = exportPromela(s, META);
    if (!m.ok) throw new Error(m.error);
    return m.text;
  };

  it('exports the exit and re-register stories, with the unbalanced mmdrop as a named assertion', () => {
    const text = textOf(byId('merged-mmdrop-exit'));
    expect(text).toMatch(
      /inline op_notifier_unregister\(T, ARG, TARGET, FLAGS\) \{if :: !vhost\.registered -> HAZARD\(mm_refcount_underflow\)/,
    );
    expect(text).toContain('inline op_exit_teardown(');
    // While the notifier is off the list, a thread's callbacks are skipped (step.ts skipCallbacks).
    expect(textOf(byId('merged-rcu-revert'))).toMatch(/if :: !vhost\.registered -> do :: \(threads\[1\]\.pc == \d+/);
  });

  const matrixFork = () => {
    const valid = validateScenario(cellScenario('kmap-seq', 'fork', null));
    if (!valid.ok) throw new Error('no fork cell');
    return valid.scenario;
  };

  it('keeps a scenario that never unregisters free of the callback skip', () => {
    expect(textOf(scenario)).not.toContain('!vhost.registered -> do');
  });

  it('makes a user access wait while a fork thread holds the PT lock inside wp_page_copy', () => {
    const fork = matrixFork();
    const text = textOf(fork);
    const forkThread = fork.mm.findIndex((m) => m.kind === 'fork') + 1;
    expect(text).toContain(`!threads[${forkThread}].locals.aborted`);
    expect(text).toContain('inline op_cow_set(');
  });

  it('exports a second vq: the served vq’s mutex, region and slots', () => {
    const two = byId('merged-second-vq');
    expect(two.vqs).toBe(2);
    const text = textOf(two);
    expect(text).toContain('#define VQS 2');
    expect(text).toContain('vhost.vqMutex1 = T');
    expect(text).toMatch(/tgt_mask\[1\] = \d+/);
  });

  it('refuses, naming the op, a two-vq scenario whose ops do not know the second vq', () => {
    const two = byId('merged-second-vq');
    const reclaim: Scenario = { ...two, mm: [{ kind: 'reclaim', target: 'all' }] };
    expect(untranslatedOps(reclaim).join(', ')).toMatch(/with a second virtqueue/);
    expect(untranslatedOps(two)).toEqual([]);
  });
});

describe('Spin trails back into Ringside', () => {
  it('turns the steps Spin took into a schedule that reaches the same hazard', () => {
    const steps = replay(scenario, scenario.story).events.map((e) => ({ thread: e.thread, pc: e.pc }));
    expect(trailBack(scenario, { steps, hazard: 'use-after-free' })).toEqual({
      ok: true,
      schedule: scenario.story,
      hazard: 'use-after-free',
    });
    const cut = trailBack(scenario, { steps: steps.slice(0, 2), hazard: 'use-after-free' });
    expect(cut).toEqual({ ok: false, error: expect.stringMatching(/after 2 steps without reaching use-after-free/) });
  });

  it('names the step where a trail stops replaying', () => {
    const back = trailBack(scenario, { steps: [{ thread: 0, pc: 5 }], hazard: 'use-after-free' });
    expect(back).toEqual({
      ok: false,
      error: expect.stringMatching(/step 1 runs thread 0 at pc 5 in Spin but at pc 0 in Ringside/),
    });
  });

  it('reads the RS lines and the failed assertion from spin -t output', () => {
    const out = '      RS 1 0\n  RS 0 0\nspin: text of failed assertion: assert(!(hazard_lost_write))\n';
    expect(readSpinReplay(out)).toEqual({
      steps: [
        { thread: 1, pc: 0 },
        { thread: 0, pc: 0 },
      ],
      hazard: 'lost-write',
    });
    expect(readSpinReplay('  RS 1 0\nspin: trail ends after 1 steps\n')).toMatch(/ends before any hazard/);
  });

  it('lets only step:process:transition lines through the door', () => {
    expect(checkTrailText('-2:2:-2\n-4:-4:-4\n1:0:45\n')).toEqual({ ok: true, steps: 3 });
    expect(checkTrailText('')).toEqual({ ok: false, error: 'the trail is empty' });
    expect(checkTrailText('1:0:45\nrm -rf /\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^line 2/) });
    expect(checkTrailText('1:0:4'.repeat(300_000))).toMatchObject({ ok: false });
  });
});
