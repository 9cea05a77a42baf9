import { HAZARD_KINDS } from '../catalog';
import type { HazardKind } from '../types';
import { ident } from './promela-schema';

/** What one pan run said, read from its standard output. */
export interface PanVerdict {
  /** Hazard kinds whose assertion failed (the watchdog asserts `deadlock`). */
  hazards: HazardKind[];
  /** A list outgrew the size the export gave it: an encoding bound, not a verdict about the kernel. */
  capacityExceeded: boolean;
  /** A non-progress cycle was found (a `-l` run). */
  nonProgress: boolean;
  states: number;
  transitions: number;
  /** The search reached its depth bound (-m) or a memory bound: the answer may be partial. */
  truncated: boolean;
  /** pan's own error count. */
  errors: number;
  /** pan's "total actual memory usage", in bytes. */
  memoryBytes: number;
}

const BY_IDENT = new Map<string, HazardKind>(HAZARD_KINDS.map((k) => [ident(k), k]));

export function parsePanOutput(text: string): PanVerdict {
  const hazards = new Set<HazardKind>();
  for (const m of text.matchAll(/assertion violated\s+!\(hazard_(\w+)\)/g)) {
    const kind = BY_IDENT.get(m[1] ?? '');
    if (kind) hazards.add(kind);
  }
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? 'NaN');
  return {
    hazards: HAZARD_KINDS.filter((k) => hazards.has(k)),
    capacityExceeded: /assertion violated\s+!\(capacity_exceeded\)/.test(text),
    nonProgress: /pan:\d*:? non-progress cycle/.test(text),
    states: num(/(\d+) states, stored/),
    transitions: num(/(\d+) transitions \(= /),
    truncated: /max search depth too small|reached -DMEMLIM|out of memory/.test(text),
    errors: num(/errors: (\d+)/),
    memoryBytes: Number(/([\d.]+)\s+total actual memory usage/.exec(text)?.[1] ?? 'NaN') * 2 ** 20,
  };
}
