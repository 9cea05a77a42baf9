import { DESIGN_TITLES } from '../../core/catalog';
import type { Scenario, StepEvent } from '../../core/types';

export interface CaptionInput {
  scenario: Scenario;
  /** The step shown (0 = the start) and the run's length. */
  index: number;
  steps: number;
  /** The step that produced the picture shown (none at the start). */
  event: StepEvent | undefined;
  names: readonly string[];
}

/** What an exported picture says about itself: scenario, design and switches, step N of M, the kernel function. */
export function captionLines({ scenario, index, steps, event, names }: CaptionInput): string[] {
  const switches = scenario.bugs.length > 0 ? scenario.bugs.join(', ') : 'none';
  const where = event
    ? `${names[event.thread] ?? `thread ${event.thread + 1}`} ran ${event.instr.fn}`
    : 'the initial state';
  return [
    scenario.title,
    `Design: ${DESIGN_TITLES[scenario.design]}`,
    `Bug switches: ${switches}`,
    `Step ${index} of ${steps}: ${where}`,
  ];
}

/** An element's visible words, without its decorative (aria-hidden) parts. */
function wordsOf(element: Element): string {
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (node instanceof Element && node.getAttribute('aria-hidden') !== 'true') text += wordsOf(node);
  }
  return text;
}

/** The legend shown on the page (the Key), read from its list items so an export always matches it. */
export function pageLegend(root: ParentNode = document): string[] {
  const items = [...root.querySelectorAll('.diagram-key li, .diagram-legend li')]
    .map((item) => wordsOf(item).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '');
  return items.length > 0 ? ['Key:', ...items.map((text) => `· ${text}`)] : [];
}

/** `text` cut into lines of at most `max` characters at spaces (a word longer than `max` keeps its own line). */
export function wrapLine(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
