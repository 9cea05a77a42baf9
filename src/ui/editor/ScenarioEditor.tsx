import { useMemo, useState } from 'react';
import type { Scenario } from '../../core/types';
import { encodeRunLink } from '../../url/encode';
import { useAppSelector, useServices } from '../AppContext';
import { openRunLink } from '../history/open-link';
import { checkDraft, type Draft, draftFrom, fieldOf, withField } from './draft';
import { forgetDraft, keepDraft, recallDraft } from './kept-draft';
import { ScenarioFile } from './ScenarioFile';
import { ScenarioForm } from './ScenarioForm';
import './editor.css';

const FORM_FIELDS = new Set([
  'id',
  'title',
  'summary',
  'design',
  'bugs',
  'backing',
  'memory',
  'directMap',
  'ringSize',
  'rounds',
  'vqs',
  'startRegion',
  'mm',
  'story',
  'expect',
]);
const onForm = (message: string) => FORM_FIELDS.has(fieldOf(message).replace(/[[.].*$/, ''));

/** Edits a scenario with the validator's messages inline; the result runs, explores and shares like a built-in. */
export default function ScenarioEditor({ onClose }: { onClose: () => void }) {
  const { store, controller, explorer, catalog } = useServices();
  const shown = useAppSelector((s) => s.states[0]?.scenario ?? catalog[0]) as Scenario;
  const shownRun = useAppSelector((s) => s.schedule);
  const [kept] = useState(recallDraft);
  const [draft, setDraftNow] = useState<Draft>(() => kept ?? draftFrom(shown, catalog));
  const [note, setNote] = useState<{ text: string; url?: string } | null>(
    kept ? { text: 'Your draft is back, as you left it.' } : null,
  );
  // Every edit is kept at once, so closing, Escape or a reload lose nothing; running or discarding drops it.
  const setDraft = (update: Draft | ((d: Draft) => Draft)) =>
    setDraftNow((before) => {
      const next = typeof update === 'function' ? update(before) : update;
      keepDraft(next);
      return next;
    });
  const check = useMemo(() => checkDraft(draft, catalog), [draft, catalog]);
  const scenario = check.ok ? check.scenario : null;
  const elsewhere = check.errors.filter((message) => !onForm(message));

  const run = async (then?: () => void) => {
    if (!scenario) return;
    forgetDraft();
    onClose();
    await openRunLink(store, controller, catalog, {
      scenarioId: scenario.id,
      edited: scenario,
      schedule: [],
      index: 0,
    });
    then?.();
  };
  const share = async () => {
    if (!scenario) return;
    const link = encodeRunLink({ scenarioId: scenario.id, edited: scenario, schedule: [], index: 0 });
    const url = `${window.location.origin}${window.location.pathname}${link}`;
    try {
      await navigator.clipboard.writeText(url);
      setNote({ text: 'Link to this scenario copied.' });
    } catch {
      setNote({ text: 'Copy this link:', url });
    }
  };

  return (
    <section className="editor" aria-label="Scenario editor">
      <div className="editor-actions">
        <button type="button" disabled={!scenario} onClick={() => void run()}>
          Run in the stepper
        </button>
        <button type="button" disabled={!scenario} onClick={() => void run(explorer.start)}>
          Run and explore
        </button>
        <button type="button" disabled={!scenario} onClick={() => void share()}>
          Copy a link to this scenario
        </button>
        <button
          type="button"
          onClick={() => {
            forgetDraft();
            setDraftNow(draftFrom(shown, catalog));
            setNote({ text: 'Draft discarded.' });
          }}
        >
          Discard the draft, start from the scenario shown
        </button>
      </div>
      <p className="editor-status" role="status">
        {scenario
          ? 'The scenario is valid.'
          : `${check.errors.length} problem${check.errors.length === 1 ? '' : 's'}: fix ${check.errors.length === 1 ? 'it' : 'them'} to run, explore or share.`}{' '}
        {note?.text}
        {note?.url ? (
          <input readOnly aria-label="Link to this scenario" value={note.url} onFocus={(e) => e.target.select()} />
        ) : null}
      </p>
      {elsewhere.length > 0 ? (
        <ul className="editor-errors" aria-label="Other problems">
          {elsewhere.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      <ScenarioForm
        draft={draft}
        errors={check.errors}
        onField={(field, value) => setDraft((d) => withField(d, field, value))}
        shownRun={shownRun}
      />
      <ScenarioFile
        scenario={scenario}
        onImport={(imported, name) => {
          setDraft(imported);
          setNote({ text: `Imported ${JSON.stringify(name.slice(0, 60))}.` });
        }}
        onProblem={(message) => setNote({ text: message })}
      />
    </section>
  );
}
