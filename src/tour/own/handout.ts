import type { Scenario } from '../../core/types';
import { decode } from '../../url/decode';
import { type NotePiece, noteLines } from './note-markup';
import type { OwnTour } from './own-tour';

/** Text that must stay text in Markdown: its special characters are escaped, HTML included. */
const mdText = (text: string) => text.replace(/([\\`*_[\]<>|#!])/g, '\\$1');

function pieceMarkdown(piece: NotePiece): string {
  if (piece.kind === 'em') return `*${mdText(piece.text)}*`;
  if (piece.kind === 'code') return `\`${piece.text.replace(/`/g, "'")}\``;
  if (piece.kind === 'link') return `[${mdText(piece.text)}](${piece.href.replace(/[()\s]/g, encodeURIComponent)})`;
  return mdText(piece.text);
}

/** A note in Markdown, rebuilt from its pieces so only the safe subset comes through. */
export const noteMarkdown = (note: string) =>
  noteLines(note)
    .map((line) => line.map(pieceMarkdown).join(''))
    .join('  \n');

/**
 * The tour as a Markdown handout: its title, then each stop with its scenario, step and note, and a link that opens
 * the stop (`base` is the page's address); `link` opens the whole tour.
 */
export function ownTourHandout(tour: OwnTour, catalog: readonly Scenario[], base: string, link: string | null): string {
  const lines = [`# ${mdText(tour.title || 'A tour of Ringside')}`, ''];
  if (link) lines.push(`Open the whole tour: ${base}${link}`, '');
  tour.stops.forEach((stop, i) => {
    const decoded = decode(stop.run, catalog);
    if (decoded.status !== 'ok') {
      lines.push(
        `## Stop ${i + 1}`,
        '',
        `(This stop's run cannot be opened: ${mdText(decoded.status === 'error' ? decoded.error : 'no run')})`,
        '',
      );
      return;
    }
    const { link: run } = decoded;
    const title = run.edited?.title ?? catalog.find((s) => s.id === run.scenarioId)?.title ?? run.scenarioId;
    lines.push(`## Stop ${i + 1}: ${mdText(title)}, step ${run.index}`, '');
    if (stop.note.trim() !== '') lines.push(noteMarkdown(stop.note), '');
    if (stop.predict) lines.push('_Before the next step, the reader predicts what happens._', '');
    lines.push(`Open this stop: ${base}${stop.run}`, '');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
