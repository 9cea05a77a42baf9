import type { State } from '../../core/types';
import type { ChangedTest } from '../views/changed';
import { buildBands } from './band';
import { buildEdges } from './edges';
import { type Geometry, geometry, MIN_WIDTH_EMS } from './geometry';
import type { ColumnHead, DiagramLayout, LayoutOptions } from './model';
import { buildNodes } from './nodes';
import { protocolEdges, sideMargin } from './protocol-edges';
import { protocolNodes } from './protocol-nodes';
import { describeState } from './summary';

/**
 * One arrangement: the protocol's boxes in rows under the columns, or (with `side` > 0) in a column `side` wide to
 * their right, which a picture taller than a projector's wide box needs to fit it.
 */
function draw(
  state: State,
  changed: ChangedTest,
  g: Geometry,
  options: LayoutOptions,
  slack = 0,
  side = 0,
): DiagramLayout {
  const columns = buildNodes(state, changed, g, options.previous);
  const bands = buildBands(state, columns, g);
  const columnsBottom = Math.max(g.top, ...columns.map((n) => n.y + n.height), ...bands.map((b) => b.y + b.height));
  const left = g.width + g.font * 0.5;
  const region = { left, span: g.width + side - left - sideMargin(g, state.threads.length), side: true };
  const protocol =
    side > 0
      ? protocolNodes(state, options.previous, g, g.top, 0, region)
      : protocolNodes(state, options.previous, g, columnsBottom + g.line * 0.8, slack);
  const nodes = [...columns, ...protocol];
  const edges = [...buildEdges(state, columns, g), ...protocolEdges(state, protocol, g, side > 0)];
  const heads: ColumnHead[] = [
    { column: 'user', x: g.x('user'), width: g.columnWidth, title: 'QEMU’s ring pages' },
    { column: 'frames', x: g.x('frames'), width: g.columnWidth, title: 'Frames (struct page)' },
    { column: 'kernel', x: g.x('kernel'), width: g.columnWidth, title: 'Kernel’s ways in' },
  ];
  const bottom = Math.max(columnsBottom, ...nodes.map((n) => n.y + n.height));
  return {
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
}

/**
 * The whole picture for one state: boxes in three columns, arrows for every translation, and under them the threads,
 * the locks, the notifier's values and the guest's view. In presenter mode (`box`) the picture is laid out as wide as
 * the box's shape asks (never narrower than its text needs, never wider than `width`), so scaled it fills the box.
 */
export function layoutDiagram(state: State, changed: ChangedTest, options: LayoutOptions): DiagramLayout {
  const box = options.box;
  if (!box || box.height <= 0) return draw(state, changed, geometry(options), options);
  // Presenter mode: of a few widths, the one whose picture shows the most of itself in the box, then the largest text.
  const minScale = options.minScale ?? 1;
  const least = Math.min(options.width, Math.ceil(options.font * MIN_WIDTH_EMS));
  const most = Math.max(least, Math.floor(options.width / minScale));
  let best: { layout: DiagramLayout; area: number; scale: number } | null = null;
  for (let i = 0; i <= WIDTH_TRIES; i++) {
    const width = Math.round(least + ((most - least) * i) / WIDTH_TRIES);
    const g = geometry({ ...options, width });
    const plain = draw(state, changed, g, options);
    // Wider than the box's shape: the gaps around the threads grow until the picture has the box's proportions.
    const slack = Math.floor((plain.width * box.height) / box.width - plain.height);
    const layout = slack > 0 ? draw(state, changed, g, options, slack) : plain;
    const scale = presenterScale(layout, box, minScale);
    const area = Math.min(layout.width * scale, box.width) * Math.min(layout.height * scale, box.height);
    const better = !best || area > best.area * 1.01 || (area > best.area * 0.99 && scale > best.scale);
    if (better) best = { layout, area, scale };
  }
  const chosen = (best as { layout: DiagramLayout; scale: number }).layout;
  if (chosen.height * presenterScale(chosen, box, minScale) <= box.height + 1) return chosen;
  return besideColumns(state, changed, options, box, minScale, { least, most }) ?? chosen;
}

/**
 * A picture too tall for the box even at its widest: the protocol's boxes go in a column beside the three, at the
 * columns' least width; of the widths that fit the box, the one that fills most of it (null when none fits).
 */
function besideColumns(
  state: State,
  changed: ChangedTest,
  options: LayoutOptions,
  box: { width: number; height: number },
  minScale: number,
  widths: { least: number; most: number },
): DiagramLayout | null {
  // Lines packed closer only when the usual spacing does not fit.
  for (const compact of [false, true]) {
    const g = geometry({ ...options, width: widths.least }, compact);
    // A side column as narrow as the three (its text wraps), so a picture limited by its width can be drawn larger.
    const least = g.width + Math.ceil(g.font * 12) + sideMargin(g, state.threads.length);
    let best: { layout: DiagramLayout; area: number } | null = null;
    for (let i = 0; i <= WIDTH_TRIES && least <= widths.most; i++) {
      const width = Math.round(least + ((widths.most - least) * i) / WIDTH_TRIES);
      const layout = draw(state, changed, g, options, 0, width - g.width);
      const scale = presenterScale(layout, box, minScale);
      if (layout.height * scale > box.height + 1) continue;
      const area = layout.width * scale * layout.height * scale;
      if (!best || area > best.area) best = { layout, area };
    }
    if (best) return best.layout;
  }
  return null;
}

/** Widths tried in presenter mode, besides the least. */
const WIDTH_TRIES = 12;

/**
 * The scale a picture is drawn at in presenter mode: the largest that fits the box, but never below `minScale` unless
 * the width forbids it (a picture taller than the box then scrolls, one wider never does).
 */
export function presenterScale(layout: DiagramLayout, box: { width: number; height: number }, minScale: number) {
  const fits = Math.min(box.width / layout.width, box.height / layout.height);
  return Math.max(fits, Math.min(box.width / layout.width, minScale));
}
