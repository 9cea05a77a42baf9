import type { LockView } from '../../core';
import type { State } from '../../core/types';
import { locksOf } from '../../worker/statuses';
import type { ChangedTest } from '../views/changed';
import { buildBands } from './band';
import { buildEdges } from './edges';
import { type Geometry, geometry, MIN_WIDTH_EMS } from './geometry';
import { type LocksDrawn, sideMargin } from './lane';
import type { ColumnHead, DiagramLayout, LayoutOptions } from './model';
import { buildNodes } from './nodes';
import { protocolEdges, registerSideRoutes } from './protocol-edges';
import { protocolNodes } from './protocol-nodes';
import { belowRegion, type ProtocolRegion } from './protocol-rows';
import { describeState } from './summary';

/**
 * How the protocol's boxes are placed: in rows under the columns, `dense` (narrower boxes, more to a row, their text
 * wrapped), or in a column `side` wide to the columns' right; `compact` packs every box's lines closer. A presenter's
 * box that the usual rows overflow tries these in turn.
 */
export interface Arrangement {
  compact?: boolean;
  dense?: boolean;
  side?: number;
  /** With `side`: only the threads and locks beside the columns, the notifier's values and the guest's view under them. */
  valuesUnder?: boolean;
}

function draw(
  state: State,
  changed: ChangedTest,
  g: Geometry,
  options: LayoutOptions,
  locks: LocksDrawn,
  slack = 0,
  how: Arrangement = {},
) {
  const side = how.side ?? 0;
  const columns = buildNodes(state, changed, g, options.previous);
  const bands = buildBands(state, columns, g);
  const columnsBottom = Math.max(g.top, ...columns.map((n) => n.y + n.height), ...bands.map((b) => b.y + b.height));
  const left = g.width + g.font * 0.5;
  const region: ProtocolRegion =
    side > 0
      ? { left, span: g.width + side - left - sideMargin(g, locks.now), side: true }
      : { ...belowRegion(g), ...(how.dense ? { boxEms: DENSE_EMS } : {}) };
  // Beside the columns the boxes need no head: they start level with the columns' titles.
  const top = side > 0 ? 2 : columnsBottom + g.line * 0.8;
  const apart = side > 0 && how.valuesUnder ? { top: columnsBottom + g.line * 0.8, region: belowRegion(g) } : undefined;
  const protocol = protocolNodes(state, options.previous, locks, g, top, slack, region, apart);
  const nodes = [...columns, ...protocol];
  const edges = [
    ...buildEdges(state, columns, g),
    ...protocolEdges(state, locks.now, protocol, g, side > 0, g.width + side),
  ];
  const heads: ColumnHead[] = [
    { column: 'user', x: g.x('user'), width: g.columnWidth, title: 'QEMU’s ring pages' },
    { column: 'frames', x: g.x('frames'), width: g.columnWidth, title: 'Frames (struct page)' },
    { column: 'kernel', x: g.x('kernel'), width: g.columnWidth, title: 'Kernel’s ways in' },
  ];
  const bottom = Math.max(columnsBottom, ...nodes.map((n) => n.y + n.height));
  const layout: DiagramLayout = {
    width: g.width + side,
    height: Math.ceil(bottom + g.pad),
    font: g.font,
    line: g.line,
    pad: g.pad,
    heads,
    nodes,
    edges,
    bands,
    summary: describeState(state),
  };
  return layout;
}

/** A dense row's boxes are as narrow as the columns' (about 11 em of text, wrapped). */
const DENSE_EMS = 12;

/**
 * The whole picture for one state: boxes in three columns, arrows for every translation, and under them the threads,
 * the locks, the notifier's values and the guest's view. In presenter mode (`box`) the picture is laid out as wide as
 * the box's shape asks (never narrower than its text needs, never wider than `width`), so scaled it fills the box;
 * when the usual rows overflow the box, denser arrangements are tried (denser-layouts.ts).
 */
export function layoutDiagram(state: State, changed: ChangedTest, options: LayoutOptions): DiagramLayout {
  const box = options.box;
  // Until presenter mode's arrangements have loaded (a moment), its picture is drawn as in normal mode, then scaled.
  const locks = { now: locksOf(state), before: options.previous ? locksOf(options.previous) : null };
  if (!box || box.height <= 0 || !presenter) return draw(state, changed, geometry(options), options, locks);
  return presenter({
    options,
    box,
    locks: locks.now,
    draw: (g, slack, how) => draw(state, changed, g, options, locks, slack, how),
    geometry,
    sideMargin,
    presenterScale,
    minWidthEms: MIN_WIDTH_EMS,
    denseEms: DENSE_EMS,
  });
}

/**
 * What presenter mode's arrangements need, as functions, so that their module (loaded with presenter mode) imports
 * nothing the first screen's chunks hold.
 */
export interface PresenterInput {
  options: LayoutOptions;
  box: { width: number; height: number };
  locks: LockView[];
  /** The picture with geometry `g`, `slack` more height around the threads, its protocol arranged `how`. */
  draw: (g: Geometry, slack: number, how: Arrangement) => DiagramLayout;
  geometry: typeof geometry;
  sideMargin: typeof sideMargin;
  presenterScale: typeof presenterScale;
  minWidthEms: number;
  denseEms: number;
}

/** Presenter mode's arrangements (denser-layouts.ts), loaded with presenter mode to keep the first screen small. */
let presenter: ((input: PresenterInput) => DiagramLayout) | null = null;
/** `found` lays out a presenter's picture; `side` routes the lines beside the columns its arrangements use. */
export function registerDenserLayouts(
  found: (input: PresenterInput) => DiagramLayout,
  side: Parameters<typeof registerSideRoutes>[0],
) {
  presenter = found;
  registerSideRoutes(side);
}

/**
 * The scale a picture is drawn at in presenter mode: the largest that fits the box, but never below `minScale` unless
 * the width forbids it (a picture taller than the box then scrolls, one wider never does).
 */
export function presenterScale(layout: DiagramLayout, box: { width: number; height: number }, minScale: number) {
  const fits = Math.min(box.width / layout.width, box.height / layout.height);
  return Math.max(fits, Math.min(box.width / layout.width, minScale));
}
