import { useCallback, useEffect, useState } from 'react';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/** Presenter mode: larger picture and narration for a projector, toggled with P or its button. */
export function usePresenter(): { on: boolean; toggle: () => void } {
  const [on, setOn] = useState(false);
  const toggle = useCallback(() => setOn((value) => !value), []);
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
