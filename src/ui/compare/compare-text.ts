import type { Comparison, RunOutcome } from './compare-runs';

const kindTitle = (kind: string) => kind.replace(/-/g, ' ');

function who(names: readonly string[], thread: number | undefined) {
  return thread === undefined ? 'nothing' : (names[thread] ?? `thread ${thread + 1}`);
}

/** One sentence on where the two runs part. */
export function divergenceText({ a, b, divergeAt }: Comparison, names: readonly string[]): string {
  if (divergeAt === null) return 'The two schedules run the same threads in the same order.';
  const stepA = a.events[divergeAt];
  const stepB = b.events[divergeAt];
  const ran = (event: typeof stepA) => (event ? `${who(names, event.thread)} (${event.instr.fn})` : 'nothing more');
  return `They first diverge at step ${divergeAt + 1}: A runs ${ran(stepA)}, B runs ${ran(stepB)}.`;
}

/** One sentence on whether and where a run breaks. */
export function outcomeText(name: string, run: RunOutcome, names: readonly string[]): string {
  const stop =
    run.stoppedAt === null ? '' : ` It stops before step ${run.stoppedAt + 1}: that thread cannot run there.`;
  if (!run.firstHazard) return `${name} does not break in its ${run.events.length} steps.${stop}`;
  const hazard = run.firstHazard;
  return `${name} breaks at step ${hazard.step + 1} (${who(names, hazard.thread)}): ${kindTitle(hazard.kind)}.${stop}`;
}
