/** A lane runs one item at a time (a worker, or the calling thread); it rejects only when the whole run must stop. */
export type Lane<T, R> = (item: T, index: number) => Promise<R>;

export interface InOrderOptions<R> {
  /** Called once per result, in the items' order, however the lanes' finishing order interleaves. */
  onResult?: (result: R, index: number) => void;
  /** Checked before each item is handed to a lane; once true, no further item starts. */
  stopped?: () => boolean;
  /** The order items are handed out in (a permutation of their indices); results still come back in item order. */
  dispatch?: readonly number[];
}

/**
 * Runs every item on the first free lane and returns the results by item index, so the output never depends on
 * scheduling. A stopped run returns the results it has, with `undefined` for the items never run. When a lane
 * rejects, no further item starts and the run rejects with that error.
 */
export async function runInOrder<T, R>(
  items: readonly T[],
  lanes: readonly Lane<T, R>[],
  options: InOrderOptions<R> = {},
): Promise<(R | undefined)[]> {
  if (lanes.length === 0) throw new Error('runInOrder needs at least one lane');
  const order = options.dispatch ?? items.map((_, i) => i);
  const results: (R | undefined)[] = new Array(items.length).fill(undefined);
  const done: boolean[] = new Array(items.length).fill(false);
  let nextToHand = 0;
  let nextToReport = 0;
  let failed = false;
  const report = () => {
    while (nextToReport < items.length && done[nextToReport]) {
      if (options.stopped?.()) return;
      options.onResult?.(results[nextToReport] as R, nextToReport);
      nextToReport++;
    }
  };
  const work = async (lane: Lane<T, R>) => {
    while (nextToHand < order.length && !failed && !options.stopped?.()) {
      const index = order[nextToHand++] as number;
      try {
        results[index] = await lane(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
      done[index] = true;
      report();
    }
  };
  await Promise.all(lanes.map(work));
  return results;
}
