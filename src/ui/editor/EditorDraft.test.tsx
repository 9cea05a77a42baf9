import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp, runSchedule, stepCount } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';
import { editedFrom } from './draft';
import { DRAFT_KEY } from './kept-draft';

afterEach(() => window.localStorage.clear());

const open = async (user: Awaited<ReturnType<typeof renderApp>>['user']) => {
  await user.click(screen.getByRole('button', { name: 'Edit scenario' }));
  const editor = screen.getByRole('dialog', { name: 'Scenario editor' });
  await within(editor).findByRole('textbox', { name: 'Id' });
  return editor;
};

describe('the editor keeps work', () => {
  it('makes a writeback thread valid with file memory, and keeps the draft across Escape, closing and a new visit', async () => {
    const { user } = await renderApp();
    let editor = await open(user);
    expect(within(editor).getByRole('textbox', { name: 'Summary' })).toHaveValue(editedFrom(fixtureScenario.id));
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Thread 2 event' }), 'writeback');
    expect(within(editor).getByText(/^mm\[0\]\.kind: writeback needs memory "file"/)).toBeInTheDocument();
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Guest memory' }), 'file');
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Direct map page size' }), '2M');
    await user.clear(within(editor).getByRole('textbox', { name: 'Summary' }));
    await user.type(within(editor).getByRole('textbox', { name: 'Summary' }), 'Writeback cleans the ring page.');
    expect(within(editor).getByRole('status')).toHaveTextContent('The scenario is valid.');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    editor = await open(user);
    expect(within(editor).getByRole('combobox', { name: 'Guest memory' })).toHaveValue('file');
    await user.click(within(editor).getByRole('button', { name: 'Close' }));
    cleanup();

    const again = await renderApp();
    editor = await open(again.user);
    expect(within(editor).getByRole('status')).toHaveTextContent('Your draft is back');
    expect(within(editor).getByRole('combobox', { name: 'Thread 2 event' })).toHaveValue('writeback');
    expect(within(editor).getByRole('textbox', { name: 'Summary' })).toHaveValue('Writeback cleans the ring page.');
    await again.user.click(within(editor).getByRole('button', { name: 'Run in the stepper' }));
    await stepCount(0, 0);
    expect(window.localStorage.getItem(DRAFT_KEY)).toBeNull();
  });

  it('records the run shown as the story, and ignores a corrupt kept draft', async () => {
    window.localStorage.setItem(DRAFT_KEY, '{"id": [[[[[[[[[[[[]]]]]]]]]]]]}');
    const { user } = await renderApp();
    await runSchedule(user, [0, 0, 1]);
    const editor = await open(user);
    expect(within(editor).getByRole('textbox', { name: 'Id' })).toHaveValue(`my-${fixtureScenario.id}`);
    await user.click(within(editor).getByRole('button', { name: 'Use the run shown as the story (3 steps)' }));
    expect(within(editor).getByRole('textbox', { name: /^Story/ })).toHaveValue('1 1 2');
  });
});
