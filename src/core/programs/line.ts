import type { OpName } from '../ops/op-names';
import type { BugSwitch, CallCtx, Instr } from '../types';

/** An instruction before compilation: jumps name labels, resolved to indices by `compileLines`. */
export interface Line {
  /** '' only on a bare label (`mark`). */
  op: OpName | '';
  fn: string;
  code: string;
  explain: string;
  depth?: number;
  arg?: number;
  label?: string;
  to?: string;
  ctx?: CallCtx;
  point?: string;
  bugs?: BugSwitch[];
}

export const END = '$end';

/** A label on its own: it names the next real line (or the end of the program). */
export function mark(label: string): Line {
  return { op: '', fn: '', code: '', explain: '', label };
}

export function compileLines(input: Line[]): Instr[] {
  const lines = input.filter((l): l is Line & { op: OpName } => l.op !== '');
  const labels = new Map<string, number>([[END, lines.length]]);
  let at = 0;
  for (const line of input) {
    if (line.label && !labels.has(line.label)) labels.set(line.label, at);
    if (line.op !== '') at += 1;
  }
  return lines.map((line) => {
    const target = line.to === undefined ? -1 : labels.get(line.to);
    if (target === undefined) throw new Error(`unknown label ${line.to}`);
    // Every instruction has every field (absent ones undefined): one hidden class, so the hot ops see one shape.
    const instr: Instr = {
      op: line.op,
      fn: line.fn,
      code: line.code,
      explain: line.explain,
      depth: line.depth ?? 0,
      arg: line.arg ?? -1,
      target,
      ctx: line.ctx || undefined,
      point: line.point || undefined,
      bugs: line.bugs && line.bugs.length > 0 ? line.bugs : undefined,
    };
    return instr;
  });
}

/** Marks the lines a bug switch rewrote, so the thread pane and docs can show exactly what changed. */
export function withBug(line: Line, bug: BugSwitch, on: boolean): Line {
  return on ? { ...line, bugs: [...(line.bugs ?? []), bug] } : line;
}

export function indent(lines: Line[], by: number): Line[] {
  return lines.map((l) => ({ ...l, depth: (l.depth ?? 0) + by }));
}
