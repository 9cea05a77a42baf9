import { useCallback, useEffect } from 'react';
import { useAppSelector, useServices } from '../AppContext';
import { isPresenterLink } from './presenter-link';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Presenter mode: the picture fills the screen, for a projector; toggled with P or its button. It lives in the store,
 * so the address bar keeps it (`presenter=1`) and a reload opens in it again.
 */
export function usePresenter(): { on: boolean; toggle: () => void } {
  const { store } = useServices();
  const on = useAppSelector((s) => s.presenter);
  const toggle = useCallback(() => store.getState().setPresenter(!store.getState().presenter), [store]);
  useEffect(() => {
    if (isPresenterLink(window.location.search)) store.getState().setPresenter(true);
  }, [store]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'p') return;
      const tag = event.target instanceof HTMLElement ? event.target.tagName : '';
      if (TYPING.has(tag) && !(event.target instanceof HTMLInputElement && event.target.type === 'range')) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);
  return { on, toggle };
}
