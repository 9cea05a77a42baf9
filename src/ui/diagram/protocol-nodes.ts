import {
  contextOf,
  type LockView,
  notifierOf,
  type State,
  threadNames,
  type UsedIdxView,
  usedIdxView,
} from '../../core';
import { threadStatus } from '../../worker/statuses';
import { shortName } from './band';
import type { Geometry } from './geometry';
import { type LocksDrawn, laneHeight } from './lane';
import type { DiagramNode, MarkId, TextLine, Tone } from './model';
import { belowRegion, type Draft, type ProtocolRegion, perRow, placeRows } from './protocol-rows';
import { currentText, valueLine } from './values';

/** The context badge's words; the shape before them says it without colour. */
export const CONTEXT_TEXT = {
  'may-sleep': '● may sleep',
  atomic: '▲ atomic',
  'no-block': '■ must not block',
} as const;

const LOCK_MARK = (id: string): MarkId =>
  id === 'vq-mutex' || id === 'mmu-lock' || id === 'pt-lock' || id === 'mmap-sem' ? id : 'page-lock';

const who = (names: readonly string[], threads: number[]) => threads.map((t) => names[t] ?? `thread ${t}`).join(', ');
const whoShort = (names: readonly string[], threads: number[]) => threads.map((t) => shortName(names[t])).join(', ');

function threadDrafts(s: State, names: readonly string[], locks: LockView[]): Draft[] {
  return s.threads.map((th, t) => {
    const context = contextOf(s, t);
    const status = threadStatus(s, t);
    const waits = locks.find((l) => l.waiters.includes(t));
    // "process context" is the only reason a thread may sleep: the Key says it, the badge need not.
    const line = !context
      ? 'finished'
      : context.kind === 'may-sleep'
        ? CONTEXT_TEXT[context.kind]
        : `${CONTEXT_TEXT[context.kind]}: ${context.why}`;
    const state = th.done
      ? ''
      : waits
        ? `waits for ${waits.name.replace(' (ring’s page table)', '')}`
        : status.state === 'blocked'
          ? 'blocked'
          : '';
    // The box has room for "blocked" only; its name says where (a kernel function name may not fit a narrow box).
    const why = status.state === 'blocked' && !waits ? `blocked: ${status.reason}` : state;
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
      label: `${name}: ${context ? `${CONTEXT_TEXT[context.kind].slice(2)} (${context.why})` : 'finished'}${why ? `, ${why}` : ''}`,
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
  // SET_VRING_ADDR unregisters it, and a failed register leaves it off: the cause of the mm_count underflow.
  const off = s.vhost.registered ? [] : ['notifier off the mm’s list'];
  const drafts: Draft[] = [
    {
      id: 'counter-seq',
      kind: 'counter',
      index: 0,
      title: 'Notifier’s seq / count',
      lines: [...counters, ...notes, ...off],
      tone: 'normal',
      hatched: false,
      changed:
        !!previous &&
        (JSON.stringify(before?.counters) !== JSON.stringify(view.counters) ||
          previous.vhost.registered !== s.vhost.registered),
      marks: ['seq', 'count'],
      label: `Notifier’s seq and count: ${[...counters.map(currentText), ...notes, ...off].join(', ')}`,
    },
  ];
  if (view.snapshot !== null) {
    const live = view.counters[0]?.value ?? 0;
    const got = view.loaded.filter((f) => f >= 0);
    // No-break spaces keep "≠ live 2" on one line: a wrapped value must not stand alone under its label.
    const snap = `① seq snapshot ${view.snapshot}${view.snapshot === live ? '' : ` ≠\u00a0live\u00a0${live}`}`;
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
      label: `vhost’s two loads: ${snap.slice(2).replace(/\u00a0/g, ' ')}; ${pages.slice(2)}; ${verdict}`,
    });
  }
  return drafts;
}

/**
 * `lostWrite`: the checker has reported a lost write so far. Only then is a differing value called lost: mid-COW the
 * copy holds it and the next step maps it, and after munmap or exit the guest's memory itself is gone.
 */
function guestDraft(view: UsedIdxView, before: UsedIdxView | null, lostWrite: boolean): Draft {
  const where = view.guestFrame >= 0 ? `in frame #${view.guestFrame}` : 'page not mapped';
  const reads = valueLine('reads ', view.guestReads, before?.guestReads);
  // "Published" is the pointer's word in the designs; the guest's box speaks of what vhost wrote.
  const wrote =
    view.published === 0
      ? 'vhost wrote nothing yet'
      : `vhost wrote ${view.published} → ${view.writtenTo.map((f) => `#${f}`).join(' ') || 'nowhere now'}`;
  const lost = lostWrite && view.published > 0 && view.guestReads !== view.published;
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

/** Where the notifier's values and the guest's view go when not after the locks: rows of their own from `top`. */
export interface ValuesApart {
  top: number;
  region: ProtocolRegion;
}

/**
 * Threads (with `locks`, read once per picture), then the locks with the notifier's values and the guest's view flowing after them, as rows in `region`
 * (under the three columns unless told otherwise), or the values `apart`; `slack` is extra height shared between the
 * gap above the threads and the lane their arrows cross.
 */
export function protocolNodes(
  s: State,
  previous: State | undefined,
  { now: locks, before }: LocksDrawn,
  g: Geometry,
  top: number,
  slack = 0,
  region: ProtocolRegion = belowRegion(g),
  apart?: ValuesApart,
): DiagramNode[] {
  const names = threadNames(s.scenario);
  const count = (n: number, r = region) => perRow(g, r.span, n, r.boxEms);
  const threads = placeRows(g, threadDrafts(s, names, locks), count(s.threads.length), region, top + slack / 2);
  // Beside the columns the lines to the locks loop out on the right, so the threads need no lane under them.
  const lane = region.side ? g.rowGap : laneHeight(locks, g);
  const lockTop = Math.max(...threads.map((n) => n.y + n.height)) + lane + slack / 2;
  const lockBoxes = lockDrafts(locks, names, before);
  const values = [
    ...notifierDrafts(s, previous, names),
    guestDraft(
      usedIdxView(s),
      previous ? usedIdxView(previous) : null,
      s.findings.some((f) => f.kind === 'lost-write'),
    ),
  ];
  if (apart)
    return [
      ...threads,
      ...placeRows(g, lockBoxes, count(lockBoxes.length), region, lockTop),
      ...placeRows(g, values, count(values.length, apart.region), apart.region, apart.top),
    ];
  return [
    ...threads,
    ...placeRows(g, [...lockBoxes, ...values], count(lockBoxes.length + values.length), region, lockTop),
  ];
}
