/** A piece of a note: plain text, emphasis, code, or a link to an https address. Nothing else exists. */
export type NotePiece =
  | { kind: 'text'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

/**
 * `*emphasis*` or `_emphasis_`, `` `code` ``, `[text](https://...)`: the whole of the note syntax. An underscore
 * inside a word (`gup_fast`, `put_page`) is a letter, not emphasis.
 */
const TOKEN =
  /`([^`\n]{1,200})`|\*([^*\n]{1,200})\*|(?<![A-Za-z0-9])_([^_\n]{1,200})_(?![A-Za-z0-9])|\[([^\]\n]{1,200})\]\(([^)\s]{1,500})\)/g;

/** The address if it is an absolute https URL with a host, else null (javascript:, data:, http: stay text). */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === ''
      ? url.href
      : null;
  } catch {
    return null;
  }
}

/**
 * Cuts one line of a note into pieces. Text is only ever text: the caller renders pieces as elements, never as
 * HTML, so `<b>` stays the four characters it is. A link whose address is not https stays its literal text.
 */
export function notePieces(line: string): NotePiece[] {
  const pieces: NotePiece[] = [];
  let last = 0;
  const push = (piece: NotePiece) => {
    const before = pieces.at(-1);
    if (piece.kind === 'text' && before?.kind === 'text') before.text += piece.text;
    else pieces.push(piece);
  };
  for (const match of line.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) push({ kind: 'text', text: line.slice(last, at) });
    const [whole, code, star, under, linkText, href] = match;
    if (code !== undefined) push({ kind: 'code', text: code });
    else if (star !== undefined || under !== undefined) push({ kind: 'em', text: star ?? under ?? '' });
    else {
      const safe = href === undefined ? null : safeHref(href);
      push(
        safe && linkText !== undefined ? { kind: 'link', text: linkText, href: safe } : { kind: 'text', text: whole },
      );
    }
    last = at + whole.length;
  }
  if (last < line.length) push({ kind: 'text', text: line.slice(last) });
  return pieces;
}

/** A note as lines of pieces (a line break in the note is a line break in the page). */
export const noteLines = (note: string): NotePiece[][] => note.split(/\r?\n/).map(notePieces);
