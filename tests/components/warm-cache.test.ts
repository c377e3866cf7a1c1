/**
 * From a warm cache the elements render their data in their first render: the cache answers
 * a hit with a promise whose value can be read at once (src/api/settled.ts), the query
 * controller takes it during the update, and no loading skeleton is ever put on screen.
 * `npm run bench` measures what this saves (BENCHMARKS.md, "Dashboard first render").
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-list.js';
import '../../src/define/wallet-balance.js';
import { QueryCache } from '../../src/api/cache.js';
import { mapSettled, resolved, settledValue } from '../../src/api/settled.js';
import type { BillingOverview } from '../../src/components/billing-overview/billing-overview.js';
import type { InvoiceList } from '../../src/components/invoice-list/invoice-list.js';
import type { WalletBalance } from '../../src/components/wallet-balance/wallet-balance.js';
import { mountInProvider } from '../helpers/mount.js';

type Dashboard = [BillingOverview, WalletBalance, InvoiceList];

function dashboardElements(): Dashboard {
  const list = document.createElement('invoice-list');
  list.setAttribute('page-size', '20');
  return [document.createElement('billing-overview'), document.createElement('wallet-balance'), list];
}

/** Notes every skeleton placeholder inserted into these shadow roots. */
function watchSkeletons(roots: readonly ShadowRoot[]): { seen: () => number; stop: () => void } {
  let seen = 0;
  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.matches('[part~="skeleton"]') || node.querySelector('[part~="skeleton"]'))) seen++;
      }
    }
  };
  const observer = new MutationObserver(note);
  for (const root of roots) observer.observe(root, { childList: true, subtree: true });
  return {
    seen: () => {
      note(observer.takeRecords());
      return seen;
    },
    stop: () => observer.disconnect(),
  };
}

/** Counts each element's updates (Lit's `updated`), from now on. */
function countUpdates(elements: readonly HTMLElement[]): number[] {
  const updates = elements.map(() => 0);
  elements.forEach((element, i) => {
    const host = element as unknown as { updated: (this: unknown, changed: unknown) => void };
    const inherited = host.updated;
    host.updated = function (this: unknown, changed: unknown) {
      updates[i]++;
      inherited.call(this, changed);
    };
  });
  return updates;
}

/**
 * Waits for the update each element makes when its loads settle (a task completing or, removed
 * while loading, aborted requests an update), and for any update still pending after it.
 */
async function settledUpdates(elements: Dashboard, updates: readonly number[], message: string): Promise<void> {
  await waitUntil(() => updates.every((count) => count >= 2), message, { timeout: 5000 });
  await Promise.all(elements.map((element) => element.updateComplete));
}

function hasNumbers([overview, wallet, list]: Dashboard): boolean {
  return (
    overview.shadowRoot?.querySelector('[part="figures"]') != null &&
    wallet.shadowRoot?.querySelector('[part="balance"]') != null &&
    (list.shadowRoot?.querySelectorAll('tbody tr').length ?? 0) === 20
  );
}

describe('settled values', () => {
  it('reads back the value of a promise made by resolved(), and of mapSettled() over one', async () => {
    const promise = resolved({ amount: 1 });
    expect(settledValue(promise)).to.deep.equal({ value: { amount: 1 } });
    expect(settledValue(mapSettled(promise, (value) => value.amount + 1))).to.deep.equal({ value: 2 });
    expect(await promise).to.deep.equal({ amount: 1 });
  });

  it('knows nothing of other promises, and maps them asynchronously', async () => {
    const plain = Promise.resolve(1);
    expect(settledValue(plain)).to.equal(undefined);
    const mapped = mapSettled(plain, (value) => value + 1);
    expect(settledValue(mapped)).to.equal(undefined);
    expect(await mapped).to.equal(2);
  });

  it('is what the cache answers a fresh hit with, and not a miss or an invalidated entry', async () => {
    const cache = new QueryCache({ channelName: null });
    const load = () => Promise.resolve('value');
    const miss = cache.fetch('k', ['t'], load);
    expect(settledValue(miss)).to.equal(undefined);
    await miss;
    expect(settledValue(cache.fetch('k', ['t'], load))).to.deep.equal({ value: 'value' });
    cache.invalidate(['t']);
    expect(settledValue(cache.fetch('k', ['t'], load))).to.equal(undefined);
    cache.dispose();
  });
});

describe('first render from a warm cache', () => {
  it('shows the dashboard\'s numbers in the elements\' first render, with no skeleton on the way', async () => {
    // Warm: one dashboard loads everything.
    const first = dashboardElements();
    const { provider } = await mountInProvider(html`${first}`, { scenario: 'many-invoices' });
    await waitUntil(() => hasNumbers(first), 'the first dashboard never showed its numbers', { timeout: 5000 });
    for (const element of first) element.remove();

    // Again from the warm cache.
    const again = dashboardElements();
    const updates = countUpdates(again);
    provider.append(...again);
    const skeletons = watchSkeletons(again.map((element) => element.shadowRoot!));
    // The first update of each element, and nothing after it.
    await Promise.all(again.map((element) => element.updateComplete));
    expect(updates, 'each element has rendered once').to.deep.equal([1, 1, 1]);
    expect(hasNumbers(again), 'numbers in the first render').to.equal(true);
    expect(again.map((element) => (element as unknown as { viewState?: string }).viewState ?? 'n/a')).to.not.include('loading');
    expect(again[1].shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
    // Let the tasks settle: the follow-up update keeps the numbers and still no skeleton.
    await settledUpdates(again, updates, 'the tasks never settled');
    expect(hasNumbers(again)).to.equal(true);
    expect(skeletons.seen(), 'skeletons inserted').to.equal(0);
    skeletons.stop();
    for (const element of again) await expect(element).to.be.accessible();
  });

  it('lets go of elements removed before their loads settle: nothing stays subscribed to the client', async () => {
    const first = dashboardElements();
    const { provider, client } = await mountInProvider(html`${first}`, { scenario: 'many-invoices' });
    await waitUntil(() => hasNumbers(first), 'the first dashboard never showed its numbers', { timeout: 5000 });
    for (const element of first) element.remove();

    let subscribed = 0;
    const subscribe = client.subscribe.bind(client);
    client.subscribe = (listener) => {
      subscribed++;
      const unsubscribe = subscribe(listener);
      return () => {
        subscribed--;
        unsubscribe();
      };
    };
    const again = dashboardElements();
    const updates = countUpdates(again);
    provider.append(...again);
    await Promise.all(again.map((element) => element.updateComplete));
    expect(hasNumbers(again)).to.equal(true);
    expect(subscribed, 'subscribed while shown').to.be.greaterThan(0);
    // Removed at once, while the cache answers are still settling.
    for (const element of again) element.remove();
    // Their loads settle (or are aborted) after the removal, and each element updates once more.
    await settledUpdates(again, updates, 'the removed elements\' loads never settled');
    expect(subscribed, 'subscriptions left after removal').to.equal(0);
  });

  it('still shows a skeleton first when the cache has nothing (the first visit)', async () => {
    const elements = dashboardElements();
    const { provider } = await mountInProvider(html`<span></span>`, { scenario: 'many-invoices' });
    provider.append(...elements);
    const skeletons = watchSkeletons(elements.map((element) => element.shadowRoot!));
    await Promise.all(elements.map((element) => element.updateComplete));
    await waitUntil(() => hasNumbers(elements), 'numbers never shown', { timeout: 5000 });
    expect(skeletons.seen()).to.be.greaterThan(0);
    skeletons.stop();
    for (const element of elements) await expect(element).to.be.accessible();
  });
});
