type D3Motion = typeof import('./d3-motion');

let loaded: D3Motion | null = null;
let loading: Promise<D3Motion> | null = null;

/**
 * D3's selection and transitions load on use, outside the first-screen JavaScript: the first render sets every
 * attribute at once anyway, and only a later change moves.
 */
export function loadMotion(): Promise<D3Motion> {
  loading ??= import('./d3-motion').then((module) => {
    loaded = module;
    return module;
  });
  return loading;
}

/** What a person does before a first step: a pointer nearing a control, a key, focus arriving. */
const INTENT_EVENTS = ['pointermove', 'pointerdown', 'keydown', 'focusin', 'touchstart'] as const;
let waiting = false;

/**
 * Loads the movement code on the first sign of a person at the page, so an untouched page fetches none of it;
 * a step taken before it arrives jumps, as under reduced motion.
 */
export function loadMotionOnIntent(): void {
  if (loading || waiting) return;
  waiting = true;
  const start = () => {
    for (const name of INTENT_EVENTS) window.removeEventListener(name, start, true);
    void loadMotion();
  };
  for (const name of INTENT_EVENTS) window.addEventListener(name, start, { capture: true, passive: true });
}

/** D3's movement code once it has loaded; null before (a change then jumps, as under reduced motion). */
export const loadedMotion = (): D3Motion | null => loaded;
