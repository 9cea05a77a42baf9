import type { ExploreProgress, ExploreResult } from '../../core/explore/engine/machine';

export const count = (n: number) => n.toLocaleString('en-US');

/** "use-after-free" → "use after free", as the hazard banner names kinds. */
export const kindTitle = (kind: string) => kind.replace(/-/g, ' ');

export function progressLine(progress: ExploreProgress | null): string {
  if (!progress) return 'Exploring every interleaving…';
  if (progress.phase === 'liveness')
    return `Checking liveness: ${count(progress.states)} states, depth ${progress.depth}…`;
  return `Explored ${count(progress.states)} states, depth ${progress.depth}…`;
}

/** How the run ended, in one sentence; never calls a cut-short search complete. */
export function endLine(result: ExploreResult): string {
  if (result.status === 'cancelled') return `Cancelled after ${count(result.states)} states: incomplete.`;
  const message = result.message.replace(/\d{4,}/g, (digits) => count(Number(digits)));
  return `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
}

export function statsLine(result: ExploreResult): string {
  const ms = result.ms < 10 ? result.ms.toFixed(1) : count(Math.round(result.ms));
  return `${count(result.states)} states · ${count(result.transitions)} transitions · depth ${result.depth} · ${ms} ms`;
}

/** What the absence of hazards means: a proof for a complete search, only a partial check otherwise. */
export function noHazardLine(result: ExploreResult): string {
  if (result.complete)
    return `No hazard in any of the interleavings explored: the search was complete (${count(result.states)} distinct states), so safety holds for every interleaving of this scenario.`;
  return `No hazard in the ${count(result.states)} states explored so far, but the search is incomplete: other interleavings may still fail.`;
}
