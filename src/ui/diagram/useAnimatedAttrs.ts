import { select } from 'd3-selection';
import 'd3-transition';
import { useLayoutEffect, useRef } from 'react';

export const DIAGRAM_MS = 350;

/** How long a change takes to move; 0 moves at once (prefers-reduced-motion). */
export interface Motion {
  ms: number;
}

/** Never longer than most of one step while playing, so one step's movement ends before the next begins. */
export function motionFor(reduced: boolean, playing: boolean, speed: number): Motion {
  if (reduced) return { ms: 0 };
  return { ms: playing ? Math.min(DIAGRAM_MS, Math.round(600 / speed)) : DIAGRAM_MS };
}

/**
 * React creates the element; D3 moves its geometry from the previous value to the new one.
 * Under prefers-reduced-motion (and on the first render) the new value is set at once.
 */
export function useAnimatedAttrs<E extends SVGElement>(attrs: Record<string, string>, motion: Motion) {
  const reduced = motion.ms <= 0;
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
    const transition = selection.transition().duration(motion.ms);
    for (const [name, value] of Object.entries(attrs)) transition.attr(name, value);
  }, [key, reduced]);
  return ref;
}
