import { useEffect, useLayoutEffect, useRef } from 'react';
import { loadedMotion, loadMotionOnIntent } from './motion-loader';

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
 * Under prefers-reduced-motion, on the first render and before D3 has loaded, the new value is set at once.
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
    const d3 = loadedMotion();
    if (first.current || reduced || !d3) {
      // Without D3 loaded no movement can be running, so plain attributes suffice.
      if (d3) d3.setAttrsNow(element, attrs);
      else for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
      first.current = false;
      return;
    }
    d3.moveAttrs(element, attrs, motion.ms);
  }, [key, reduced]);
  // On a person's first move, so that the movement code stays off the first screen.
  useEffect(() => {
    if (!reduced) loadMotionOnIntent();
  }, [reduced]);
  return ref;
}
