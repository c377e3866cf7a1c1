import { expect } from '@open-wc/testing';
import { IntentKeys, stableJson } from '../../src/api/idempotency.js';

/** A Storage over a Map, standing in for one tab's sessionStorage across a "reload". */
class MapStorage implements Storage {
  readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(name: string): string | null {
    return this.items.get(name) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(name: string): void {
    this.items.delete(name);
  }
  setItem(name: string, value: string): void {
    this.items.set(name, String(value));
  }
}

/** Storage that is present but refuses everything, like Safari's private mode or a blocked iframe. */
class DisabledStorage extends MapStorage {
  override getItem(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  override setItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  override removeItem(): void {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
  override key(): string | null {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  }
}

/** Readable storage that is full: writes fail with a quota error. */
class FullStorage extends MapStorage {
  override setItem(): void {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const pay = { action: 'pay', invoiceId: 'inv_1', methodId: 'pm_card', applyWallet: false };
const topUp = { action: 'top_up', amount: { amount: 5000, currency: 'USD' }, methodId: 'pm_card' };

describe('IntentKeys', () => {
  it('gives the same intent the same UUID every time, whatever the key order', () => {
    const keys = new IntentKeys(new MapStorage());
    const key = keys.keyFor(pay);
    expect(key).to.match(UUID);
    expect(keys.keyFor({ ...pay })).to.equal(key);
    expect(keys.keyFor({ applyWallet: false, methodId: 'pm_card', invoiceId: 'inv_1', action: 'pay' })).to.equal(key);
    const reordered = { methodId: 'pm_card', amount: { currency: 'USD', amount: 5000 }, action: 'top_up' };
    expect(keys.keyFor(reordered)).to.equal(keys.keyFor(topUp));
  });

  it('gives different intents different keys', () => {
    const keys = new IntentKeys(new MapStorage());
    const seen = new Set([
      keys.keyFor(pay),
      keys.keyFor({ ...pay, invoiceId: 'inv_2' }),
      keys.keyFor({ ...pay, methodId: 'pm_crypto' }),
      keys.keyFor({ ...pay, applyWallet: true }),
      keys.keyFor(topUp),
      keys.keyFor({ ...topUp, amount: { amount: 5001, currency: 'USD' } }),
      keys.keyFor({ ...topUp, amount: { amount: 5000, currency: 'EUR' } }),
    ]);
    expect(seen.size).to.equal(7);
  });

  it('gives the same key back after a reload while the intent is unresolved', () => {
    const storage = new MapStorage();
    const key = new IntentKeys(storage).keyFor(pay);
    const afterReload = new IntentKeys(storage);
    expect(afterReload.keyFor(pay)).to.equal(key);
    expect(afterReload.pending()).to.deep.equal([{ intent: pay, key }]);
  });

  it('forgets a resolved intent: the next attempt is a new intent with a new key', () => {
    const storage = new MapStorage();
    const keys = new IntentKeys(storage);
    const first = keys.keyFor(pay);
    const other = keys.keyFor(topUp);
    keys.resolve({ ...pay });
    expect(keys.pending()).to.deep.equal([{ intent: topUp, key: other }]);
    const second = keys.keyFor(pay);
    expect(second).to.match(UUID).and.not.equal(first);
    expect(new IntentKeys(storage).keyFor(pay)).to.equal(second);
    expect(keys.keyFor(topUp)).to.equal(other);
  });

  it('keeps intents under its prefix apart from other instances and other data', () => {
    const storage = new MapStorage();
    storage.setItem('unrelated', 'value');
    const invoices = new IntentKeys(storage, 'a:');
    const wallet = new IntentKeys(storage, 'b:');
    expect(invoices.keyFor(pay)).to.not.equal(wallet.keyFor(pay));
    invoices.resolve(pay);
    expect(invoices.pending()).to.deep.equal([]);
    expect(wallet.pending().map((p) => p.intent)).to.deep.equal([pay]);
    expect(storage.getItem('unrelated')).to.equal('value');
  });

  it('falls back to memory when storage is disabled, without throwing', () => {
    const keys = new IntentKeys(new DisabledStorage());
    const key = keys.keyFor(pay);
    expect(key).to.match(UUID);
    expect(keys.keyFor(pay)).to.equal(key);
    expect(keys.pending()).to.deep.equal([{ intent: pay, key }]);
    keys.resolve(pay);
    expect(keys.pending()).to.deep.equal([]);
    expect(keys.keyFor(pay)).to.not.equal(key);
  });

  it('falls back to memory when storage is full', () => {
    const storage = new FullStorage();
    const keys = new IntentKeys(storage);
    const key = keys.keyFor(topUp);
    expect(keys.keyFor(topUp)).to.equal(key);
    expect(storage.length).to.equal(0);
    expect(keys.pending()).to.deep.equal([{ intent: topUp, key }]);
  });

  it('works with no storage at all', () => {
    const keys = new IntentKeys(undefined);
    const key = keys.keyFor(pay);
    expect(keys.keyFor(pay)).to.equal(key);
    keys.resolve(pay);
    expect(keys.keyFor(pay)).to.not.equal(key);
  });

  it('replaces a corrupted stored key and ignores corrupted entries in pending()', () => {
    const storage = new MapStorage();
    const prefix = 'perlod-billing:intent:';
    storage.setItem(prefix + stableJson(pay), '{"truncated');
    storage.setItem(`${prefix}{not json`, crypto.randomUUID());
    storage.setItem(`${prefix}{"no_action":1}`, crypto.randomUUID());
    const keys = new IntentKeys(storage);
    expect(keys.pending()).to.deep.equal([]);
    const key = keys.keyFor(pay);
    expect(key).to.match(UUID);
    expect(storage.getItem(prefix + stableJson(pay))?.split(' ')[0]).to.equal(key);
    expect(keys.pending()).to.deep.equal([{ intent: pay, key }]);
  });

  it('uses localStorage by default, so every tab of the origin sends the same key', () => {
    const keys = new IntentKeys();
    const intent = { action: 'pay', invoiceId: `inv_${crypto.randomUUID()}` };
    const key = keys.keyFor(intent);
    try {
      expect(new IntentKeys().keyFor(intent)).to.equal(key);
      expect(localStorage.getItem(`perlod-billing:intent:${stableJson(intent)}`)?.split(' ')[0]).to.equal(key);
      expect(sessionStorage.getItem(`perlod-billing:intent:${stableJson(intent)}`)).to.equal(null);
    } finally {
      keys.resolve(intent);
    }
    expect(localStorage.getItem(`perlod-billing:intent:${stableJson(intent)}`)).to.equal(null);
  });

  it('gives an abandoned intent a new key once its key expires', () => {
    const storage = new MapStorage();
    let now = 1_000_000;
    const options = { ttlMs: 60_000, now: () => now };
    const intent = { action: 'top_up', amount: { amount: 2500, currency: 'USD' }, methodId: 'pm_card' };
    const first = new IntentKeys(storage, options).keyFor(intent);
    now += 59_999;
    expect(new IntentKeys(storage, options).keyFor(intent)).to.equal(first);
    expect(new IntentKeys(storage, options).pending()).to.have.length(1);
    now += 1;
    expect(new IntentKeys(storage, options).pending()).to.deep.equal([]);
    const second = new IntentKeys(storage, options).keyFor(intent);
    expect(second).to.not.equal(first);
  });
});

describe('stableJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(stableJson({ b: 1, a: { d: [2, 1], c: null } })).to.equal('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(stableJson({ a: undefined, b: 1 })).to.equal('{"b":1}');
  });
});
