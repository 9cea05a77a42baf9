import { lazy, Suspense, useRef } from 'react';
import { threadNames } from '../core';
import { selectCurrentEvent, selectCurrentState } from '../state/store';
import { useAppSelector } from './AppContext';
import { CompareInterleavings } from './compare/CompareInterleavings';
import { PicturePanel } from './diagram/PicturePanel';
import { EditorButton } from './editor/EditorButton';
import { ExportMenu } from './export/ExportMenu';
import { isEmbedMode } from './export/embed';
import { LinkNotice } from './history/LinkNotice';
import { RunHistory } from './history/RunHistory';
import { MatrixButton } from './matrix/MatrixButton';
import { HazardBanner } from './narration/HazardBanner';
import { Narration } from './narration/Narration';
import { NarrationTabs } from './narration/NarrationTabs';
import { useEscapeClosesDisclosures } from './overlay/useEscapeClosesDisclosures';
import { OwnTour } from './own/OwnTour';
import { OwnTourButton } from './own/OwnTourButton';
import { Controls } from './playback/Controls';
import { Timeline } from './playback/Timeline';
import { useBarHeight } from './playback/useBarHeight';
import { useKeyboard } from './playback/useKeyboard';
import { usePlayLoop } from './playback/usePlayLoop';
import { PresenterButton } from './presenter/PresenterButton';
import { usePresenter } from './presenter/usePresenter';
import { StatusNotes } from './StatusNotes';
import { CopyLinkButton } from './scenario/CopyLinkButton';
import { ScenarioPicker } from './scenario/ScenarioPicker';
import { SideBySide } from './sidebyside/SideBySide';
import { PickButton } from './threads/PickButton';
import { ThreadsPanel } from './threads/ThreadsPanel';
import { Tour, TourButton } from './tour/Tour';
import './room.css';

// Embed mode's view loads only on an embed link (`?embed=1`).
const EmbedView = lazy(() => import('./export/EmbedView').then((m) => ({ default: m.EmbedView })));
// The explorer's panel loads when its tab is first opened, so that it stays out of the first-load JavaScript.
const ExplorePanel = lazy(() => import('./explore/ExplorePanel').then((m) => ({ default: m.ExplorePanel })));

/** The whole stepper for the snapshot at the store's index. */
export function Stepper() {
  usePlayLoop();
  useKeyboard();
  useEscapeClosesDisclosures();
  const barRef = useBarHeight();
  const presenter = usePresenter();
  const state = useAppSelector(selectCurrentState);
  const event = useAppSelector(selectCurrentEvent);
  const index = useAppSelector((s) => s.index);
  const names = state ? threadNames(state.scenario) : [];
  const pictureRef = useRef<HTMLDivElement>(null);
  if (isEmbedMode(window.location.search))
    return (
      <Suspense
        fallback={
          <p className="loading" role="status">
            Loading the picture…
          </p>
        }
      >
        <EmbedView state={state} event={event} />
      </Suspense>
    );
  return (
    <div className={`app${presenter.on ? ' presenter' : ''}`}>
      <header className="top">
        <h1>Ringside</h1>
        <ScenarioPicker />
        <TourButton />
        <OwnTourButton />
        <PresenterButton on={presenter.on} toggle={presenter.toggle} />
        <div className="top-tools">
          <CopyLinkButton />
          <EditorButton />
          <RunHistory />
          <MatrixButton />
          <ExportMenu picture={() => pictureRef.current?.querySelector<SVGSVGElement>('.diagram svg') ?? null} />
        </div>
        {/* Outside the tools, which presenter mode hides: what a link said about itself is shown in every mode. */}
        <LinkNotice />
        <StatusNotes />
      </header>
      {state ? (
        <main className="main">
          <aside className="threads-col" aria-label="Threads and their code">
            <PickButton />
            <ThreadsPanel state={state} event={event} />
          </aside>
          <div className="views-col" ref={pictureRef}>
            <PicturePanel state={state} event={event} names={names} presenter={presenter.on} />
            <div className="studies">
              <CompareInterleavings />
              <SideBySide />
            </div>
          </div>
          <aside className="narration-col" aria-label="Narration">
            <Tour />
            <OwnTour />
            <HazardBanner findings={state.findings} names={names} index={index} />
            <NarrationTabs
              panels={{
                narration: <Narration scenario={state.scenario} event={event} names={names} />,
                explore: (
                  <Suspense fallback={<p>Loading the explorer…</p>}>
                    <ExplorePanel />
                  </Suspense>
                ),
              }}
            />
          </aside>
        </main>
      ) : (
        <main className="main loading">
          <p>Loading the scenario…</p>
        </main>
      )}
      <footer className="bottom" ref={barRef}>
        <Controls />
        <Timeline />
      </footer>
    </div>
  );
}
