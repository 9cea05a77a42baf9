import { forget, keep, recall } from '../storage/kept';
import { objectShape } from '../storage/kept-shapes';
import type { Draft } from './draft';

export const DRAFT_KEY = 'ringside.editor.draft.v1';

/** The draft kept from an earlier edit, read back through the guarded door; null when none or broken. */
export const recallDraft = (): Draft | null => recall(DRAFT_KEY, objectShape);

/** Keeps the draft (capped by the kept-value limit; a larger one is not kept rather than kept in part). */
export const keepDraft = (draft: Draft) => keep(DRAFT_KEY, draft);

/** Drops the kept draft: it was run or discarded on purpose. */
export const forgetDraft = () => forget(DRAFT_KEY);
