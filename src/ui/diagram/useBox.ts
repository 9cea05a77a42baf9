import { useLayoutEffect, useRef, useState } from 'react';

export interface Box {
  width: number;
  height: number;
}

/** The content box of the element `ref` points at, following resizes (a fixed guess where nothing measures). */
export function useBox<E extends HTMLElement>(fallback: Box) {
  const ref = useRef<E>(null);
  const [box, setBox] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    const measure = () => {
      const width = Math.floor(element.clientWidth);
      const height = Math.floor(element.clientHeight);
      if (width > 0) setBox((old) => (old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, box };
}
