import { describe, expect, it } from 'vitest';
import { init, type State, type StepEvent, step, threadNames } from '../../core';
import { builtinScenarios } from '../../scenarios';
import { traceMarkdown } from './trace-markdown';

function storyEvents(id: string): StepEvent[] {
  const scenario = builtinScenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  let state: State = init(scenario);
  const events: StepEvent[] = [];
  for (const thread of scenario.story) {
    const result = step(state, thread);
    if (!result.ok) break;
    events.push(result.event);
    state = result.state;
  }
  return events;
}

/** The text a Markdown reader shows for a line with backslash escapes. */
const shownText = (line: string) => line.replace(/\\(.)/g, '$1');

const LINK = 'https://example.test/?v=1&s=x&t=0.1&i=2';

describe('the trace as Markdown', () => {
  it.each(builtinScenarios.map((s) => [s.id, s] as const))(
    'lists every story step of %s with its thread and kernel function, its hazards and the link',
    (id, scenario) => {
      const events = storyEvents(id);
      const names = threadNames(scenario);
      const text = traceMarkdown({ scenario, events, index: events.length, names, link: LINK });
      const steps = text.split('\n').filter((line) => /^\d+\. \*\*/.test(line));
      expect(steps).toHaveLength(events.length);
      for (const [i, event] of events.entries()) {
        const line = shownText(steps[i] ?? '');
        expect(line.startsWith(`${i + 1}. **${names[event.thread]}** ran \`${event.instr.fn}\``)).toBe(true);
      }
      const hazards = events.flatMap((e) => e.findings).filter((f) => f.severity === 'hazard');
      const hazardLines = text
        .split('\n')
        .filter((line) => line.startsWith('- **') && text.indexOf(line) > text.indexOf('## Hazard'));
      if (hazards.length === 0) expect(text).toContain('No hazard in these steps.');
      for (const hazard of hazards) {
        expect(
          hazardLines.some((l) => l.startsWith(`- **${hazard.kind.replace(/-/g, ' ')}** at step ${hazard.step + 1}`)),
        ).toBe(true);
      }
      expect(text).toContain(`<${LINK}>`);
      expect(text.trimEnd().endsWith(`Link: ${LINK}`)).toBe(true);
    },
  );

  it('keeps untrusted text from breaking out of its line or reaching Markdown as markup', () => {
    const scenario = builtinScenarios[0];
    if (!scenario) throw new Error('no scenario');
    const hostile = { ...scenario, title: 'a\n# <img src=x onerror=alert(1)> `x` | *b*' };
    const text = traceMarkdown({ scenario: hostile, events: [], index: 0, names: [], link: LINK });
    const first = text.split('\n')[0] ?? '';
    expect(first).toBe('# Ringside: a # \\<img src=x onerror=alert(1)\\> \\`x\\` \\| \\*b\\*');
    expect(text).toContain('No step taken yet.');
  });
});
