import type { State } from '../../core/types';
import type { ChangedTest } from '../views/changed';
import { buildBands } from './band';
import { buildEdges } from './edges';
import { type Geometry, geometry, MIN_WIDTH_EMS } from './geometry';
import type { ColumnHead, DiagramLayout, LayoutOptions } from './model';
import { buildNodes } from './nodes';
import { protocolEdges, sideMargin } from './protocol-edges';
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
      ? { left, span: g.width + side - left - sideMargin(g, state.threads.length), side: true }
      : { ...belowRegion(g), ...(how.dense ? { boxEms: DENSE_EMS } : {}) };
  // Beside the columns the boxes need no head: they start level with the columns' titles.
  const top = side > 0 ? 2 : columnsBottom + g.line * 0.8;
  const apart = side > 0 && how.valuesUnder ? { top: columnsBottom + g.line * 0.8, region: belowRegion(g) } : undefined;
  const protocol = protocolNodes(state, options.previous, g, top, slack, region, apart);
  const nodes = [...columns, ...protocol];
  const edges = [...buildEdges(state, columns, g), ...protocolEdges(state, protocol, g, side > 0)];
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
 * when the usual rows overflow the box, denser arrangements are tried until one fits.
 */
export function layoutDiagram(state: State, changed: ChangedTest, options: LayoutOptions): DiagramLayout {
  const box = options.box;
  if (!box || box.height <= 0) return draw(state, changed, geometry(options), options);
  const minScale = options.minScale ?? 1;
  const least = Math.min(options.width, Math.ceil(options.font * MIN_WIDTH_EMS));
  const most = Math.max(least, Math.floor(options.width / minScale));
  const fits = (layout: DiagramLayout) =>
    Math.ceil(layout.height * presenterScale(layout, box, minScale) - 0.001) <= box.height;
  const usual = inRows(state, changed, options, box, minScale, { least, most }, {});
  if (fits(usual)) return usual;
  const widths = { least, most };
  const beside = (compact: boolean, valuesUnder = false) => {
    const g = geometry({ ...options, width: least }, compact);
    // A side column as narrow as the three (its text wraps), so a picture limited by its width can be drawn larger.
    return {
      least: g.width + Math.ceil(g.font * DENSE_EMS) + sideMargin(g, state.threads.length),
      draw: (width: number) => {
        const how = { side: width - g.width, valuesUnder };
        const plain = draw(state, changed, g, options, 0, how);
        // As in rows: wider than the box's shape, the gaps around the threads grow to the box's proportions.
        const slack = Math.floor((plain.width * box.height) / box.width - plain.height);
        return slack > 0 ? draw(state, changed, g, options, slack, how) : plain;
      },
    };
  };
  const input: DenserInput = {
    usual,
    fits,
    most,
    scaleOf: (layout) => presenterScale(layout, box, minScale),
    rows: (how) => inRows(state, changed, options, box, minScale, widths, how),
    beside,
  };
  return denser ? denser(input) : usual;
}

/**
 * What the presenter's denser arrangements need, as functions, so that their module (loaded with presenter mode)
 * imports nothing the first screen's chunks hold.
 */
export interface DenserInput {
  usual: DiagramLayout;
  fits: (layout: DiagramLayout) => boolean;
  /** The widest the picture may be drawn. */
  most: number;
  scaleOf: (layout: DiagramLayout) => number;
  rows: (how: Arrangement) => DiagramLayout;
  /**
   * The threads and locks beside the columns (the notifier's values and the guest's view too, unless `valuesUnder`):
   * the least total width, and the picture at a total width.
   */
  beside: (compact: boolean, valuesUnder?: boolean) => { least: number; draw: (width: number) => DiagramLayout };
}

/** The presenter's denser arrangements (denser-layouts.ts), loaded with presenter mode to keep the first screen small. */
let denser: ((input: DenserInput) => DiagramLayout) | null = null;
export function registerDenserLayouts(found: (input: DenserInput) => DiagramLayout) {
  denser = found;
}

type Box = { width: number; height: number };

/** Of a few widths, the one whose picture shows the most of itself in the box, then the largest text. */
function inRows(
  state: State,
  changed: ChangedTest,
  options: LayoutOptions,
  box: Box,
  minScale: number,
  widths: { least: number; most: number },
  how: Arrangement,
): DiagramLayout {
  let best: { layout: DiagramLayout; area: number; scale: number } | null = null;
  for (let i = 0; i <= WIDTH_TRIES; i++) {
    const width = Math.round(widths.least + ((widths.most - widths.least) * i) / WIDTH_TRIES);
    const g = geometry({ ...options, width }, how.compact);
    const plain = draw(state, changed, g, options, 0, how);
    // Wider than the box's shape: the gaps around the threads grow until the picture has the box's proportions.
    const slack = Math.floor((plain.width * box.height) / box.width - plain.height);
    const layout = slack > 0 ? draw(state, changed, g, options, slack, how) : plain;
    const scale = presenterScale(layout, box, minScale);
    const area = Math.min(layout.width * scale, box.width) * Math.min(layout.height * scale, box.height);
    const better = !best || area > best.area * 1.01 || (area > best.area * 0.99 && scale > best.scale);
    if (better) best = { layout, area, scale };
  }
  return (best as { layout: DiagramLayout }).layout;
}

/** Widths tried in presenter mode, besides the least. */
export const WIDTH_TRIES = 12;

/**
 * The scale a picture is drawn at in presenter mode: the largest that fits the box, but never below `minScale` unless
 * the width forbids it (a picture taller than the box then scrolls, one wider never does).
 */
export function presenterScale(layout: DiagramLayout, box: { width: number; height: number }, minScale: number) {
  const fits = Math.min(box.width / layout.width, box.height / layout.height);
  return Math.max(fits, Math.min(box.width / layout.width, minScale));
}
