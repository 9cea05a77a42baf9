import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { CHAPTER_MARKS, MARK_NAMES } from '../../tour/chapter-marks';
import { chapterHref } from '../../tour/chapter-run';
import { type Chapter, chapters } from '../../tour/chapters';
import { browserStorage, readAnswers, recordAnswer, scoreOf } from '../../tour/score';
import { useAppSelector, useServices } from '../AppContext';
import { Citations } from './Citations';
import { Glossary } from './Glossary';
import { openChapter } from './open-chapter';
import { Prediction } from './Prediction';
import { useTourKeys } from './useTourKeys';
import './tour.css';

const hasPrediction = (chapter: Chapter): chapter is Chapter & { predict: NonNullable<Chapter['predict']> } =>
  chapter.predict !== undefined;

/** The open tour chapter: where it stands, its narration and sources, its question, and the way to the others. */
export default function TourPanel() {
  const { store, controller, catalog } = useServices();
  const index = useAppSelector((s) => s.tourChapter);
  const scenarioId = useAppSelector((s) => s.states[0]?.scenario.id);
  const shown = useAppSelector((s) => s.index);
  const atStep = useAppSelector((s) => s.states[s.index] ?? null);
  const nextThread = useAppSelector((s) => s.schedule[s.index]);
  const [answers, setAnswers] = useState(() => readAnswers(browserStorage()));
  const id = useId();
  const move = useCallback(
    (delta: 1 | -1) => {
      const current = store.getState().tourChapter;
      if (current === null) return;
      const next = current + delta;
      if (next >= 0 && next < chapters.length) void openChapter(store, controller, catalog, next);
    },
    [store, controller, catalog],
  );
  useTourKeys(index !== null, move);
  const title = useRef<HTMLHeadingElement>(null);
  // A chapter opens at its title: its panel (and the column) scrolled to the top, whatever was read before.
  useEffect(() => {
    if (index === null) return;
    const heading = title.current;
    const panel = heading?.closest<HTMLElement>('.tour');
    if (panel) panel.scrollTop = 0;
    heading?.scrollIntoView?.({ block: 'nearest' });
  }, [index]);
  const chapter = index === null ? undefined : chapters[index];
  const hold = useCallback(
    (on: boolean) =>
      store.getState().setPredictionHold(on && chapter ? { scenarioId: chapter.scenarioId, step: chapter.step } : null),
    [store, chapter],
  );
  const atChapterStep = !!chapter && scenarioId === chapter.scenarioId && shown === chapter.step;
  // Once the chapter's run is shown, its first lit mark is scrolled into the picture's view (beside the narration).
  const litShown = useRef<number | null>(null);
  useEffect(() => {
    if (!atChapterStep || litShown.current === index || window.innerWidth <= 900) return;
    litShown.current = index;
    document.querySelector('.diagram .dmark-halo, .diagram .dedge-lit')?.scrollIntoView?.({ block: 'nearest' });
  }, [atChapterStep, index]);
  if (index === null || !chapter) return null;
  const onChapterRun = scenarioId === chapter.scenarioId;
  const score = scoreOf(answers);
  const scoreText = `Score: ${score.right} right, ${score.wrong} wrong, ${score.skipped} skipped.`;
  const href = chapterHref(index, catalog);
  return (
    <section className="tour" aria-labelledby={`${id}-title`}>
      <p className="tour-count">
        Guided tour · chapter {index + 1} of {chapters.length}
      </p>
      <h2 id={`${id}-title`} ref={title}>
        {chapter.title}
      </h2>
      <p className="tour-marks">
        In the picture, outlined: {CHAPTER_MARKS[chapter.id].map((mark) => MARK_NAMES[mark]).join('; ')}.
      </p>
      <Glossary />
      {onChapterRun ? null : (
        <p className="tour-muted">
          You left this chapter’s scenario.{' '}
          <button type="button" onClick={() => void openChapter(store, controller, catalog, index)}>
            Back to the chapter
          </button>
        </p>
      )}
      {chapter.narration.map((paragraph) => (
        <p key={paragraph} className="tour-text">
          {paragraph}
        </p>
      ))}
      <h3 className="tour-sources-title">Sources</h3>
      <Citations cites={chapter.cites} />
      {hasPrediction(chapter) ? (
        <Prediction
          key={chapter.id}
          chapter={chapter}
          state={onChapterRun && shown === chapter.step ? atStep : null}
          nextThread={nextThread}
          scoreText={scoreText}
          onOutcome={(outcome) => setAnswers(recordAnswer(browserStorage(), answers, chapter.id, outcome))}
          reveal={() => void controller.stepForward()}
          hold={hold}
        />
      ) : null}
      <nav className="tour-nav" aria-label="Tour chapters">
        <button type="button" onClick={() => move(-1)} disabled={index === 0} aria-keyshortcuts="PageUp">
          Previous chapter
        </button>
        <button
          type="button"
          onClick={() => move(1)}
          disabled={index === chapters.length - 1}
          aria-keyshortcuts="PageDown"
        >
          Next chapter
        </button>
        <button type="button" onClick={() => store.getState().setTourChapter(null)}>
          Close the tour
        </button>
        {href ? <a href={href}>Link to this chapter</a> : null}
      </nav>
      <p className="tour-muted">Page Down and Page Up move between chapters; the arrow keys still step.</p>
    </section>
  );
}
