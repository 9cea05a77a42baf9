import { boundLine } from '../excerpt';

/** Why untrusted data was refused before validation: a typed answer, never an exception. */
export type UntrustedProblem =
  | 'too-large'
  | 'too-deep'
  | 'too-many-values'
  | 'too-long'
  | 'not-json'
  | 'unsupported-value'
  | 'not-plain'
  | 'getter'
  | 'cycle'
  | 'threw';

export interface UntrustedError {
  problem: UntrustedProblem;
  /** Where in the data, e.g. `mm[0].kind`; empty for the whole value. */
  path: string;
  /** One line naming the place and the cap or the reason; quotes at most a short escaped excerpt of the input. */
  message: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Guarded = { ok: true; value: Json } | { ok: false; error: UntrustedError };

export function refuse(problem: UntrustedProblem, path: string, reason: string): Guarded {
  return { ok: false, error: { problem, path, message: boundLine(`${path || 'scenario'}: ${reason}`) } };
}
