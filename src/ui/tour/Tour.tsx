import { lazy, Suspense } from 'react';
import { useAppSelector, useServices } from '../AppContext';

// The tour loads when a chapter opens, so its text and questions stay out of the first-load JavaScript.
const TourPanel = lazy(() => import('./TourPanel'));

/** The open tour chapter's panel, loaded on first use. */
export function Tour() {
  const open = useAppSelector((s) => s.tourChapter !== null);
  if (!open) return null;
  return (
    <Suspense fallback={<p className="tour-loading">Loading the tour…</p>}>
      <TourPanel />
    </Suspense>
  );
}

/** Starts the guided tour at its first chapter (hidden while the tour is open). */
export function TourButton() {
  const { store, controller, catalog } = useServices();
  const open = useAppSelector((s) => s.tourChapter !== null);
  if (open) return null;
  const start = async () => {
    const { openChapter } = await import('./open-chapter');
    await openChapter(store, controller, catalog, 0);
  };
  return (
    <button type="button" onClick={() => void start()}>
      Guided tour
    </button>
  );
}
