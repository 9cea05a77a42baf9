import { CONTEXT_TEXT } from './protocol-nodes';

/** How an entry's mark is drawn: a line in an edge style, a box or badge (with an optional glyph), or a word. */
export type KeySwatch = { line: string } | { className: string; mark?: string };

export interface KeyEntry {
  readonly key: string;
  readonly swatch: KeySwatch;
  readonly text: string;
}

const PLAIN: KeySwatch = { className: 'key-box key-plain' };
const word = (mark: string): KeySwatch => ({ className: 'key-text', mark });

/** Every line style and mark of the picture, in the Key's order; the texts name the marks exactly as drawn. */
export const KEY_ENTRIES: readonly KeyEntry[] = [
  { key: 'solid', swatch: { line: 'solid' }, text: 'a translation: PTE, vmalloc PTE or userringpage to a frame' },
  { key: 'thin', swatch: { line: 'thin' }, text: 'the direct map covers every frame' },
  { key: 'cached', swatch: { line: 'cached' }, text: 'a CPU’s TLB entry: a cached translation' },
  { key: 'dangling', swatch: { line: 'dangling' }, text: 'a pointer that outlived its frame (labelled “dangling”)' },
  { key: 'stale', swatch: { line: 'stale' }, text: 'a TLB entry whose PTE is gone (labelled “stale TLB”)' },
  {
    key: 'cut',
    swatch: { line: 'cut' },
    text: '“cut”: a PTE that no longer translates (zapped, swap or migration entry)',
  },
  { key: 'holds', swatch: { line: 'holds' }, text: 'a lock and the thread holding it' },
  { key: 'waits', swatch: { line: 'waits' }, text: '“waits”: a thread waiting for that lock (a cycle is a deadlock)' },
  { key: 'tags', swatch: word('desc'), text: 'desc / avail / used tags: the ring area on a page' },
  { key: 'refmap', swatch: word('ref·map'), text: '“ref · map”: the frame’s refcount and mapcount' },
  {
    key: 'pointer',
    swatch: PLAIN,
    text: 'userringpage: vhost’s cached pointer (vq->ptr in most designs, vq->maps[] in the merged one, vq->map for vmap)',
  },
  { key: 'hatched', swatch: { className: 'key-box key-hatched' }, text: 'hatched box: freed, zapped or cleared' },
  {
    key: 'danger',
    swatch: { className: 'key-box key-danger', mark: '⚠' },
    text: 'thick red box with ⚠: freed memory something still reaches, or a write the guest never sees',
  },
  { key: 'changed', swatch: { className: 'key-badge', mark: 'Δ' }, text: 'dashed outline and Δ: changed by this step' },
  {
    key: 'old',
    swatch: word('2 → 1'),
    text: 'old → new value of a number this step changed (the old value fades unless motion is reduced)',
  },
  { key: 'thread', swatch: PLAIN, text: 'a thread, with the context its next step runs in:' },
  { key: 'sleep', swatch: word('●'), text: `${CONTEXT_TEXT['may-sleep']}: process context, sleeping allowed` },
  {
    key: 'atomic',
    swatch: word('▲'),
    text: `${CONTEXT_TEXT.atomic}: a spinlock or the PT lock held, RCU read side, or IRQs off in gup_fast`,
  },
  {
    key: 'noblock',
    swatch: word('■'),
    text: `${CONTEXT_TEXT['no-block']}: the OOM reaper’s non-blockable invalidation`,
  },
  {
    key: 'lock',
    swatch: PLAIN,
    text: 'a lock (vq->mutex, vq->mmu_lock, PT lock, PG_locked, mmap_sem) with its holder and waiters',
  },
  {
    key: 'band',
    swatch: { className: 'key-box key-band' },
    text: '▲ band: an invalidation in progress over the ring pages it covers, named after its thread',
  },
  {
    key: 'seq',
    swatch: PLAIN,
    text: 'seq / count: the notifier’s sequence and in-progress count (interval designs: odd while invalidating)',
  },
  {
    key: 'loads',
    swatch: PLAIN,
    text: 'two loads: vhost’s seq snapshot beside the live value, and the frames gup_fast’s PTE loads returned',
  },
  {
    key: 'guest',
    swatch: PLAIN,
    text: 'guest’s used.idx: what the guest reads in the frame its PTE maps now, and where vhost last wrote',
  },
  { key: 'lit', swatch: { className: 'key-box key-lit' }, text: 'blue halo: what the open tour chapter is about' },
];

/** The Key's words, in its order: what an exported picture carries as its legend. */
export const keyTexts = (): string[] => KEY_ENTRIES.map((entry) => entry.text);
