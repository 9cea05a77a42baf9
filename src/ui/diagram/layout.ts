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

function draw(state: State, changed: ChangedTest, g: Geometry, options: LayoutOptions): DiagramLayout {
  const columns = buildNodes(state, changed, g, options.previous);
  const bands = buildBands(state, columns, g);
  const columnsBottom = Math.max(g.top, ...columns.map((n) => n.y + n.height), ...bands.map((b) => b.y + b.height));
  const protocol = protocolNodes(state, options.previous, g, columnsBottom + g.line * 1.2);
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
  const first = draw(state, changed, geometry(options), options);
  const box = options.box;
  if (!box || box.height <= 0) return first;
  const least = Math.ceil(options.font * MIN_WIDTH_EMS);
  const wanted = Math.round((first.height * box.width) / box.height);
  const width = Math.max(least, Math.min(options.width, wanted));
  return width === first.width ? first : draw(state, changed, geometry({ ...options, width }), options);
}
