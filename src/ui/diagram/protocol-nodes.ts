import {
  contextOf,
  type LockView,
  locksOf,
  notifierOf,
  type State,
  threadNames,
  threadStatus,
  type UsedIdxView,
  usedIdxView,
} from '../../core';
import { shortName } from './band';
import type { Geometry } from './geometry';
import type { DiagramNode, MarkId, TextLine, Tone } from './model';
import { currentText, fitLine, fitText, valueLine } from './values';

/** The context badge's words; the shape before them says it without colour. */
export const CONTEXT_TEXT = {
  'may-sleep': '● may sleep',
  atomic: '▲ atomic',
  'no-block': '■ must not block',
} as const;

type Draft = Omit<DiagramNode, 'x' | 'y' | 'width' | 'height' | 'column'>;

const LOCK_MARK = (id: string): MarkId =>
  id === 'vq-mutex' || id === 'mmu-lock' || id === 'pt-lock' || id === 'mmap-sem' ? id : 'page-lock';

const who = (names: readonly string[], threads: number[]) => threads.map((t) => names[t] ?? `thread ${t}`).join(', ');
const whoShort = (names: readonly string[], threads: number[]) => threads.map((t) => shortName(names[t])).join(', ');

function threadDrafts(s: State, names: readonly string[], locks: LockView[]): Draft[] {
  return s.threads.map((th, t) => {
    const context = contextOf(s, t);
    const status = threadStatus(s, t);
    const waits = locks.find((l) => l.waiters.includes(t));
    const line = context ? `${CONTEXT_TEXT[context.kind]}: ${context.why}` : 'finished';
    const state = th.done
      ? ''
      : waits
        ? `waits for ${waits.name.replace(' (ring’s page table)', '')}`
        : status.state === 'blocked'
          ? 'blocked'
          : '';
    const name = names[t] ?? `thread ${t}`;
    return {
      id: `thread-${t}`,
      kind: 'thread',
      index: t,
      title: name,
      lines: state ? [line, state] : [line],
      tone: th.done ? 'muted' : 'normal',
      hatched: false,
      changed: false,
      marks: ['thread', 'context'],
      ...(context ? { context: context.kind } : {}),
      label: `${name}: ${context ? `${CONTEXT_TEXT[context.kind].slice(2)} (${context.why})` : 'finished'}${state ? `, ${state}` : ''}`,
    };
  });
}

function lockDrafts(locks: LockView[], names: readonly string[], previous: LockView[] | null): Draft[] {
  return locks.map((lock) => {
    const before = previous?.find((l) => l.id === lock.id);
    const holder = lock.holders.length > 0 ? `held by ${who(names, lock.holders)}` : 'free';
    const was = before && before.holders.join() !== lock.holders.join();
    const lines: TextLine[] = [lock.holders.length > 0 ? `held by ${whoShort(names, lock.holders)}` : 'free'];
    if (lock.waiters.length > 0) lines.push(`waiting: ${whoShort(names, lock.waiters)}`);
    return {
      id: `lock-${lock.id}`,
      kind: 'lock',
      index: lock.holders[0] ?? -1,
      title: lock.kind === 'page lock' ? lock.name : `${lock.name.replace(' (ring’s page table)', '')} · ${lock.kind}`,
      lines,
      tone: 'normal',
      hatched: false,
      changed: !!was,
      marks: [LOCK_MARK(lock.id)],
      label: `${lock.name} (${lock.kind}): ${holder}${lock.waiters.length > 0 ? `; waiting: ${who(names, lock.waiters)}` : ''}`,
    };
  });
}

function notifierDrafts(s: State, previous: State | undefined, names: readonly string[]): Draft[] {
  const view = notifierOf(s);
  if (!view) return [];
  const before = previous ? notifierOf(previous) : null;
  const counters = view.counters.map((c) => {
    const old = before?.counters.find((b) => b.id === c.id)?.value;
    return valueLine(`${c.name} `, c.value, old);
  });
  const notes = view.counters.flatMap((c) => (c.note ? [`(${c.note})`] : []));
  const drafts: Draft[] = [
    {
      id: 'counter-seq',
      kind: 'counter',
      index: 0,
      title: 'Notifier’s seq / count',
      lines: [...counters, ...notes],
      tone: 'normal',
      hatched: false,
      changed: !!before && JSON.stringify(before.counters) !== JSON.stringify(view.counters),
      marks: ['seq', 'count'],
      label: `Notifier’s seq and count: ${[...counters.map(currentText), ...notes].join(', ')}`,
    },
  ];
  if (view.snapshot !== null) {
    const live = view.counters[0]?.value ?? 0;
    const got = view.loaded.filter((f) => f >= 0);
    const snap = `① seq snapshot ${view.snapshot}${view.snapshot === live ? '' : ` ≠ live ${live}`}`;
    const pages = `② gup_fast PTEs → ${got.length > 0 ? got.map((f) => `#${f}`).join(' ') : 'none'}`;
    const verdict = view.stale ? 'check now: retry' : 'check now: publish';
    drafts.push({
      id: 'counter-loads',
      kind: 'counter',
      index: 1,
      title: `${names[0] ?? 'vhost'}’s two loads`,
      lines: [snap, pages, verdict],
      tone: 'normal',
      hatched: false,
      changed: !!before && (before.snapshot !== view.snapshot || before.loaded.join() !== view.loaded.join()),
      marks: ['snapshot', 'loads'],
      label: `vhost’s two loads: ${snap.slice(2)}; ${pages.slice(2)}; ${verdict}`,
    });
  }
  return drafts;
}

function guestDraft(view: UsedIdxView, before: UsedIdxView | null): Draft {
  const where = view.guestFrame >= 0 ? `in frame #${view.guestFrame}` : 'page not mapped';
  const reads = valueLine('reads ', view.guestReads, before?.guestReads);
  const wrote =
    view.published === 0
      ? 'vhost: not published yet'
      : `vhost wrote ${view.published} → ${view.writtenTo.map((f) => `#${f}`).join(' ') || 'nowhere now'}`;
  const lost = view.published > 0 && view.guestReads !== view.published;
  const tone: Tone = lost ? 'danger' : 'normal';
  const lines: TextLine[] = [
    [...(typeof reads === 'string' ? [{ text: reads }] : reads), { text: `, ${where}` }],
    wrote,
  ];
  if (lost) lines.push('⚠ guest never sees it');
  return {
    id: 'guest-used-idx',
    kind: 'guest',
    index: view.guestFrame,
    title: 'Guest’s used.idx',
    lines,
    tone,
    hatched: false,
    changed: !!before && before.guestReads !== view.guestReads,
    marks: ['guest'],
    label: `Guest’s used.idx: the guest reads ${view.guestReads}, ${where}; ${wrote}${lost ? '; the guest does not see it' : ''}`,
  };
}

/** Positions `drafts` in rows of at most `perRow` equal boxes across the picture's width, from `top`. */
function rows(g: Geometry, drafts: Draft[], perRow: number, top: number): DiagramNode[] {
  const span = g.width - g.loop - 4;
  const gap = g.font;
  let y = top;
  const out: DiagramNode[] = [];
  for (let i = 0; i < drafts.length; i += perRow) {
    const row = drafts.slice(i, i + perRow);
    const width = (span - gap * (perRow - 1)) / perRow;
    const height = Math.max(...row.map((d) => g.nodeHeight(1 + d.lines.length)));
    const room = width - g.pad * 2;
    row.forEach((d, k) => {
      const title = fitText(d.title, room, g.font);
      const lines = d.lines.map((line) => fitLine(line, room, g.font));
      out.push({ ...d, title, lines, column: 'protocol', x: 2 + k * (width + gap), y, width, height });
    });
    y += height + g.rowGap;
  }
  return out;
}

/** How many boxes of about 15 em fit side by side. */
const perRow = (g: Geometry, n: number) => Math.max(1, Math.min(n, Math.floor((g.width - g.loop) / (g.font * 15.5))));

/**
 * Threads, then the locks with the notifier's values and the guest's view flowing after them, as rows under the three
 * columns; `slack` is extra height shared between the gap above the threads and the lane their arrows cross.
 */
export function protocolNodes(
  s: State,
  previous: State | undefined,
  g: Geometry,
  top: number,
  slack = 0,
): DiagramNode[] {
  const names = threadNames(s.scenario);
  const locks = locksOf(s);
  const threads = rows(g, threadDrafts(s, names, locks), perRow(g, s.threads.length), top + slack / 2);
  const lockTop = Math.max(...threads.map((n) => n.y + n.height)) + g.line * 1.6 + slack / 2;
  const values = [
    ...lockDrafts(locks, names, previous ? locksOf(previous) : null),
    ...notifierDrafts(s, previous, names),
    guestDraft(usedIdxView(s), previous ? usedIdxView(previous) : null),
  ];
  return [...threads, ...rows(g, values, perRow(g, values.length), lockTop)];
}
