import type { RingArea } from '../../core/types';

export type NodeKind = 'page' | 'frame' | 'direct' | 'vmalloc' | 'pointer' | 'note';
export type Column = 'user' | 'frames' | 'kernel';

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
  lines: string[];
  tone: Tone;
  hatched: boolean;
  changed: boolean;
  /** Ring areas on a ring page, drawn as labelled chips. */
  areas?: RingArea[];
  /** The model index behind the box (page, frame, pointer slot), for tests and data attributes. */
  index: number;
}

export type EdgeKind = 'pte' | 'direct' | 'vmalloc' | 'pointer' | 'tlb';
/** `cut`: a PTE that no longer translates; `cached`: a TLB entry; `stale`: a TLB entry its PTE no longer backs. */
export type EdgeStyle = 'solid' | 'thin' | 'cached' | 'dangling' | 'stale' | 'cut';

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
  heads: ColumnHead[];
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** One sentence for the picture's text alternative; changes with every step. */
  summary: string;
}

export interface LayoutOptions {
  /** Width available in CSS pixels: the picture is drawn 1:1 so text keeps its size. */
  width: number;
  /** Text size in CSS pixels (at least 14). */
  font: number;
}
