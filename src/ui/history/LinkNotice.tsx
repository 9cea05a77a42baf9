import { useAppSelector, useServices } from '../AppContext';
import './history.css';

/** What the opened link said about itself (e.g. an older model made it), as text, until dismissed. */
export function LinkNotice() {
  const { store } = useServices();
  const notice = useAppSelector((s) => s.notice);
  if (!notice) return null;
  return (
    <p className="link-notice" role="status">
      {notice}{' '}
      <button type="button" onClick={() => store.getState().showNotice(null)}>
        Dismiss
      </button>
    </p>
  );
}
