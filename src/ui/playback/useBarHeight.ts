import { useEffect, useRef } from 'react';

/**
 * Publishes the fixed playback bar's real height as --bar-height on the root, so the page's bottom padding and its
 * scroll padding always clear it (at 800×600 the bar wraps to more lines than a fixed guess allows): anything
 * scrolled or tabbed into view lands above the bar, never under it.
 */
export function useBarHeight() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const bar = ref.current;
    const root = document.documentElement;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const update = () =>
      root.style.setProperty('--bar-height', `${Math.ceil(bar.getBoundingClientRect().height) + 8}px`);
    const observer = new ResizeObserver(update);
    observer.observe(bar);
    update();
    return () => {
      observer.disconnect();
      root.style.removeProperty('--bar-height');
    };
  }, []);
  return ref;
}
