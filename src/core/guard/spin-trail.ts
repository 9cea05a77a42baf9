import { excerpt } from '../excerpt';

/** Bytes of a Spin trail the CLI reads at most: one short line per step, far beyond any Ringside run. */
export const MAX_TRAIL_BYTES = 1024 * 1024;
/** Bytes of an exported Promela file the trail reader reads at most. */
export const MAX_PROMELA_BYTES = 4 * 1024 * 1024;

const TRAIL_LINE = /^-?\d{1,9}:-?\d{1,9}:-?\d{1,9}$/;

/**
 * The guarded door for a Spin trail file (`model.pml.trail`): every line `step:pid:transition`, at most
 * MAX_TRAIL_BYTES. A string is the one-line reason it is not a trail; never throws.
 */
export function checkTrailText(text: string): { ok: true; steps: number } | { ok: false; error: string } {
  if (text.length > MAX_TRAIL_BYTES)
    return { ok: false, error: `the trail has more than ${MAX_TRAIL_BYTES} characters` };
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length === 0) return { ok: false, error: 'the trail is empty' };
  const bad = lines.findIndex((l) => !TRAIL_LINE.test(l.trim()));
  if (bad >= 0)
    return {
      ok: false,
      error: `line ${bad + 1} of the trail is not step:process:transition (${excerpt(lines[bad] ?? '')})`,
    };
  return { ok: true, steps: lines.length };
}
