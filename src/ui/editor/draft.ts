import { validateScenario } from '../../core';
import type { Scenario } from '../../core/types';

/** What the editor holds: any JSON object, valid or not, so that imported files and half-made edits can be fixed. */
export type Draft = Record<string, unknown>;

export type DraftCheck = { ok: true; scenario: Scenario; errors: [] } | { ok: false; errors: string[] };

const MAX_ID = 64;

/** The summary an edited copy of a built-in starts with: the original's may no longer hold once edited. */
export const editedFrom = (id: string) => `Edited from ${id}.`;

/**
 * A copy of `scenario` to edit, under an id of its own (a link names built-in scenarios by their id); a copy of
 * a built-in says which one it was edited from instead of repeating a summary that may stop being true.
 */
export function draftFrom(scenario: Scenario, catalog: readonly Scenario[]): Draft {
  const taken = catalog.some((s) => s.id === scenario.id);
  const id = taken ? `my-${scenario.id}`.slice(0, MAX_ID) : scenario.id;
  return {
    ...structuredClone(scenario),
    id,
    title: taken ? `${scenario.title} (edited)` : scenario.title,
    summary: taken ? editedFrom(scenario.id) : scenario.summary,
  };
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

/** Fields that only name or describe the scenario: changing them leaves its story and what it shows alone. */
const DESCRIPTIVE = new Set(['id', 'title', 'summary', 'expect']);

/** Sets one field; a change that alters the threads drops the story, and a change of behaviour drops the old expectations. */
export function withField(draft: Draft, field: string, value: unknown): Draft {
  const next: Draft = { ...draft, [field]: value };
  if (!DESCRIPTIVE.has(field)) next.expect = { hazards: [], warnings: [] };
  if (field === 'mm') next.story = [];
  return next;
}
