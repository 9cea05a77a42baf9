import { describe, expect, it } from 'vitest';
import { init, step, threadNames } from '../../core';
import { DESIGN_TITLES } from '../../core/catalog';
import { fixtureScenario } from '../test-fixtures';
import { captionLines, wrapLine } from './caption';

describe('an exported picture’s caption', () => {
  it('names the scenario, the design and its switches, step N of M and the kernel function of the step', () => {
    const result = step(init(fixtureScenario), 0);
    if (!result.ok) throw new Error('the fixture refused its first step');
    const names = threadNames(fixtureScenario);
    const lines = captionLines({ scenario: fixtureScenario, index: 1, steps: 3, event: result.event, names });
    expect(lines).toEqual([
      fixtureScenario.title,
      `Design: ${DESIGN_TITLES[fixtureScenario.design]}`,
      `Bug switches: ${fixtureScenario.bugs.join(', ')}`,
      `Step 1 of 3: ${names[0]} ran ${result.event.instr.fn}`,
    ]);
    const start = captionLines({
      scenario: { ...fixtureScenario, bugs: [] },
      index: 0,
      steps: 0,
      event: undefined,
      names,
    });
    expect(start[2]).toBe('Bug switches: none');
    expect(start[3]).toBe('Step 0 of 0: the initial state');
  });

  it('wraps a long line at spaces', () => {
    expect(wrapLine('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapLine('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
  });
});
