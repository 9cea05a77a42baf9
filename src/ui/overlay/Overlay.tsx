import { type ReactNode, useEffect, useId, useRef } from 'react';
import './overlay.css';

interface Props {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/** A panel over the stepper; it stays mounted while closed, so work in it (a running matrix) carries on. */
export function Overlay({ title, open, onClose, children }: Props) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves into the panel when it opens and back to what had it (the opening button) when it closes.
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement;
    heading.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [open]);
  return (
    <div className="overlay" hidden={!open}>
      {/* Keys typed here must not reach the stepper's global shortcuts (digits run threads). */}
      <div
        className="overlay-box"
        role="dialog"
        aria-modal="true"
        aria-labelledby={id}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          event.stopPropagation();
        }}
      >
        <header className="overlay-head">
          <h2 id={id} tabIndex={-1} ref={heading}>
            {title}
          </h2>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        <div className="overlay-body">{children}</div>
      </div>
    </div>
  );
}
