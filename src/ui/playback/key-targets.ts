/** Input types where the arrow keys move a caret, a value or a radio choice, so they must stay with the field. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'url',
  'email',
  'tel',
  'password',
  'number',
  'range',
  'date',
  'time',
  'radio',
]);

/** True for a field that keeps every key it gets: text inputs, text areas, editable content. */
export function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** A closed <select> would change its value on ←/→; the stepper takes those two keys instead. */
export const isSelect = (target: EventTarget | null) => target instanceof HTMLSelectElement;
