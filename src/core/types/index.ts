/**
 * The simulation's data model. Every value here is plain, immutable, structured-clone-safe data:
 * `step` returns a new `State` and never mutates its input.
 */
export type * from './findings';
export type * from './memory';
export type * from './program';
export type * from './scenario';
export type * from './state';
