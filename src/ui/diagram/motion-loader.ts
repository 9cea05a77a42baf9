type D3Motion = typeof import('./d3-motion');

let loaded: D3Motion | null = null;
let loading: Promise<D3Motion> | null = null;

/**
 * D3's selection and transitions load after the first paint, outside the first-screen JavaScript: the first render
 * sets every attribute at once anyway, and only a later change moves.
 */
export function loadMotion(): Promise<D3Motion> {
  loading ??= import('./d3-motion').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/** D3's movement code once it has loaded; null before (a change then jumps, as under reduced motion). */
export const loadedMotion = (): D3Motion | null => loaded;
