import type { State } from './types';

function changedIndices<T>(prefix: string, before: readonly T[], after: readonly T[], out: string[]): void {
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(before[i]) !== JSON.stringify(after[i])) out.push(`${prefix}.${i}`);
  }
}

/** Dotted paths of what a step changed, for highlighting: `frames.2`, `ptes.0`, `vhost.ptr`, `tlbs.0`, ... */
export function diffState(before: State, after: State): string[] {
  const out: string[] = [];
  changedIndices('frames', before.frames, after.frames, out);
  changedIndices('ptes', before.ptes, after.ptes, out);
  changedIndices('tlbs', before.tlbs, after.tlbs, out);
  changedIndices('threads', before.threads, after.threads, out);
  if (JSON.stringify(before.vmalloc) !== JSON.stringify(after.vmalloc)) out.push('vmalloc');
  if (JSON.stringify(before.swap) !== JSON.stringify(after.swap)) out.push('swap');
  if (before.published !== after.published) out.push('published');
  for (const key of Object.keys(before.vhost) as (keyof State['vhost'])[]) {
    if (JSON.stringify(before.vhost[key]) !== JSON.stringify(after.vhost[key])) out.push(`vhost.${key}`);
  }
  return out;
}
