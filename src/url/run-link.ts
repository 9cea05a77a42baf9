/** A shareable position: which scenario, the threads chosen so far, and the step shown. Choices, never states. */
export interface RunLink {
  scenarioId: string;
  schedule: number[];
  index: number;
}

export type DecodedLink = { ok: true; link: RunLink } | { ok: false; error: string };

const VERSION = '1';
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** Longer schedules are refused before any replay work: a link is untrusted input. */
export const MAX_LINK_STEPS = 2000;

/** `?v=1&s=<scenario id>&t=<thread choices, dot-separated>&i=<step shown>`. */
export function encodeRunLink({ scenarioId, schedule, index }: RunLink): string {
  const params = new URLSearchParams({ v: VERSION, s: scenarioId, t: schedule.join('.'), i: String(index) });
  return `?${params.toString()}`;
}

/** Null when the query holds no link; a precise error when it holds a broken one. */
export function decodeRunLink(search: string): DecodedLink | null {
  const params = new URLSearchParams(search);
  if (!params.has('s')) return null;
  if (params.get('v') !== VERSION) return { ok: false, error: `Unsupported link version "${params.get('v') ?? ''}".` };
  const scenarioId = params.get('s') ?? '';
  if (!ID.test(scenarioId)) return { ok: false, error: `"${scenarioId}" is not a scenario id.` };
  const choices = params.get('t') ?? '';
  if (choices.length > 2 * MAX_LINK_STEPS)
    return {
      ok: false,
      error: `The link holds more than ${MAX_LINK_STEPS} steps; Ringside replays at most ${MAX_LINK_STEPS}.`,
    };
  const schedule = choices === '' ? [] : choices.split('.').map(Number);
  if (schedule.length > MAX_LINK_STEPS)
    return { ok: false, error: `The link holds ${schedule.length} steps; Ringside replays at most ${MAX_LINK_STEPS}.` };
  if (schedule.some((t) => !Number.isInteger(t) || t < 0 || t > 63))
    return { ok: false, error: `The thread choices "${choices}" are not thread numbers.` };
  const index = Number(params.get('i') ?? schedule.length);
  if (!Number.isInteger(index) || index < 0 || index > schedule.length)
    return { ok: false, error: `Step ${params.get('i')} is outside the ${schedule.length} recorded steps.` };
  return { ok: true, link: { scenarioId, schedule, index } };
}
