import { useEffect } from 'react';
import { threadStatus } from '../../worker/statuses';
import { useServices } from '../AppContext';
import { isSelect, isTextField } from './key-targets';

/** Elements Space activates natively; Space there must not also toggle play. */
const SPACE_NATIVE = new Set(['BUTTON', 'A', 'SUMMARY', 'INPUT', 'SELECT', 'TEXTAREA']);
const ARROWS = new Set(['ArrowLeft', 'ArrowRight']);

/**
 * ←/→ step, Home/End jump, Space plays or pauses, 1–9 run that thread. The arrows step everywhere except in a
 * text field (they move the caret) and on an open menu (the browser keeps those keys); on a closed select
 * ←/→ step, while ↑/↓ still change its value.
 */
export function useKeyboard(): void {
  const { store, controller } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTextField(event.target)) return;
      if (isSelect(event.target) && !ARROWS.has(event.key)) return;
      const tag = event.target instanceof HTMLElement ? event.target.tagName : '';
      const s = store.getState();
      const runThread = (thread: number) => {
        const current = s.states[s.index];
        if (!current || thread >= current.threads.length) return;
        const status = threadStatus(current, thread);
        if (status.state === 'ready') void controller.chooseThread(thread);
        else
          s.showError(`Thread ${thread + 1} cannot run: ${status.state === 'blocked' ? status.reason : 'it is done'}.`);
      };
      let handled = true;
      if (event.key === 'ArrowLeft') s.stepBack();
      else if (event.key === 'ArrowRight') void controller.stepForward();
      else if (event.key === 'Home') s.jumpToStart();
      else if (event.key === 'End') s.jumpToEnd();
      else if (event.key === ' ' && !SPACE_NATIVE.has(tag)) s.togglePlay();
      else if (/^[1-9]$/.test(event.key) && !(event.target instanceof HTMLInputElement))
        runThread(Number(event.key) - 1);
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, controller]);
}
