import { useEffect } from 'react';

/** Keys the stepper leaves free (it uses arrows, Home, End, Space, digits and P); a slide clicker sends these. */
export const NEXT_CHAPTER_KEY = 'PageDown';
export const PREVIOUS_CHAPTER_KEY = 'PageUp';

const editable = (target: EventTarget | null) =>
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && target.type !== 'radio');

/** Page Down / Page Up move through the tour's chapters while it is open. */
export function useTourKeys(active: boolean, move: (delta: 1 | -1) => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || editable(event.target)) return;
      if (event.key !== NEXT_CHAPTER_KEY && event.key !== PREVIOUS_CHAPTER_KEY) return;
      event.preventDefault();
      move(event.key === NEXT_CHAPTER_KEY ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, move]);
}
