import { useEffect } from 'react';

/**
 * Escape closes every open disclosure (<details>: the Key, Earlier runs) outside a dialog, wherever focus is;
 * focus inside one goes back to its summary, so it is never lost.
 */
export function useEscapeClosesDisclosures(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const open = [...document.querySelectorAll<HTMLDetailsElement>('details[open]')].filter(
        (details) => !details.closest('dialog'),
      );
      if (open.length === 0) return;
      const active = document.activeElement;
      for (const details of open) {
        const holder = active instanceof Node && details.contains(active);
        details.open = false;
        if (holder) details.querySelector<HTMLElement>(':scope > summary')?.focus();
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
