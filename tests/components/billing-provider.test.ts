import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import type { BillingClient, InvalidationListener, ReadOptions } from '../../src/api/client.js';
import { QueryCache } from '../../src/api/cache.js';
import { BillingApiError } from '../../src/api/errors.js';
import { createHttpClient } from '../../src/api/http-client.js';
import type { Invoice, Wallet } from '../../src/api/schemas.js';
import { BillingProvider } from '../../src/define/billing-provider.js';
import { configureBilling } from '../../src/components/billing-provider/configure-billing.js';
import { BillingConsumerElement } from '../../src/components/shared/consumer-element.js';
import { BillingQueryController } from '../../src/components/shared/query.js';
import { baseStyles } from '../../src/components/shared/styles.js';
import { renderQueryFallback, renderQueryNotice, statusBadge, money } from '../../src/components/shared/render.js';
import type { BillingErrorDetail } from '../../src/components/shared/events.js';
import { t } from '../../src/i18n/catalog.js';
import { formatAsOf } from '../../src/i18n/format.js';
import { createReferenceApi } from '../../src/testing/index.js';
import '../helpers/load-catalogs.js';

// ---------------------------------------------------------------------------------------
// A hand-written BillingClient: getInvoice calls wait until the test settles them.

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

interface InvoiceCall {
  id: string;
  options: ReadOptions | undefined;
  result: Deferred<Invoice>;
}

const notUsed = () => Promise.reject(new Error('not used in this test'));

class FakeClient implements BillingClient {
  readonly invoiceCalls: InvoiceCall[] = [];
  readonly #listeners = new Set<InvalidationListener>();

  get listenerCount(): number {
    return this.#listeners.size;
  }

  getInvoice(id: string, options?: ReadOptions): Promise<Invoice> {
    const result = deferred<Invoice>();
    this.invoiceCalls.push({ id, options, result });
    return result.promise;
  }

  /** The newest call: the one the element is waiting for. */
  get lastCall(): InvoiceCall {
    const call = this.invoiceCalls.at(-1);
    if (!call) throw new Error('getInvoice was not called');
    return call;
  }

  getSummary = notUsed;
  listInvoices = notUsed;
  listPayments = notUsed;
  getPayment = notUsed;
  listPaymentMethods = notUsed;
  getWallet = notUsed;
  getServiceBilling = notUsed;
  getTopUp = notUsed;
  quoteTopUp = notUsed;
  payInvoice = notUsed;
  createTopUp = notUsed;

  invalidate(tags: Iterable<string>): void {
    const set = new Set(tags);
    for (const listener of [...this.#listeners]) listener(set);
  }

  refreshAll(): void {
    this.invalidate(['invoices', 'summary', 'wallet', 'payments']);
  }

  subscribe(listener: InvalidationListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  fetchedAt(): number | undefined {
    return Date.UTC(2026, 10, 28, 9, 30);
  }
}

function invoice(id: string, status = 'unpaid', balance = 1999): Invoice {
  return {
    id,
    number: `INV-${id}`,
    status,
    kind: 'renewal',
    issue_date: '2026-11-01',
    due_date: '2026-12-01',
    total: { amount: 1999, currency: 'USD' },
    amount_paid: { amount: 1999 - balance, currency: 'USD' },
    balance_due: { amount: balance, currency: 'USD' },
    service: null,
    lines: [],
    transactions: [],
    pdf_url: null,
  };
}

// ---------------------------------------------------------------------------------------
// Test elements, built the way the real elements are.

/** Shows what it received from context. */
class TestConsumer extends BillingConsumerElement {
  static override styles = baseStyles;
  override render() {
    return litHtml`<p>${this.msg('invoices.title')}</p>`;
  }
}
TestConsumer.define('test-consumer');

/** One invoice, loaded through a BillingQueryController. */
class TestInvoiceView extends BillingConsumerElement {
  static override styles = baseStyles;

  @property({ attribute: 'invoice-id' })
  invoiceId = 'inv_1';

  readonly invoice = new BillingQueryController(this, {
    tags: () => [`invoice:${this.invoiceId}`],
    args: () => [this.invoiceId],
    task: (client, [id], options) => client.getInvoice(id, options),
  });

  override render() {
    const locale = this.displayLocale;
    const retry = () => void this.invoice.run();
    const value = this.invoice.value;
    return litHtml`
      ${renderQueryNotice(this.invoice, locale, retry)}
      ${renderQueryFallback(this.invoice, locale, retry) ??
      litHtml`<section aria-busy=${this.invoice.state === 'refreshing'}>
        <h2>${value?.number}</h2>
        ${statusBadge('invoice', value?.status ?? '', locale)}
      </section>`}
    `;
  }
}
TestInvoiceView.define('test-invoice-view');

/**
 * A parent with a `lang`, for fixtures. The fixture's root stays a Lit element, so fixture()
 * awaits its update instead of an animation frame (which a background tab may never get).
 */
function withLang(lang: string): HTMLElement {
  const parent = document.createElement('div');
  parent.lang = lang;
  return parent;
}

async function settle(view: TestInvoiceView): Promise<void> {
  await view.invoice.settled();
  await view.updateComplete;
}

// ---------------------------------------------------------------------------------------

describe('<billing-provider>', () => {
  it('gives a child element the client and the config', async () => {
    const client = new FakeClient();
    const provider = await fixture<BillingProvider>(html`
      <billing-provider
        .client=${client}
        locale="de"
        invoice-href="/billing/invoices/{id}"
        support-href="mailto:billing@perlod.test"
        checkout-mode="popup"
        account-id="acct_42"
        today="2026-11-28"
      >
        <test-consumer></test-consumer>
      </billing-provider>
    `);
    const consumer = provider.querySelector<TestConsumer>('test-consumer')!;
    await consumer.updateComplete;

    expect(consumer.billingClient).to.equal(client);
    expect(consumer.billingConfig).to.deep.equal({
      locale: 'de',
      invoiceHref: '/billing/invoices/{id}',
      supportHref: 'mailto:billing@perlod.test',
      checkoutMode: 'popup',
      checkoutOrigins: [],
      accountId: 'acct_42',
      today: '2026-11-28',
    });
    expect(consumer.shadowRoot!.textContent).to.contain('Rechnungen');
    expect(consumer.getAttribute('lang')).to.equal('de');
    expect(consumer.getAttribute('dir')).to.equal('ltr');
    // The provider never sets a direction on the page content it wraps.
    expect(provider.hasAttribute('dir')).to.equal(false);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });

  it('takes the locale from the nearest lang when it has none, and defaults the checkout mode', async () => {
    const provider = await fixture<BillingProvider>(
      html`<billing-provider .client=${new FakeClient()}><test-consumer></test-consumer></billing-provider>`,
      { parentNode: withLang('fa') },
    );
    const consumer = provider.querySelector<TestConsumer>('test-consumer')!;
    await consumer.updateComplete;
    expect(consumer.billingConfig?.locale).to.equal('fa');
    expect(consumer.billingConfig?.checkoutMode).to.equal('redirect');
    expect(consumer.getAttribute('dir')).to.equal('rtl');
    await expect(provider).to.be.accessible();
  });

  it('lets the client property win over api-base, and makes one HTTP client per api-base and token', async () => {
    const client = new FakeClient();
    const provider = await fixture<BillingProvider>(html`
      <billing-provider api-base="http://billing.test/api/billing/v1" .client=${client}>
        <test-consumer></test-consumer>
      </billing-provider>
    `);
    const consumer = provider.querySelector<TestConsumer>('test-consumer')!;
    expect(consumer.billingClient).to.equal(client);

    provider.client = undefined;
    await provider.updateComplete;
    const made = consumer.billingClient;
    expect(made).to.exist.and.not.equal(client);
    expect(typeof made?.getSummary).to.equal('function');

    provider.locale = 'de';
    await provider.updateComplete;
    expect(consumer.billingClient, 'same api-base and token: same client').to.equal(made);

    provider.sessionToken = 'token-2';
    await provider.updateComplete;
    expect(consumer.billingClient, 'a new token: a new client').to.exist.and.not.equal(made);

    provider.removeAttribute('api-base');
    await provider.updateComplete;
    expect(consumer.billingClient).to.equal(undefined);
    await expect(provider).to.be.accessible();
  });

  it('sends the session token without cookies, and cookies without a token', async () => {
    const sent: Request[] = [];
    const realFetch = globalThis.fetch.bind(globalThis);
    const walletBody = {
      balance: { amount: 0, currency: 'USD' },
      pending_top_ups: { amount: 0, currency: 'USD' },
      updated_at: '2026-11-20T10:00:00Z',
      top_up: { min: { amount: 500, currency: 'USD' }, max: { amount: 5000, currency: 'USD' }, presets: [] },
    };
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(new Request(input, init));
      return Promise.resolve(Response.json(walletBody));
    };
    try {
      const withToken = await fixture<BillingProvider>(html`
        <billing-provider api-base="https://api.test/with-token" session-token="portal-token"></billing-provider>
      `);
      await withToken.activeClient!.getWallet();
      const withCallback = await fixture<BillingProvider>(html`
        <billing-provider api-base="https://api.test/with-callback" .getToken=${() => Promise.resolve('t2')}></billing-provider>
      `);
      await withCallback.activeClient!.getWallet();
      const firstParty = await fixture<BillingProvider>(html`<billing-provider api-base="https://api.test/cookie"></billing-provider>`);
      await firstParty.activeClient!.getWallet();
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(sent.map((r) => [new URL(r.url).pathname, r.credentials, r.headers.get('Authorization')])).to.deep.equal([
      ['/with-token/wallet', 'omit', 'Bearer portal-token'],
      ['/with-callback/wallet', 'omit', 'Bearer t2'],
      ['/cookie/wallet', 'include', null],
    ]);
  });

  it('updates its consumers when an attribute changes', async () => {
    const provider = await fixture<BillingProvider>(html`
      <billing-provider .client=${new FakeClient()} locale="en"><test-consumer></test-consumer></billing-provider>
    `);
    const consumer = provider.querySelector<TestConsumer>('test-consumer')!;
    await consumer.updateComplete;
    expect(consumer.shadowRoot!.textContent).to.contain(t('en', 'invoices.title'));

    provider.setAttribute('locale', 'fa');
    provider.setAttribute('invoice-href', '/i/{number}');
    provider.setAttribute('checkout-mode', 'popup');
    await provider.updateComplete;
    await consumer.updateComplete;

    expect(consumer.billingConfig).to.include({ locale: 'fa', invoiceHref: '/i/{number}', checkoutMode: 'popup' });
    expect(consumer.shadowRoot!.textContent).to.contain('صورت‌حساب‌ها');
    expect(consumer.getAttribute('lang')).to.equal('fa');
    expect(consumer.getAttribute('dir')).to.equal('rtl');

    provider.setAttribute('checkout-mode', 'teleport');
    await provider.updateComplete;
    expect(consumer.billingConfig?.checkoutMode, 'an unknown mode falls back to redirect').to.equal('redirect');
    await expect(provider).to.be.accessible();
  });

  it('hands the checkout origins from checkout-origins to its consumers, as listed (spaces or commas)', async () => {
    const provider = await fixture<BillingProvider>(html`
      <billing-provider .client=${new FakeClient()} checkout-origins="https://pay.example.com, https://checkout.example.net:8443 pay.example.org">
        <test-consumer></test-consumer>
      </billing-provider>
    `);
    const consumer = provider.querySelector<TestConsumer>('test-consumer')!;
    await consumer.updateComplete;
    // Each entry is read as an origin when a checkout is checked (isAllowedCheckoutUrl); one that is not matches nothing.
    expect(consumer.billingConfig?.checkoutOrigins).to.deep.equal(['https://pay.example.com', 'https://checkout.example.net:8443', 'pay.example.org']);

    const before = consumer.billingConfig;
    provider.setAttribute('checkout-origins', 'https://pay.example.com  https://checkout.example.net:8443,pay.example.org');
    await provider.updateComplete;
    expect(consumer.billingConfig, 'the same origins: the same config object').to.equal(before);

    provider.checkoutOrigins = ['https://other.example.com'];
    await provider.updateComplete;
    await consumer.updateComplete;
    expect(consumer.billingConfig?.checkoutOrigins).to.deep.equal(['https://other.example.com']);

    provider.removeAttribute('checkout-origins');
    await provider.updateComplete;
    await consumer.updateComplete;
    expect(consumer.billingConfig?.checkoutOrigins, 'none listed: the default rule').to.deep.equal([]);
    await expect(provider).to.be.accessible();
  });

  it('warns instead of throwing when a tag is defined twice', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() => BillingProvider.define()).not.to.throw();
      expect(() => TestConsumer.define('billing-provider')).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    expect(String(warnings[1][0])).to.contain('<billing-provider>');
    expect(customElements.get('billing-provider')).to.equal(BillingProvider);
  });

  it('serves real data through the HTTP client and the reference API', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const client = createHttpClient({
      baseUrl: 'http://billing.test/api/billing/v1',
      fetch: api.fetch,
      cache: new QueryCache({ channelName: null }),
    });
    class TestWalletView extends BillingConsumerElement {
      readonly wallet = new BillingQueryController(this, {
        tags: () => ['wallet'],
        args: () => [],
        task: (billing, _args, options): Promise<Wallet> => billing.getWallet(options),
      });
      override render() {
        const wallet = this.wallet.value;
        return wallet ? litHtml`<p>${money(wallet.balance, this.displayLocale)}</p>` : litHtml`<p>…</p>`;
      }
    }
    TestWalletView.define('test-wallet-view');
    const provider = await fixture<BillingProvider>(html`
      <billing-provider .client=${client}><test-wallet-view></test-wallet-view></billing-provider>
    `);
    const view = provider.querySelector<TestWalletView>('test-wallet-view')!;
    await view.wallet.settled();
    await view.updateComplete;
    expect(view.wallet.state).to.equal('ready');
    expect(view.wallet.value?.balance.currency).to.match(/^[A-Z]{3}$/);
    expect(view.wallet.fetchedAt).to.be.a('number');
    await expect(provider).to.be.accessible();
  });
});

describe('BillingQueryController', () => {
  async function mount(client: FakeClient | undefined, invoiceId = 'inv_1') {
    const provider = await fixture<BillingProvider>(html`
      <billing-provider .client=${client} locale="en">
        <test-invoice-view invoice-id=${invoiceId}></test-invoice-view>
      </billing-provider>
    `);
    const view = provider.querySelector<TestInvoiceView>('test-invoice-view')!;
    await view.updateComplete;
    return { provider, view };
  }

  it('goes loading, ready, refreshing on invalidation, and ready again', async () => {
    const client = new FakeClient();
    const { provider, view } = await mount(client);

    expect(view.invoice.state).to.equal('loading');
    expect(view.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    expect(client.invoiceCalls).to.have.length(1);
    expect(client.lastCall.id).to.equal('inv_1');

    client.lastCall.result.resolve(invoice('inv_1', 'unpaid'));
    await settle(view);
    expect(view.invoice.state).to.equal('ready');
    expect(view.invoice.value?.status).to.equal('unpaid');
    expect(view.invoice.fetchedAt).to.equal(Date.UTC(2026, 10, 28, 9, 30));
    expect(view.shadowRoot!.querySelector('h2')!.textContent).to.equal('INV-inv_1');
    await expect(provider).to.be.accessible();

    client.invalidate(['wallet']);
    expect(client.invoiceCalls, 'an unrelated tag does not reload').to.have.length(1);

    client.invalidate(['invoices', 'invoice:inv_1']);
    await view.updateComplete;
    expect(client.invoiceCalls).to.have.length(2);
    expect(view.invoice.state).to.equal('refreshing');
    expect(view.invoice.value?.status, 'the old value stays on screen').to.equal('unpaid');
    expect(view.shadowRoot!.querySelector('[part="updating"]')!.textContent).to.equal(t('en', 'common.updating'));
    expect(view.shadowRoot!.querySelector('section')!.getAttribute('aria-busy')).to.equal('true');

    client.lastCall.result.resolve(invoice('inv_1', 'paid', 0));
    await settle(view);
    expect(view.invoice.state).to.equal('ready');
    expect(view.invoice.value?.status).to.equal('paid');
    expect(view.shadowRoot!.querySelector('.badge')!.getAttribute('data-status')).to.equal('paid');
    await expect(provider).to.be.accessible();
  });

  it('shows an error with its code when the first load fails, and reports it', async () => {
    const client = new FakeClient();
    const { provider, view } = await mount(client);
    const reported: BillingErrorDetail[] = [];
    provider.addEventListener('billing-error', (event) => reported.push(event.detail));

    client.lastCall.result.reject(new BillingApiError('not_found', 'GET /invoices/inv_1: 404', { status: 404 }));
    await settle(view);

    expect(view.invoice.state).to.equal('error');
    expect(view.invoice.value).to.equal(undefined);
    expect(view.invoice.error?.code).to.equal('not_found');
    const panel = view.shadowRoot!.querySelector('[part="error"]')!;
    expect(panel.getAttribute('data-code')).to.equal('not_found');
    expect(panel.textContent).to.contain(t('en', 'error.not_found.title'));
    expect(reported).to.deep.equal([{ code: 'not_found', message: 'GET /invoices/inv_1: 404', element: 'test-invoice-view' }]);
    await expect(provider).to.be.accessible();

    // Retry from the panel's button: loading again, then ready.
    view.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await view.updateComplete;
    expect(view.invoice.state).to.equal('loading');
    client.lastCall.result.resolve(invoice('inv_1'));
    await settle(view);
    expect(view.invoice.state).to.equal('ready');
    expect(view.invoice.error).to.equal(undefined);
  });

  it('reports a failure that is not an API error as bad_response', async () => {
    const client = new FakeClient();
    const { view } = await mount(client);
    client.lastCall.result.reject(new TypeError("Cannot read properties of undefined (reading 'amount')"));
    await settle(view);
    expect(view.invoice.state).to.equal('error');
    expect(view.invoice.error?.code).to.equal('bad_response');
  });

  it('keeps the old value as stale when a refresh fails, and recovers on retry', async () => {
    const client = new FakeClient();
    const { provider, view } = await mount(client);
    client.lastCall.result.resolve(invoice('inv_1', 'unpaid'));
    await settle(view);

    void view.invoice.run();
    client.lastCall.result.reject(new BillingApiError('network', 'offline'));
    await settle(view);

    expect(view.invoice.state).to.equal('stale');
    expect(view.invoice.value?.status).to.equal('unpaid');
    expect(view.invoice.error?.code).to.equal('network');
    const notice = view.shadowRoot!.querySelector('[part="stale-notice"]')!;
    expect(notice.textContent).to.contain(t('en', 'common.stale', { time: formatAsOf(view.invoice.fetchedAt!, 'en') }));
    expect(view.shadowRoot!.querySelector('h2')!.textContent, 'the data stays visible').to.equal('INV-inv_1');
    await expect(provider).to.be.accessible();

    notice.querySelector<HTMLButtonElement>('button')!.click();
    await view.updateComplete;
    expect(view.invoice.state).to.equal('refreshing');
    client.lastCall.result.resolve(invoice('inv_1', 'paid', 0));
    await settle(view);
    expect(view.invoice.state).to.equal('ready');
    expect(view.invoice.value?.status).to.equal('paid');
  });

  it('renders the configuration error, not a spinner, without a provider', async () => {
    const view = await fixture<TestInvoiceView>(html`<test-invoice-view></test-invoice-view>`);
    expect(view.invoice.state).to.equal('no-client');
    const panel = view.shadowRoot!.querySelector('[part="config-error"]')!;
    expect(panel.textContent).to.contain(t('en', 'common.config_error.body'));
    expect(view.shadowRoot!.querySelector('[part="skeleton"]')).to.equal(null);
    await view.invoice.run();
    expect(view.invoice.state, 'run() without a client does nothing').to.equal('no-client');
    await expect(view).to.be.accessible();
  });

  it('passes the abort signal and fresh flag to the client call', async () => {
    const client = new FakeClient();
    const { provider, view } = await mount(client);
    const first = client.lastCall;
    expect(first.options?.signal).to.be.instanceOf(AbortSignal);
    expect(first.options?.fresh).to.equal(false);

    // Other args: the old request is aborted and this is a first load, not a refresh.
    view.invoiceId = 'inv_2';
    await view.updateComplete;
    expect(first.options?.signal?.aborted).to.equal(true);
    expect(client.lastCall.id).to.equal('inv_2');
    expect(view.invoice.state).to.equal('loading');

    client.lastCall.result.resolve(invoice('inv_2'));
    await settle(view);
    expect(view.invoice.value?.id).to.equal('inv_2');
    // A late answer for the old invoice (from a client that ignored the abort) changes nothing.
    first.result.resolve(invoice('inv_1'));
    await first.result.promise;
    await new Promise((resolve) => setTimeout(resolve));
    expect(view.invoice.value?.id).to.equal('inv_2');

    void view.invoice.run({ fresh: true });
    expect(client.lastCall.options?.fresh).to.equal(true);
    const recheck = client.lastCall;
    await view.updateComplete;

    // Disconnecting aborts the load in flight and stops listening; reconnecting loads again.
    provider.removeChild(view);
    expect(recheck.options?.signal?.aborted).to.equal(true);
    expect(client.listenerCount).to.equal(0);
    provider.appendChild(view);
    await view.updateComplete;
    expect(client.listenerCount).to.equal(1);
    expect(client.lastCall).not.to.equal(recheck);
    client.lastCall.result.resolve(invoice('inv_2', 'paid', 0));
    await settle(view);
    expect(view.invoice.state).to.equal('ready');
    expect(view.invoice.value?.status).to.equal('paid');
    await expect(provider).to.be.accessible();
  });

  it('starts over with the new client when the provider’s client changes', async () => {
    const first = new FakeClient();
    const { provider, view } = await mount(first);
    first.lastCall.result.resolve(invoice('inv_1'));
    await settle(view);

    const second = new FakeClient();
    provider.client = second;
    await provider.updateComplete;
    await view.updateComplete;
    expect(view.invoice.state, 'another client may be another account').to.equal('loading');
    expect(first.listenerCount).to.equal(0);
    expect(second.listenerCount).to.equal(1);
    second.lastCall.result.resolve(invoice('inv_1', 'overdue'));
    await settle(view);
    expect(view.invoice.value?.status).to.equal('overdue');
  });
});

// Last on purpose: configureBilling() provides from document.body for the rest of the page.
describe('configureBilling()', () => {
  it('connects consumers defined and attached before it was called, and updates them on a second call', async () => {
    const view = document.createElement('test-invoice-view') as TestInvoiceView;
    document.body.append(view);
    try {
      await view.updateComplete;
      expect(view.invoice.state).to.equal('no-client');

      const client = new FakeClient();
      const result = configureBilling({ client, locale: 'de', invoiceHref: '/r/{id}', today: '2026-11-28' });
      expect(result.client).to.equal(client);
      await view.updateComplete;
      expect(view.billingClient).to.equal(client);
      expect(view.billingConfig).to.include({ locale: 'de', invoiceHref: '/r/{id}', checkoutMode: 'redirect' });
      expect(view.billingConfig?.checkoutOrigins).to.deep.equal([]);
      expect(view.invoice.state).to.equal('loading');
      client.lastCall.result.resolve(invoice('inv_1'));
      await settle(view);
      expect(view.invoice.state).to.equal('ready');

      configureBilling({ locale: 'fa', theme: 'dark', checkoutOrigins: 'https://pay.example.com https://pay.example.net' });
      await view.updateComplete;
      expect(view.billingClient, 'options not given keep their value').to.equal(client);
      expect(view.billingConfig?.checkoutOrigins).to.deep.equal(['https://pay.example.com', 'https://pay.example.net']);
      expect(view.billingConfig).to.include({ locale: 'fa', invoiceHref: '/r/{id}' });
      expect(view.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(view).colorScheme).to.equal('dark');
      await expect(view).to.be.accessible();
    } finally {
      view.remove();
      document.body.style.removeProperty('--billing-color-scheme');
    }
  });
});
