import { describe, expect, it } from 'vitest';
import { replay } from '../core';
import { builtinScenarios } from '../scenarios';
import { decode } from '../url/decode';
import { type ChapterId, chapterIds } from './chapter-ids';
import { chapterHref, chapterRun } from './chapter-run';
import { chapters } from './chapters';
import { questionAt } from './predict';
import { sourceOf, tourSources } from './sources';
import { tourChapterOf } from './tour-link';

const scenarioOf = (id: string) => builtinScenarios.find((s) => s.id === id);

describe('the guided tour chapters', () => {
  it('each cite at least one kernel function or thread point that the source table knows', () => {
    for (const chapter of chapters) {
      expect(chapter.cites.length, chapter.id).toBeGreaterThan(0);
      for (const id of chapter.cites) expect(sourceOf(id), `${chapter.id} cites ${id}`).toBeDefined();
      expect(chapter.narration.every((p) => p.trim().length > 0)).toBe(true);
    }
  });

  it('source table: kernel functions name a file and a release, thread points an author, a date and an archive', () => {
    for (const [id, source] of Object.entries(tourSources)) {
      expect(source.kf, id).toMatch(/§|Corrections|race/);
      if (source.kind === 'kernel') {
        expect(source.fn, id).toMatch(/^[\w ]+$/);
        expect(source.file, id).toMatch(/^[\w/.-]+\.[ch]$/);
        expect(source.version, id).toMatch(/^(v\d+\.\d+(\.\d+)?|[0-9a-f]{12})$/);
      } else {
        expect(source.who.length, id).toBeGreaterThan(0);
        expect(source.date, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(new URL(source.url).hostname, id).toMatch(/^(lore|git)\.kernel\.org$/);
      }
    }
    expect(sourceOf('constructor')).toBeUndefined();
  });

  it('have unique ids and walk the thread in order: the pin before kmap, the revert before the interval notifier', () => {
    const ids = chapters.map((c) => c.id);
    expect(ids).toEqual([...chapterIds]);
    expect(new Set(ids).size).toBe(ids.length);
    const at = (id: ChapterId) => ids.indexOf(id);
    expect(at('why-kernel-pointers')).toBe(0);
    expect(at('v1-long-term-pin')).toBeLessThan(at('kmap-on-1g'));
    expect(at('no-mutex-in-invalidate-range')).toBeLessThan(at('seq-count-retry'));
    expect(at('merged-and-reverted')).toBe(ids.length - 2);
    expect(at('interval-notifier')).toBe(ids.length - 1);
  });

  it.each(chapters.map((c, i) => [c.id, i] as const))('%s: its link decodes and replays to its step', (_, index) => {
    const chapter = chapters[index];
    if (!chapter) throw new Error('no chapter');
    const scenario = scenarioOf(chapter.scenarioId);
    expect(scenario, chapter.scenarioId).toBeDefined();
    if (!scenario) return;
    const href = chapterHref(index, builtinScenarios);
    if (!href) throw new Error('no link');
    const decoded = decode(href);
    expect(decoded.status).toBe('ok');
    if (decoded.status !== 'ok') return;
    expect(decoded.link).toEqual(chapterRun(chapter, builtinScenarios));
    expect(tourChapterOf(href)).toBe(index);
    const run = replay(scenario, decoded.link.schedule);
    expect(run.error).toBeUndefined();
    expect(run.states[decoded.link.index]).toBeDefined();
    expect(decoded.link.index).toBe(chapter.step);
  });

  it('asks each chosen question with a model-computed answer that is one of its choices', () => {
    const asked = chapters.filter((c) => c.predict);
    expect(asked.map((c) => c.predict?.kind).sort()).toEqual(['dirty', 'next-thread', 'refcount']);
    for (const chapter of asked) {
      const scenario = scenarioOf(chapter.scenarioId);
      if (!scenario || !chapter.predict) throw new Error(chapter.id);
      const state = replay(scenario, scenario.story.slice(0, chapter.step)).states[chapter.step];
      const next = scenario.story[chapter.step];
      if (!state || next === undefined) throw new Error(`${chapter.id}: no next step`);
      const question = questionAt(state, next, chapter.predict);
      expect(question, chapter.id).not.toBeNull();
      const values = question?.choices.map((c) => c.value) ?? [];
      expect(question?.answers.length).toBeGreaterThan(0);
      for (const answer of question?.answers ?? []) expect(values).toContain(answer);
    }
  });
});
