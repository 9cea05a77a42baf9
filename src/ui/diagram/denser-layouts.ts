import type { DenserInput } from './layout';
import type { DiagramLayout } from './model';

/** Total widths tried beside the columns, besides the least. */
const WIDTH_TRIES = 12;

/** The threads and locks beside the columns: of the widths that fit the box, the one that fills most of it, then the largest text. */
function besideColumns(input: DenserInput, compact: boolean, valuesUnder = false): DiagramLayout | null {
  const { least, draw } = input.beside(compact, valuesUnder);
  let best: { layout: DiagramLayout; area: number; scale: number } | null = null;
  for (let i = 0; i <= WIDTH_TRIES && least <= input.most; i++) {
    const layout = draw(Math.round(least + ((input.most - least) * i) / WIDTH_TRIES));
    if (!input.fits(layout)) continue;
    const scale = input.scaleOf(layout);
    const area = layout.width * scale * layout.height * scale;
    // As in rows: a clearly larger share of the box, else about the same share with larger text.
    if (!best || area > best.area * 1.01 || (area > best.area * 0.99 && scale > best.scale))
      best = { layout, area, scale };
  }
  return best?.layout ?? null;
}

/**
 * A picture the usual rows overflow: in the order they read best, the threads and locks beside the columns, the usual
 * rows with closer lines, both, then denser rows, then only the threads and locks beside the columns with the values
 * under them; of those that fit the box the first, unless a later one draws its text clearly larger; else the one that
 * scrolls least.
 */
export function denserLayout(input: DenserInput): DiagramLayout {
  const tries = [
    () => besideColumns(input, false),
    () => input.rows({ compact: true }),
    () => besideColumns(input, true),
    () => input.rows({ dense: true }),
    () => input.rows({ dense: true, compact: true }),
    () => besideColumns(input, false, true),
    () => besideColumns(input, true, true),
  ];
  let shortest = input.usual;
  let best: { layout: DiagramLayout; scale: number } | null = null;
  for (const attempt of tries) {
    const layout = attempt();
    if (layout && input.fits(layout)) {
      // A later arrangement wins only with clearly larger text: the earlier ones read better at the same size.
      const scale = input.scaleOf(layout);
      if (!best || scale > best.scale * BIGGER) best = { layout, scale };
    } else if (layout && layout.height < shortest.height) shortest = layout;
  }
  return best?.layout ?? shortest;
}

/** How much larger a later arrangement's text must be to be chosen over an earlier one that fits. */
const BIGGER = 1.05;
