import { DESIGN_TITLES } from '../../core/catalog';
import type { Scenario, StepEvent } from '../../core/types';
import { keyTexts } from '../diagram/key-entries';

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

/** The exported picture's legend: the Key's own entries, whether or not the Key is open on the page. */
export function pageLegend(): string[] {
  const items = keyTexts();
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
