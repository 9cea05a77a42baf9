import { select } from 'd3-selection';
import 'd3-transition';
import { useLayoutEffect, useRef } from 'react';

export const DIAGRAM_MS = 350;

/**
 * React creates the element; D3 moves its geometry from the previous value to the new one.
 * Under prefers-reduced-motion (and on the first render) the new value is set at once.
 */
export function useAnimatedAttrs<E extends SVGElement>(attrs: Record<string, string>, reduced: boolean) {
  const ref = useRef<E>(null);
  const first = useRef(true);
  const key = JSON.stringify(attrs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` encodes `attrs`.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const selection = select(element);
    if (first.current || reduced) {
      selection.interrupt();
      for (const [name, value] of Object.entries(attrs)) selection.attr(name, value);
      first.current = false;
      return;
    }
    const transition = selection.transition().duration(DIAGRAM_MS);
    for (const [name, value] of Object.entries(attrs)) transition.attr(name, value);
  }, [key, reduced]);
  return ref;
}
