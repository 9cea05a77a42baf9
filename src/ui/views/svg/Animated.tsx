import { select } from 'd3-selection';
import 'd3-transition';
import { type SVGProps, useLayoutEffect, useRef } from 'react';
import { useReducedMotion } from './useReducedMotion';

export const TRANSITION_MS = 250;

type Geometry = Record<string, number>;

/** React owns the element; D3 only animates the geometry attributes, from their previous values. */
function useAnimatedGeometry<E extends SVGElement>(geometry: Geometry) {
  const ref = useRef<E>(null);
  const first = useRef(true);
  const reduced = useReducedMotion();
  const key = JSON.stringify(geometry);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` encodes `geometry`.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const selection = select(element);
    if (first.current || reduced) {
      selection.interrupt();
      for (const [name, value] of Object.entries(geometry)) selection.attr(name, value);
      first.current = false;
      return;
    }
    const transition = selection.transition().duration(TRANSITION_MS);
    for (const [name, value] of Object.entries(geometry)) transition.attr(name, value);
  }, [key, reduced]);
  return ref;
}

type RectProps = Omit<SVGProps<SVGRectElement>, 'x' | 'y' | 'width' | 'height' | 'ref'> & {
  x: number;
  y: number;
  width: number;
  height: number;
};

export function AnimatedRect({ x, y, width, height, ...rest }: RectProps) {
  const ref = useAnimatedGeometry<SVGRectElement>({ x, y, width, height });
  return <rect ref={ref} {...rest} />;
}

type LineProps = Omit<SVGProps<SVGLineElement>, 'x1' | 'y1' | 'x2' | 'y2' | 'ref'> & {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
};

export function AnimatedLine({ x1, y1, x2, y2, ...rest }: LineProps) {
  const ref = useAnimatedGeometry<SVGLineElement>({ x1, y1, x2, y2 });
  return <line ref={ref} {...rest} />;
}
