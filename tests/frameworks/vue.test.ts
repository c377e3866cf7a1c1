/**
 * The elements inside a real Vue 3 app (render functions, as a compiled template produces):
 * Vue sets a custom element's props as properties when the element has them (`client`,
 * `getToken`), and `onBillingInvoiceSelect` listens to `billing-invoice-select`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { App } from 'vue';
import { createApp, defineComponent, h, ref, shallowRef } from 'vue/dist/vue.runtime.esm-browser.js';
import type { BillingClient } from '../../src/api/client.js';
import type { BillingProvider } from '../../src/components/billing-provider/billing-provider.js';
import type { BillingInvoiceSelectDetail } from '../../src/components/shared/events.js';
import '../../src/define/billing-provider.js';
import '../../src/define/invoice-list.js';
import '../../src/define/wallet-balance.js';
import { API_BASE_PATH, REFERENCE_ORIGIN, createReferenceApi } from '../../src/testing/index.js';
import { createTestClient } from '../helpers/mount.js';

const TODAY = '2026-11-26';

function rows(list: Element): HTMLElement[] {
  return Array.from(list.shadowRoot?.querySelectorAll<HTMLElement>('[part~="row"]') ?? []);
}

describe('in a Vue 3 app', () => {
  let container: HTMLElement;
  let app: App | undefined;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
  });

  it('sets client as a property, lists the invoices, and receives billing-invoice-select from a click', async () => {
    const client = createTestClient(createReferenceApi({ scenario: 'overdue' }));
    const expected = (await client.listInvoices()).data;
    const selected: BillingInvoiceSelectDetail[] = [];
    const chosen = ref('none');

    app = createApp(
      defineComponent({
        setup: () => () =>
          h('billing-provider', { client, locale: 'en', today: TODAY }, [
            h('invoice-list', {
              onBillingInvoiceSelect: (event: CustomEvent<BillingInvoiceSelectDetail>) => {
                event.preventDefault();
                selected.push(event.detail);
                chosen.value = event.detail.number;
              },
            }),
            h('p', { id: 'chosen' }, chosen.value),
          ]),
      }),
    );
    app.mount(container);

    const provider = container.querySelector<BillingProvider>('billing-provider')!;
    expect(provider.client).to.equal(client);
    expect(provider.hasAttribute('client'), 'an object is never turned into an attribute').to.equal(false);
    const list = container.querySelector('invoice-list')!;
    await waitUntil(() => rows(list).length === expected.length, 'the list shows every invoice');
    const row = rows(list)[0];
    row.querySelector<HTMLElement>('[part~="invoice-link"]')!.click();

    expect(selected).to.have.length(1);
    expect(selected[0].invoiceId).to.equal(row.dataset['invoiceId']);
    await waitUntil(() => container.querySelector('#chosen')?.textContent === selected[0].number, 'Vue state follows the event');
  });

  it('passes a new client when reactive state changes, and the elements load through it', async () => {
    const overdue = createTestClient(createReferenceApi({ scenario: 'overdue' }));
    const healthy = createTestClient(createReferenceApi({ scenario: 'healthy' }));
    // shallowRef: a deep ref would hand the provider a reactive Proxy of the client, not the client.
    const current = shallowRef<BillingClient>(overdue);
    app = createApp(
      defineComponent({
        setup: () => () => h('billing-provider', { client: current.value, locale: 'en', today: TODAY }, [h('invoice-list')]),
      }),
    );
    app.mount(container);
    const list = container.querySelector('invoice-list')!;
    await waitUntil(() => rows(list).length > 0);

    current.value = healthy;
    const provider = container.querySelector<BillingProvider>('billing-provider')!;
    await waitUntil(() => provider.client === healthy, 'the new client was set as a property');
    const expected = (await healthy.listInvoices()).data.map((invoice) => invoice.id);
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
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      return url.startsWith(REFERENCE_ORIGIN) ? api.fetch(input, init) : pageFetch(input, init);
    };
    try {
      app = createApp(
        defineComponent({
          setup: () => () =>
            h('billing-provider', { 'api-base': `${REFERENCE_ORIGIN}${API_BASE_PATH}`, getToken, locale: 'en', today: TODAY }, [h('wallet-balance')]),
        }),
      );
      app.mount(container);
      await waitUntil(() => container.querySelector('wallet-balance')?.shadowRoot?.querySelector('[part~="balance"]'), 'the wallet loaded with the token');
      const provider = container.querySelector<BillingProvider>('billing-provider')!;
      expect(provider.getToken).to.equal(getToken);
      expect(issued).to.have.length(1);
    } finally {
      globalThis.fetch = pageFetch;
    }
  });
});
