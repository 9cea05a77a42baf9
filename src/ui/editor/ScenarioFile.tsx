import { type DragEvent, useState } from 'react';
import { checkScenarioShape } from '../../core/guard/scenario-shape';
import type { Scenario } from '../../core/types';
import { downloadJson } from '../export/download';
import { JsonFileInput } from '../JsonFileInput';
import { readUntrustedFile } from '../untrusted-file';
import type { Draft } from './draft';

interface Props {
  scenario: Scenario | null;
  onImport: (draft: Draft, fileName: string) => void;
  onProblem: (message: string) => void;
}

async function readDraft(file: File): Promise<Draft | string> {
  const read = await readUntrustedFile(file, checkScenarioShape);
  return read.ok ? read.value : read.message;
}

/** Export the scenario as its documented JSON file; import one with the file chooser or by dropping it here. */
export function ScenarioFile({ scenario, onImport, onProblem }: Props) {
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (!file) return;
    const read = await readDraft(file);
    if (typeof read === 'string') onProblem(read);
    else onImport(read, file.name);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void take(event.dataTransfer.files[0]);
  };
  return (
    <section
      className={`editor-file${over ? ' editor-file-over' : ''}`}
      aria-label="Scenario file"
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <button
        type="button"
        disabled={!scenario}
        onClick={() => scenario && downloadJson(`${scenario.id}.json`, scenario)}
      >
        Export JSON file
      </button>
      <JsonFileInput label="Import a scenario file" className="editor-import" onFile={(file) => void take(file)} />
      <span className="editor-hint">or drop a .json file here</span>
    </section>
  );
}
