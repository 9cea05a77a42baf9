import { useId, useState } from 'react';
import { threadNames } from '../../core';
import { selectCurrentScenario } from '../../state/store';
import { useServices } from '../AppContext';
import { shareUrl } from '../scenario/CopyLinkButton';
import './export.css';

const exportFiles = () => import('./export-files');

interface Props {
  /** The live picture to export (absent while the scenario loads). */
  picture: () => SVGSVGElement | null;
}

function backgroundOf(svg: SVGSVGElement): string {
  const panel = svg.closest('section') ?? document.body;
  const colour = window.getComputedStyle(panel).backgroundColor;
  return colour && colour !== 'rgba(0, 0, 0, 0)' ? colour : '#ffffff';
}

/** Downloads the picture as SVG or PNG and the trace as Markdown, each named after the scenario and step. */
export function ExportMenu({ picture }: Props) {
  const { store, catalog } = useServices();
  const [note, setNote] = useState('');
  const labelId = useId();
  const baseName = () => {
    const { scenarioId, index } = store.getState();
    return `ringside-${scenarioId}-step-${index}`;
  };
  const run = async (what: string, make: () => Promise<void> | void) => {
    try {
      await make();
      setNote(`${what} downloaded.`);
    } catch (error) {
      setNote(error instanceof Error ? error.message : `${what} could not be made.`);
    }
  };
  const captionInput = () => {
    const s = store.getState();
    const scenario = s.states[0]?.scenario;
    if (!scenario) return undefined;
    const event = s.index > 0 ? s.events[s.index - 1] : undefined;
    return { scenario, index: s.index, steps: s.events.length, event, names: threadNames(scenario) };
  };
  const svgFile = async () => {
    const svg = picture();
    if (!svg) throw new Error('There is no picture to export yet.');
    const input = captionInput();
    const { standaloneSvg, captionLines, pageLegend } = await exportFiles();
    return { svg, text: standaloneSvg(svg, backgroundOf(svg), input ? captionLines(input) : [], pageLegend()) };
  };
  const onSvg = () =>
    run('SVG', async () => {
      const [{ text }, { downloadBlob }] = await Promise.all([svgFile(), exportFiles()]);
      downloadBlob(`${baseName()}.svg`, new Blob([text], { type: 'image/svg+xml' }));
    });
  const onPng = () =>
    run('PNG', async () => {
      const [{ svg, text }, { downloadBlob, svgToPng }] = await Promise.all([svgFile(), exportFiles()]);
      downloadBlob(`${baseName()}.png`, await svgToPng(text, svg));
    });
  const onMarkdown = () =>
    run('Markdown', async () => {
      const s = store.getState();
      const scenario = selectCurrentScenario(s);
      if (!scenario) throw new Error('There is no scenario to export yet.');
      const link = shareUrl(s, catalog);
      if (!link) throw new Error('Wait for the step to finish, then export.');
      const { downloadBlob, traceMarkdown } = await exportFiles();
      const text = traceMarkdown({
        scenario,
        events: s.events,
        index: s.index,
        names: threadNames(scenario),
        link,
      });
      downloadBlob(`${baseName()}.md`, new Blob([text], { type: 'text/markdown' }));
    });
  const onPromela = () =>
    run('Promela', async () => {
      const scenario = selectCurrentScenario(store.getState());
      if (!scenario) throw new Error('There is no scenario to export yet.');
      // Loaded on demand: the exporter stays out of the first screen's JavaScript.
      const { promelaFile } = await import('../../spin/promela-file');
      const model = promelaFile(scenario, catalog, `${window.location.origin}${window.location.pathname}`);
      if (!model.ok) throw new Error(`Promela export: ${model.error}.`);
      const { downloadBlob } = await exportFiles();
      downloadBlob(`ringside-${scenario.id}.pml`, new Blob([model.text], { type: 'text/plain' }));
    });
  return (
    <fieldset aria-labelledby={labelId} className="export-menu">
      <span id={labelId} className="export-label">
        Export
      </span>
      {[
        { text: 'SVG', name: 'Picture as SVG', title: 'Download the picture as SVG', make: onSvg },
        { text: 'PNG', name: 'Picture as PNG', title: 'Download the picture as PNG', make: onPng },
        {
          text: 'Markdown',
          name: 'Trace as Markdown',
          title: 'Download the steps, hazards and link as Markdown',
          make: onMarkdown,
        },
        {
          text: 'Promela',
          name: 'Model as Promela',
          title: 'Download the scenario as a Promela model for the Spin model checker',
          make: onPromela,
        },
      ].map(({ text, name, title, make }) => (
        <button key={text} type="button" aria-label={name} title={title} onClick={() => void make()}>
          {text}
        </button>
      ))}
      <span role="status" className="export-note">
        {note}
      </span>
    </fieldset>
  );
}
