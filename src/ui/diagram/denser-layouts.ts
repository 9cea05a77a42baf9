import type { Arrangement, PresenterInput } from './layout';
import type { DiagramLayout } from './model';

export { sideLegs } from './side-routes';

/** Widths tried, besides the least. */
const WIDTH_TRIES = 12;

type Box = { width: number; height: number };

/** A picture wider than the box's shape with the gaps around its threads grown until it has the box's proportions. */
function boxShaped(input: PresenterInput, g: ReturnType<PresenterInput['geometry']>, how: Arrangement): DiagramLayout {
  const plain = input.draw(g, 0, how);
  const slack = Math.floor((plain.width * input.box.height) / input.box.width - plain.height);
  return slack > 0 ? input.draw(g, slack, how) : plain;
}

/** Of `layout` and `best`, the one showing clearly more of itself in the box, else about as much with larger text. */
function better(input: PresenterInput, layout: DiagramLayout, best: { area: number; scale: number } | null, box: Box) {
  const scale = input.presenterScale(layout, box, input.options.minScale ?? 1);
  const area = Math.min(layout.width * scale, box.width) * Math.min(layout.height * scale, box.height);
  const wins = !best || area > best.area * 1.01 || (area > best.area * 0.99 && scale > best.scale);
  return wins ? { layout, area, scale } : null;
}

/** Of the widths from `least` to `most`, the picture `at` a width that `fits` (any, without it) filling the box most. */
function widest(
  input: PresenterInput,
  least: number,
  most: number,
  at: (width: number) => DiagramLayout,
  fits: ((layout: DiagramLayout) => boolean) | null,
): DiagramLayout | null {
  let best: { layout: DiagramLayout; area: number; scale: number } | null = null;
  for (let i = 0; i <= WIDTH_TRIES && least <= most; i++) {
    const layout = at(Math.round(least + ((most - least) * i) / WIDTH_TRIES));
    if (fits && !fits(layout)) continue;
    best = better(input, layout, best, input.box) ?? best;
  }
  return best?.layout ?? null;
}

/**
 * A presenter's picture: laid out as wide as the box's shape asks (never narrower than its text needs, never wider than
 * the width), so scaled it fills the box. When the usual rows overflow it, in the order they read best: the threads and
 * locks beside the columns, the usual rows with closer lines, both, then denser rows, then only the threads and locks
 * beside the columns with the values under them; of those that fit the box the first, unless a later one draws its
 * text clearly larger; else the one that scrolls least.
 */
export function denserLayout(input: PresenterInput): DiagramLayout {
  const { options, box } = input;
  const minScale = options.minScale ?? 1;
  const least = Math.min(options.width, Math.ceil(options.font * input.minWidthEms));
  const most = Math.max(least, Math.floor(options.width / minScale));
  const scaleOf = (layout: DiagramLayout) => input.presenterScale(layout, box, minScale);
  const fits = (layout: DiagramLayout) => Math.ceil(layout.height * scaleOf(layout) - 0.001) <= box.height;
  const rows = (how: Arrangement) =>
    widest(
      input,
      least,
      most,
      (width) => boxShaped(input, input.geometry({ ...options, width }, how.compact), how),
      null,
    );
  const usual = rows({}) as DiagramLayout;
  if (fits(usual)) return usual;
  const beside = (compact: boolean, valuesUnder = false) => {
    const g = input.geometry({ ...options, width: least }, compact);
    // A side column as narrow as the three (its text wraps), so a picture limited by its width can be drawn larger.
    const narrowest = g.width + Math.ceil(g.font * input.denseEms) + input.sideMargin(g, input.locks);
    return widest(input, narrowest, most, (width) => boxShaped(input, g, { side: width - g.width, valuesUnder }), fits);
  };
  const tries = [
    () => beside(false),
    () => rows({ compact: true }),
    () => beside(true),
    () => rows({ dense: true }),
    () => rows({ dense: true, compact: true }),
    () => beside(false, true),
    () => beside(true, true),
  ];
  let shortest = usual;
  let best: { layout: DiagramLayout; scale: number } | null = null;
  for (const attempt of tries) {
    const layout = attempt();
    if (layout && fits(layout)) {
      // A later arrangement wins only with clearly larger text: the earlier ones read better at the same size.
      const scale = scaleOf(layout);
      if (!best || scale > best.scale * BIGGER) best = { layout, scale };
    } else if (layout && layout.height < shortest.height) shortest = layout;
  }
  return best?.layout ?? shortest;
}

/** How much larger a later arrangement's text must be to be chosen over an earlier one that fits. */
const BIGGER = 1.05;
