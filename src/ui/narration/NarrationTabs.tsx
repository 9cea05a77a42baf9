import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

const TABS = [
  { id: 'narration', label: 'What happened' },
  { id: 'explore', label: 'Explore' },
] as const;

type TabId = (typeof TABS)[number]['id'];

const MOVES: Record<string, (at: number) => number> = {
  ArrowLeft: (at) => (at + TABS.length - 1) % TABS.length,
  ArrowRight: (at) => (at + 1) % TABS.length,
  Home: () => 0,
  End: () => TABS.length - 1,
};

/**
 * The right-hand column's two tabs. A panel mounts when its tab is first selected (so its code can load then) and
 * stays mounted, so a running exploration keeps reporting.
 */
export function NarrationTabs({ panels }: { panels: Record<TabId, ReactNode> }) {
  const [selected, select] = useState<TabId>('narration');
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set(['narration']));
  const setSelected = (tab: TabId) => {
    select(tab);
    setVisited((before) => (before.has(tab) ? before : new Set(before).add(tab)));
  };
  const tabs = useRef(new Map<TabId, HTMLButtonElement>());
  // Arrow keys, Home and End move between tabs here and must not also reach the stepper's global shortcuts.
  const onKeyDown = (event: KeyboardEvent) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    event.stopPropagation();
    const next = TABS[move(TABS.findIndex((tab) => tab.id === selected))]?.id ?? 'narration';
    setSelected(next);
    tabs.current.get(next)?.focus();
  };
  return (
    <div className="narration-tabs">
      <div role="tablist" aria-label="Narration or exploration" className="tab-list" onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={selected === tab.id}
            aria-controls={`tab-panel-${tab.id}`}
            tabIndex={selected === tab.id ? 0 : -1}
            ref={(button) => {
              if (button) tabs.current.set(tab.id, button);
            }}
            onClick={() => setSelected(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`tab-panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={selected !== tab.id}
          className="tab-panel"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the panel scrolls; the WAI-ARIA tabs pattern makes it focusable.
          tabIndex={0}
        >
          {visited.has(tab.id) ? panels[tab.id] : null}
        </div>
      ))}
    </div>
  );
}
