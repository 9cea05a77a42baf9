import type { ReactNode } from 'react';
import { CONTEXT_TEXT } from './protocol-nodes';
import './diagram-key.css';

const ARROWS = [
  { style: 'solid', text: 'a translation: PTE, vmalloc PTE or userringpage to a frame' },
  { style: 'thin', text: 'the direct map covers every frame' },
  { style: 'cached', text: 'a CPU’s TLB entry: a cached translation' },
  { style: 'dangling', text: 'a pointer that outlived its frame (labelled “dangling”)' },
  { style: 'stale', text: 'a TLB entry whose PTE is gone (labelled “stale TLB”)' },
  { style: 'cut', text: '“cut”: a PTE that no longer translates (zapped, swap or migration entry)' },
  { style: 'holds', text: 'a lock and the thread holding it' },
  { style: 'waits', text: '“waits”: a thread waiting for that lock (a cycle is a deadlock)' },
] as const;

const Swatch = ({ className, children }: { className: string; children?: ReactNode }) => (
  <span className={className} aria-hidden="true">
    {children}
  </span>
);

/** The Key's words, in its order: what an exported picture carries as its legend. */
export const keyTexts = (): string[] => [...ARROWS.map((a) => a.text), ...ENTRIES.map((e) => e.text)];

/** Every mark of the picture, beside it rather than over it: the text entries name the marks exactly as drawn. */
const ENTRIES: readonly { key: string; swatch: ReactNode; text: string }[] = [
  {
    key: 'tags',
    swatch: <Swatch className="key-text">desc</Swatch>,
    text: 'desc / avail / used tags: the ring area on a page',
  },
  {
    key: 'refmap',
    swatch: <Swatch className="key-text">ref·map</Swatch>,
    text: '“ref · map”: the frame’s refcount and mapcount',
  },
  {
    key: 'pointer',
    swatch: <Swatch className="key-box key-plain" />,
    text: 'userringpage: vhost’s cached pointer (vq->ptr in most designs, vq->maps[] in the merged one, vq->map for vmap)',
  },
  { key: 'hatched', swatch: <Swatch className="key-box key-hatched" />, text: 'hatched box: freed, zapped or cleared' },
  {
    key: 'danger',
    swatch: <Swatch className="key-box key-danger">⚠</Swatch>,
    text: 'thick red box with ⚠: freed memory something still reaches, or a write the guest never sees',
  },
  {
    key: 'changed',
    swatch: <Swatch className="key-badge">Δ</Swatch>,
    text: 'dashed outline and Δ: changed by this step',
  },
  {
    key: 'old',
    swatch: <Swatch className="key-text">2 → 1</Swatch>,
    text: 'old → new value of a number this step changed (the old value fades unless motion is reduced)',
  },
  {
    key: 'thread',
    swatch: <Swatch className="key-box key-plain" />,
    text: 'a thread, with the context its next step runs in:',
  },
  {
    key: 'sleep',
    swatch: <Swatch className="key-text">●</Swatch>,
    text: `${CONTEXT_TEXT['may-sleep']}: process context, sleeping allowed`,
  },
  {
    key: 'atomic',
    swatch: <Swatch className="key-text">▲</Swatch>,
    text: `${CONTEXT_TEXT.atomic}: a spinlock or the PT lock held, RCU read side, or IRQs off in gup_fast`,
  },
  {
    key: 'noblock',
    swatch: <Swatch className="key-text">■</Swatch>,
    text: `${CONTEXT_TEXT['no-block']}: the OOM reaper’s non-blockable invalidation`,
  },
  {
    key: 'lock',
    swatch: <Swatch className="key-box key-plain" />,
    text: 'a lock (vq->mutex, vq->mmu_lock, PT lock, PG_locked, mmap_sem) with its holder and waiters',
  },
  {
    key: 'band',
    swatch: <Swatch className="key-box key-band" />,
    text: '▲ band: an invalidation in progress over the ring pages it covers, named after its thread',
  },
  {
    key: 'seq',
    swatch: <Swatch className="key-box key-plain" />,
    text: 'seq / count: the notifier’s sequence and in-progress count (interval designs: odd while invalidating)',
  },
  {
    key: 'loads',
    swatch: <Swatch className="key-box key-plain" />,
    text: 'two loads: vhost’s seq snapshot beside the live value, and the frames gup_fast’s PTE loads returned',
  },
  {
    key: 'guest',
    swatch: <Swatch className="key-box key-plain" />,
    text: 'guest’s used.idx: what the guest reads in the frame its PTE maps now, and where vhost last wrote',
  },
  {
    key: 'lit',
    swatch: <Swatch className="key-box key-lit" />,
    text: 'blue halo: what the open tour chapter is about',
  },
];

/** The picture's legend: every line style and mark, shown under the picture so it never covers it. */
export function DiagramKey({ id }: { id: string }) {
  return (
    <section id={id} className="diagram-key" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Key</h3>
      <ul>
        {ARROWS.map(({ style, text }) => (
          <li key={style}>
            <svg width="44" height="14" aria-hidden="true">
              <path d="M2,7 L40,7" className={`dedge style-${style}`} />
            </svg>
            {text}
          </li>
        ))}
        {ENTRIES.map(({ key, swatch, text }) => (
          <li key={key}>
            {swatch}
            {text}
          </li>
        ))}
      </ul>
    </section>
  );
}
