import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinScenarios, defaultScenarioId } from '../../scenarios';
import { chapterHref } from '../../tour/chapter-run';
import { chapters } from '../../tour/chapters';
import { modelAnswer } from '../../tour/model-answer.test-util';
import { SCORE_KEY } from '../../tour/score';
import { createMainThreadClient } from '../../worker/client';
import { App } from '../App';

const indexOf = (id: string) => chapters.findIndex((c) => c.id === id);

async function renderTour(chapterId?: string) {
  const user = userEvent.setup();
  const linkText = chapterId ? (chapterHref(indexOf(chapterId), builtinScenarios) ?? '') : '';
  render(
    <App
      client={createMainThreadClient()}
      scenarios={builtinScenarios}
      initialScenarioId={defaultScenarioId}
      linkText={linkText}
    />,
  );
  return { user };
}

const chapterHeading = (title: string) => screen.findByRole('heading', { level: 2, name: title });

const answerOf = (chapterId: string) => modelAnswer(chapterId, (id) => builtinScenarios.find((s) => s.id === id));

afterEach(() => window.localStorage.clear());

describe('the guided tour', () => {
  it('starts at the first chapter, moves with Page Down / Page Up and the buttons, and closes', async () => {
    const { user } = await renderTour();
    await user.click(await screen.findByRole('button', { name: 'Guided tour' }));
    await chapterHeading(chapters[0]?.title ?? '');
    expect(screen.getByText(`Guided tour · chapter 1 of ${chapters.length}`)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(chapters[0]?.scenarioId);
    expect(within(screen.getByRole('list', { name: 'Sources' })).getByText('__uaccess_begin_nospec')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Previous chapter' })).toBeDisabled();

    await user.keyboard('{PageDown}');
    await chapterHeading(chapters[1]?.title ?? '');
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(chapters[1]?.scenarioId);
    await user.keyboard('{PageUp}');
    await chapterHeading(chapters[0]?.title ?? '');
    await user.click(screen.getByRole('button', { name: 'Next chapter' }));
    await chapterHeading(chapters[1]?.title ?? '');
    expect(screen.getByRole('link', { name: 'Link to this chapter' }).getAttribute('href')).toContain(
      `tour=${chapters[1]?.id}`,
    );

    await user.click(screen.getByRole('button', { name: 'Close the tour' }));
    expect(screen.queryByRole('navigation', { name: 'Tour chapters' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Guided tour' })).toBeInTheDocument();
  });

  it('a right answer scores, then shows the step; the score is kept in localStorage', async () => {
    const { user } = await renderTour('gup-then-put-page');
    const { right, prompt } = answerOf('gup-then-put-page');
    const group = await screen.findByRole('group', { name: prompt });
    await user.click(within(group).getByRole('radio', { name: right }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    const status = await screen.findByText(/^✓ Right:/);
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent('Score: 1 right, 0 wrong, 0 skipped.');
    const step = (chapters[indexOf('gup-then-put-page')]?.step ?? 0) + 1;
    expect(await screen.findByText(new RegExp(`^Step ${step} of `))).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(SCORE_KEY) ?? '{}')).toEqual({ 'gup-then-put-page': 'right' });
  });

  it('keeps the answer hidden until the question is answered or skipped: → , End and the digits wait', async () => {
    const { user } = await renderTour('gup-then-put-page');
    const { prompt } = answerOf('gup-then-put-page');
    await screen.findByRole('group', { name: prompt });
    const step = chapters[indexOf('gup-then-put-page')]?.step ?? 0;
    const at = await screen.findByText(new RegExp(`^Step ${step} of `));
    await user.click(document.body);
    await user.keyboard('{ArrowRight}{End}1');
    expect(at).toHaveTextContent(new RegExp(`^Step ${step} of `));
    expect(screen.getByText(/Answer or skip the question first/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Skip the question' }));
    expect(await screen.findByText(new RegExp(`^Step ${step + 1} of `))).toBeInTheDocument();
  });

  it('a wrong answer says what the model says; Skip never blocks and is counted apart', async () => {
    window.localStorage.setItem(SCORE_KEY, '{not json');
    const { user } = await renderTour('set-page-dirty-at-invalidate');
    const { wrong, right, prompt } = answerOf('set-page-dirty-at-invalidate');
    const group = await screen.findByRole('group', { name: prompt });
    await user.click(within(group).getByRole('radio', { name: wrong }));
    await user.click(screen.getByRole('button', { name: 'Check my answer' }));
    expect(await screen.findByText(/^✗ Not quite:/)).toHaveTextContent(`the model says ${right}`);

    await user.keyboard('{PageUp}');
    await chapterHeading(chapters[indexOf('set-page-dirty-at-invalidate') - 1]?.title ?? '');
    await user.keyboard('{PageUp}{PageUp}{PageUp}');
    await chapterHeading('The window between gup_fast and publishing');
    await user.click(await screen.findByRole('button', { name: 'Skip the question' }));
    expect(await screen.findByText(/^Skipped\./)).toHaveTextContent('Score: 0 right, 1 wrong, 1 skipped.');
  });

  it('opens the chapter a link names, and says so when the reader leaves its scenario', async () => {
    const { user } = await renderTour('merged-and-reverted');
    await chapterHeading('What the merged version got wrong');
    expect(await screen.findByText(/^Step 17 of /)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Scenario' }), 'gup-munmap-uaf');
    await user.click(await screen.findByRole('button', { name: 'Back to the chapter' }));
    expect(await screen.findByText(/^Step 17 of /)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue('merged-rcu-revert');
  });
});
