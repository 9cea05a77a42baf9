import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../core';
import { renderApp } from '../test/render-app';
import { MmThreadsField } from './MmThreadsField';

async function openEditor() {
  const { user } = await renderApp();
  await user.click(screen.getByRole('button', { name: 'Edit scenario' }));
  const editor = screen.getByRole('dialog', { name: 'Scenario editor' });
  // The editor's code loads on first use.
  await within(editor).findByRole('textbox', { name: 'Id' });
  return { user, editor };
}

const mmFile = (entries: number) =>
  new File([`{"format":1,"id":"x","design":"kmap-seq","mm":[${Array(entries).fill('{}').join(',')}]}`], 'mm.json', {
    type: 'application/json',
  });

describe('editor import through the door (issue 22)', () => {
  it('refuses a 40,000-entry file by its length, keeping the draft', async () => {
    const { user, editor } = await openEditor();
    const id = within(editor).getByRole('textbox', { name: 'Id' });
    const before = (id as HTMLInputElement).value;
    await user.upload(within(editor).getByLabelText('Import a scenario file'), mmFile(40_000));
    expect(
      await within(editor).findByText(/The file was refused: scenario: 120\d+ characters of JSON; at most 65536\./),
    ).toBeInTheDocument();
    expect(id).toHaveValue(before);
    expect(within(editor).getAllByRole('combobox', { name: /^Thread \d+ event$/ }).length).toBeLessThanOrEqual(
      LIMITS.maxMmThreads,
    );
  });

  it('refuses a short file whose list is longer than the format allows, naming the list', async () => {
    const { user, editor } = await openEditor();
    await user.upload(within(editor).getByLabelText('Import a scenario file'), mmFile(1000));
    expect(
      await within(editor).findByText(/The file was refused: mm: a list of 1000 items; the format allows at most 4\./),
    ).toBeInTheDocument();
  });

  it('takes a dropped file through the same door', async () => {
    const { editor } = await openEditor();
    const area = within(editor).getByRole('region', { name: 'Scenario file' });
    fireEvent.drop(area, { dataTransfer: { files: [mmFile(1000)] } });
    expect(await within(editor).findByText(/The file was refused: mm: a list of 1000 items/)).toBeInTheDocument();
  });

  it('says a file that is not UTF-8 is not text', async () => {
    const { user, editor } = await openEditor();
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    await user.upload(within(editor).getByLabelText('Import a scenario file'), new File([bytes], 'latin.json'));
    expect(await within(editor).findByText(/The file is not UTF-8 text\./)).toBeInTheDocument();
  });
});

describe('MmThreadsField', () => {
  it('never renders more rows than the format allows, and says how many it left out', () => {
    const draft = { mm: Array.from({ length: 1000 }, () => ({ kind: 'munmap' })) };
    render(<MmThreadsField draft={draft} errors={[]} onChange={() => {}} />);
    expect(screen.getAllByRole('combobox', { name: /^Thread \d+ event$/ })).toHaveLength(LIMITS.maxMmThreads);
    expect(screen.getByText(/996 more entries are not shown: the format allows at most 4\./)).toBeInTheDocument();
  });
});
