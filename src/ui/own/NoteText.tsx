import { noteLines } from '../../tour/own/note-markup';

/** A tour note as React elements: text, <em>, <code> and https links; never HTML, whatever the note holds. */
export function NoteText({ note }: { note: string }) {
  const lines = noteLines(note);
  return (
    <p className="own-note">
      {lines.map((pieces, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a note's lines are addressed by position.
        <span key={i}>
          {i > 0 ? <br /> : null}
          {pieces.map((piece, j) => {
            const key = `${i}-${j}`;
            if (piece.kind === 'em') return <em key={key}>{piece.text}</em>;
            if (piece.kind === 'code') return <code key={key}>{piece.text}</code>;
            if (piece.kind === 'link')
              return (
                <a key={key} href={piece.href} target="_blank" rel="noopener noreferrer">
                  {piece.text}
                </a>
              );
            return <span key={key}>{piece.text}</span>;
          })}
        </span>
      ))}
    </p>
  );
}
