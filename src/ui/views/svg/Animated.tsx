import type { SVGProps } from 'react';
import { useAnimatedAttrs } from '../../diagram/useAnimatedAttrs';
import { useReducedMotion } from './useReducedMotion';

export const TRANSITION_MS = 250;

type Geometry = Record<string, number>;

/** React owns the element; D3 only animates the geometry attributes, from their previous values. */
function useAnimatedGeometry<E extends SVGElement>(geometry: Geometry) {
  const reduced = useReducedMotion();
  const attrs = Object.fromEntries(Object.entries(geometry).map(([name, value]) => [name, String(value)]));
  return useAnimatedAttrs<E>(attrs, { ms: reduced ? 0 : TRANSITION_MS });
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
