import type { Scenario } from '../core/types';

/**
 * A shareable position: which scenario, the threads chosen so far, and the step shown. Choices, never states.
 * `edited` carries the whole scenario when it is not one of the app's named scenarios (editor, matrix cell).
 */
export interface RunLink {
  scenarioId: string;
  edited?: Scenario;
  schedule: number[];
  index: number;
}

/** What a link's text decodes to: no link at all, a run to open (with a note to show), or what was wrong. */
export type LinkDecode =
  | { status: 'none' }
  | { status: 'ok'; link: RunLink; note?: string }
  /** `nearest`: the closest run the link still names, or null to open the default scenario. */
  | { status: 'error'; error: string; nearest: RunLink | null };

/** Longer schedules are refused before any replay work: a link is untrusted input. */
export const MAX_LINK_STEPS = 2000;
/** Longer link texts are refused before anything parses them. */
export const MAX_LINK_CHARS = 16_000;
/**
 * Longer queries (the part a browser sends to the server) are refused: Vite's server (Node's 16 KB header limit)
 * answers HTTP 431 to a request line of about 16,300 characters, before the app could say anything, and a browser
 * adds its own headers. The longest query the encoder writes (2,000 steps, a 1,000-character `x`) is about 7,100.
 */
export const MAX_QUERY_CHARS = 8_000;
/** An edited scenario's code longer than this goes into the fragment, which never reaches the server. */
export const MAX_QUERY_SCENARIO_CHARS = 1000;
/** Longer scenario codes are refused before decompression (LZ output can grow much faster than its input). */
export const MAX_SCENARIO_CODE_CHARS = 6000;
