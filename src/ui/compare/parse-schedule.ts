export type ParsedSchedule = { ok: true; schedule: number[] } | { ok: false; error: string };

/** Longer schedules are refused: the text is typed or pasted, so untrusted. */
export const MAX_COMPARED_STEPS = 500;

/** Thread numbers as people write them (1-based, separated by spaces, dots or commas) to 0-based choices. */
export function parseSchedule(text: string, threads: number): ParsedSchedule {
  const words = text.split(/[\s.,]+/).filter((word) => word !== '');
  if (words.length > MAX_COMPARED_STEPS)
    return { ok: false, error: `At most ${MAX_COMPARED_STEPS} steps can be compared.` };
  const schedule: number[] = [];
  for (const word of words) {
    const thread = Number(word);
    if (!/^\d+$/.test(word) || thread < 1 || thread > threads)
      return { ok: false, error: `“${word.slice(0, 12)}” is not a thread number from 1 to ${threads}.` };
    schedule.push(thread - 1);
  }
  return { ok: true, schedule };
}

export const formatSchedule = (schedule: readonly number[]) => schedule.map((t) => t + 1).join(' ');
