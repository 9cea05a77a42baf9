/** Milliseconds since this process started (`performance.now()`'s origin) of an epoch time from any thread. */
export const sinceProcessStart = (epochMs: number) => epochMs - performance.timeOrigin;

/** One lane's cells: lane 0 is the main thread, the others worker threads. */
interface LaneRecord {
  /** When the lane's code had loaded (ms since the process started). */
  loaded: number;
  cells: { start: number; end: number }[];
}

/** Where a cold matrix's time goes, lane by lane, in milliseconds since the process started. */
export class MatrixTimeline {
  private readonly lanes = new Map<number, LaneRecord>();

  /** A cell done on `lane`; every time in ms since the process started. */
  cell(lane: number, loaded: number, start: number, end: number): void {
    const record = this.lanes.get(lane) ?? { loaded, cells: [] };
    record.cells.push({ start, end });
    this.lanes.set(lane, record);
  }

  /** One line per lane: loaded, first cell, cells and busy time, last cell's end. */
  lines(): string[] {
    const ms = (x: number) => x.toFixed(0);
    return [...this.lanes.entries()]
      .sort(([a], [b]) => a - b)
      .map(([lane, { loaded, cells }]) => {
        const sorted = [...cells].sort((a, b) => a.start - b.start);
        const first = sorted[0] ?? { start: 0, end: 0 };
        const busy = sorted.reduce((n, c) => n + c.end - c.start, 0);
        const last = Math.max(...sorted.map((c) => c.end));
        return (
          `lane ${lane} (${lane === 0 ? 'main thread' : 'worker'}): code loaded ${ms(loaded)}, first cell ` +
          `${ms(first.start)}-${ms(first.end)}, ${sorted.length} cells busy ${ms(busy)}, last cell ends ${ms(last)}`
        );
      });
  }
}
