import { useEffect } from 'react';
import { useAppSelector, useServices } from '../AppContext';

/** While playing, steps forward every 1/speed seconds and pauses when no thread can run. */
export function usePlayLoop(): void {
  const { store, controller } = useServices();
  const playing = useAppSelector((s) => s.playing);
  const speed = useAppSelector((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const moved = await controller.stepForward();
      if (cancelled) return;
      if (!moved) return store.getState().pause();
      timer = setTimeout(tick, 1000 / speed);
    };
    timer = setTimeout(tick, 1000 / speed);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [playing, speed, store, controller]);
}
