import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { JsonFileInput } from './JsonFileInput';

describe('JsonFileInput', () => {
  it('hands over each chosen file, the same file chosen twice included, and offers JSON files', async () => {
    const user = userEvent.setup();
    const onFile = vi.fn();
    render(<JsonFileInput label="Import a tour file" className="own-import" onFile={onFile} />);
    const input = screen.getByLabelText('Import a tour file');
    expect(input).toHaveAttribute('accept', '.json,application/json');
    const file = new File(['{}'], 'tour.json', { type: 'application/json' });
    await user.upload(input, file);
    await user.upload(input, file);
    expect(onFile).toHaveBeenCalledTimes(2);
    expect(onFile).toHaveBeenLastCalledWith(file);
    expect(input).toHaveValue('');
  });
});
