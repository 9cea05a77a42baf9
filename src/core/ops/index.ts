import { exitOps } from './exit-ops';
import { fastpathOps } from './fastpath-ops';
import { forkOps } from './fork-ops';
import { ioctlOps } from './ioctl-ops';
import { ksmThpOps } from './ksm-thp-ops';
import { mmOps } from './mm-ops';
import { notifierOps } from './notifier-ops';
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

/** The closed vocabulary of ops: an instruction naming anything else does not compile. */
export type OpName = keyof typeof ALL;

/** Every op a program may name. */
export const OPS: Readonly<Record<OpName, Op>> = ALL;
