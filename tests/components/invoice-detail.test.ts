import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { BillingClient, ReadOptions } from '../../src/api/client.js';
import '../../src/define/invoice-detail.js';
import { InvoiceDetail } from '../../src/define/invoice-detail.js';
import { supportRequestHref } from '../../src/components/invoice-detail/invoice-detail.js';
import type { BillingPayRequestDetail, BillingSupportRequestDetail } from '../../src/components/shared/events.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import { formatAsOf, formatCalendarDate, formatMoney } from '../../src/i18n/format.js';
import '../helpers/load-catalogs.js';

/** Records where "Contact support" would go instead of leaving the test page. */
class RecordingInvoiceDetail extends InvoiceDetail {
  opened: string[] = [];
  protected override openSupport(href: string): void {
    this.opened.push(href);
  }
}
RecordingInvoiceDetail.define('recording-invoice-detail');

declare global {
  interface HTMLElementTagNameMap {
    'recording-invoice-detail': RecordingInvoiceDetail;
  }
}

async function mount(invoiceId: string | undefined, options: MountOptions & { backHref?: string } = {}) {
  const mounted = await mountInProvider<InvoiceDetail>(
    litHtml`<invoice-detail invoice-id=${ifDefined(invoiceId)} back-href=${ifDefined(options.backHref)}></invoice-detail>`,
    options,
  );
  await mounted.el.settled();
  return mounted;
}

async function mountRecording(invoiceId: string, options: MountOptions = {}) {
  const mounted = await mountInProvider<RecordingInvoiceDetail>(
    litHtml`<recording-invoice-detail invoice-id=${invoiceId}></recording-invoice-detail>`,
    options,
  );
  await mounted.el.settled();
  return mounted;
}

interface Gate {
  promise: Promise<void>;
  resolve(): void;
}

function deferred(): Gate {
  let resolve!: () => void;
  const promise = new Promise<void>((res) => (resolve = res));
  return { promise, resolve };
}

/**
 * The real HTTP client, with the chosen invoice reads held until `gate` opens: axe must not run
 * while the DOM changes under it, so a loading or refreshing state is held still this way.
 */
function gatedClient(client: BillingClient, gate: Promise<void>, holds: (options: ReadOptions | undefined) => boolean): BillingClient {
  return {
    ...client,
    getInvoice: async (id, options) => {
      if (holds(options)) await gate;
      return client.getInvoice(id, options);
    },
  };
}

async function mountWithClient(invoiceId: string, client: BillingClient): Promise<{ el: InvoiceDetail }> {
  const provider = await fixture<HTMLElement>(
    html`<billing-provider .client=${client} locale="en" today="2026-11-26"
      ><invoice-detail invoice-id=${invoiceId}></invoice-detail
    ></billing-provider>`,
  );
  return { el: provider.querySelector('invoice-detail')! };
}

function $(el: InvoiceDetail, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

/** Whether something matches; assertions take booleans, never DOM nodes (the runner serialises failures). */
function has(el: InvoiceDetail, selector: string): boolean {
  return $(el, selector) !== null;
}

function must(el: InvoiceDetail, selector: string): HTMLElement {
  const found = $(el, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function text(el: InvoiceDetail, selector: string): string {
  return must(el, selector).textContent.replace(/\s+/g, ' ').trim();
}

/** The <dd> after the <dt> with this label in the header facts. */
function fact(el: InvoiceDetail, label: string): string {
  const dt = [...el.shadowRoot!.querySelectorAll('[part="facts"] dt')].find((d) => d.textContent.trim() === label);
  if (!dt) throw new Error(`no fact ${label}`);
  return dt.nextElementSibling!.textContent.replace(/\s+/g, ' ').trim();
}

/** Whitespace as the helpers above read it: Intl puts no-break spaces in amounts and times. */
function norm(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function usd(amount: number, locale = 'en'): string {
  return norm(new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(amount));
}

/** US dollars in minor units as the element formats them in English, for amounts inside a message. */
function money(amount: number): string {
  return formatMoney({ amount, currency: 'USD' }, 'en');
}

/** A calendar date as the element writes it in English (medium style). */
function date(value: string): string {
  return formatCalendarDate(value, 'en');
}

/** The English message of `key` as a pattern, its placeholders matching any text (a clock time the test does not fix). */
function messagePattern(key: MessageKey): RegExp {
  const parts = t('en', key).split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

function count(api: ReferenceApi, entry: string): number {
  return api.requestLog().filter((line) => line === entry).length;
}

async function openPanel(el: InvoiceDetail): Promise<void> {
  const panel = must(el, '[part="support-panel"]');
  // The toggle event comes a task after the click; the element loads the comparison on it.
  const toggled = oneEvent(panel, 'toggle');
  must(el, '[part="support-panel"] > summary').click();
  await toggled;
  await el.settled();
}

async function typeDescription(el: InvoiceDetail, value: string): Promise<void> {
  const field = must(el, '[part="support-description"]') as HTMLTextAreaElement;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function submitSupport(el: InvoiceDetail): void {
  must(el, '[part="support-button"]').click();
}

describe('<invoice-detail>', function () {
  // Every test runs axe, some twice; on a busy machine that alone can take several seconds.
  this.timeout(30_000);

  describe('view states', () => {
    it('shows the configuration error without a provider', async () => {
      const el = await fixture<InvoiceDetail>(html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`);
      expect(has(el, '[part="config-error"]')).to.be.true;
      expect(has(el, '[part="skeleton"]')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while loading, then the invoice', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const gate = deferred();
      const { el } = await mountWithClient('inv_1001', gatedClient(createTestClient(api), gate.promise, () => true));
      expect(has(el, '[part="skeleton"]')).to.be.true;
      expect(must(el, '[part="skeleton"]').getAttribute('role')).to.equal('status');
      expect(has(el, '[part="title"]')).to.be.false;
      await expect(el).to.be.accessible();
      gate.resolve();
      await el.settled();
      expect(has(el, '[part="skeleton"]')).to.be.false;
      expect(text(el, '[part="title"]')).to.equal(t('en', 'invoice.title', { number: 'PL-2026-0142' }));
      await expect(el).to.be.accessible();
    });

    it('keeps the invoice on screen and marks it as updating while refreshing', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const gate = deferred();
      // Only the re-check (a fresh read) waits, so the first load completes at once.
      const { el } = await mountWithClient('inv_1001', gatedClient(createTestClient(api), gate.promise, (o) => o?.fresh === true));
      await el.settled();
      await openPanel(el);
      must(el, '[part="recheck-button"]').click();
      await el.updateComplete;
      expect(must(el, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect(text(el, '[part="updating"]')).to.equal(t('en', 'common.updating'));
      expect(text(el, '[part="title"]')).to.equal(t('en', 'invoice.title', { number: 'PL-2026-0142' }));
      await expect(el).to.be.accessible();
      gate.resolve();
      await waitUntil(() => $(el, '[part="recheck-result"]'), 'the re-check never finished');
      expect(must(el, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
      expect(has(el, '[part="updating"]')).to.be.false;
    });

    it('shows the error with a retry that loads the invoice', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'status', status: 500 });
      const errors: string[] = [];
      const { el } = await mount('inv_1001', { api });
      el.addEventListener('billing-error', (e) => errors.push(e.detail.code));
      expect(must(el, '[part="error"]').dataset['code']).to.equal('server_error');
      expect(text(el, '[part="error"]')).to.contain(t('en', 'error.server_error.title'));
      await expect(el).to.be.accessible();
      must(el, '[part="retry-button"]').click();
      await el.settled();
      expect(has(el, '[part="error"]')).to.be.false;
      expect(text(el, '[part="title"]')).to.equal(t('en', 'invoice.title', { number: 'PL-2026-0142' }));
      expect(errors).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('keeps the old data with "could not refresh" when a re-check fails', async () => {
      const { el, api } = await mount('inv_1001');
      api.inject({ match: 'GET /invoices/*', type: 'status', status: 500 });
      await openPanel(el);
      must(el, '[part="recheck-button"]').click();
      await waitUntil(() => $(el, '[part="recheck-result"]'), 'the re-check never finished');
      expect(has(el, '[part="stale-notice"]')).to.be.true;
      expect(text(el, '[part="stale-notice"]')).to.match(messagePattern('common.stale'));
      expect(text(el, '[part="title"]')).to.equal(t('en', 'invoice.title', { number: 'PL-2026-0142' }));
      expect(text(el, '[part="recheck-result"]')).to.equal(t('en', 'invoice_detail.recheck_failed'));
      await expect(el).to.be.accessible();
      must(el, '[part="stale-notice"] [part="retry-button"]').click();
      await el.settled();
      expect(has(el, '[part="stale-notice"]')).to.be.false;
    });

    it('shows "not found" with a way back for an invoice that does not exist', async () => {
      const { el } = await mount('inv_does_not_exist', { backHref: '/billing/invoices' });
      expect(has(el, '[part="error"]')).to.be.false;
      expect(text(el, '[part="not-found"]')).to.contain(t('en', 'invoice_detail.not_found.title'));
      const back = must(el, '[part="not-found"] [part="back-link"]') as HTMLAnchorElement;
      expect(back.getAttribute('href')).to.equal('/billing/invoices');
      expect(back.textContent.trim()).to.equal(t('en', 'invoice_detail.back'));
      await expect(el).to.be.accessible();
    });

    it('shows "not found" without a request when no invoice id is set', async () => {
      const { el, api } = await mount(undefined);
      expect(has(el, '[part="not-found"]')).to.be.true;
      expect(count(api, 'GET /invoices/*')).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('shows forbidden without a pointless retry', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'status', status: 403, code: 'forbidden' });
      const { el } = await mount('inv_1001', { api });
      expect(must(el, '[part="error"]').dataset['code']).to.equal('forbidden');
      expect(text(el, '[part="error"]')).to.contain(t('en', 'error.forbidden.title'));
      expect(has(el, '[part="retry-button"]')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('tells an expired session apart from other errors', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'expired-token' });
      const { el } = await mount('inv_1001', { api });
      expect(must(el, '[part="error"]').dataset['code']).to.equal('unauthorized');
      await expect(el).to.be.accessible();
    });

    it('shows a schema-breaking body as bad_response', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'schema' });
      const { el } = await mount('inv_1001', { api });
      expect(must(el, '[part="error"]').dataset['code']).to.equal('bad_response');
      await expect(el).to.be.accessible();
    });
  });

  describe('header and content', () => {
    it('shows number, status, dates with the due wording and the amounts (overdue)', async () => {
      const { el } = await mount('inv_1001', { scenario: 'overdue' });
      expect(text(el, '[part="title"]')).to.equal(t('en', 'invoice.title', { number: 'PL-2026-0142' }));
      const badge = must(el, '[part="header"] [part="status-badge"]');
      expect(badge.dataset['status']).to.equal('overdue');
      expect(badge.dataset['tone']).to.equal('danger');
      expect(badge.textContent.trim()).to.equal(t('en', 'status.invoice.overdue'));
      expect(fact(el, t('en', 'invoice.issue_date'))).to.equal(date('2026-11-07'));
      expect(fact(el, t('en', 'invoice.due_date'))).to.equal(`${date('2026-11-21')} ${t('en', 'due.overdue_days', { n: 5 })}`);
      expect(must(el, '[part="due-wording"]').dataset['due']).to.equal('overdue');
      expect(must(el, '[part="facts"] time').getAttribute('datetime')).to.equal('2026-11-07');
      // 24.00 + 3.00 + 4.80 for the VPS, its IPv4 address and backups.
      expect(fact(el, t('en', 'invoice.total'))).to.equal(usd(31.8));
      expect(fact(el, t('en', 'invoice.amount_paid'))).to.equal(usd(0));
      expect(fact(el, t('en', 'invoice.balance_due'))).to.equal(usd(31.8));
      await expect(el).to.be.accessible();
    });

    it('shows the amount paid and the balance of a partially paid invoice', async () => {
      const { el } = await mount('inv_4001', { scenario: 'partially-paid' });
      expect(must(el, '[part="header"] [part="status-badge"]').dataset['status']).to.equal('partially_paid');
      expect(fact(el, t('en', 'invoice.total'))).to.equal(usd(149));
      expect(fact(el, t('en', 'invoice.amount_paid'))).to.equal(usd(50));
      expect(fact(el, t('en', 'invoice.balance_due'))).to.equal(usd(99));
      expect(text(el, '[part="due-wording"]')).to.equal(t('en', 'due.in_days', { n: 8 }));
      expect(text(el, '[part="pay-button"]')).to.equal(t('en', 'pay.button', { amount: money(9900) }));
      expect(must(el, '[part="pay-button"]').getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('shows what the invoice is for: the kind and the service with its status', async () => {
      const { el } = await mount('inv_1003');
      const purpose = must(el, '[part="purpose"]');
      expect(purpose.querySelector('[data-kind]')!.textContent.trim()).to.equal(t('en', 'kind.invoice.new_order'));
      expect(purpose.querySelector('[data-service]')!.textContent).to.contain('perlod-demo.com');
      expect((purpose.querySelector('[part="status-badge"]') as HTMLElement).dataset['status']).to.equal('active');
      await expect(el).to.be.accessible();
    });

    it('shows an unknown kind with its raw label and an invoice without a service', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'schema', patch: { kind: 'migration_credit' } });
      const { el } = await mount('inv_998', { api });
      const purpose = must(el, '[part="purpose"]');
      expect(purpose.querySelector('[data-kind]')!.textContent.trim()).to.equal('migration_credit');
      expect(purpose.textContent).to.contain(t('en', 'invoice.no_service'));
      await expect(el).to.be.accessible();
    });

    it('lists the line items with their periods and a totals footer', async () => {
      const { el } = await mount('inv_4001', { scenario: 'partially-paid' });
      const table = must(el, '[part="lines-table"]') as HTMLTableElement;
      expect(table.caption!.textContent.trim()).to.equal(t('en', 'invoice.lines'));
      expect([...table.tHead!.rows[0].cells].map((c) => [c.textContent.trim(), c.getAttribute('scope')])).to.deep.equal([
        [t('en', 'invoice.line.description'), 'col'],
        [t('en', 'invoice.line.quantity'), 'col'],
        [t('en', 'invoice.line.unit_price'), 'col'],
        [t('en', 'invoice.line.amount'), 'col'],
      ]);
      const rows = [...table.tBodies[0].rows];
      expect(rows).to.have.length(2);
      const first = rows[0];
      expect(first.cells[0].getAttribute('scope')).to.equal('row');
      expect(first.cells[0].textContent).to.contain('Dedicated E-2388G server');
      expect(first.querySelector('[part="line-period"]')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
        `${t('en', 'invoice.line.period')}: ${t('en', 'invoice.line.period_range', { start: date('2026-12-04'), end: date('2027-01-03') })}`,
      );
      expect(first.cells[1].textContent.trim()).to.equal('1');
      expect(first.cells[2].textContent.trim()).to.equal(usd(139));
      expect(first.cells[3].textContent.trim()).to.equal(usd(139));
      const footer = [...table.tFoot!.rows].map((r) => [r.cells[0].textContent.trim(), r.cells[1].textContent.trim()]);
      expect(footer).to.deep.equal([
        [t('en', 'invoice.total'), usd(149)],
        [t('en', 'invoice.amount_paid'), usd(50)],
        [t('en', 'invoice.balance_due'), usd(99)],
      ]);
      await expect(el).to.be.accessible();
    });

    it('lists the transactions with method, status, amount and reference', async () => {
      const { el } = await mount('inv_1000');
      const table = must(el, '[part="transactions-table"]') as HTMLTableElement;
      const rows = [...table.tBodies[0].rows];
      expect(rows).to.have.length(1);
      const cells = [...rows[0].cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
      expect(cells[0]).to.equal(
        norm(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-10-19T16:44:00Z'))),
      );
      // The same columns as the overview's payment history (one renderer), the date as row header.
      expect(cells.slice(1)).to.deep.equal([
        t('en', 'kind.payment.invoice_payment'),
        usd(31.8),
        'Visa ending 4242',
        t('en', 'status.payment.completed'),
        'ch_50024242',
      ]);
      expect(rows[0].cells[0].matches('th[scope="row"]')).to.be.true;
      const headers = [...table.tHead!.rows[0].cells].map((th) => th.textContent.trim());
      expect(headers).to.deep.equal(
        (['payments.col.date', 'payments.col.kind', 'payments.col.amount', 'payments.col.method', 'payments.col.status', 'payments.col.reference'] as const).map(
          (key) => t('en', key),
        ),
      );
      expect(has(el, '[part="failure-reason"]')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('shows a refunded invoice\'s refund among its transactions, signed, and "Refunded −$35.00" in its totals', async () => {
      const { el } = await mount('inv_997');
      const refund = must(el, '[part="transactions-table"] [data-payment-id="pay_5001"]') as HTMLTableRowElement;
      const cells = [...refund.cells].map((c) => c.textContent.replace(/\s+/g, ' ').trim());
      expect(cells).to.deep.equal([
        norm(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse('2026-09-25T10:05:00Z'))),
        t('en', 'kind.payment.refund'),
        `\u2212${money(3500)}`,
        'Visa ending 4242',
        t('en', 'status.payment.completed'),
        're_5001',
      ]);
      // The payment that went in stays unsigned beside it.
      expect((must(el, '[data-payment-id="pay_5000"]') as HTMLTableRowElement).cells[2].textContent.trim()).to.equal(money(3500));
      const footer = [...(must(el, '[part="lines-table"]') as HTMLTableElement).tFoot!.rows].map((r) => [r.cells[0].textContent.trim(), r.cells[1].textContent.trim()]);
      expect(footer).to.deep.equal([
        [t('en', 'invoice.total'), money(3500)],
        [t('en', 'invoice.amount_paid'), money(3500)],
        [t('en', 'status.invoice.refunded'), `\u2212${money(3500)}`],
        [t('en', 'invoice.balance_due'), money(0)],
      ]);
      expect(has(el, '[part="lines-table"] [part="refunded-total"] bdi')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('has no refunded row in the totals of an invoice without a refund', async () => {
      const { el } = await mount('inv_1000');
      expect(has(el, '[part="refunded-total"]')).to.be.false;
    });

    it('shows why a failed payment failed', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      // The seeded bank transfer on PL-2026-0145 comes back from the bank.
      await api.completeCheckout('pay_5004', 'decline');
      const { el, client } = await mount('inv_1004', { api });
      const payment = await client.getPayment('pay_5004');
      expect(payment.status).to.equal('failed');
      const row = must(el, '[data-payment-id="pay_5004"]');
      expect((row.querySelector('[part="status-badge"]') as HTMLElement).dataset['status']).to.equal('failed');
      // The reason sits under the status it explains, as in the overview's history.
      const reason = row.querySelector('[part="status-badge"]')!.parentElement!.querySelector('[part="failure-reason"]')!;
      expect(reason.textContent.trim()).to.equal(t('en', 'overview.history.failure', { reason: payment.failure_reason! }));
      await expect(el).to.be.accessible();
    });

    it('says so when no payment is recorded yet', async () => {
      const { el } = await mount('inv_1001');
      expect(has(el, '[part="transactions-table"]')).to.be.false;
      expect(text(el, '[part="transactions"] [part="empty"]')).to.equal(t('en', 'invoice.transactions_empty'));
      await expect(el).to.be.accessible();
    });

    it('says a cancelled invoice without payments was cancelled, not that payments are still to come', async () => {
      const { el } = await mount('inv_998');
      expect(has(el, '[part="transactions-table"]')).to.be.false;
      expect(text(el, '[part="transactions"] [part="empty"]')).to.equal(t('en', 'invoice.transactions_cancelled'));
      expect(text(el, '[part="transactions"] [part="empty"]')).not.to.equal(t('en', 'invoice.transactions_empty'));
      await expect(el).to.be.accessible();
    });
  });

  describe('PDF link', () => {
    async function withPdf(pdfUrl: string | null) {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'schema', patch: { pdf_url: pdfUrl } });
      return mount('inv_1001', { api });
    }

    it('links an https: PDF as a plain link', async () => {
      const { el } = await withPdf('https://files.perlod.example/invoices/PL-2026-0142.pdf');
      const link = must(el, '[part="pdf-link"]') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal('https://files.perlod.example/invoices/PL-2026-0142.pdf');
      expect(link.rel).to.equal('noopener');
      expect(link.hasAttribute('download')).to.be.false;
      expect(link.hasAttribute('target')).to.be.false;
      expect(link.textContent.trim()).to.equal(t('en', 'invoice.pdf'));
      expect(has(el, '[part="pdf-note"]')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('links a same-origin PDF', async () => {
      const url = `${location.origin}/api/billing/v1/invoices/inv_1001/pdf`;
      const { el } = await withPdf(url);
      expect(must(el, '[part="pdf-link"]').getAttribute('href')).to.equal(url);
      await expect(el).to.be.accessible();
    });

    for (const unsafe of ['javascript:alert(document.domain)', 'http://billing.evil.example/PL-2026-0142.pdf', 'data:application/pdf;base64,JVBERi0=']) {
      it(`refuses ${unsafe.split(':')[0]}: links from another origin`, async () => {
        const { el } = await withPdf(unsafe);
        expect(has(el, '[part="pdf-link"]')).to.be.false;
        expect(has(el, `a[href="${unsafe}"]`)).to.be.false;
        expect(must(el, '[part="pdf-note"]').dataset['reason']).to.equal('refused');
        expect(text(el, '[part="pdf-note"]')).to.contain(t('en', 'invoice_detail.pdf_refused'));
        await expect(el).to.be.accessible();
      });
    }

    it('says when there is no PDF', async () => {
      const { el } = await withPdf(null);
      expect(has(el, '[part="pdf-link"]')).to.be.false;
      expect(text(el, '[part="pdf-note"]')).to.equal(t('en', 'invoice.pdf_unavailable'));
      await expect(el).to.be.accessible();
    });
  });

  describe('pay action', () => {
    it('is enabled on an overdue invoice and emits a cancelable billing-pay-request', async () => {
      const { el, api } = await mount('inv_1001');
      const button = must(el, '[part="pay-button"]');
      expect(button.tagName).to.equal('BUTTON');
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      // Described by what happens to its service (at risk) unless it is paid.
      expect(button.getAttribute('aria-describedby')).to.equal('service-alert');
      expect(button.textContent.trim()).to.equal(t('en', 'pay.button', { amount: money(3180) }));
      expect(has(el, '[part="pay-reason"]')).to.be.false;
      const before = api.requestLog().length;
      setTimeout(() => button.click());
      const event = await oneEvent<CustomEvent<BillingPayRequestDetail>>(el, 'billing-pay-request');
      expect(event.detail).to.deep.equal({
        invoiceId: 'inv_1001',
        number: 'PL-2026-0142',
        balanceDue: { amount: 3180, currency: 'USD' },
      });
      expect(event.cancelable).to.be.true;
      expect(event.bubbles && event.composed).to.be.true;
      // The request itself moves no money.
      expect(api.requestLog().slice(before).some((line) => line.startsWith('POST'))).to.be.false;
      await expect(el).to.be.accessible();
    });

    const settledInvoices: Array<[string, string, string]> = [
      ['paid', 'inv_1000', t('en', 'invoice_detail.pay_disabled.paid')],
      ['refunded', 'inv_997', t('en', 'invoice_detail.pay_disabled.refunded')],
      ['cancelled', 'inv_998', t('en', 'invoice_detail.pay_disabled.cancelled')],
    ];
    for (const [what, id, reason] of settledInvoices) {
      it(`shows no pay button on a ${what} invoice, only the reason`, async () => {
        const { el } = await mount(id);
        // Nothing to pay for good: no greyed "Pay $0.00", just why.
        expect(has(el, '[part="pay-button"]')).to.be.false;
        expect(text(el, '[part="actions"]')).not.to.contain(t('en', 'pay.button', { amount: money(0) }));
        expect(text(el, '[part="pay-reason"]')).to.equal(reason);
        await expect(el).to.be.accessible();
      });
    }

    it('shows no pay button on an open invoice with nothing left to pay', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'schema', patch: { 'balance_due.amount': 0 } });
      const { el } = await mount('inv_1001', { api });
      expect(has(el, '[part="pay-button"]')).to.be.false;
      expect(text(el, '[part="pay-reason"]')).to.equal(t('en', 'invoice_detail.pay_disabled.nothing_due'));
      await expect(el).to.be.accessible();
    });

    const blocked: Array<[string, string, string]> = [
      ['pending', 'inv_1004', t('en', 'invoice_detail.pay_disabled.processing')],
    ];
    for (const [what, id, reason] of blocked) {
      it(`is disabled with the reason on ${what === 'an unknown status' ? what : `a ${what} invoice`}`, async () => {
        // Pending while a crypto payment clears (one waiting for a bank transfer can be paid another way: tests/money/pay-money.test.ts).
        const api = createReferenceApi({ scenario: 'overdue' });
        api.inject({ match: 'GET /invoices/*', type: 'schema', patch: { 'transactions.0.method.type': 'crypto' } });
        const { el } = await mount(id, { api });
        const button = must(el, '[part="pay-button"]');
        expect(button.getAttribute('aria-disabled')).to.equal('true');
        const reasonNode = must(el, '[part="pay-reason"]');
        expect(reasonNode.textContent.trim()).to.equal(reason);
        expect(button.getAttribute('aria-describedby')).to.equal(reasonNode.id);
        let fired = false;
        el.addEventListener('billing-pay-request', () => (fired = true));
        button.click();
        await el.updateComplete;
        expect(fired).to.be.false;
        await expect(el).to.be.accessible();
      });
    }

    it('has no greyed "Pay $1,229.00" on an invoice on hold: the reason in the catalog\'s words, with the support action', async () => {
      const { el } = await mount('inv_999');
      expect(has(el, '[part="pay-button"]')).to.be.false;
      expect(text(el, '[part="actions"]')).not.to.contain(t('en', 'pay.button', { amount: money(122900) }));
      // The raw status the API sent, inside the catalog's wording, and the support action beside it.
      expect(text(el, '[part="pay-reason"]')).to.equal(t('en', 'invoice_detail.pay_disabled.unknown', { label: 'in_dispute' }));
      expect(text(el, '[part="pay-reason"] + [part="contact-support-button"]')).to.equal(t('en', 'invoice_detail.contact_support'));
      await expect(el).to.be.accessible();
    });

    it('names a status the contract may add (disputed) in words, with the same reason and support action', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices/*', type: 'schema', patch: { status: 'disputed' } });
      const { el } = await mount('inv_999', { api });
      const badge = must(el, '[part="header"] [part="status-badge"]');
      expect(badge.textContent.trim()).to.equal(t('en', 'status.invoice.disputed'));
      expect(badge.dataset['tone']).to.equal('warning');
      expect(has(el, '[part="pay-button"]')).to.be.false;
      expect(text(el, '[part="pay-reason"]')).to.equal(t('en', 'invoice_detail.pay_disabled.unknown', { label: 'disputed' }));
      expect(has(el, '[part="contact-support-button"]')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('says on a paid invoice when its suspended service comes back, and nothing once it is back', async () => {
      const api = createReferenceApi({ scenario: 'suspended' });
      const { el, client } = await mount('inv_2001', { api });
      const paid = await client.payInvoice('inv_2001', { method_id: 'pm_card_4242', apply_wallet: false }, { idempotencyKey: 'restore-detail' });
      await api.completeCheckout(paid.payment.id, 'approve');
      client.invalidate(['invoice:inv_2001', 'summary']);
      await waitUntil(() => has(el, '[part="service-restoring"]'), 'no word on when the service comes back');
      await el.settled();
      const resumesAt = new Date(api.clock.now().getTime() + 10 * 60_000).toISOString();
      expect(text(el, '[part="service-restoring"]')).to.equal(
        t('en', 'service.banner.restoring_by', { name: 'VPS Cloud 2 · sgp1-vps-118', time: formatAsOf(resumesAt, 'en') }),
      );
      expect($(el, '[part="service-restoring"]')!.getAttribute('role')).to.equal('status');
      expect(has(el, '[part="service-alert"]')).to.be.false;
      await expect(el).to.be.accessible();

      api.clock.advance(10 * 60_000);
      client.invalidate(['summary']);
      await waitUntil(() => !has(el, '[part="service-restoring"]'), 'still restoring after resumes_at');
    });

    it('shows an unknown status neutrally as on hold, with its raw label', async () => {
      const { el } = await mount('inv_999');
      const badge = must(el, '[part="header"] [part="status-badge"]');
      expect(badge.dataset['tone']).to.equal('neutral');
      expect(badge.textContent.trim()).to.equal(t('en', 'status.invoice_unknown', { label: 'in_dispute' }));
      await expect(el).to.be.accessible();
    });

    it('takes an invoice on hold to the contact form from beside the reason', async () => {
      const { el } = await mount('inv_999');
      expect(($(el, '[part="support-panel"]') as HTMLDetailsElement).open).to.be.false;
      const contact = must(el, '[part="pay-reason"] + [part="contact-support-button"]');
      expect(contact.textContent.trim()).to.equal(t('en', 'invoice_detail.contact_support'));
      contact.click();
      await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part="support-description"]'), 'focus did not reach the description');
      expect(($(el, '[part="support-panel"]') as HTMLDetailsElement).open).to.be.true;
      await el.settled();
      await expect(el).to.be.accessible();
    });

    it('offers no contact button beside other reasons', async () => {
      const { el } = await mount('inv_1000');
      expect(has(el, '[part="contact-support-button"]')).to.be.false;
    });

    it('is disabled for a member without billing permission, with the reason', async () => {
      const { el } = await mount('inv_1001', { scenario: 'read-only' });
      const button = must(el, '[part="pay-button"]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, '[part="pay-reason"]')).to.equal(t('en', 'invoice_detail.pay_disabled.read_only'));
      let fired = false;
      el.addEventListener('billing-pay-request', () => (fired = true));
      button.click();
      expect(fired).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('says beside the pay action that its service is suspended and will be terminated unless it is paid', async () => {
      const { el, api } = await mount('inv_2001', { scenario: 'suspended' });
      const alert = must(el, '[part="header"] [part="service-alert"]');
      const condition = t('en', 'overview.alert.invoice', { number: 'PL-2026-0133', amount: money(2700) });
      expect(norm(alert.textContent)).to.equal(
        t('en', 'overview.alert.suspended', { service: 'VPS Cloud 2 · sgp1-vps-118', date: formatCalendarDate('2026-12-01', 'en', 'long'), invoices: condition }),
      );
      expect([...alert.querySelectorAll('bdi')].map((bdi) => norm(bdi.textContent))).to.deep.equal(['VPS Cloud 2 · sgp1-vps-118', 'PL-2026-0133', money(2700)]);
      // Right before the pay action, which it describes.
      expect(alert.nextElementSibling?.getAttribute('part')).to.equal('actions');
      const button = must(el, '[part="pay-button"]');
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(button.getAttribute('aria-describedby')).to.equal(must(el, '[part="service-alert"] [id]').id);
      // From the summary it already loads for the permissions: no request for the service.
      expect(count(api, 'GET /services/*/billing')).to.equal(0);
      expect(count(api, 'GET /summary')).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('says when the service at risk will be suspended unless the invoice is paid', async () => {
      const { el } = await mount('inv_1001');
      const condition = t('en', 'overview.alert.invoice', { number: 'PL-2026-0142', amount: money(3180) });
      expect(text(el, '[part="service-alert"]')).to.equal(
        t('en', 'overview.alert.at_risk', { service: 'VPS Cloud 4 · fra1-vps-042', date: formatCalendarDate('2026-11-28', 'en', 'long'), invoices: condition }),
      );
    });

    it('says nothing about services on an invoice that blocks none', async () => {
      // Paid while another invoice keeps the service suspended; due soon, not yet overdue (twice).
      for (const [scenario, id] of [['suspended', 'inv_2000'], ['overdue', 'inv_1002'], ['low-balance', 'inv_3001']] as const) {
        const { el } = await mount(id, { scenario });
        expect(has(el, 'header'), `${scenario} ${id}`).to.be.true;
        expect(has(el, '[part="service-alert"]'), `${scenario} ${id}`).to.be.false;
      }
    });

    it('tells a read-only member the same facts beside the disabled pay action, without asking them to pay', async () => {
      const api = createReferenceApi({ scenario: 'suspended' });
      api.inject({ match: 'GET /summary', type: 'schema', patch: { 'permissions.can_pay': false, 'permissions.can_top_up': false }, times: 100 });
      const { el } = await mount('inv_2001', { api });
      const condition = t('en', 'overview.alert.invoice', { number: 'PL-2026-0133', amount: money(2700) });
      expect(text(el, '[part="service-alert"]')).to.equal(
        t('en', 'overview.alert.suspended', { service: 'VPS Cloud 2 · sgp1-vps-118', date: formatCalendarDate('2026-12-01', 'en', 'long'), invoices: condition }),
      );
      expect(text(el, '[part="service-alert"]')).not.to.match(/\bpay\b/i);
      const button = must(el, '[part="pay-button"]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, '[part="pay-reason"]')).to.equal(t('en', 'invoice_detail.pay_disabled.read_only'));
      expect(button.getAttribute('aria-describedby')).to.equal('service-alert pay-reason');
      await expect(el).to.be.accessible();
    });

    it('stays disabled while permissions are unknown, with a retry when they failed', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /summary', type: 'status', status: 500 });
      const { el } = await mount('inv_1001', { api });
      expect(must(el, '[part="pay-button"]').getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, '[part="pay-reason"]')).to.equal(t('en', 'invoice_detail.pay_disabled.permissions_failed'));
      await expect(el).to.be.accessible();
      must(el, '.pay [part="retry-button"]').click();
      await el.settled();
      expect(must(el, '[part="pay-button"]').getAttribute('aria-disabled')).to.equal('false');
    });

    it('loads the permissions once per page, shared with other elements', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const { provider } = await mountInProvider<InvoiceDetail>(
        litHtml`<invoice-detail invoice-id="inv_1001"></invoice-detail><invoice-detail invoice-id="inv_1002"></invoice-detail>`,
        { api },
      );
      const [first, second] = [...provider.querySelectorAll('invoice-detail')];
      await Promise.all([first.settled(), second.settled()]);
      expect(count(api, 'GET /summary')).to.equal(1);
    });
  });

  describe('"Something looks wrong?" panel', () => {
    it('re-checks bypassing the cache and announces the result', async () => {
      const { el, api } = await mount('inv_1004');
      await openPanel(el);
      expect(must(el, '[part="header"] [part="status-badge"]').dataset['status']).to.equal('pending');
      // The bank transfer settles on the server; the cached copy still says "processing".
      await api.completeCheckout('pay_5004', 'approve');
      const before = count(api, 'GET /invoices/*');
      must(el, '[part="recheck-button"]').click();
      await waitUntil(() => $(el, '[part="recheck-result"]'), 'the re-check never finished');
      await el.settled();
      expect(count(api, 'GET /invoices/*')).to.equal(before + 1);
      expect(must(el, '[part="header"] [part="status-badge"]').dataset['status']).to.equal('paid');
      expect(text(el, '[part="recheck-result"]')).to.equal(t('en', 'invoice_detail.rechecked', { status: t('en', 'status.invoice.paid') }));
      expect(text(el, '[part="live-region"]')).to.equal(t('en', 'invoice_detail.rechecked', { status: t('en', 'status.invoice.paid') }));
      expect(must(el, '[part="live-region"]').getAttribute('aria-live')).to.equal('polite');
      expect(has(el, '.step [part="as-of"] time')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('loads the service only when the panel is opened, and compares it with the invoice (suspended)', async () => {
      const { el, api } = await mount('inv_2001', { scenario: 'suspended' });
      expect(count(api, 'GET /services/*/billing')).to.equal(0);
      await openPanel(el);
      expect(count(api, 'GET /services/*/billing')).to.equal(1);
      const comparison = must(el, '[part="comparison"]');
      expect((comparison.querySelector('[data-compare="invoice"] [part="status-badge"]') as HTMLElement).dataset['status']).to.equal(
        'overdue',
      );
      const service = [...comparison.querySelectorAll<HTMLElement>('[data-compare="service"] [part="status-badge"]')];
      expect(service.map((b) => b.dataset['status'])).to.deep.equal(['suspended', 'suspended']);
      expect(comparison.textContent).to.contain('VPS Cloud 2 · sgp1-vps-118');
      expect(text(el, '[part="comparison-hint"]')).to.equal(t('en', 'invoice_detail.compare.unpaid_suspended'));
      await expect(el).to.be.accessible();
    });

    it('points a paid invoice with a still-suspended service to re-check, then support', async () => {
      const api = createReferenceApi({ scenario: 'suspended' });
      // The invoice reads as paid (a payment that just went through) while the service is not restored yet.
      api.inject({
        match: 'GET /invoices/*',
        type: 'schema',
        patch: { status: 'paid', 'amount_paid.amount': 2700, 'balance_due.amount': 0 },
      });
      const { el } = await mount('inv_2001', { api });
      await openPanel(el);
      expect((must(el, '[data-compare="invoice"] [part="status-badge"]')).dataset['status']).to.equal('paid');
      expect(text(el, '[data-compare="service"]')).to.contain(t('en', 'status.service.suspended'));
      expect(text(el, '[part="comparison-hint"]')).to.equal(t('en', 'invoice_detail.compare.paid_not_restored'));
      await expect(el).to.be.accessible();
    });

    it('says when the invoice is not linked to a service, without loading one', async () => {
      const { el, api } = await mount('inv_998');
      await openPanel(el);
      expect(has(el, '[part="comparison"]')).to.be.false;
      expect(el.shadowRoot!.querySelector('[aria-labelledby="compare-title"]')!.textContent).to.contain(t('en', 'invoice.no_service'));
      expect(count(api, 'GET /services/*/billing')).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('requires a description, with an inline error linked to the field', async () => {
      const { el } = await mount('inv_1001');
      await openPanel(el);
      let fired = false;
      el.addEventListener('billing-support-request', () => (fired = true));
      await typeDescription(el, '   ');
      submitSupport(el);
      await el.updateComplete;
      expect(fired).to.be.false;
      const field = must(el, '[part="support-description"]');
      const error = must(el, '[part="support-error"]');
      expect(error.textContent.trim()).to.equal(t('en', 'invoice_detail.support.required'));
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.getAttribute('aria-describedby')!.split(' ')).to.include(error.id);
      await waitUntil(() => el.shadowRoot!.activeElement === field, 'the field was not focused');
      await expect(el).to.be.accessible();
      await typeDescription(el, 'Charged twice');
      expect(has(el, '[part="support-error"]')).to.be.false;
      expect(field.getAttribute('aria-invalid')).to.equal('false');
    });

    it('counts the characters up to 500', async () => {
      const { el } = await mount('inv_1001');
      await openPanel(el);
      const field = must(el, '[part="support-description"]') as HTMLTextAreaElement;
      expect(field.maxLength).to.equal(500);
      expect(text(el, '[part="support-counter"]')).to.equal(t('en', 'invoice_detail.support.counter', { n: 0, max: 500 }));
      await typeDescription(el, 'Charged twice');
      expect(text(el, '[part="support-counter"]')).to.equal(t('en', 'invoice_detail.support.counter', { n: 13, max: 500 }));
      await expect(el).to.be.accessible();
    });

    it('emits billing-support-request and, without support-href, prepares the text to copy', async () => {
      const { el } = await mount('inv_1001');
      await openPanel(el);
      await typeDescription(el, '  I paid by card yesterday but it still says overdue.  ');
      setTimeout(() => submitSupport(el));
      const event = await oneEvent<CustomEvent<BillingSupportRequestDetail>>(el, 'billing-support-request');
      expect(event.detail).to.deep.include({
        invoiceId: 'inv_1001',
        number: 'PL-2026-0142',
        description: 'I paid by card yesterday but it still says overdue.',
      });
      expect(event.cancelable).to.be.true;
      await el.updateComplete;
      const prepared = must(el, '[part="support-prepared"]');
      expect(prepared.textContent).to.contain(t('en', 'invoice_detail.support.prepared'));
      const message = (prepared.querySelector('textarea') as HTMLTextAreaElement).value;
      expect(message.split('\n')[0]).to.equal(
        t('en', 'invoice_detail.support.text', { number: 'PL-2026-0142', description: 'I paid by card yesterday but it still says overdue.' }),
      );
      expect(event.detail.message, 'the event carries the text the customer sees').to.equal(message);
      expect(text(el, '[part="support-next"]')).to.equal(t('en', 'support.next.none'));
      expect(text(el, '[part="live-region"]')).to.equal(t('en', 'invoice_detail.support.prepared'));
      await expect(el).to.be.accessible();
    });

    it('goes to support-href with the invoice number and description', async () => {
      const { el } = await mountRecording('inv_1001', { supportHref: 'https://help.perlod.example/new?topic=billing' });
      await openPanel(el);
      await typeDescription(el, 'Wrong amount & VAT');
      submitSupport(el);
      await waitUntil(() => el.opened.length > 0, 'the support page was not opened');
      expect(el.opened).to.have.length(1);
      const url = new URL(el.opened[0]);
      expect(url.origin + url.pathname).to.equal('https://help.perlod.example/new');
      expect(url.searchParams.get('topic')).to.equal('billing');
      expect(url.searchParams.get('invoice')).to.equal('PL-2026-0142');
      expect(url.searchParams.get('description')).to.equal('Wrong amount & VAT');
      // The text stays on screen with where it went, in case the page does not open.
      expect(must(el, '[part="support-prepared"]').dataset['channel']).to.equal('page');
      expect(must(el, '[part="support-link"]').getAttribute('href')).to.equal(el.opened[0]);
      await expect(el).to.be.accessible();
    });

    it('does not navigate when the host page cancels the request', async () => {
      const { el } = await mountRecording('inv_1001', { supportHref: 'https://help.perlod.example/new' });
      await openPanel(el);
      el.addEventListener('billing-support-request', (e) => e.preventDefault());
      await typeDescription(el, 'Wrong amount');
      submitSupport(el);
      await el.updateComplete;
      expect(el.opened).to.deep.equal([]);
      // The page took it over without confirming it was sent: the text stays, with what to do if nothing happened.
      expect(text(el, '[part="support-next"]')).to.equal(t('en', 'support.next.host'));
      await expect(el).to.be.accessible();
    });

    it('uses subject and body for a mailto: support-href', async () => {
      const { el } = await mountRecording('inv_1001', { supportHref: 'mailto:billing@perlod.example' });
      await openPanel(el);
      await typeDescription(el, 'Wrong amount');
      submitSupport(el);
      await waitUntil(() => el.opened.length > 0, 'the mail link was not opened');
      const body = (must(el, '[part="support-prepared-text"]') as HTMLTextAreaElement).value;
      expect(body.split('\n')[0]).to.equal(t('en', 'invoice_detail.support.text', { number: 'PL-2026-0142', description: 'Wrong amount' }));
      expect(el.opened).to.deep.equal([
        // The catalog's subject and the prepared text, percent-encoded (%20, not +) as mailto: needs.
        `mailto:billing@perlod.example?subject=${encodeURIComponent(t('en', 'support.subject', { number: 'PL-2026-0142' }))}&body=${encodeURIComponent(body)}`,
      ]);
    });

    it('builds support links safely', () => {
      const request = { number: 'PL-1', description: 'a b', subject: 'S', body: 'B' };
      expect(supportRequestHref('/support', request, 'https://dash.perlod.example/billing')).to.equal(
        'https://dash.perlod.example/support?invoice=PL-1&description=a+b',
      );
      expect(supportRequestHref('mailto:x@y.example?cc=z@y.example', request)).to.equal('mailto:x@y.example?cc=z@y.example&subject=S&body=B');
      expect(supportRequestHref('javascript:alert(1)', request)).to.be.undefined;
    });
  });

  describe('attributes', () => {
    it('loads the new invoice when invoice-id changes, aborting the old request', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const signals = new Map<string, AbortSignal>();
      const recordingFetch: typeof fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        if (signal && /\/invoices\/inv_\d+$/.test(url)) signals.set(url.slice(url.lastIndexOf('/') + 1), signal);
        return api.fetch(input, init);
      };
      api.inject({ match: 'GET /invoices/inv_1001', type: 'latency', ms: 200 });
      const { el } = await mountInProvider<InvoiceDetail>(litHtml`<invoice-detail invoice-id="inv_1001"></invoice-detail>`, {
        api,
        client: { fetch: recordingFetch },
      });
      expect(has(el, '[part="skeleton"]')).to.be.true;
      el.setAttribute('invoice-id', 'inv_1002');
      await el.settled();
      expect(text(el, '[part="title"]')).to.equal(t('en', 'invoice.title', { number: 'PL-2026-0147' }));
      expect(signals.get('inv_1001')?.aborted).to.be.true;
      expect(signals.get('inv_1002')?.aborted).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('forgets the support draft of the previous invoice', async () => {
      const { el } = await mount('inv_1001');
      await openPanel(el);
      await typeDescription(el, 'About the first invoice');
      el.invoiceId = 'inv_1002';
      await el.settled();
      expect((must(el, '[part="support-description"]') as HTMLTextAreaElement).value).to.equal('');
      expect(text(el, '#support-hint')).to.contain('PL-2026-0147');
    });

    it('shows a back link when back-href is set', async () => {
      const { el } = await mount('inv_1001', { backHref: '/billing/invoices' });
      expect(must(el, '[part="back-link"]').getAttribute('href')).to.equal('/billing/invoices');
      await expect(el).to.be.accessible();
    });
  });

  describe('locales and themes', () => {
    it('shows German text and euro amounts', async () => {
      const { el } = await mount('inv_1201', { scenario: 'eur', locale: 'de' });
      expect(el.getAttribute('lang')).to.equal('de');
      expect(text(el, '[part="title"]')).to.equal('Rechnung PL-2026-0171');
      const eur = (n: number) => norm(new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(n));
      expect(fact(el, 'Gesamtbetrag')).to.equal(eur(26.4));
      expect(text(el, '[part="pay-button"]')).to.equal(`${eur(26.4)} bezahlen`);
      expect(fact(el, 'Fälligkeitsdatum')).to.contain('29.11.2026');
      expect(text(el, '[part="due-wording"]')).to.match(/^Fällig in 3 Tag/);
      await expect(el).to.be.accessible();
    });

    it('shows yen without minor digits', async () => {
      const { el } = await mount('inv_1301', { scenario: 'jpy' });
      const yen = norm(new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }).format(168_000));
      expect(fact(el, t('en', 'invoice.total'))).to.equal(yen);
      expect(yen).to.not.contain('.');
      expect(text(el, '[part="pay-button"]')).to.equal(t('en', 'pay.button', { amount: yen }));
      await expect(el).to.be.accessible();
    });

    it('lays out Persian right to left with Persian digits', async () => {
      const { el } = await mount('inv_1001', { locale: 'fa' });
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(el.getAttribute('lang')).to.equal('fa');
      expect(getComputedStyle(must(el, '[part="base"]')).direction).to.equal('rtl');
      expect(text(el, '[part="title"]')).to.equal('صورت‌حساب PL-2026-0142');
      expect(fact(el, 'مبلغ کل')).to.equal(usd(31.8, 'fa'));
      expect(fact(el, 'مبلغ کل')).to.match(/[۰-۹]/);
      await openPanel(el);
      await expect(el).to.be.accessible();
    });

    it('takes the dark token set from its own theme attribute', async () => {
      const { el } = await mount('inv_1001', { theme: 'light' });
      el.theme = 'dark';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
    });

    it('follows the dark theme', async () => {
      const { el } = await mount('inv_1001', { theme: 'dark' });
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await openPanel(el);
      await expect(el).to.be.accessible();
    });
  });
});
