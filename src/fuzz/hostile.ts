import fc from 'fast-check';

/**
 * Hostile values as plain descriptions (so that fast-check can print a failing case safely); `buildHostile`
 * makes the real object inside the property. Sizes reach the reproductions of issue 8 (5,000-deep nesting,
 * a million-entry list, a 50 MB string).
 */
export type HostileKind =
  | 'nested'
  | 'long-list'
  | 'long-string'
  | 'many-keys'
  | 'throwing-proxy'
  | 'revoked-proxy'
  | 'lying-proxy'
  | 'getter'
  | 'throwing-getter'
  | 'to-json'
  | 'bigint'
  | 'cycle'
  | 'symbol-key'
  | 'date'
  | 'map'
  | 'class-instance'
  | 'function'
  | 'not-finite'
  | 'sparse-list'
  | 'list-with-extra';

const KINDS: HostileKind[] = [
  'nested',
  'long-list',
  'long-string',
  'many-keys',
  'throwing-proxy',
  'revoked-proxy',
  'lying-proxy',
  'getter',
  'throwing-getter',
  'to-json',
  'bigint',
  'cycle',
  'symbol-key',
  'date',
  'map',
  'class-instance',
  'function',
  'not-finite',
  'sparse-list',
  'list-with-extra',
];

const FIELDS = ['root', 'format', 'id', 'design', 'bugs', 'mm', 'story', 'expect', 'title'] as const;

export interface HostileCase {
  kind: HostileKind;
  /** Where the value goes: the whole input, or one field of a valid scenario. */
  field: (typeof FIELDS)[number];
  size: number;
}

export const hostileCase: fc.Arbitrary<HostileCase> = fc.record({
  kind: fc.constantFrom(...KINDS),
  field: fc.constantFrom(...FIELDS),
  size: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1000, max: 6000 }), fc.constant(1_000_000)),
});

const valid = () => ({ format: 1, id: 'fuzz', design: 'kmap-seq', mm: [{ kind: 'munmap' }] });
const boom = () => {
  throw new Error('hostile');
};

function hostileValue({ kind, size }: HostileCase): unknown {
  switch (kind) {
    case 'nested': {
      let v: unknown = 1;
      for (let i = 0; i < size; i++) v = i % 2 ? [v] : { v };
      return v;
    }
    case 'long-list':
      return Array(size).fill('no-smp-rmb');
    case 'long-string':
      return 'x'.repeat(size === 1_000_000 ? 50_000_000 : size);
    case 'many-keys':
      // Listing keys is linear (Reflect.ownKeys); 20,000 is more than a 64 K-character JSON text can hold.
      return Object.fromEntries(Array.from({ length: Math.min(size, 20_000) }, (_, i) => [`k${i}`, i]));
    case 'throwing-proxy':
      return new Proxy(valid(), { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
    case 'revoked-proxy': {
      const { proxy, revoke } = Proxy.revocable(valid(), {});
      revoke();
      return proxy;
    }
    case 'lying-proxy':
      return new Proxy(valid(), { ownKeys: () => ['format', 'ghost', 'ghost2'] });
    case 'getter':
      return Object.defineProperty(valid(), 'design', { enumerable: true, get: () => 'kmap-seq' });
    case 'throwing-getter':
      return Object.defineProperty(valid(), 'design', { enumerable: true, get: boom });
    case 'to-json':
      return { ...valid(), toJSON: boom };
    case 'bigint':
      return BigInt(size);
    case 'cycle': {
      const o: Record<string, unknown> = valid();
      o.mm = [o];
      return o;
    }
    case 'symbol-key':
      return { ...valid(), [Symbol('s')]: 1 };
    case 'date':
      return new Date(size);
    case 'map':
      return new Map([['format', 1]]);
    case 'class-instance':
      return new (class Scenario {
        format = 1;
      })();
    case 'function':
      return boom;
    case 'not-finite':
      return size % 2 ? Number.NaN : Number.POSITIVE_INFINITY;
    case 'sparse-list': {
      const list: unknown[] = [];
      list[Math.min(size, 999)] = 1;
      return list;
    }
    case 'list-with-extra':
      return Object.assign([1, 2], { extra: boom });
  }
}

export function buildHostile(c: HostileCase): unknown {
  const value = hostileValue(c);
  return c.field === 'root' ? value : { ...valid(), [c.field]: value };
}
