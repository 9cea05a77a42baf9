import { isStaleTlb, layoutOf, programsOf } from '../../core';
import type { State } from '../../core/types';
import type { ChangedTest } from '../views/changed';
import { bandLabelsAfter } from './band';
import type { Geometry } from './geometry';
import { entryText, frameFlags, isGone, ownerText, pointerField, usesVmap } from './labels';
import type { Column, DiagramNode, Tone } from './model';
import { valueLine } from './values';

type Draft = Omit<DiagramNode, 'x' | 'y' | 'width' | 'height' | 'column'>;

/** Stacks drafts top-down in one column, leaving `gapAfter` lines under a box for band labels. */
function stack(g: Geometry, column: Column, drafts: Draft[]): DiagramNode[] {
  let y = g.top;
  return drafts.map((draft) => {
    const lines = 1 + draft.lines.length + (draft.areas ? 1 : 0);
    const height = g.nodeHeight(lines);
    const node = { ...draft, column, x: g.x(column), y, width: g.columnWidth, height };
    y += height + g.rowGap + (draft.gapAfter ?? 0) * g.line;
    return node;
  });
}

/** The regions of vq 0's ring: region 1 too when the ring can move there; vq 1's ring, if any, comes after them. */
const vq0Regions = (state: State) => (state.scenario.mm.some((m) => m.kind === 'set-vring-addr') ? 2 : 1);

/** Ring pages shown: region 0, region 1 when the ring can move there, and vq 1's ring with two vqs. */
export function shownPages(state: State): number[] {
  const regions = vq0Regions(state) + (state.scenario.vqs ?? 1) - 1;
  const perRegion = layoutOf(state.scenario.ringSize).pages;
  return state.ptes.map((_, gp) => gp).filter((gp) => Math.floor(gp / perRegion) < regions);
}

function pageNodes(state: State, changed: ChangedTest): Draft[] {
  const layout = layoutOf(state.scenario.ringSize);
  const vq1Region = (state.scenario.vqs ?? 1) > 1 ? vq0Regions(state) : -1;
  const twoRegions = vq0Regions(state) > 1;
  const labels = bandLabelsAfter(state, shownPages(state));
  return shownPages(state).map((gp) => {
    const pte = state.ptes[gp];
    const page = gp % layout.pages;
    const region = Math.floor(gp / layout.pages);
    const vq1 = region === vq1Region;
    const here = vq1 || region === state.vhost.region;
    // With two vqs and two regions the title drops "ring" to fit the box: "vq 0 r1 page 0".
    const vq0 = vq1Region >= 0 ? 'vq 0 ' : '';
    const where = vq1 ? 'vq 1 ring ' : `${vq0}${twoRegions ? `r${region} ` : ''}${vq0 && twoRegions ? '' : 'ring '}`;
    const copy = vq1 ? state.swap[layout.pages + page] : region === 0 ? state.swap[page] : undefined;
    return {
      id: `page-${gp}`,
      kind: 'page',
      index: gp,
      title: `${where}page ${page}${twoRegions && here && !vq1 ? ' ◀ ring' : ''}`,
      areas: here ? layout.areas.filter((a) => a.pages.includes(page)).map((a) => a.area) : [],
      lines: [pte ? entryText(pte, copy) : 'no entry'],
      tone: pte?.present ? 'normal' : 'muted',
      hatched: !pte?.present,
      changed: changed(`ptes.${gp}`),
      marks: ['ring-page'],
      ...(labels.has(gp) ? { gapAfter: labels.get(gp) } : {}),
    };
  });
}

/** Frames a kernel path still reaches: vhost's pointers, the vmap alias, and cached TLB entries. */
export function reachedFrames(state: State): Set<number> {
  const reached = new Set(state.vhost.ptr.filter((f) => f >= 0));
  for (const v of state.vmalloc) reached.add(v.frame);
  state.tlbs.forEach((tlb) => {
    for (const e of tlb) if (e.frame >= 0) reached.add(e.frame);
  });
  return reached;
}

/** New frames an mm thread has filled but not mapped yet: migration's targets and wp_page_copy's copies. */
function copyTargets(state: State): Map<number, string> {
  const programs = programsOf(state.scenario);
  const targets = new Map<number, string>();
  state.threads.forEach((thread, t) => {
    const kind = programs[t]?.kind;
    const label = kind === 'migrate' ? 'migration target' : kind === 'fork' ? 'COW copy (unmapped)' : null;
    if (label && !thread.done) for (const f of thread.locals.refs) targets.set(f, label);
  });
  return targets;
}

function frameNodes(state: State, changed: ChangedTest, previous: State | undefined): Draft[] {
  const reached = reachedFrames(state);
  const targets = copyTargets(state);
  return state.frames.map((frame, f) => {
    const gone = isGone(frame);
    const danger = gone && reached.has(f);
    const tone: Tone = danger ? 'danger' : gone ? 'gone' : 'normal';
    const owner = (frame.owner === 'isolated' && targets.get(f)) || ownerText(frame.owner);
    return {
      id: `frame-${f}`,
      kind: 'frame',
      index: f,
      title: `#${f} · ${frame.size}${danger ? ' ⚠' : ''}`,
      lines: [owner, ...frameFlags(frame, changed(`frames.${f}`) ? previous?.frames[f] : undefined)],
      tone,
      hatched: gone,
      changed: changed(`frames.${f}`),
      marks: ['frame'],
    };
  });
}

function directNode(state: State): Draft {
  const cached = state.tlbs.flatMap((tlb, cpu) => (tlb.some((e) => e.kind === 'direct') ? [`CPU${cpu}`] : []));
  // A direct-map TLB entry has no arrow of its own: its "in CPUn TLB" line is the TLB entry the tour points at.
  return {
    id: 'direct',
    kind: 'direct',
    index: 0,
    title: `direct map · ${state.scenario.directMap}`,
    lines: ['maps every frame', ...(cached.length > 0 ? [`in ${cached.join(', ')} TLB`] : [])],
    tone: 'normal',
    hatched: false,
    changed: false,
    marks: cached.length > 0 ? ['direct-map', 'tlb'] : ['direct-map'],
  };
}

/** Live vmalloc PTEs, plus ghosts for TLB entries that outlived theirs. */
function vmallocNodes(state: State, changed: ChangedTest): Draft[] {
  const live = state.vmalloc.map((v) => ({ slot: v.slot, page: v.page, frame: v.frame, live: true }));
  const ghosts = state.tlbs.flatMap((tlb, cpu) =>
    tlb
      .filter((e) => e.kind === 'vmalloc' && isStaleTlb(state, cpu, e))
      .map((e) => ({ slot: Math.floor(e.key / 64), page: e.key % 64, frame: e.frame, live: false })),
  );
  const seen = new Set<number>();
  return [...live, ...ghosts]
    .sort((a, b) => a.slot * 64 + a.page - (b.slot * 64 + b.page))
    .filter((v) => {
      const key = v.slot * 64 + v.page;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((v) => ({
      id: `vmalloc-${v.slot * 64 + v.page}`,
      kind: 'vmalloc' as const,
      index: v.slot * 64 + v.page,
      title: `vmap slot ${v.slot} page ${v.page}`,
      lines: [v.live ? '4K vmalloc PTE' : 'PTE cleared (vunmap)'],
      tone: v.live ? ('normal' as const) : ('muted' as const),
      hatched: !v.live,
      changed: changed('vmalloc'),
      marks: ['vmap' as const],
    }));
}

function pointerNodes(state: State, changed: ChangedTest, previous: State | undefined): Draft[] {
  const { design } = state.scenario;
  if (design === 'copy-user') {
    // The cost the series set out to remove (tour chapter 1), counted where the kernel pointer would be.
    const pairs = state.counters.stacClac;
    const before = previous?.counters.stacClac;
    return [
      {
        id: 'note-copy-user',
        kind: 'note',
        index: 0,
        title: 'vhost: copy_*_user',
        lines: ['no kernel pointer;', "walks QEMU's PTEs", valueLine('stac/clac pairs ', pairs, before)],
        tone: 'normal',
        hatched: false,
        changed: before !== undefined && before !== pairs,
        marks: ['uaccess'],
        label: `vhost: copy_*_user: no kernel pointer, walks QEMU’s PTEs; stac/clac pairs ${pairs}`,
      },
    ];
  }
  const twoVqs = (state.scenario.vqs ?? 1) > 1;
  if (usesVmap(design)) {
    const slot = state.vhost.vmapSlot;
    const local = state.threads[0]?.locals.mapSlot ?? -1;
    const mapped = (s: number) => state.vmalloc.some((v) => v.slot === s);
    const mapNode = (id: string, vq: number, at: number): Draft => {
      const field = twoVqs ? `vqs[${vq}]->map` : 'vq->map';
      return {
        id,
        kind: 'pointer',
        index: at,
        title: twoVqs ? `userringpage vq ${vq}` : 'userringpage',
        lines: [at < 0 ? `${field} = NULL` : `${field} → slot ${at}`],
        tone: 'normal',
        hatched: false,
        changed: changed(vq === 0 ? 'vhost.vmapSlot' : 'vhost.vmapSlot1'),
        marks: ['userringpage'],
      };
    };
    // V1's one long-term vmap covers both rings, so only RFC V2 shows vq 1's map of its own.
    const drafts: Draft[] = [mapNode('pointer-map', 0, slot)];
    if (twoVqs && design === 'vmap-notifier') drafts.push(mapNode('pointer-map1', 1, state.vhost.vmapSlot1));
    if (local >= 0)
      drafts.push({
        id: 'pointer-local',
        kind: 'pointer',
        index: local,
        title: "worker's map copy",
        lines: [`→ vmap slot ${local}${mapped(local) ? '' : ' (gone)'}`],
        tone: mapped(local) ? 'normal' : 'danger',
        hatched: false,
        changed: changed('threads.0'),
      });
    return drafts;
  }
  const perVq = layoutOf(state.scenario.ringSize).pages;
  return state.vhost.ptr.map((f, p) => ({
    id: `pointer-${p}`,
    kind: 'pointer',
    index: p,
    title: `userringpage ${p}`,
    lines: [
      `${twoVqs ? pointerField(design, p % perVq).replace(/^vq/, `vqs[${Math.floor(p / perVq)}]`) : pointerField(design, p)} ${f < 0 ? '= NULL' : `→ #${f}`}`,
    ],
    tone: f >= 0 && isGone(state.frames[f]) ? 'danger' : 'normal',
    hatched: false,
    changed: changed('vhost.ptr'),
    marks: ['userringpage'],
  }));
}

/** The three columns of one ring's paths to memory (a second ring's columns would be stacked the same way). */
export function buildNodes(
  state: State,
  changed: ChangedTest,
  g: Geometry,
  previous: State | undefined,
): DiagramNode[] {
  const kernel = [directNode(state), ...vmallocNodes(state, changed), ...pointerNodes(state, changed, previous)];
  return [
    ...stack(g, 'user', pageNodes(state, changed)),
    ...stack(g, 'frames', frameNodes(state, changed, previous)),
    ...stack(g, 'kernel', kernel),
  ];
}
