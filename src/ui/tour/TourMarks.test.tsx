import { cleanup, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { replay } from '../../core';
import type { State } from '../../core/types';
import { builtinScenarios } from '../../scenarios';
import { CHAPTER_MARKS, MARK_NAMES } from '../../tour/chapter-marks';
import { chapters } from '../../tour/chapters';
import { GLOSSARY_PEOPLE, GLOSSARY_TERMS } from '../../tour/glossary';
import { Diagram } from '../diagram/Diagram';
import { Glossary } from './Glossary';

describe('the tour uses the picture', () => {
  it.each(chapters.map((c) => [c.id, c] as const))('chapter %s lights every mark it names', (_id, chapter) => {
    const scenario = builtinScenarios.find((s) => s.id === chapter.scenarioId);
    if (!scenario) throw new Error(`no scenario ${chapter.scenarioId}`);
    const state = replay(scenario, scenario.story.slice(0, chapter.step)).states[chapter.step] as State;
    // "In the picture, outlined: …" names each mark, so each must outline something at the chapter's step.
    const unlit = CHAPTER_MARKS[chapter.id].filter((mark) => {
      const { container } = render(<Diagram state={state} event={undefined} font={14} highlight={[mark]} />);
      const lit = container.querySelectorAll('.dmark-halo, .dedge-lit').length;
      cleanup();
      return lit === 0 || MARK_NAMES[mark].length === 0;
    });
    expect(unlit).toEqual([]);
  });

  it('shows the stac/clac pairs the copy_*_user baseline has paid, which chapter 1 counts', () => {
    const chapter = chapters[0];
    const scenario = builtinScenarios.find((s) => s.id === chapter?.scenarioId);
    if (!chapter || !scenario) throw new Error('chapter 1 is missing');
    const run = replay(scenario, scenario.story.slice(0, chapter.step));
    const state = run.states[chapter.step] as State;
    render(<Diagram state={state} previous={run.states[chapter.step - 1]} event={undefined} font={14} />);
    const mark = screen.getByRole('img', { name: /^vhost: copy_\*_user/ });
    expect(mark).toHaveAccessibleName(new RegExp(`stac/clac pairs ${state.counters.stacClac}$`));
    expect(state.counters.stacClac).toBe(1);
    expect(mark).toHaveAttribute('data-marks', 'uaccess');
  });

  it('lights the PT lock and vq->mutex in chapter 5, seq and count in chapter 10, the two loads in chapter 11', () => {
    expect(CHAPTER_MARKS['no-mutex-in-invalidate-range']).toEqual(expect.arrayContaining(['pt-lock', 'vq-mutex']));
    expect(CHAPTER_MARKS['seq-count-retry']).toEqual(expect.arrayContaining(['seq', 'count']));
    expect(CHAPTER_MARKS['smp-rmb']).toEqual(expect.arrayContaining(['snapshot', 'loads']));
    const chapter = chapters[4];
    const scenario = builtinScenarios.find((s) => s.id === chapter?.scenarioId);
    if (!chapter || !scenario) throw new Error('chapter 5 is missing');
    const state = replay(scenario, scenario.story).states[chapter.step] as State;
    render(<Diagram state={state} event={undefined} font={14} highlight={CHAPTER_MARKS[chapter.id]} />);
    for (const name of [/^PT lock/, /^vq->mutex/]) {
      const mark = screen.getByRole('img', { name });
      expect(mark).toHaveClass('dmark-lit');
    }
  });

  it('has a glossary of the terms and the people of the thread', () => {
    render(<Glossary />);
    for (const term of ['virtqueue', 'desc / avail / used', 'gup_fast', 'MMU notifier', 'PT lock', 'KSM', 'THP'])
      expect(GLOSSARY_TERMS.some((e) => e.term === term)).toBe(true);
    for (const person of [
      'Andrea Arcangeli',
      'Jerome Glisse',
      'Michael S. Tsirkin (mst)',
      'Jason Wang',
      'Jason Gunthorpe',
    ])
      expect(screen.getByText(person)).toBeInTheDocument();
    expect(screen.getByText('start / end / ->invalidate_range')).toBeInTheDocument();
    expect(GLOSSARY_PEOPLE).toHaveLength(5);
  });
});
