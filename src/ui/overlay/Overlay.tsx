import { type ReactNode, useEffect, useId, useRef } from 'react';
import { wrapTab } from './focusable';
import './overlay.css';

interface Props {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/**
 * Every panel over the stepper is this one modal dialog: a native <dialog> opened with showModal(), so the page
 * behind is inert and Escape closes it wherever focus is; Tab wraps inside it; closing returns focus to the
 * opener. It stays mounted while closed, so work in it (a running matrix) carries on.
 */
export function Overlay({ title, open, onClose, children }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const box = dialog.current;
    if (!open || !box) return;
    const opener = document.activeElement;
    if (!box.open) {
      if (typeof box.showModal === 'function') box.showModal();
      else box.setAttribute('open', '');
    }
    heading.current?.focus();
    // Escape anywhere in the page reaches the top dialog, even when focus fell to the body (a disabled button).
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      close.current();
    };
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
      if (typeof box.close === 'function' && box.open) box.close();
      else box.removeAttribute('open');
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [open]);
  return (
    // Keys typed here must not reach the stepper's global shortcuts (digits run threads).
    <dialog
      ref={dialog}
      className="overlay-box"
      aria-labelledby={id}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        close.current();
      }}
      onKeyDown={(event) => {
        if (dialog.current) wrapTab(event, dialog.current);
        if (event.key === 'Escape') {
          event.preventDefault();
          close.current();
        }
        event.stopPropagation();
      }}
    >
      <header className="overlay-head">
        <h2 id={id} tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <button type="button" onClick={() => close.current()}>
          Close
        </button>
      </header>
      <div className="overlay-body">{children}</div>
    </dialog>
  );
}
