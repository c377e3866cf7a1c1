/**
 * The product's request-count check: a billing page with every element under one provider
 * (the account overview and a service-mode overview, the list, an invoice, the wallet with
 * its top-up button and a standalone top-up button) asks the API once per resource, however
 * many elements show it, and an invalidation reloads exactly what was invalidated.
 * `npm run bench` reports the same count (bench/page.ts, `requests`).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-detail.js';
import '../../src/define/invoice-list.js';
import '../../src/define/top-up-button.js';
import '../../src/define/wallet-balance.js';
import { BillingQueryController } from '../../src/components/shared/query.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';

/** The service whose billing impact the service-mode overview shows ('overdue': at risk). */
const SERVICE_ID = 'srv_vps_fra1';

/** The reference API's fetch, counting requests in flight and noting each full request (the API's own log drops the query). */
function trackedFetch(api: ReferenceApi) {
  const requests: string[] = [];
  let inFlight = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://billing.test'), init);
    const url = new URL(request.url);
    requests.push(`${init?.method ?? request.method} ${url.pathname}${url.search}`);
    inFlight++;
    try {
      return await api.fetch(input, init);
    } finally {
      inFlight--;
    }
  };
  return { fetch, requests, inFlight: () => inFlight };
}

/** Every element in `root` and in the shadow roots below it. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

type AnyQuery = BillingQueryController<readonly unknown[], unknown>;

/**
 * Every query controller that connects while `run` goes on. The elements keep theirs in
 * private fields, so the test notes them where they start: `hostConnected`, restored after.
 */
async function watchingQueries<T>(run: (queries: ReadonlySet<AnyQuery>) => Promise<T>): Promise<T> {
  const queries = new Set<AnyQuery>();
  const prototype = BillingQueryController.prototype as AnyQuery;
  const original = Object.getOwnPropertyDescriptor(prototype, 'hostConnected')!;
  Object.defineProperty(prototype, 'hostConnected', {
    ...original,
    value(this: AnyQuery) {
      queries.add(this);
      (original.value as (this: AnyQuery) => void).call(this);
    },
  });
  try {
    return await run(queries);
  } finally {
    Object.defineProperty(prototype, 'hostConnected', original);
  }
}

/**
 * Ready: nothing in flight, every query on the page settled with data, and no skeleton or
 * "Updating…" left on screen in any shadow root.
 */
function pageIsReady(root: Element, queries: ReadonlySet<AnyQuery>, tracker: ReturnType<typeof trackedFetch>): boolean {
  return notReadyBecause(root, queries, tracker) === undefined;
}

/** What still keeps the page from being ready, for the failure message; undefined when it is ready. */
function notReadyBecause(root: Element, queries: ReadonlySet<AnyQuery>, tracker: ReturnType<typeof trackedFetch>): string | undefined {
  if (tracker.inFlight() > 0) return `${tracker.inFlight()} request(s) in flight`;
  const busy = [...queries].filter((query) => query.state === 'loading' || query.state === 'refreshing');
  if (busy.length > 0) return `${busy.length} query(ies) loading or refreshing`;
  // Only what is on screen: a closed panel may hold a placeholder for data it loads when opened.
  const placeholders = allElements(root).filter((element) =>
    [...(element.shadowRoot?.querySelectorAll('[part~="skeleton"], [part~="updating"]') ?? [])].some((node) => node.checkVisibility()),
  );
  if (placeholders.length > 0) return `skeleton or "Updating…" in ${placeholders.map((element) => element.localName).join(', ')}`;
  return undefined;
}

/** `waitUntil` with the reason in its failure message. */
async function waitUntilReady(root: Element, queries: ReadonlySet<AnyQuery>, tracker: ReturnType<typeof trackedFetch>, extra: () => boolean = () => true) {
  try {
    await waitUntil(() => extra() && pageIsReady(root, queries, tracker), undefined, { timeout: 5_000 });
  } catch {
    throw new Error(`page not ready: ${notReadyBecause(root, queries, tracker) ?? 'the expected request did not come'}; sent: ${tracker.requests.join(', ')}`);
  }
}

function counts(log: readonly string[]): Record<string, number> {
  const result: Record<string, number> = {};
  for (const line of log) result[line] = (result[line] ?? 0) + 1;
  return result;
}

describe('request count of a full billing page', () => {
  it('asks once per resource, and reloads only the wallet when the wallet is invalidated', () =>
    watchingQueries(async (queries) => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const tracker = trackedFetch(api);
      const { provider, client } = await mountInProvider(
        html`
          <billing-overview></billing-overview>
          <invoice-list></invoice-list>
          <wallet-balance top-up></wallet-balance>
          <invoice-detail invoice-id="inv_1001"></invoice-detail>
          <billing-overview service-id=${SERVICE_ID}></billing-overview>
          <top-up-button></top-up-button>
        `,
        { api, client: { fetch: tracker.fetch } },
      );
      for (const tag of ['billing-overview', 'invoice-list', 'wallet-balance', 'invoice-detail', 'top-up-button']) {
        expect(customElements.get(tag), `<${tag}> is defined`).to.exist;
      }

      await waitUntilReady(provider, queries, tracker);
      expect(queries.size, 'the page loads through query controllers').to.be.greaterThan(4);
      for (const query of queries) {
        expect(query.state, `a query failed: ${query.error?.code ?? ''} ${query.error?.message ?? ''}`).to.equal('ready');
      }
      expect(allElements(provider).some((element) => element.localName === 'top-up-button'), 'the wallet shows its top-up button').to.equal(true);

      const log = api.requestLog();
      expect(log.length, 'the API saw exactly the requests the page sent').to.equal(tracker.requests.length);
      const duplicates = Object.entries(counts(tracker.requests)).filter(([, n]) => n > 1);
      expect(duplicates, `no request twice; sent: ${tracker.requests.join(', ')}`).to.deep.equal([]);
      const perRoute = counts(log);
      expect(perRoute['GET /summary'], 'GET /summary').to.equal(1);
      expect(perRoute['GET /invoices'], 'GET /invoices').to.equal(1);
      expect(perRoute['GET /wallet'], 'GET /wallet').to.equal(1);
      expect(perRoute['GET /invoices/*'], 'GET /invoices/inv_1001').to.equal(1);
      expect(tracker.requests).to.include('GET /api/billing/v1/invoices/inv_1001');
      expect(log.every((line) => line.startsWith('GET ')), 'loading a page moves no money').to.equal(true);

      // Every element is on the page, the service-mode overview and the standalone top-up button too.
      const onPage = new Set(allElements(provider).map((element) => element.localName));
      for (const tag of ['billing-overview', 'invoice-list', 'wallet-balance', 'invoice-detail', 'top-up-button']) {
        expect(onPage.has(tag), `<${tag}> is on the page`).to.equal(true);
      }
      expect(provider.querySelectorAll('top-up-button').length, 'a standalone top-up button besides the wallet\'s').to.equal(1);
      expect(perRoute['GET /services/*/billing'], 'GET /services/*/billing').to.equal(1);
      expect(tracker.requests).to.include(`GET /api/billing/v1/services/${SERVICE_ID}/billing`);
      expect(perRoute['GET /payments'], 'GET /payments (the account overview\'s history)').to.equal(1);
      expect(perRoute['GET /upcoming'], 'GET /upcoming (the account overview\'s "Coming up")').to.equal(1);
      // The minimum: one request per distinct resource the page shows, and nothing it does not
      // show yet (the top-up dialogs' methods and limits load only when a dialog opens).
      expect(Object.keys(perRoute).sort(), 'the routes the page needs, and only those').to.deep.equal([
        'GET /invoices',
        'GET /invoices/*',
        'GET /payments',
        'GET /services/*/billing',
        'GET /summary',
        'GET /upcoming',
        'GET /wallet',
      ]);
      expect(tracker.requests.length, 'requests sent').to.equal(new Set(tracker.requests).size);

      const before = log.length;
      client.invalidate(['wallet']);
      await waitUntilReady(provider, queries, tracker, () => api.requestLog().length > before);
      // The coverage of the renewals depends on the balance: "Coming up" reloads with the wallet.
      expect(api.requestLog().slice(before).sort(), 'exactly one new GET /wallet and GET /upcoming, nothing else').to.deep.equal(['GET /upcoming', 'GET /wallet']);
      await expect(provider.querySelector('wallet-balance')).to.be.accessible();
    }));
});
