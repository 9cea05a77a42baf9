import { select } from 'd3-selection';
import 'd3-transition';

/** Sets the attributes at once, stopping any movement still running on the element. */
export function setAttrsNow(element: SVGElement, attrs: Record<string, string>): void {
  const selection = select(element);
  selection.interrupt();
  for (const [name, value] of Object.entries(attrs)) selection.attr(name, value);
}

/** Moves the attributes from their current values to `attrs` over `ms` milliseconds. */
export function moveAttrs(element: SVGElement, attrs: Record<string, string>, ms: number): void {
  const transition = select(element).transition().duration(ms);
  for (const [name, value] of Object.entries(attrs)) transition.attr(name, value);
}
