import { validateScenario } from '../../core';
import type { Scenario } from '../../core/types';

/** What the editor holds: any JSON object, valid or not, so that imported files and half-made edits can be fixed. */
export type Draft = Record<string, unknown>;

export type DraftCheck = { ok: true; scenario: Scenario; errors: [] } | { ok: false; errors: string[] };

const MAX_ID = 64;

/** A copy of `scenario` to edit, under an id of its own (a link names built-in scenarios by their id). */
export function draftFrom(scenario: Scenario, catalog: readonly Scenario[]): Draft {
  const taken = catalog.some((s) => s.id === scenario.id);
  const id = taken ? `my-${scenario.id}`.slice(0, MAX_ID) : scenario.id;
  return { ...structuredClone(scenario), id, title: taken ? `${scenario.title} (edited)` : scenario.title };
}

/** The validator's verdict, plus the editor's own rule: a built-in scenario's id stays the built-in's. */
export function checkDraft(draft: Draft, catalog: readonly Scenario[]): DraftCheck {
  const valid = validateScenario(draft);
  const clash = catalog.some((s) => s.id === draft.id);
  const own = clash ? [`id: "${String(draft.id)}" is a built-in scenario's id; choose another.`] : [];
  if (valid.ok && own.length === 0) return { ok: true, scenario: valid.scenario, errors: [] };
  return { ok: false, errors: [...own, ...(valid.ok ? [] : valid.errors)] };
}

/** The field a validator message is about: the text before its first colon (`mm[1].kind`, `bugs[0]`, `rounds`). */
export const fieldOf = (message: string) => message.slice(0, Math.max(0, message.indexOf(':')));

/** Messages about `field` itself or any of its parts (`mm` matches `mm[1].kind`). */
export function errorsFor(errors: readonly string[], field: string): string[] {
  return errors.filter((message) => {
    const about = fieldOf(message);
    return about === field || about.startsWith(`${field}[`) || about.startsWith(`${field}.`);
  });
}

/** Sets one field; a change that alters the threads drops the story, and any change drops the old expectations. */
export function withField(draft: Draft, field: string, value: unknown): Draft {
  const next: Draft = { ...draft, [field]: value, expect: { hazards: [], warnings: [] } };
  if (field === 'mm') next.story = [];
  return next;
}
