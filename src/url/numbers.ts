/** The largest thread number a link may name (the explorer's state encoding allows 64 threads). */
export const MAX_THREAD = 63;

const NATURAL = /^(0|[1-9][0-9]{0,5})$/;
const THREADS = /^(0|[1-9][0-9]?)(\.(0|[1-9][0-9]?))*$/;

/** A whole number written in plain decimal digits (no sign, space, exponent, hex or leading zero), else null. */
export function parseNatural(text: string): number | null {
  return NATURAL.test(text) ? Number(text) : null;
}

/** Dot-separated thread numbers with no empty part (`''` is the empty schedule), else null. */
export function parseThreads(text: string): number[] | null {
  if (text === '') return [];
  if (!THREADS.test(text)) return null;
  const threads = text.split('.').map(Number);
  return threads.every((t) => t <= MAX_THREAD) ? threads : null;
}

export const formatThreads = (schedule: readonly number[]) => schedule.join('.');
