import type { Scenario } from '../../core/types';
import { decode } from '../../url/decode';

/** "Scenario title, step N" for a stop's run, or a sentence saying it cannot be opened. */
export function stopTitle(run: string, catalog: readonly Scenario[]): string {
  const decoded = decode(run, catalog);
  if (decoded.status !== 'ok') return 'a run this version cannot open';
  const { link } = decoded;
  const title = link.edited?.title ?? catalog.find((s) => s.id === link.scenarioId)?.title ?? link.scenarioId;
  return `${title}, step ${link.index}`;
}

/** The step a stop's run shows, or null when the run cannot be opened. */
export function stepOf(run: string, catalog: readonly Scenario[]): number | null {
  const decoded = decode(run, catalog);
  return decoded.status === 'ok' ? decoded.link.index : null;
}
