/**
 * What the tour may cite, derived from shared/reference/kernel-facts.md (its "Corrections" first): kernel functions
 * with their file and the release they were read in, and posts or commits of the 2019 thread with author, date and a
 * public archive link. A chapter cites by id; a test refuses an id this table does not know.
 */
export interface KernelSource {
  kind: 'kernel';
  fn: string;
  file: string;
  version: string;
  /** Section of kernel-facts.md the fact comes from. */
  kf: string;
}

export interface ThreadSource {
  kind: 'thread';
  who: string;
  date: string;
  title: string;
  url: string;
  kf: string;
}

export type Source = KernelSource | ThreadSource;

const LORE = 'https://lore.kernel.org/all/';
const COMMIT = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=';
const k = (fn: string, file: string, version: string, kf: string): KernelSource => ({
  kind: 'kernel',
  fn,
  file,
  version,
  kf,
});
const t = (who: string, date: string, title: string, url: string, kf: string): ThreadSource => ({
  kind: 'thread',
  who,
  date,
  title,
  url,
  kf,
});

export const tourSources = {
  'uaccess-nospec': k('__uaccess_begin_nospec', 'arch/x86/include/asm/uaccess.h', 'v5.0', 'Corrections, §1.5'),
  'get-user-pages-fast': k('get_user_pages_fast', 'mm/gup.c', 'v5.0.1', '§5'),
  'migrate-move-mapping': k('migrate_page_move_mapping', 'mm/migrate.c', 'v5.0.1', '§5'),
  'ksm-write-protect': k('write_protect_page', 'mm/ksm.c', 'v5.0.1', 'Corrections, §5'),
  'vmap-pte-range': k('vmap_pte_range', 'mm/vmalloc.c', 'v5.3.1', '§7'),
  'vunmap-lazy': k('free_vmap_area_noflush', 'mm/vmalloc.c', 'v5.3.1', '§7'),
  'kmap-atomic': k('kmap_atomic', 'include/linux/highmem.h', 'v5.3.1', '§7'),
  'probe-page-size-mask': k('probe_page_size_mask', 'arch/x86/mm/init.c', 'v5.3.1', '§7'),
  'try-to-unmap-one': k('try_to_unmap_one', 'mm/rmap.c', 'v5.3.1', '§2, §6'),
  'wp-page-copy': k('wp_page_copy', 'mm/memory.c', 'v5.0', 'Corrections'),
  'notifier-ops': k('struct mmu_notifier_ops', 'include/linux/mmu_notifier.h', 'v5.0.1', '§2'),
  'zap-page-range': k('zap_page_range', 'mm/memory.c', 'v5.3.1', '§2, Corrections'),
  'kvm-retry': k('mmu_notifier_retry', 'include/linux/kvm_host.h', 'v5.3.1', '§3'),
  'kvm-mips-map-page': k('kvm_mips_map_page', 'arch/mips/kvm/mmu.c', 'v5.3.1', '§3, Corrections'),
  'set-page-dirty': k('set_page_dirty', 'mm/page-writeback.c', 'v5.3.1', '§6'),
  'shrink-page-list': k('shrink_page_list', 'mm/vmscan.c', 'v5.3.1', '§6'),
  'split-huge-pmd': k('__split_huge_pmd', 'mm/huge_memory.c', 'v5.3.1', 'race 7'),
  'vhost-invalidate-start': k(
    'vhost_invalidate_vq_start',
    'drivers/vhost/vhost.c',
    '7f466032dc9e',
    '§1.2, Corrections',
  ),
  'interval-read-retry': k('mmu_interval_read_retry', 'include/linux/mmu_notifier.h', 'v5.6.4', '§4'),
  'interval-set-seq': k('mmu_interval_set_seq', 'include/linux/mmu_notifier.h', 'v5.6.4', '§4'),
  'v1-cover': t(
    'Jason Wang',
    '2018-12-13',
    '[PATCH net-next 0/3] vhost: accelerate metadata access through vmap()',
    `${LORE}?q=%22accelerate+metadata+access+through+vmap%22`,
    '§1.1',
  ),
  'rfc-v2-5-5': t(
    'Jason Wang',
    '2019-03-06',
    '[RFC PATCH V2 5/5] vhost: access vq metadata through kernel virtual address',
    `${LORE}1551856692-3384-6-git-send-email-jasowang@redhat.com/`,
    '§1.1',
  ),
  'mst-0307': t(
    'Michael S. Tsirkin',
    '2019-03-07',
    'Re: [RFC PATCH V2 5/5] (page lock under the vq mutex)',
    `${LORE}20190307124700-mutt-send-email-mst@kernel.org/`,
    '§1.3',
  ),
  'andrea-0307': t(
    'Andrea Arcangeli',
    '2019-03-07',
    'Re: [RFC PATCH V2 5/5] (->invalidate_range runs under the PT lock)',
    `${LORE}20190307191622.GP23850@redhat.com/`,
    '§1.3',
  ),
  'andrea-0308': t(
    'Andrea Arcangeli',
    '2019-03-08',
    'Re: [RFC PATCH V2 5/5] (kmap, put_page after gup_fast, seq and count)',
    `${LORE}20190308194845.GC26923@redhat.com/`,
    '§1.3',
  ),
  'jerome-0308': t(
    'Jerome Glisse',
    '2019-03-08',
    'Re: [RFC PATCH V2 5/5] (gup_fast without FOLL_GET; kmap will be faster)',
    `${LORE}20190308200609.GA6969@redhat.com/`,
    '§1.3',
  ),
  'net-next-0524': t(
    'Jason Wang',
    '2019-05-24',
    '[PATCH net-next 0/6] vhost: accelerate metadata access',
    `${LORE}?q=%22vhost%3A+accelerate+metadata+access%22+d%3A20190524..20190525`,
    '§1.1',
  ),
  'v5-7-9': t(
    'Jason Wang',
    '2019-08-09',
    'Fixes for vhost metadata acceleration, V5 7/9 (a spinlock instead of synchronize_rcu)',
    `${LORE}?q=%22metadata+acceleration%22+d%3A20190809..20190810`,
    '§1.4, §7',
  ),
  'rework-2-2': t(
    'Jason Wang',
    '2019-09-05',
    '[PATCH 0/2] Revert and rework on the metadata accelreation, patch 2/2 (spinlock)',
    `${LORE}?q=%22Revert+and+rework+on+the+metadata%22`,
    '§1.5, §7',
  ),
  'liang-2023': t(
    'Liang Chen',
    '2023-10-24',
    '[RFC] vhost: vmap virtio descriptor table',
    `${LORE}?q=%22vhost%3A+vmap+virtio+descriptor+table%22`,
    '§1.6, §7',
  ),
  'mst-mmdrop': t(
    'Michael S. Tsirkin',
    '2019-07-21',
    'Re: WARNING in __mmdrop (problems 1–4 of the merged code)',
    `${LORE}20190721044615-mutt-send-email-mst@kernel.org/`,
    '§1.4, Corrections (second)',
  ),
  'mst-mmdrop-latency': t(
    'Michael S. Tsirkin',
    '2019-07-22',
    'Re: WARNING in __mmdrop (synchronize_rcu latency, problems 5–6)',
    `${LORE}20190722040230-mutt-send-email-mst@kernel.org/`,
    '§1.4, Corrections (second)',
  ),
  'jasowang-dev-mutex': t(
    'Jason Wang',
    '2019-07-22',
    'Re: WARNING in __mmdrop (vhost_net_ioctl holds the device mutex; the register result is not checked)',
    `${LORE}75c43998-3a1c-676f-99ff-3d04663c3fcc@redhat.com/`,
    'Corrections (second)',
  ),
  'validate-registration': t(
    'Jason Wang',
    '2019-07-31',
    '[PATCH V2 2/9] vhost: validate MMU notifier registration',
    `${LORE}20190731084655.7024-3-jasowang@redhat.com/`,
    'Corrections (second)',
  ),
  'mst-rmb': t(
    'Michael S. Tsirkin',
    '2019-07-24',
    'Re: WARNING in __mmdrop (ordering two reads needs smp_rmb)',
    `${LORE}20190724040238-mutt-send-email-mst@kernel.org/`,
    '§1.4',
  ),
  'mst-rmb-withdrawn': t(
    'Michael S. Tsirkin',
    '2019-07-24',
    'Re: WARNING in __mmdrop (withdrawn: “prefetch holds the spinlock the whole time”)',
    `${LORE}20190724142417-mutt-send-email-mst@kernel.org/`,
    'Corrections (second)',
  ),
  'disable-commit': t(
    'Michael S. Tsirkin',
    '2019-07-26',
    '73f628ec9e6b vhost: disable metadata prefetch optimization',
    `${COMMIT}73f628ec9e6b`,
    '§1.4',
  ),
  'revert-commit': t(
    'Michael S. Tsirkin',
    '2019-09-04',
    '3d2c7d370475 Revert "vhost: access vq metadata through kernel virtual address"',
    `${COMMIT}3d2c7d370475`,
    '§1.5',
  ),
  'interval-commit': t(
    'Jason Gunthorpe',
    '2019-11-12',
    '99cb252f5e68 mm/mmu_notifier: add an interval tree notifier',
    `${COMMIT}99cb252f5e68`,
    '§4',
  ),
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof tourSources;

export function sourceOf(id: string): Source | undefined {
  return Object.hasOwn(tourSources, id) ? tourSources[id as SourceId] : undefined;
}
