import { useEffect, useRef } from 'react';
import { KEY_ENTRIES, type KeySwatch } from './key-entries';
import './diagram-key.css';

function Swatch({ swatch }: { swatch: KeySwatch }) {
  if ('line' in swatch)
    return (
      <svg width="44" height="14" aria-hidden="true">
        <path d="M2,7 L40,7" className={`dedge style-${swatch.line}`} />
      </svg>
    );
  return (
    <span className={swatch.className} aria-hidden="true">
      {swatch.mark}
    </span>
  );
}

/** The picture's legend: every line style and mark, shown under the picture so it never covers it. */
export function DiagramKey({ id }: { id: string }) {
  const ref = useRef<HTMLElement>(null);
  // Opened under the picture, possibly below the fold: it comes into view once it has loaded.
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'nearest' }), []);
  return (
    <section ref={ref} id={id} className="diagram-key" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Key</h3>
      <ul>
        {KEY_ENTRIES.map(({ key, swatch, text }) => (
          <li key={key}>
            <Swatch swatch={swatch} />
            {text}
          </li>
        ))}
      </ul>
    </section>
  );
}
