type Point = [number, number];

/** Points every few units along an SVG path written with absolute M, L, Q and C commands (as the picture writes them). */
export function pathSamples(d: string, step = 2): Point[] {
  const tokens = d.match(/[MLQC]|-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];
  const out: Point[] = [];
  let at: Point = [0, 0];
  let i = 0;
  const num = () => Number(tokens[i++]);
  const pt = (): Point => [num(), num()];
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      at = pt();
      out.push(at);
      continue;
    }
    const controls = command === 'L' ? [] : command === 'Q' ? [pt()] : command === 'C' ? [pt(), pt()] : null;
    if (!controls) throw new Error(`unexpected ${command} in ${d}`);
    const end = pt();
    const hull = [at, ...controls, end];
    const length = hull
      .slice(1)
      .reduce((sum, p, k) => sum + Math.hypot(p[0] - (hull[k] as Point)[0], p[1] - (hull[k] as Point)[1]), 0);
    const n = Math.max(1, Math.ceil(length / step));
    for (let k = 1; k <= n; k++) out.push(bezier(hull, k / n));
    at = end;
  }
  return out;
}

/** De Casteljau's point at `t` on the Bézier curve with control points `hull`. */
function bezier(hull: readonly Point[], t: number): Point {
  let level = hull.slice();
  while (level.length > 1)
    level = level.slice(1).map((p, k) => {
      const q = level[k] as Point;
      return [q[0] + (p[0] - q[0]) * t, q[1] + (p[1] - q[1]) * t] as Point;
    });
  return level[0] as Point;
}
