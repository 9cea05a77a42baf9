/** Presentation properties copied from the live picture so the file renders without the page's style sheets. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

import { wrapLine } from './caption';

const SVG_NS = 'http://www.w3.org/2000/svg';

function inlineStyles(source: Element, copy: Element) {
  const computed = window.getComputedStyle(source);
  const declarations = PROPERTIES.map((name) => [name, computed.getPropertyValue(name)] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}:${value}`);
  if (declarations.length > 0) copy.setAttribute('style', declarations.join(';'));
  copy.removeAttribute('class');
  const sourceChildren = source.children;
  const copyChildren = copy.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const from = sourceChildren[i];
    const to = copyChildren[i];
    if (from && to) inlineStyles(from, to);
  }
}

const LINE = 20;

/** Text lines under the picture: the caption in bold, then the legend; each line is a <text> (never markup). */
function captionBlock(
  caption: readonly string[],
  legend: readonly string[],
  top: number,
  width: number,
  colour: string,
) {
  const group = document.createElementNS(SVG_NS, 'g');
  // About 8.5 px per character of 15 px bold text, 7 px of 13 px text: long lines wrap inside the picture's width.
  const wrap = (texts: readonly string[], bold: boolean, perChar: number) =>
    texts.flatMap((text) =>
      wrapLine(text, Math.max(20, Math.floor((width - 16) / perChar))).map((t) => ({ text: t, bold })),
    );
  const lines = [...wrap(caption, true, 8.5), ...wrap(legend, false, 7)];
  lines.forEach(({ text, bold }, i) => {
    const line = document.createElementNS(SVG_NS, 'text');
    line.setAttribute('x', '8');
    line.setAttribute('y', String(top + LINE * (i + 1)));
    // Inline style, as for the picture's own text: the file renders without any style sheet.
    line.setAttribute(
      'style',
      `fill:${colour};font-family:system-ui, sans-serif;font-size:${bold ? 15 : 13}px;font-weight:${bold ? 'bold' : 'normal'}`,
    );
    line.textContent = text;
    group.appendChild(line);
  });
  return { group, height: LINE * lines.length + 10 };
}

/**
 * A copy of the live SVG with every computed style inlined and a background, as a standalone file's text; with a
 * caption (and the legend) written below the picture, so the file says what it shows.
 */
export function standaloneSvg(
  svg: SVGSVGElement,
  background: string,
  caption: readonly string[] = [],
  legend: readonly string[] = [],
): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  const width = svg.getAttribute('width') ?? String(svg.clientWidth);
  const height = svg.getAttribute('height') ?? String(svg.clientHeight);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  const label = svg.getAttribute('aria-label');
  if (label) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = label;
    copy.insertBefore(title, copy.firstChild);
  }
  const backdrop = document.createElementNS(SVG_NS, 'rect');
  backdrop.setAttribute('width', '100%');
  backdrop.setAttribute('height', '100%');
  backdrop.setAttribute('fill', background);
  copy.insertBefore(backdrop, copy.querySelector('defs')?.nextSibling ?? copy.firstChild);
  if (caption.length + legend.length === 0)
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
  // The picture keeps its own viewBox inside an outer SVG that is taller by the caption's lines.
  const h = Number.parseFloat(height) || svg.clientHeight;
  const colour = window.getComputedStyle(svg).color || '#1a1a1a';
  const block = captionBlock(caption, legend, h, Number.parseFloat(width) || svg.clientWidth, colour);
  const outer = document.createElementNS(SVG_NS, 'svg');
  outer.setAttribute('xmlns', SVG_NS);
  outer.setAttribute('width', width);
  outer.setAttribute('height', String(h + block.height));
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = caption.join(' · ');
  const back = document.createElementNS(SVG_NS, 'rect');
  back.setAttribute('width', '100%');
  back.setAttribute('height', '100%');
  back.setAttribute('fill', background);
  outer.append(title, back, copy, block.group);
  copy.removeAttribute('xmlns');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(outer)}`;
}

/** The SVG's size in CSS pixels, as drawn on the page. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  return {
    width: Number(svg.getAttribute('width')) || svg.clientWidth,
    height: Number(svg.getAttribute('height')) || svg.clientHeight,
  };
}
