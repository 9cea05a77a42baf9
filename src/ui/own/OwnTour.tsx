import { lazy, Suspense } from 'react';
import { useAppSelector } from '../AppContext';

// The player and the builder load on first use, so they stay out of the first-load JavaScript.
const OwnTourPanel = lazy(() => import('./OwnTourPanel'));

/** The tour of one's own being played, if any. */
export function OwnTour() {
  const open = useAppSelector((s) => s.ownTour !== null);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="tour-loading">Loading your tour…</p>}>
      <OwnTourPanel />
    </Suspense>
  );
}
