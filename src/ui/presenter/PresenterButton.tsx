/** Shows and switches presenter mode; the P key does the same. */
export function PresenterButton({ on, toggle }: { on: boolean; toggle: () => void }) {
  return (
    <button type="button" className="presenter-button" aria-pressed={on} aria-keyshortcuts="P" onClick={toggle}>
      Presenter mode (P)
    </button>
  );
}
