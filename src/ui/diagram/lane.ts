import type { LockView } from '../../core';
import type { Geometry } from './geometry';
import type { DiagramNode } from './model';

type Point = [number, number];

/** A line from a thread to a lock: its corners. */
export interface Route {
  points: Point[];
}

/** One line to route: thread `t`'s box to a lock's box. */
export interface Leg {
  t: number;
  chip: DiagramNode;
  box: DiagramNode;
  /** A wait, drawn dashed; else a hold. */
  waits: boolean;
}

/** The locks of the state drawn and of the one before it, read once per picture however often it is laid out. */
export interface LocksDrawn {
  now: LockView[];
  before: LockView[] | null;
}

/** The row (in em) kept at the bottom of the lane, under its tracks, for "waits" labels when a thread waits. */
export const LABEL_ROW = 1.6;

/** A thread's holds and its waits each have a route of their own: a key per thread and kind. */
export const legKey = (l: Pick<Leg, 't' | 'waits'>) => l.t * 2 + (l.waits ? 1 : 0);

/** The keys of `legs` in order: each has a track of its own in the lane, so no two kinds of line share one. */
export const trackKeys = (legs: readonly Pick<Leg, 't' | 'waits'>[]) =>
  [...new Set(legs.map(legKey))].sort((a, b) => a - b);

/** Each thread's holds and waits, as the lines to the locks will be drawn. */
const legsOf = (locks: readonly LockView[]) =>
  locks.flatMap((l) => [...l.holders.map((t) => ({ t, waits: false })), ...l.waiters.map((t) => ({ t, waits: true }))]);

/**
 * Room right of a side region for the tracks in use (0.45 em apart from 0.6 em out) and, when a thread waits, a
 * "waits" label beside the outermost.
 */
export function sideMargin(g: Geometry, locks: readonly LockView[]): number {
  const legs = legsOf(locks);
  return Math.ceil(g.font * (0.15 + 0.45 * trackKeys(legs).length + (legs.some((l) => l.waits) ? 4 : 0.6)));
}

/**
 * The lane's height between the threads and the locks: a track every half em for each thread and kind of line, and a
 * row for "waits" labels when a thread waits.
 */
export function laneHeight(locks: readonly LockView[], g: Geometry): number {
  const legs = legsOf(locks);
  const tracks = Math.max(g.line * 1.6, (trackKeys(legs).length + 1) * g.font * 0.5);
  return tracks + (legs.some((l) => l.waits) ? g.font * LABEL_ROW : 0);
}
