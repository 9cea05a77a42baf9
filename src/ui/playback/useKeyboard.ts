import { useEffect } from 'react';
import { threadStatus } from '../../core';
import { useServices } from '../AppContext';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
/** Elements Space activates natively; Space there must not also toggle play. */
const SPACE_NATIVE = new Set(['BUTTON', 'A', 'SUMMARY', ...TYPING]);

/** ←/→ step, Home/End jump, Space plays or pauses, 1–9 run that thread. */
export function useKeyboard(): void {
  const { store, controller } = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const tag = event.target instanceof HTMLElement ? event.target.tagName : '';
      if (TYPING.has(tag) && event.key !== ' ') return;
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
      else if (/^[1-9]$/.test(event.key)) runThread(Number(event.key) - 1);
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, controller]);
}
