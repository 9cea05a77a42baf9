import { type KeptShape, readKept, writeKept } from './kept-text';

/** The part of `Storage` kept values use, so tests can hand in a broken one. */
export type KeptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `window.localStorage`, or null where reading it throws (sandboxed iframes, disabled storage). */
export function keptStorage(): KeptStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** The kept value under `key` if it passes the guard and `shape`; missing, broken or refused storage gives null. */
export function recall<T>(key: string, shape: KeptShape<T>, storage = keptStorage()): T | null {
  try {
    return readKept(storage?.getItem(key), shape);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key` when storage allows it and it fits; a full or refused store is ignored. */
export function keep(key: string, value: unknown, storage = keptStorage()): void {
  const text = writeKept(value);
  try {
    if (text === null) storage?.removeItem(key);
    else storage?.setItem(key, text);
  } catch {
    // Private browsing or a full quota: the value lives for this visit only.
  }
}

/** Drops the kept value under `key` (a draft discarded on purpose). */
export function forget(key: string, storage = keptStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: storage that refuses removal also refused the write.
  }
}
