import golden from '../scenarios/golden.json';
import { shortHash } from './hash';

/**
 * The model's version as links record it: a hash of the golden traces, so it changes whenever a built-in story
 * replays differently, without anyone having to remember to bump a number.
 */
export const MODEL_VERSION = shortHash(JSON.stringify(golden), 4);
