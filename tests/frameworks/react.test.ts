/**
 * The elements inside a real React 19 app: React 19 sets a custom element's props as
 * properties when the element has them (`client`, `getToken` on the provider), and
 * `on<event-name>` props become listeners for that event (`onbilling-invoice-select`).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactElement } from 'react';
import type { Root } from 'react-dom/client';
import type { BillingClient } from '../../src/api/client.js';
import type { BillingProvider } from '../../src/components/billing-provider/billing-provider.js';
import type { BillingInvoiceSelectDetail } from '../../src/components/shared/events.js';
import '../../src/define/billing-provider.js';
import '../../src/define/invoice-list.js';
import '../../src/define/wallet-balance.js';
import { API_BASE_PATH, REFERENCE_ORIGIN, createReferenceApi } from '../../src/testing/index.js';
import { createTestClient } from '../helpers/mount.js';
import { React, ReactDomClient } from './react-runtime.js';

const { createElement, useState } = React;
const TODAY = '2026-11-26';

function rows(list: Element): HTMLElement[] {
  return Array.from(list.shadowRoot?.querySelectorAll<HTMLElement>('[part~="row"]') ?? []);
}

describe('in a React 19 app', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = ReactDomClient.createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  it('sets client as a property, lists the invoices, and receives billing-invoice-select from a click', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const client = createTestClient(api);
    const selected: BillingInvoiceSelectDetail[] = [];
    const expected = (await client.listInvoices()).data;

    function BillingPage({ billingClient }: { billingClient: BillingClient }): ReactElement {
      const [chosen, setChosen] = useState<string | null>(null);
      return createElement(
        'billing-provider',
        { client: billingClient, locale: 'en', today: TODAY },
        createElement('invoice-list', {
          'onbilling-invoice-select': (event: CustomEvent<BillingInvoiceSelectDetail>) => {
            event.preventDefault();
            selected.push(event.detail);
            setChosen(event.detail.number);
          },
        }),
        createElement('p', { id: 'chosen' }, chosen ?? 'none'),
      );
    }
    root.render(createElement(BillingPage, { billingClient: client }));

    await waitUntil(() => container.querySelector('billing-provider'), 'React rendered the provider');
    const provider = container.querySelector<BillingProvider>('billing-provider')!;
    expect(provider.client).to.equal(client);
    expect(provider.hasAttribute('client'), 'an object is never turned into an attribute').to.equal(false);
    expect(provider.activeClient).to.equal(client);

    const list = container.querySelector('invoice-list')!;
    await waitUntil(() => rows(list).length === expected.length, 'the list shows every invoice');
    const row = rows(list)[0];
    row.querySelector<HTMLElement>('[part~="invoice-link"]')!.click();

    expect(selected).to.have.length(1);
    expect(selected[0].invoiceId).to.equal(row.dataset['invoiceId']);
    await waitUntil(() => container.querySelector('#chosen')?.textContent === selected[0].number, 'React state follows the event');
  });

  it('passes a new client on re-render, and the elements load through it', async () => {
    const overdue = createTestClient(createReferenceApi({ scenario: 'overdue' }));
    const healthy = createTestClient(createReferenceApi({ scenario: 'healthy' }));
    const render = (client: BillingClient) =>
      root.render(createElement('billing-provider', { client, locale: 'en', today: TODAY }, createElement('invoice-list')));

    render(overdue);
    await waitUntil(() => container.querySelector('invoice-list') && rows(container.querySelector('invoice-list')!).length > 0);
    render(healthy);
    const provider = container.querySelector<BillingProvider>('billing-provider')!;
    await waitUntil(() => provider.client === healthy, 'the new client was set as a property');
    const expected = (await healthy.listInvoices()).data.map((invoice) => invoice.id);
    const list = container.querySelector('invoice-list')!;
    await waitUntil(() => rows(list).map((row) => row.dataset['invoiceId']).join() === expected.join(), 'the list reloaded from the new client');
  });

  it('sets getToken as a property: the provider sends its bearer token to api-base', async () => {
    const api = createReferenceApi({ scenario: 'overdue', requireAuth: true });
    const issued: string[] = [];
    const getToken = () => {
      const token = api.issueToken();
      issued.push(token);
      return Promise.resolve(token);
    };
    const pageFetch = globalThis.fetch;
    // The provider's own HTTP client uses the page's fetch: route the API's origin to the reference API.
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(REFERENCE_ORIGIN) ? api.fetch(input, init) : pageFetch(input, init);
    };
    try {
      root.render(
        createElement(
          'billing-provider',
          { 'api-base': `${REFERENCE_ORIGIN}${API_BASE_PATH}`, getToken, locale: 'en', today: TODAY },
          createElement('wallet-balance'),
        ),
      );
      await waitUntil(() => container.querySelector('wallet-balance')?.shadowRoot?.querySelector('[part~="balance"]'), 'the wallet loaded with the token');
      const provider = container.querySelector<BillingProvider>('billing-provider')!;
      expect(provider.getToken).to.equal(getToken);
      expect(provider.apiBase).to.equal(`${REFERENCE_ORIGIN}${API_BASE_PATH}`);
      expect(issued).to.have.length(1);
    } finally {
      globalThis.fetch = pageFetch;
    }
  });
});
