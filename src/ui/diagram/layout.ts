import type { State } from '../../core/types';
import type { ChangedTest } from '../views/changed';
import { buildBands } from './band';
import { buildEdges } from './edges';
import { type Geometry, geometry, MIN_WIDTH_EMS } from './geometry';
import type { ColumnHead, DiagramLayout, LayoutOptions } from './model';
import { buildNodes } from './nodes';
import { protocolEdges } from './protocol-edges';
import { protocolNodes } from './protocol-nodes';
import { describeState } from './summary';

function draw(state: State, changed: ChangedTest, g: Geometry, options: LayoutOptions, slack = 0): DiagramLayout {
  const columns = buildNodes(state, changed, g, options.previous);
  const bands = buildBands(state, columns, g);
  const columnsBottom = Math.max(g.top, ...columns.map((n) => n.y + n.height), ...bands.map((b) => b.y + b.height));
  const protocol = protocolNodes(state, options.previous, g, columnsBottom + g.line * 0.8, slack);
  const nodes = [...columns, ...protocol];
  const edges = [...buildEdges(state, columns, g), ...protocolEdges(state, protocol, g)];
  const heads: ColumnHead[] = [
    { column: 'user', x: g.x('user'), width: g.columnWidth, title: 'QEMU’s ring pages' },
    { column: 'frames', x: g.x('frames'), width: g.columnWidth, title: 'Frames (struct page)' },
    { column: 'kernel', x: g.x('kernel'), width: g.columnWidth, title: 'Kernel’s ways in' },
  ];
  const bottom = Math.max(columnsBottom, ...nodes.map((n) => n.y + n.height));
  return {
    width: g.width,
    height: Math.ceil(bottom + g.pad),
    font: g.font,
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
  return (best as { layout: DiagramLayout }).layout;
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
