import type { State } from '../../core/types';
import type { ChangedTest } from '../views/changed';
import { buildEdges } from './edges';
import { geometry } from './geometry';
import type { ColumnHead, DiagramLayout, LayoutOptions } from './model';
import { buildNodes } from './nodes';
import { describeState } from './summary';

/** The whole picture for one state: boxes in three columns, arrows for every translation, one-sentence summary. */
export function layoutDiagram(state: State, changed: ChangedTest, options: LayoutOptions): DiagramLayout {
  const g = geometry(options);
  const nodes = buildNodes(state, changed, g);
  const edges = buildEdges(state, nodes, g);
  const heads: ColumnHead[] = [
    { column: 'user', x: g.x('user'), width: g.columnWidth, title: 'QEMU’s ring pages' },
    { column: 'frames', x: g.x('frames'), width: g.columnWidth, title: 'Frames (struct page)' },
    { column: 'kernel', x: g.x('kernel'), width: g.columnWidth, title: 'Kernel’s ways in' },
  ];
  const bottom = Math.max(g.top, ...nodes.map((n) => n.y + n.height));
  return {
    width: g.width,
    height: Math.ceil(bottom + g.pad),
    font: g.font,
    heads,
    nodes,
    edges,
    summary: describeState(state),
  };
}
