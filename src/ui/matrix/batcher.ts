/** How often arrived cells reach React: ten renders a second show progress without one render per cell. */
export const BATCH_MS = 100;

export interface Batcher<T> {
  add(item: T): void;
  /** Hands over what has arrived now (the run ended). */
  flush(): void;
  /** Forgets what has arrived (the run was replaced or the panel closed). */
  drop(): void;
}

/** Collects items as they arrive and hands them to `deliver` together, at most once per `ms`, in arrival order. */
export function batcher<T>(deliver: (items: T[]) => void, ms = BATCH_MS): Batcher<T> {
  let queue: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const flush = () => {
    stop();
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    deliver(items);
  };
  return {
    add(item) {
      queue.push(item);
      timer ??= setTimeout(flush, ms);
    },
    flush,
    drop() {
      stop();
      queue = [];
    },
  };
}
