import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { decode } from '../../url/decode';
import { renderApp, stepCount } from '../test/render-app';
import { fixtureScenario } from '../test-fixtures';

async function openEditor() {
  const { user } = await renderApp();
  await user.click(screen.getByRole('button', { name: 'Edit scenario' }));
  const editor = screen.getByRole('dialog', { name: 'Scenario editor' });
  await within(editor).findByRole('textbox', { name: 'Id' });
  return { user, editor };
}

describe('the scenario editor', () => {
  it('shows the validator’s messages beside the field, and runs the fixed scenario in the stepper', async () => {
    const { user, editor } = await openEditor();
    const design = within(editor).getByRole('combobox', { name: 'Design' });
    expect(within(editor).getByRole('textbox', { name: 'Id' })).toHaveValue(`my-${fixtureScenario.id}`);
    await user.selectOptions(design, 'copy-user');
    expect(within(editor).getByText(/^bugs: skip-seq-check applies to designs/)).toBeInTheDocument();
    expect(within(editor).getByRole('button', { name: 'Run in the stepper' })).toBeDisabled();
    await user.click(within(editor).getByRole('checkbox', { name: /skip-seq-check/ }));
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Rounds' }), '2');
    await user.click(within(editor).getByRole('button', { name: 'Add an mm thread' }));
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Thread 3 event' }), 'thp-split');
    expect(within(editor).getByText(/^mm\[1\]\.kind: thp-split needs backing "thp"/)).toBeInTheDocument();
    await user.click(within(editor).getByRole('button', { name: 'Remove thread 3' }));
    expect(within(editor).getByRole('status')).toHaveTextContent('The scenario is valid.');
    await user.click(within(editor).getByRole('button', { name: 'Run in the stepper' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await stepCount(0, 0);
    expect(screen.getByRole('combobox', { name: 'Scenario' })).toHaveValue(`my-${fixtureScenario.id}`);
  });

  it('copies a link that carries the edited scenario', async () => {
    const { user, editor } = await openEditor();
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Ring size' }), '1024');
    await user.click(within(editor).getByRole('button', { name: 'Copy a link to this scenario' }));
    expect(within(editor).getByRole('status')).toHaveTextContent('Link to this scenario copied.');
    const url = new URL(writeText.mock.calls[0]?.[0] ?? '');
    const decoded = decode(url.search + url.hash, [fixtureScenario]);
    expect(decoded).toMatchObject({
      status: 'ok',
      link: { edited: { ringSize: 1024, id: `my-${fixtureScenario.id}` } },
    });
  });

  it('imports a scenario file, showing what is wrong with a bad one, and exports the JSON file', async () => {
    const { user, editor } = await openEditor();
    const chooser = within(editor).getByLabelText('Import a scenario file');
    await user.upload(chooser, new File(['{not json'], 'bad.json', { type: 'application/json' }));
    expect(await within(editor).findByText(/The file is not JSON\./)).toBeInTheDocument();
    const wrong = { ...fixtureScenario, id: 'from-file', ringSize: 300 };
    await user.upload(chooser, new File([JSON.stringify(wrong)], 'wrong.json', { type: 'application/json' }));
    expect(await within(editor).findByText(/^ringSize: got 300/)).toBeInTheDocument();
    const good = { ...fixtureScenario, id: 'from-file', rounds: 3 };
    await user.upload(chooser, new File([JSON.stringify(good)], 'good.json', { type: 'application/json' }));
    expect(await within(editor).findByRole('textbox', { name: 'Id' })).toHaveValue('from-file');
    expect(within(editor).getByRole('combobox', { name: 'Rounds' })).toHaveValue('3');

    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:scenario';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await user.click(within(editor).getByRole('button', { name: 'Export JSON file' }));
    expect(click).toHaveBeenCalled();
    expect(JSON.parse(await (blobs[0] as Blob).text())).toMatchObject({ id: 'from-file', rounds: 3, format: 1 });
  });
});
