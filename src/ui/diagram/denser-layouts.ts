import type { DenserInput } from './layout';
import type { DiagramLayout } from './model';

/** Total widths tried beside the columns, besides the least. */
const WIDTH_TRIES = 12;

/** The threads and locks beside the columns: of the widths that fit the box, the one that fills most of it. */
function besideColumns(input: DenserInput, compact: boolean): DiagramLayout | null {
  const { least, draw } = input.beside(compact);
  let best: { layout: DiagramLayout; area: number } | null = null;
  for (let i = 0; i <= WIDTH_TRIES && least <= input.most; i++) {
    const layout = draw(Math.round(least + ((input.most - least) * i) / WIDTH_TRIES));
    if (!input.fits(layout)) continue;
    const scale = input.scaleOf(layout);
    const area = layout.width * scale * layout.height * scale;
    if (!best || area > best.area) best = { layout, area };
  }
  return best?.layout ?? null;
}

/**
 * A picture the usual rows overflow: in the order they read best, the threads and locks beside the columns, the usual
 * rows with closer lines, both, then denser rows; the first that fits the box, else the one that scrolls least.
 */
export function denserLayout(input: DenserInput): DiagramLayout {
  const tries = [
    () => besideColumns(input, false),
    () => input.rows({ compact: true }),
    () => besideColumns(input, true),
    () => input.rows({ dense: true }),
    () => input.rows({ dense: true, compact: true }),
  ];
  let shortest = input.usual;
  for (const attempt of tries) {
    const layout = attempt();
    if (layout && input.fits(layout)) return layout;
    if (layout && layout.height < shortest.height) shortest = layout;
  }
  return shortest;
}
