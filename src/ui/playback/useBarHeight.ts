import { useEffect, useRef } from 'react';

/**
 * Publishes the fixed playback bar's real height as --bar-height on the page, so the page's bottom padding always
 * clears it (at 800×600 the bar wraps to more lines than a fixed guess allows) and nothing sits under it.
 */
export function useBarHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = ref.current;
    const app = bar?.parentElement;
    if (!bar || !app || typeof ResizeObserver === 'undefined') return;
    const update = () => app.style.setProperty('--bar-height', `${Math.ceil(bar.getBoundingClientRect().height) + 8}px`);
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    update();
    return () => observer.disconnect();
  }, []);
  return ref;
}
