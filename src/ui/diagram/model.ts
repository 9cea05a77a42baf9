import type { ContextKind } from '../../core';
import type { RingArea, State } from '../../core/types';
import type { MarkId } from '../../tour/chapter-marks';

export type { MarkId };

export type NodeKind =
  | 'page'
  | 'frame'
  | 'direct'
  | 'vmalloc'
  | 'pointer'
  | 'note'
  | 'thread'
  | 'lock'
  | 'counter'
  | 'guest';
/** `protocol`: the rows under the three columns (threads, locks, the notifier's values, the guest's view). */
export type Column = 'user' | 'frames' | 'kernel' | 'protocol';

/** Part of a line of text; an `old` part is the value before this step, shown for a moment (statically with reduced motion). */
export interface Segment {
  text: string;
  old?: boolean;
}
export type TextLine = string | Segment[];

/** How a box is drawn; every tone other than `normal` also says why in its text. */
export type Tone = 'normal' | 'gone' | 'danger' | 'muted';

export interface DiagramNode {
  id: string;
  kind: NodeKind;
  column: Column;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  /** The rest of a title too long for one line, each drawn bold under the first. */
  titleMore?: string[];
  lines: TextLine[];
  /** How many of `lines` are the thread's context (its badge), when that wrapped onto more than one. */
  contextLines?: number;
  tone: Tone;
  hatched: boolean;
  changed: boolean;
  /** Ring areas on a ring page, drawn as labelled chips. */
  areas?: RingArea[];
  /** The model index behind the box (page, frame, pointer slot, thread), for tests and data attributes. */
  index: number;
  /** Which part of the protocol the box is, for the tour's highlights and the Key. */
  marks?: MarkId[];
  /** Accessible name of a mark, read as a whole (title and lines in one sentence). */
  label?: string;
  /** A thread's context for its next step, drawn as a badge with a shape as well as a colour. */
  context?: ContextKind;
  /** Room left under the box (in lines) for an invalidation band's label. */
  gapAfter?: number;
}

/** An invalidation in progress: a band over the ring pages its range covers, labelled with the thread. */
export interface DiagramBand {
  id: string;
  thread: number;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export type EdgeKind = 'pte' | 'direct' | 'vmalloc' | 'pointer' | 'tlb' | 'holds' | 'waits';
/** `cut`: a PTE that no longer translates; `cached`: a TLB entry; `stale`: a TLB entry its PTE no longer backs. */
export type EdgeStyle = 'solid' | 'thin' | 'cached' | 'dangling' | 'stale' | 'cut' | 'holds' | 'waits';

export interface EdgeLabel {
  text: string;
  x: number;
  y: number;
}

export interface DiagramEdge {
  id: string;
  kind: EdgeKind;
  from: string;
  to: string | null;
  path: string;
  style: EdgeStyle;
  label?: EdgeLabel;
}

export interface ColumnHead {
  column: Column;
  x: number;
  width: number;
  title: string;
}

export interface DiagramLayout {
  width: number;
  height: number;
  font: number;
  /** Baseline to baseline, and a box's inner margin: closer than usual in a compact layout. */
  line: number;
  pad: number;
  heads: ColumnHead[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  bands: DiagramBand[];
  /** One sentence for the picture's text alternative; changes with every step. */
  summary: string;
}

export interface LayoutOptions {
  /** Width available in CSS pixels: the picture is drawn 1:1 so text keeps its size. */
  width: number;
  /** Text size in CSS pixels (at least 14). */
  font: number;
  /**
   * Presenter mode: the width and height of the box the picture is scaled into. The layout is then made as wide as
   * suits that box's shape (at most `width`), so scaled up it fills the box.
   */
  box?: { width: number; height: number };
  /** The least scale the picture is drawn at in its box (its text never smaller than `font` times this). */
  minScale?: number;
  /** The state before this step, so a changed value can show its old value beside the new. */
  previous?: State;
}
