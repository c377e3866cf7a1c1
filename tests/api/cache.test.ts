import { expect } from '@open-wc/testing';
import { QueryCache } from '../../src/api/cache.js';
import type { QueryCacheOptions } from '../../src/api/cache.js';

/** A load whose every call waits until the test settles it. */
function controlledLoad<T>() {
  const calls: { signal: AbortSignal; resolve: (value: T) => void; reject: (error: unknown) => void }[] = [];
  const load = (signal: AbortSignal): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { load, calls };
}

/** A load that answers at once with `${label} #n`, n counting its calls. */
function countingLoad(label: string) {
  const counter = {
    count: 0,
    load: (): Promise<string> => {
      counter.count++;
      return Promise.resolve(`${label} #${counter.count}`);
    },
  };
  return counter;
}

/** Lets resolved loads land (their bookkeeping runs in microtasks). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

function expectAbortError(error: unknown): void {
  expect(error).to.be.instanceOf(DOMException);
  expect((error as DOMException).name).to.equal('AbortError');
}

describe('QueryCache', () => {
  let time: number;
  const caches: QueryCache[] = [];
  const makeCache = (options: QueryCacheOptions = {}): QueryCache => {
    const cache = new QueryCache({ channelName: null, now: () => time, ...options });
    caches.push(cache);
    return cache;
  };

  beforeEach(() => {
    time = 1_000_000;
  });

  afterEach(() => {
    for (const cache of caches.splice(0)) cache.dispose();
  });

  describe('in-flight de-duplication', () => {
    it('shares one load among ten concurrent identical fetches', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const reads = Array.from({ length: 10 }, () => cache.fetch('summary', ['summary'], load));
      expect(calls).to.have.length(1);
      calls[0].resolve('summary v1');
      expect(await Promise.all(reads)).to.deep.equal(Array(10).fill('summary v1'));
    });

    it('loads different keys separately', async () => {
      const cache = makeCache();
      const invoice1 = countingLoad('invoice 1');
      const invoice2 = countingLoad('invoice 2');
      const [first, second] = await Promise.all([
        cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], invoice1.load),
        cache.fetch('GET /invoices/inv_2', ['invoice:inv_2'], invoice2.load),
      ]);
      expect([first, second]).to.deep.equal(['invoice 1 #1', 'invoice 2 #1']);
      expect([invoice1.count, invoice2.count]).to.deep.equal([1, 1]);
    });
  });

  describe('freshness', () => {
    it('serves a fresh entry from memory without loading', async () => {
      const cache = makeCache({ staleAfterMs: 30_000 });
      const wallet = countingLoad('wallet');
      await cache.fetch('GET /wallet', ['wallet'], wallet.load);
      time += 29_999;
      expect(await cache.fetch('GET /wallet', ['wallet'], wallet.load)).to.equal('wallet #1');
      await settle();
      expect(wallet.count).to.equal(1);
    });

    it('serves a stale-by-age entry at once, revalidates it once in the background and notifies', async () => {
      const cache = makeCache({ staleAfterMs: 30_000 });
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags]));
      const { load, calls } = controlledLoad<string>();
      const first = cache.fetch('GET /wallet', ['wallet', 'summary'], load);
      calls[0].resolve('balance 10.00');
      await first;

      time += 30_000;
      const staleReads = await Promise.all([
        cache.fetch('GET /wallet', ['wallet', 'summary'], load),
        cache.fetch('GET /wallet', ['wallet', 'summary'], load),
        cache.fetch('GET /wallet', ['wallet', 'summary'], load),
      ]);
      expect(staleReads).to.deep.equal(['balance 10.00', 'balance 10.00', 'balance 10.00']);
      expect(calls).to.have.length(2);
      expect(notified).to.deep.equal([]);

      calls[1].resolve('balance 25.00');
      await settle();
      expect(notified).to.deep.equal([['wallet', 'summary']]);
      expect(cache.fetchedAt('GET /wallet')).to.equal(time);
      expect(await cache.fetch('GET /wallet', ['wallet', 'summary'], load)).to.equal('balance 25.00');
      expect(calls).to.have.length(2);
    });

    it('keeps the old value and stays silent when a background revalidation fails', async () => {
      const cache = makeCache({ staleAfterMs: 30_000 });
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags]));
      const { load, calls } = controlledLoad<string>();
      const first = cache.fetch('GET /wallet', ['wallet'], load);
      calls[0].resolve('balance 10.00');
      await first;
      const firstFetchedAt = cache.fetchedAt('wallet');

      time += 31_000;
      expect(await cache.fetch('GET /wallet', ['wallet'], load)).to.equal('balance 10.00');
      calls[1].reject(new Error('server_error'));
      await settle();
      expect(notified).to.deep.equal([]);
      expect(cache.fetchedAt('wallet')).to.equal(firstFetchedAt);
      // Still stale, so the next read serves the old value and tries again.
      expect(await cache.fetch('GET /wallet', ['wallet'], load)).to.equal('balance 10.00');
      expect(calls).to.have.length(3);
    });
  });

  describe('invalidation', () => {
    it('reloads exactly the entries carrying an invalidated tag, and waits for the new value', async () => {
      const cache = makeCache();
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags]));
      const invoice1 = countingLoad('inv_1 unpaid');
      const invoice2 = countingLoad('inv_2 unpaid');
      const wallet = countingLoad('wallet');
      const readAll = () =>
        Promise.all([
          cache.fetch('GET /invoices/inv_1', ['invoices', 'invoice:inv_1'], invoice1.load),
          cache.fetch('GET /invoices/inv_2', ['invoices', 'invoice:inv_2'], invoice2.load),
          cache.fetch('GET /wallet', ['wallet'], wallet.load),
        ]);
      await readAll();

      cache.invalidate(['invoice:inv_1']);
      expect(notified).to.deep.equal([['invoice:inv_1']]);
      expect(await readAll()).to.deep.equal(['inv_1 unpaid #2', 'inv_2 unpaid #1', 'wallet #1']);
      expect([invoice1.count, invoice2.count, wallet.count]).to.deep.equal([2, 1, 1]);

      cache.invalidate(['invoices']);
      expect(await readAll()).to.deep.equal(['inv_1 unpaid #3', 'inv_2 unpaid #2', 'wallet #1']);
    });

    it('never stores a load that was in flight when its tags were invalidated as fresh', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const beforePayment = cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], load);

      cache.invalidate(['invoice:inv_1']);
      const afterPayment = cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], load);
      expect(calls, 'a read after the invalidation must not join the older load').to.have.length(2);

      // The new load lands first, the old one later: the old one must not overwrite it.
      calls[1].resolve('inv_1 paid');
      expect(await afterPayment).to.equal('inv_1 paid');
      calls[0].resolve('inv_1 unpaid');
      expect(await beforePayment).to.equal('inv_1 unpaid');
      await settle();
      expect(await cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], load)).to.equal('inv_1 paid');
      expect(calls).to.have.length(2);
    });

    it('does not serve an invalidated in-flight result on the next read', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const beforePayment = cache.fetch('GET /summary', ['summary'], load);
      cache.invalidate(['summary']);
      calls[0].resolve('unpaid 1');
      await beforePayment;
      await settle();
      expect(cache.fetchedAt('summary')).to.equal(undefined);

      const next = cache.fetch('GET /summary', ['summary'], load);
      expect(calls).to.have.length(2);
      calls[1].resolve('unpaid 0');
      expect(await next).to.equal('unpaid 0');
    });

    it('refreshAll invalidates every entry and notifies with every known tag', async () => {
      const cache = makeCache();
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags].sort()));
      const summary = countingLoad('summary');
      const wallet = countingLoad('wallet');
      await cache.fetch('GET /summary', ['summary', 'wallet'], summary.load);
      await cache.fetch('GET /wallet', ['wallet'], wallet.load);

      cache.refreshAll();
      expect(notified).to.deep.equal([['summary', 'wallet']]);
      expect(await cache.fetch('GET /summary', ['summary', 'wallet'], summary.load)).to.equal('summary #2');
      expect(await cache.fetch('GET /wallet', ['wallet'], wallet.load)).to.equal('wallet #2');
    });

    it('stops notifying a listener after it unsubscribes', () => {
      const cache = makeCache();
      const notified: string[][] = [];
      const unsubscribe = cache.subscribe((tags) => notified.push([...tags]));
      cache.invalidate(['wallet']);
      unsubscribe();
      cache.invalidate(['summary']);
      expect(notified).to.deep.equal([['wallet']]);
    });
  });

  describe('abort', () => {
    it('rejects only the caller that aborted while the shared load continues', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const leaving = new AbortController();
      const staying = new AbortController();
      const leavingRead = cache.fetch('GET /invoices', ['invoices'], load, { signal: leaving.signal });
      const stayingRead = cache.fetch('GET /invoices', ['invoices'], load, { signal: staying.signal });

      leaving.abort();
      expectAbortError(await rejectionOf(leavingRead));
      expect(calls[0].signal.aborted).to.equal(false);

      calls[0].resolve('page 1');
      expect(await stayingRead).to.equal('page 1');
      expect(calls).to.have.length(1);
    });

    it('aborts the shared load when every caller has aborted, then loads anew', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const first = new AbortController();
      const second = new AbortController();
      const firstRead = cache.fetch('GET /invoices', ['invoices'], load, { signal: first.signal });
      const secondRead = cache.fetch('GET /invoices', ['invoices'], load, { signal: second.signal });

      first.abort();
      expect(calls[0].signal.aborted).to.equal(false);
      second.abort();
      expect(calls[0].signal.aborted).to.equal(true);
      expectAbortError(await rejectionOf(firstRead));
      expectAbortError(await rejectionOf(secondRead));
      expectAbortError(calls[0].signal.reason);

      const again = cache.fetch('GET /invoices', ['invoices'], load);
      expect(calls).to.have.length(2);
      calls[1].resolve('page 1');
      expect(await again).to.equal('page 1');
    });

    it('keeps the shared load for a caller that passed no signal', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const aborting = new AbortController();
      const abortingRead = cache.fetch('GET /wallet', ['wallet'], load, { signal: aborting.signal });
      const plainRead = cache.fetch('GET /wallet', ['wallet'], load);
      aborting.abort();
      expectAbortError(await rejectionOf(abortingRead));
      expect(calls[0].signal.aborted).to.equal(false);
      calls[0].resolve('balance 5.00');
      expect(await plainRead).to.equal('balance 5.00');
    });

    it('rejects at once, without loading, when the signal is already aborted', async () => {
      const cache = makeCache();
      const wallet = countingLoad('wallet');
      expectAbortError(await rejectionOf(cache.fetch('GET /wallet', ['wallet'], wallet.load, { signal: AbortSignal.abort() })));
      expect(wallet.count).to.equal(0);
    });
  });

  describe('errors', () => {
    it('does not cache a failed load: every waiter rejects and the next call loads again', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const reads = [cache.fetch('GET /summary', ['summary'], load), cache.fetch('GET /summary', ['summary'], load)];
      const failure = new Error('network');
      calls[0].reject(failure);
      expect(await rejectionOf(reads[0])).to.equal(failure);
      expect(await rejectionOf(reads[1])).to.equal(failure);

      const retry = cache.fetch('GET /summary', ['summary'], load);
      expect(calls).to.have.length(2);
      calls[1].resolve('summary');
      expect(await retry).to.equal('summary');
    });

    it('turns a load that throws synchronously into a rejection', async () => {
      const cache = makeCache();
      const failure = new Error('bad_response');
      const throwing = (): Promise<string> => {
        throw failure;
      };
      expect(await rejectionOf(cache.fetch('GET /wallet', ['wallet'], throwing))).to.equal(failure);
    });
  });

  describe('fresh: true (re-check)', () => {
    it('loads even when the entry is fresh, replaces it, and shares one load among concurrent re-checks', async () => {
      const cache = makeCache();
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags]));
      const invoice = countingLoad('inv_1');
      await cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], invoice.load);

      const rechecks = await Promise.all([
        cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], invoice.load, { fresh: true }),
        cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], invoice.load, { fresh: true }),
      ]);
      expect(rechecks).to.deep.equal(['inv_1 #2', 'inv_1 #2']);
      expect(invoice.count).to.equal(2);
      expect(await cache.fetch('GET /invoices/inv_1', ['invoice:inv_1'], invoice.load)).to.equal('inv_1 #2');
      expect(invoice.count).to.equal(2);
      // Other elements showing the old value are told to re-read it.
      expect(notified).to.deep.equal([['invoice:inv_1']]);
    });

    it('does not join, or get overwritten by, a load started before the re-check', async () => {
      const cache = makeCache();
      const { load, calls } = controlledLoad<string>();
      const earlier = cache.fetch('GET /payments/pay_1', ['payment:pay_1'], load);
      const recheck = cache.fetch('GET /payments/pay_1', ['payment:pay_1'], load, { fresh: true });
      expect(calls).to.have.length(2);

      calls[1].resolve('completed');
      expect(await recheck).to.equal('completed');
      calls[0].resolve('pending');
      expect(await earlier).to.equal('pending');
      await settle();
      expect(await cache.fetch('GET /payments/pay_1', ['payment:pay_1'], load)).to.equal('completed');
    });
  });

  describe('cross-tab invalidation', () => {
    const uniqueChannel = (): string => `perlod-billing-test-${crypto.randomUUID()}`;

    it('tells the other tab, which invalidates and notifies without echoing back', async () => {
      const channelName = uniqueChannel();
      const sender = makeCache({ channelName });
      const receiver = makeCache({ channelName });
      const wallet = countingLoad('wallet');
      await receiver.fetch('GET /wallet', ['wallet'], wallet.load);

      const senderNotified: string[][] = [];
      let senderSawSentinel: () => void = () => {};
      const sentinelBack = new Promise<void>((resolve) => (senderSawSentinel = resolve));
      sender.subscribe((tags) => {
        senderNotified.push([...tags]);
        if (tags.has('sentinel')) senderSawSentinel();
      });
      const received = new Promise<ReadonlySet<string>>((resolve) => {
        const unsubscribe = receiver.subscribe((tags) => {
          unsubscribe();
          resolve(tags);
        });
      });

      sender.invalidate(['wallet']);
      expect([...(await received)]).to.deep.equal(['wallet']);
      expect(await receiver.fetch('GET /wallet', ['wallet'], wallet.load)).to.equal('wallet #2');

      // Messages from one channel arrive in order, so an echo would reach the sender before this.
      receiver.invalidate(['sentinel']);
      await sentinelBack;
      expect(senderNotified).to.deep.equal([['wallet'], ['sentinel']]);
    });

    it('carries refreshAll to the other tab, which invalidates everything it holds', async () => {
      const channelName = uniqueChannel();
      const sender = makeCache({ channelName });
      const receiver = makeCache({ channelName });
      const service = countingLoad('service');
      await receiver.fetch('GET /services/vps_1/billing', ['service:vps_1'], service.load);

      const received = new Promise<ReadonlySet<string>>((resolve) => receiver.subscribe(resolve));
      sender.refreshAll();
      expect([...(await received)]).to.deep.equal(['service:vps_1']);
      expect(await receiver.fetch('GET /services/vps_1/billing', ['service:vps_1'], service.load)).to.equal(
        'service #2',
      );
    });

    it('ignores messages that are not invalidations', async () => {
      const channelName = uniqueChannel();
      const receiver = makeCache({ channelName });
      const notified: string[][] = [];
      receiver.subscribe((tags) => notified.push([...tags]));
      const delivered = new Promise<void>((resolve) => receiver.subscribe(() => resolve()));
      const stranger = new BroadcastChannel(channelName);
      stranger.postMessage({ type: 'invalidate', tags: [42] });
      stranger.postMessage('invalidate wallet');
      stranger.postMessage({ type: 'invalidate', tags: ['wallet'] });
      // One sender's messages arrive in order: the malformed ones were handled before this one.
      await delivered;
      expect(notified).to.deep.equal([['wallet']]);
      stranger.close();
    });
  });

  describe('visibility', () => {
    let visibility: DocumentVisibilityState;
    beforeEach(() => {
      visibility = 'hidden';
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    });
    afterEach(() => {
      // Removing the own property brings back Document.prototype's getter.
      delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
    });
    const becomeVisible = (): void => {
      visibility = 'visible';
      document.dispatchEvent(new Event('visibilitychange'));
    };

    it('invalidates entries older than refetchOnVisibleAfterMs when the tab becomes visible', async () => {
      const cache = makeCache({ refetchOnVisibleAfterMs: 60_000, staleAfterMs: 120_000 });
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags]));
      const summary = countingLoad('summary');
      const wallet = countingLoad('wallet');
      await cache.fetch('GET /summary', ['summary'], summary.load);
      time += 30_000;
      await cache.fetch('GET /wallet', ['wallet'], wallet.load);

      time += 31_000;
      document.dispatchEvent(new Event('visibilitychange'));
      expect(notified, 'hiding the tab changes nothing').to.deep.equal([]);

      becomeVisible();
      expect(notified).to.deep.equal([['summary']]);
      expect(await cache.fetch('GET /summary', ['summary'], summary.load)).to.equal('summary #2');
      expect(await cache.fetch('GET /wallet', ['wallet'], wallet.load)).to.equal('wallet #1');
    });

    it('stops listening after dispose', async () => {
      const cache = makeCache({ refetchOnVisibleAfterMs: 60_000 });
      const notified: string[][] = [];
      cache.subscribe((tags) => notified.push([...tags]));
      await cache.fetch('GET /summary', ['summary'], countingLoad('summary').load);
      time += 61_000;
      cache.dispose();
      becomeVisible();
      expect(notified).to.deep.equal([]);
    });
  });

  describe('bounded memory', () => {
    it('keeps at most 300 entries by default, evicting the least recently read', async () => {
      const cache = makeCache();
      const page = (n: number) => cache.fetch(`GET /invoices?cursor=${n}`, ['invoices'], () => Promise.resolve(`page ${n}`));
      for (let n = 0; n < 300; n++) {
        time++;
        await page(n);
      }
      await page(0); // read again: now the most recent
      time++;
      await page(300);
      expect(cache.fetchedAt('GET /invoices?cursor=0')).to.not.equal(undefined);
      expect(cache.fetchedAt('GET /invoices?cursor=1')).to.equal(undefined);
      expect(cache.fetchedAt('GET /invoices?cursor=2')).to.not.equal(undefined);
      expect(cache.fetchedAt('GET /invoices?cursor=300')).to.equal(time);

      for (let n = 301; n < 1_000; n++) await page(n);
      let kept = 0;
      for (let n = 0; n < 1_000; n++) if (cache.fetchedAt(`GET /invoices?cursor=${n}`) !== undefined) kept++;
      expect(kept).to.equal(300);
    });

    it('does not evict an entry whose load is in flight, so it stays shared', async () => {
      const cache = makeCache({ maxEntries: 2 });
      const { load, calls } = controlledLoad<string>();
      const slow = cache.fetch('GET /summary', ['summary'], load);
      await cache.fetch('GET /wallet', ['wallet'], () => Promise.resolve('wallet'));
      await cache.fetch('GET /payment-methods', ['payment-methods'], () => Promise.resolve('methods'));
      const joined = cache.fetch('GET /summary', ['summary'], load);
      expect(calls).to.have.length(1);
      calls[0].resolve('summary');
      expect(await Promise.all([slow, joined])).to.deep.equal(['summary', 'summary']);
      expect(cache.fetchedAt('wallet')).to.equal(undefined);
    });
  });

  describe('fetchedAt', () => {
    it('answers by key, or with the newest entry carrying a tag', async () => {
      const cache = makeCache();
      expect(cache.fetchedAt('invoices')).to.equal(undefined);
      await cache.fetch('GET /invoices?status=unpaid', ['invoices'], () => Promise.resolve('unpaid'));
      const unpaidAt = time;
      time += 5_000;
      await cache.fetch('GET /invoices?status=paid', ['invoices'], () => Promise.resolve('paid'));
      expect(cache.fetchedAt('GET /invoices?status=unpaid')).to.equal(unpaidAt);
      expect(cache.fetchedAt('invoices')).to.equal(time);
      expect(cache.fetchedAt('wallet')).to.equal(undefined);
    });
  });
});
