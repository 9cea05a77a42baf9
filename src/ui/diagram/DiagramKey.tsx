const ARROWS = [
  { style: 'solid', text: 'a translation: PTE, vmalloc PTE or kernel pointer to a frame' },
  { style: 'thin', text: 'the direct map covers every frame' },
  { style: 'cached', text: 'a CPU’s TLB entry: a cached translation' },
  { style: 'dangling', text: 'a pointer that outlived its frame (labelled “dangling”)' },
  { style: 'stale', text: 'a TLB entry whose PTE is gone (labelled “stale TLB”)' },
] as const;

/** What the picture's line styles and marks mean, opened on demand so it never pushes the picture down. */
export function DiagramKey() {
  return (
    <details className="diagram-key">
      <summary>Key</summary>
      <ul>
        {ARROWS.map(({ style, text }) => (
          <li key={style}>
            <svg width="44" height="14" aria-hidden="true">
              <path d="M2,7 L40,7" className={`dedge style-${style}`} />
            </svg>
            {text}
          </li>
        ))}
        <li>
          <span className="key-box key-hatched" aria-hidden="true" />
          hatched box: freed, zapped or cleared
        </li>
        <li>
          <span className="key-badge" aria-hidden="true">
            Δ
          </span>
          dashed outline and Δ: changed by this step
        </li>
        <li>
          <span className="key-box key-danger" aria-hidden="true">
            ⚠
          </span>
          thick red box with ⚠: a freed frame something still reaches
        </li>
      </ul>
    </details>
  );
}
