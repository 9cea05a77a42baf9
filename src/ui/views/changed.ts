/** Is `path` (e.g. `frames.2`) touched by the last step's changed paths (equal, a parent, or a child)? */
export type ChangedTest = (path: string) => boolean;

export function changedMatcher(changed: readonly string[]): ChangedTest {
  return (path) =>
    changed.some((entry) => entry === path || path.startsWith(`${entry}.`) || entry.startsWith(`${path}.`));
}

export const nothingChanged: ChangedTest = () => false;
