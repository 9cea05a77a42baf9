import { useAppSelector, useServices } from '../AppContext';
import { openChapter } from './open-chapter';

/** Starts the guided tour at its first chapter (hidden while the tour is open). */
export function TourButton() {
  const { store, controller, catalog } = useServices();
  const open = useAppSelector((s) => s.tourChapter !== null);
  if (open) return null;
  return (
    <button type="button" onClick={() => void openChapter(store, controller, catalog, 0)}>
      Guided tour
    </button>
  );
}
