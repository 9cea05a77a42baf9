import type { BugSwitch, DesignId } from '../types';
import type { Line } from './line';
import { copyUser, vmapNotifier, vmapPinned } from './vhost-copy-vmap';
import { directMapRcu, seqLines } from './vhost-fastpath';

export function vhostLines(design: DesignId, bugs: BugSwitch[]): Line[] {
  switch (design) {
    case 'copy-user':
      return copyUser();
    case 'vmap-pinned':
      return vmapPinned();
    case 'vmap-notifier':
      return vmapNotifier(bugs);
    case 'kmap-seq':
    case 'interval-notifier':
    case 'interval-mutex':
      return seqLines(design, bugs);
    case 'direct-map-rcu':
      return directMapRcu(bugs);
  }
}
