import { exitOps } from './exit-ops';
import { fastpathOps } from './fastpath-ops';
import { forkOps } from './fork-ops';
import { ioctlOps } from './ioctl-ops';
import { ksmThpOps } from './ksm-thp-ops';
import { mmOps } from './mm-ops';
import { notifierOps } from './notifier-ops';
import type { OpName } from './op-names';
import type { Op } from './shared';
import { vhostOps } from './vhost-ops';
import { writebackOps } from './writeback-ops';

const ALL = {
  ...vhostOps,
  ...fastpathOps,
  ...notifierOps,
  ...mmOps,
  ...ksmThpOps,
  ...ioctlOps,
  ...writebackOps,
  ...forkOps,
  ...exitOps,
};

export type { OpName } from './op-names';

/** Compiles only when the op tables define exactly the names in op-names.ts, no more, no fewer. */
const exactVocabulary: [Exclude<keyof typeof ALL, OpName>, Exclude<OpName, keyof typeof ALL>] extends [never, never]
  ? true
  : false = true;
void exactVocabulary;

/** Every op a program may name. */
export const OPS: Readonly<Record<OpName, Op>> = ALL;
