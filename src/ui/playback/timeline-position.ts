/** Where step `step` sits along a timeline of `last` steps, in percent of its width (0 at the start, 100 at the end). */
export const percentAlong = (step: number, last: number): number => (step / Math.max(1, last)) * 100;
