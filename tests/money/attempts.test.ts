import { expect } from '@open-wc/testing';
import { AttemptStore } from '../../src/money/attempts.js';

/** A Storage over a Map, standing in for the origin's localStorage across a "reload". */
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

const SCOPE = 'https://api.example/billing/v1|acct_1';

describe('AttemptStore', () => {
  it('gives every confirmation its own key, even for the same thing (two top-ups of $50.00 are two attempts)', () => {
    const attempts = new AttemptStore(new MapStorage());
    const first = attempts.begin(topUp, SCOPE);
    const second = attempts.begin({ ...topUp }, SCOPE);
    expect(first.key).to.match(UUID);
    expect(second.key).to.match(UUID).and.not.equal(first.key);
    expect(attempts.pending(SCOPE).map((a) => a.key)).to.deep.equal([first.key, second.key]);
  });

  it('finds an attempt after a reload, with the record its request created, until it is resolved', () => {
    const storage = new MapStorage();
    const attempt = new AttemptStore(storage).begin(pay, SCOPE, 'invoice-detail');
    const afterReload = new AttemptStore(storage);
    expect(afterReload.get(attempt.key)).to.deep.equal(attempt);
    afterReload.setRecord(attempt.key, 'pay_1');
    expect(new AttemptStore(storage).byRecord(SCOPE, 'pay_1')).to.deep.include({ key: attempt.key, intent: pay, starter: 'invoice-detail', recordId: 'pay_1' });
    afterReload.resolve(attempt.key);
    expect(new AttemptStore(storage).pending(SCOPE)).to.deep.equal([]);
    expect(new AttemptStore(storage).byRecord(SCOPE, 'pay_1')).to.equal(undefined);
  });

  it('keeps each scope (API base and account) to itself on a shared origin', () => {
    const storage = new MapStorage();
    storage.setItem('unrelated', 'value');
    const attempts = new AttemptStore(storage);
    const mine = attempts.begin(pay, SCOPE);
    attempts.setRecord(mine.key, 'pay_1');
    const theirs = attempts.begin(pay, 'https://other.example/billing|acct_1');
    attempts.setRecord(theirs.key, 'pay_1');
    expect(attempts.pending(SCOPE).map((a) => a.key)).to.deep.equal([mine.key]);
    expect(attempts.byRecord('https://api.example/billing/v1|acct_2', 'pay_1')).to.equal(undefined);
    expect(storage.getItem('unrelated')).to.equal('value');
  });

  it('expires every attempt after its lifetime, and removes it from storage', () => {
    const storage = new MapStorage();
    let now = 1_000_000;
    const options = { ttlMs: 60_000, now: () => now };
    const attempt = new AttemptStore(storage, options).begin(topUp, SCOPE);
    now += 59_999;
    expect(new AttemptStore(storage, options).get(attempt.key)?.key).to.equal(attempt.key);
    now += 1;
    expect(new AttemptStore(storage, options).get(attempt.key)).to.equal(undefined);
    expect(new AttemptStore(storage, options).pending(SCOPE)).to.deep.equal([]);
    expect(storage.length, 'the expired item is gone').to.equal(0);
  });

  it('lets a record announce its success once per browser (a second tab or a reload does not)', () => {
    const storage = new MapStorage();
    let now = 1_000_000;
    const options = { now: () => now };
    expect(new AttemptStore(storage, options).claimAnnouncement(SCOPE, 'tu_1')).to.equal(true);
    expect(new AttemptStore(storage, options).claimAnnouncement(SCOPE, 'tu_1')).to.equal(false);
    expect(new AttemptStore(storage, options).claimAnnouncement(SCOPE, 'tu_2')).to.equal(true);
    expect(new AttemptStore(storage, options).claimAnnouncement('another scope', 'tu_1')).to.equal(true);
    // The mark expires too (30 days) and is then removed.
    now += 30 * 24 * 60 * 60 * 1000 + 1;
    new AttemptStore(storage, options).claimAnnouncement(SCOPE, 'tu_3');
    expect([...storage.items.keys()].filter((name) => name.includes('tu_1'))).to.deep.equal([]);
  });

  it('falls back to memory when storage is disabled, without throwing', () => {
    const attempts = new AttemptStore(new DisabledStorage());
    const attempt = attempts.begin(pay, SCOPE);
    expect(attempt.key).to.match(UUID);
    expect(attempts.setRecord(attempt.key, 'pay_1')?.recordId).to.equal('pay_1');
    expect(attempts.pending(SCOPE).map((a) => a.key)).to.deep.equal([attempt.key]);
    expect(attempts.claimAnnouncement(SCOPE, 'pay_1')).to.equal(true);
    expect(attempts.claimAnnouncement(SCOPE, 'pay_1')).to.equal(false);
    attempts.resolve(attempt.key);
    expect(attempts.pending(SCOPE)).to.deep.equal([]);
  });

  it('falls back to memory when storage is full, and with no storage at all', () => {
    const storage = new FullStorage();
    const full = new AttemptStore(storage);
    const attempt = full.begin(topUp, SCOPE);
    expect(storage.length).to.equal(0);
    expect(full.get(attempt.key)?.intent).to.deep.equal(topUp);
    const none = new AttemptStore(undefined);
    const other = none.begin(pay, SCOPE);
    expect(none.pending(SCOPE).map((a) => a.key)).to.deep.equal([other.key]);
  });

  it('ignores and removes corrupted or foreign entries under its prefix', () => {
    const storage = new MapStorage();
    const prefix = 'perlod-billing:attempt:';
    storage.setItem(`${prefix}${crypto.randomUUID()}`, '{"truncated');
    storage.setItem(`${prefix}x`, JSON.stringify({ key: 'not-a-uuid', intent: pay, scope: SCOPE, startedAt: 0, expiresAt: Date.now() + 1e6 }));
    storage.setItem(`${prefix}y`, JSON.stringify({ key: crypto.randomUUID(), intent: { no_action: 1 }, scope: SCOPE, startedAt: 0, expiresAt: Date.now() + 1e6 }));
    const attempts = new AttemptStore(storage);
    expect(attempts.pending(SCOPE)).to.deep.equal([]);
    expect(storage.length).to.equal(0);
    const attempt = attempts.begin(pay, SCOPE);
    expect(attempts.pending(SCOPE).map((a) => a.key)).to.deep.equal([attempt.key]);
  });

  it('removes the earlier version\'s never-expiring items (content-keyed intents, checkouts, return marks)', () => {
    const storage = new MapStorage();
    storage.setItem('perlod-billing:intent:{"action":"pay"}', `${crypto.randomUUID()} 99999999999999`);
    storage.setItem('perlod-billing:checkout:abc', '{}');
    storage.setItem('perlod-billing:pay-return:pay_1', '{}');
    storage.setItem('perlod-billing:locale', 'kept');
    new AttemptStore(storage).pending(SCOPE);
    expect([...storage.items.keys()]).to.deep.equal(['perlod-billing:locale']);
  });

  it('uses localStorage by default, so every tab of the origin finds an attempt in flight', () => {
    const attempts = new AttemptStore();
    const attempt = attempts.begin({ action: 'pay', invoiceId: `inv_${crypto.randomUUID()}` }, SCOPE);
    try {
      expect(new AttemptStore().get(attempt.key)?.key).to.equal(attempt.key);
      expect(localStorage.getItem(`perlod-billing:attempt:${attempt.key}`)).to.not.equal(null);
      expect(sessionStorage.getItem(`perlod-billing:attempt:${attempt.key}`)).to.equal(null);
    } finally {
      attempts.resolve(attempt.key);
    }
    expect(localStorage.getItem(`perlod-billing:attempt:${attempt.key}`)).to.equal(null);
  });
});
