import type { SourceId } from '../../tour/sources';

/** One published measurement: Mpps before (copy_*_user) and after (kernel-address access), as its author gave it. */
export interface PublishedFigure {
  version: string;
  mechanism: string;
  setup: string;
  /** Packets per second in millions, before → after; absent where the post gave only a percentage. */
  smapOn?: readonly [number, number];
  smapOff?: readonly [number, number];
  /** The post's own summary when it gave percentages rather than rates. */
  stated?: string;
  source: SourceId;
}

/** From shared/reference/kernel-facts.md §1.1, §1.5, §1.6 and §7; measured by the authors, not by Ringside. */
export const publishedFigures: readonly PublishedFigure[] = [
  {
    version: 'V1',
    mechanism: 'vmap + long-term pin',
    setup: 'virtio-user + vhost_net + xdp1 on TAP, TX PPS, CONFIG_HARDENED_USERCOPY off',
    stated: 'about 5.0 → 6.1 Mpps, about 24% TX PPS (SMAP state not given)',
    source: 'v1-cover',
  },
  {
    version: 'RFC V2 5/5',
    mechanism: 'vmap + MMU notifier, no pin',
    setup: '2.6 GHz Broadwell, TX PPS',
    smapOn: [5.0, 6.1],
    smapOff: [6.6, 7.4],
    stated: 'at most about 22%',
    source: 'rfc-v2-5-5',
  },
  {
    version: 'net-next 0/6 (merged as 7f466032dc9e)',
    mechanism: 'direct map + spinlock + RCU',
    setup: '2.6 GHz Broadwell, TX PPS',
    smapOn: [5.2, 6.4],
    smapOff: [7.1, 8.2],
    stated: 'at most about 23%',
    source: 'net-next-0524',
  },
  {
    version: 'Fixes V5 7/9',
    mechanism: 'direct map + spinlock, no RCU',
    setup: 'Sandy Bridge (no SMAP) and Broadwell (SMAP)',
    stated: '+1.5% without SMAP, +14% with SMAP; slower than 7f466032dc9e because of the spinlock',
    source: 'v5-7-9',
  },
  {
    version: 'Rework 2/2',
    mechanism: 'direct map + spinlock',
    setup: '4.0 GHz Kaby Lake, TX PPS; Sandy Bridge saw no difference',
    smapOn: [4.9, 6.0],
    smapOff: [6.9, 7.5],
    source: 'rework-2-2',
  },
  {
    version: 'vmap of the desc table (2023 RFC)',
    mechanism: 'vmap of the descriptor table only',
    setup: 'pktgen, 1,330,807 → 1,371,870 tx pps',
    stated: 'about 3%',
    source: 'liang-2023',
  },
];

/** The gain a before → after pair shows, in whole percent. */
export function gainPercent([before, after]: readonly [number, number]): number {
  return Math.round((after / before - 1) * 100);
}
