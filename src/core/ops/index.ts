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

/** Every op a program may name; compile-time labels guarantee programs only use these. */
export const OPS: Readonly<Record<string, Op>> = {
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
