/**
 * User-timing marks of one matrix run (`matrix:<name>`), which `scripts/bench-ui-matrix.mjs` reads back as a timeline;
 * a no-op where the Performance API has no marks.
 */
export function markMatrix(name: string): void {
  globalThis.performance?.mark?.(`matrix:${name}`);
}
