import {
  BUGS,
  DESIGNS,
  HAZARD_KINDS,
  isIntervalDesign,
  MEMORY_KINDS,
  MM_KINDS,
  memoryOf,
  mmuLockIsMutex,
} from '../catalog';
import { layoutOf } from '../layout';
import type { OpName } from '../ops';
import { targetPages } from '../pagetable';
import { modelOf } from '../step';
import type { Instr, Scenario } from '../types';
import { init } from '../world';
import { capacitiesOf } from './promela-capacity';
import { type PromelaMeta, promelaHeader } from './promela-header';
import { HIDDEN_TEMPS, KERNEL_INLINES } from './promela-kernel';
import { filterInline, LIST_INLINES } from './promela-lists';
import { isTranslated } from './promela-op-types';
import { PROMELA_OPS } from './promela-ops';
import { ioctlInlines, skipCallbacks } from './promela-ops-ioctl';
import { KSM_WB_INLINES } from './promela-ops-ksm-wb';
import { INTERVAL_INLINES, MM_INLINES } from './promela-ops-mm';
import { PAGE_INLINES } from './promela-ops-page';
import { vmapInlines } from './promela-ops-vmap';
import { progressStep } from './promela-progress';
import { enumConst, ident, promelaState } from './promela-schema';
import { secondVqUntranslated, vqDefines } from './promela-vqs';

export type PromelaExport = { ok: true; text: string } | { ok: false; error: string };

/** Ops a scenario runs that have no Promela text yet, with the reason each is missing. */
export function untranslatedOps(scenario: Scenario): string[] {
  const ops = new Set(modelOf(scenario).programs.flatMap((p) => p.instrs.map((i) => i.op)));
  const missing = [...ops].flatMap((op) => {
    const t = PROMELA_OPS[op];
    return isTranslated(t) ? [] : [`${op} (${t.untranslated})`];
  });
  return [...missing, ...secondVqUntranslated(scenario, ops)];
}

const TLB_FIELDS = ['kind', 'key', 'frame', 'size'];
const opName = (op: OpName) => `op_${ident(op)}`;

/** The scenario as one Promela model: the same programs and state schema Ringside runs, one d_step per step. */
export function exportPromela(scenario: Scenario, meta: PromelaMeta): PromelaExport {
  const missing = untranslatedOps(scenario);
  if (missing.length > 0) return { ok: false, error: `not yet translated to Promela: ${missing.join(', ')}` };
  const { programs } = modelOf(scenario);
  const np = layoutOf(scenario.ringSize).pages;
  const caps = capacitiesOf(scenario);
  const asked = new Map<string, number>();
  const state = promelaState((path) => {
    const n = caps(path);
    asked.set(path, n);
    return n;
  }, init(scenario));
  const used = layoutOf(scenario.ringSize).areas[2]?.pages ?? [0];
  const areas = layoutOf(scenario.ringSize).areas;
  const tlbCap = asked.get('tlbs.e') ?? 1;
  const defines = [
    `#define NP ${np}`,
    ...vqDefines(scenario),
    `#define ROUNDS ${scenario.rounds}`,
    `#define VHOST_CPU 0`,
    `#define IDX_PAGE ${used[0]}`,
    `#define USED_FIRST ${used[0]}`,
    `#define USED_LAST ${used[used.length - 1]}`,
    ...DESIGNS.map((d, i) => `#define DESIGN_${ident(d)} ${i}`),
    `#define DESIGN DESIGN_${ident(scenario.design)}`,
    ...MEMORY_KINDS.map((m, i) => `#define MEMORY_${m} ${i}`),
    `#define MEMORY MEMORY_${memoryOf(scenario)}`,
    ...MM_KINDS.map((k, i) => `#define MMKIND_${ident(k)} ${i + 1}`),
    `#define IS_INTERVAL ${isIntervalDesign(scenario.design) ? 1 : 0}`,
    `#define MMU_IS_MUTEX ${mmuLockIsMutex(scenario.design) ? 1 : 0}`,
    `#define DIRECT_SIZE ${enumConst('size', scenario.directMap)}`,
    ...BUGS.map((b, i) => `#define BUG_${ident(b)} ${1 << i}`),
    `#define SCENARIO_BUGS ${scenario.bugs.reduce((m, b) => m | (1 << BUGS.indexOf(b)), 0)}`,
    `#define CTX_PRESENT ${1 << 10}`,
    `#define CTX_BLOCKABLE ${1 << 11}`,
    `#define CTX_PT_LOCK ${1 << 12}`,
    `#define CTX_PAGE_LOCKED ${1 << 13}`,
    '#define HAZARD(k) assert(!hazard_##k)',
    ...[...asked].map(([path, n]) => `#define CAP_${ident(path)} ${n}`),
  ];
  const hazards = HAZARD_KINDS.map((k) => `hidden byte hazard_${ident(k)} = 1;`);
  const nt = programs.length;
  const hidden = [
    ...hazards,
    'hidden byte capacity_exceeded = 1;',
    `hidden short ${HIDDEN_TEMPS.join(', ')};`,
    'hidden byte area_first[3], area_last[3];',
    `hidden byte tgt_first[${nt}], tgt_last[${nt}], mm_kind[${nt}];`,
    `hidden int tgt_mask[${nt}];`,
    'hidden byte h_done[CAP_frames];',
  ];
  const constants = [
    ...areas.flatMap((a, i) => [
      `area_first[${i}] = ${a.pages[0]}`,
      `area_last[${i}] = ${a.pages[a.pages.length - 1]}`,
    ]),
    ...scenario.mm.flatMap((spec, i) => {
      const pages = targetPages(init(scenario), spec);
      return [
        `tgt_first[${i + 1}] = ${pages[0]}`,
        `tgt_last[${i + 1}] = ${pages[pages.length - 1]}`,
        `tgt_mask[${i + 1}] = ${pages.reduce((m, gp) => m | (1 << gp), 0)}`,
        `mm_kind[${i + 1}] = MMKIND_${ident(spec.kind)}`,
      ];
    }),
  ];
  const opsUsed = [...new Set(programs.flatMap((p) => p.instrs.map((i) => i.op)))];
  const opInlines = opsUsed.map((op) => {
    const t = PROMELA_OPS[op];
    return isTranslated(t) ? `inline ${opName(op)}(T, ARG, TARGET, FLAGS) {${t.body}\n}` : '';
  });
  const proctypes = programs.map((p, t) => proctype(scenario, t, p.instrs, { t, scenario, np, tlbCap }, p.name));
  const text = [
    promelaHeader(scenario, meta),
    ...defines,
    '/* Multi-core pan (-DNCORE) refuses hidden variables: spin -DMULTICORE makes them plain and zeroes them after each step. */',
    '#ifdef MULTICORE',
    '#define hidden',
    `#define RESET_TEMPS ${[...HIDDEN_TEMPS.map((h) => `${h} = 0`), 'h_c = 0; do :: h_c < CAP_frames -> h_done[h_c] = 0; h_c++ :: else -> break od; h_c = 0'].join('; ')}`,
    '#else',
    '#define RESET_TEMPS skip',
    '#endif',
    '#ifndef PROGRESS',
    '#define end_P end_L',
    '#endif',
    '',
    state.declarations,
    '',
    ...hidden,
    LIST_INLINES,
    filterInline('drop_user_key', 'tlbs[VHOST_CPU].e', tlbCap, TLB_FIELDS, 'IT.kind == KIND_user && IT.key == h_ukey'),
    filterInline('drop_flushed', 'tlbs[h_w].e', tlbCap, TLB_FIELDS, 'IT.kind == KIND_user && ((h_keys >> IT.key) & 1)'),
    KERNEL_INLINES,
    MM_INLINES,
    INTERVAL_INLINES,
    PAGE_INLINES,
    vmapInlines(scenario),
    KSM_WB_INLINES,
    ioctlInlines(asked.get('vmalloc') ?? 1),
    ...opInlines,
    ...proctypes,
    "/* No thread can move although some have not finished: Ringside's deadlock (`reportDeadlock`). */",
    `proctype Watchdog() {\n  end_watch: timeout && !(${programs.map((_, t) => `threads[${t}].done`).join(' && ')}) -> HAZARD(deadlock);\n  end_stuck: false\n}`,
    `init {\n  d_step {\n    ${[state.initialise, ...constants].join(';\n    ').replaceAll(';;', ';')}\n  };\n  atomic { ${programs.map((_, t) => `run T${t}()`).join('; ')}; run Watchdog() }\n}`,
    '',
  ].join('\n');
  return { ok: true, text };
}

function flagsOf(instr: Instr): number {
  let flags = 0;
  for (const b of instr.bugs ?? []) flags |= 1 << BUGS.indexOf(b);
  if (instr.ctx) {
    flags |= 1 << 10;
    if (instr.ctx.blockable) flags |= 1 << 11;
    if (instr.ctx.ptLock) flags |= 1 << 12;
    if (instr.ctx.pageLocked) flags |= 1 << 13;
  }
  return flags;
}

/**
 * One proctype per thread: a loop of one d_step per instruction, guarded by the thread's pc (the schema's
 * `threads[t].pc`) and the op's `blocked` check negated. The vhost worker's loop is written twice, the second copy
 * under a progress label: a step that is progress for Ringside (`vhostProgress`) jumps into it, any other step out.
 */
function proctype(
  scenario: Scenario,
  t: number,
  instrs: readonly Instr[],
  g: { t: number; scenario: Scenario; np: number; tlbCap: number },
  name: string,
): string {
  const n = instrs.length;
  const { programs } = modelOf(scenario);
  /** `here`: the copy of the loop the option is written in; a step whose `onward` copy differs jumps there. */
  const option = (instr: Instr, pc: number, onward: string, here: string) => {
    const op = PROMELA_OPS[instr.op];
    const enabled = isTranslated(op) && op.enabled ? ` && ${op.enabled({ ...g, instr })}` : '';
    return `  :: d_step { threads[${t}].pc == ${pc}${enabled} ->
       printf("RS ${t} ${pc}\\n"); threads[${t}].pc = ${pc + 1};
       ${opName(instr.op)}(${t}, ${instr.arg}, ${instr.target}, ${flagsOf(instr)});${skipCallbacks(programs, t, instr)}
       if :: threads[${t}].pc >= ${n} -> threads[${t}].done = 1 :: else fi;
       RESET_TEMPS }${onward === here ? '' : ` -> goto ${onward}`}`;
  };
  const loop = (label: string, here: string) =>
    [
      `${label}: do`,
      ...instrs.map((instr, pc) => option(instr, pc, t === 0 && progressStep(instr, pc, n) ? 'end_P' : 'end_L', here)),
      '  od',
    ].join('\n');
  // A finished thread rests at its loop head (an end label: a valid end state); the watchdog reports deadlocks.
  // Only a liveness build (spin -DPROGRESS) keeps the second copy, under a progress label; a safety build folds it.
  const loops =
    t === 0
      ? [`${loop('end_L', 'end_L')};`, '#ifdef PROGRESS', loop('end_P: progress_step', 'end_P'), '#endif']
      : [loop('end_L', 'end_L')];
  return [`/* thread ${t}: ${name.replace(/\*\//g, '* /')} */`, `proctype T${t}() {`, ...loops, '}'].join('\n');
}
