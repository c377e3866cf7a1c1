import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/billing-overview.js';
import type { BillingOverview } from '../../src/components/billing-overview/billing-overview.js';
import type {
  BillingErrorDetail,
  BillingInvoiceSelectDetail,
  BillingPayRequestDetail,
} from '../../src/components/shared/events.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import { formatAsOf, formatCalendarDate, formatMoney } from '../../src/i18n/format.js';
import '../helpers/load-catalogs.js';

const VPS = 'srv_vps_fra1';

function shadow(el: BillingOverview): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

function part(el: BillingOverview, name: string): HTMLElement | null {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function parts(el: BillingOverview, name: string): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until nothing is loading or updating any more (no skeleton, no "Updating…"). */
async function settled(el: BillingOverview): Promise<void> {
  await waitUntil(
    () => !part(el, 'skeleton') && !part(el, 'updating') && !part(el, 'load-more')?.matches('[aria-disabled="true"]'),
    'the overview did not settle',
    { timeout: 4000 },
  );
  await el.updateComplete;
}

async function mount(options: MountOptions & { attrs?: { serviceId?: string; pageSize?: number } } = {}) {
  const { attrs = {}, ...rest } = options;
  const template =
    attrs.serviceId !== undefined
      ? html`<billing-overview service-id=${attrs.serviceId}></billing-overview>`
      : attrs.pageSize !== undefined
        ? html`<billing-overview page-size=${attrs.pageSize}></billing-overview>`
        : html`<billing-overview></billing-overview>`;
  const mounted = await mountInProvider<BillingOverview>(template, rest);
  await settled(mounted.el);
  return mounted;
}

function historyRows(el: BillingOverview): HTMLTableRowElement[] {
  return [...shadow(el).querySelectorAll<HTMLTableRowElement>('[part="history-table"] tbody tr')];
}

function rowIds(el: BillingOverview): string[] {
  return historyRows(el).map((row) => row.dataset['paymentId'] ?? '');
}

function rowTimes(el: BillingOverview): number[] {
  return historyRows(el).map((row) => Date.parse(row.querySelector('time')?.getAttribute('datetime') ?? ''));
}

function isNewestFirst(times: number[]): boolean {
  return times.every((time, i) => i === 0 || (times[i - 1] ?? time) >= time);
}

/** US dollars in minor units as the element writes them in English. */
function usd(amount: number): string {
  return formatMoney({ amount, currency: 'USD' }, 'en');
}

/** A calendar date as the element writes it in English (long style). */
function longDate(date: string): string {
  return formatCalendarDate(date, 'en', 'long');
}

/** The English message of `key` as a pattern, its placeholders matching any text (a clock time the test does not fix). */
function messagePattern(key: MessageKey): RegExp {
  const parts = t('en', key).split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

/** "invoice PL-2026-0133 ($27.00) is paid", the condition inside the service sentences. */
function invoice(number: string, amount: number): string {
  return t('en', 'overview.alert.invoice', { number, amount: usd(amount) });
}

function suspended(service: string, date: string, invoices: string): string {
  return t('en', 'overview.alert.suspended', { service, date: longDate(date), invoices });
}

function atRisk(service: string, date: string, invoices: string): string {
  return t('en', 'overview.alert.at_risk', { service, date: longDate(date), invoices });
}

/** The bdi-wrapped pieces of a node (service names, invoice numbers, amounts). */
function isolated(node: Element | null | undefined): string[] {
  return [...(node?.querySelectorAll('bdi') ?? [])].map((bdi) => text(bdi));
}

/** The suspended account seen by a member who may not pay (the summary's permissions patched). */
function readOnlySuspended() {
  const api = createReferenceApi({ scenario: 'suspended' });
  api.inject({ match: 'GET /summary', type: 'schema', patch: { 'permissions.can_pay': false, 'permissions.can_top_up': false }, times: 100 });
  return api;
}

function button(el: BillingOverview, name: string): HTMLButtonElement {
  const found = part(el, name);
  if (!(found instanceof HTMLButtonElement)) throw new Error(`no <button part="${name}">`);
  return found;
}

describe('<billing-overview> account mode', () => {
  it('puts what needs attention first on the overdue account', async () => {
    const { el } = await mount({ scenario: 'overdue' });

    const alert = part(el, 'overdue-alert');
    expect(alert?.getAttribute('role')).to.equal('alert');
    // The service at risk first, with its suspension date and the invoice it waits for; then the count.
    expect(text(alert?.querySelector('.error-panel__title'))).to.equal(atRisk('VPS Cloud 4 · fra1-vps-042', '2026-11-28', invoice('PL-2026-0142', 3180)));
    expect(text(alert)).to.contain(t('en', 'overview.most_overdue', { number: 'PL-2026-0142' }));
    expect(text(alert)).to.contain(t('en', 'due.overdue_days', { n: 5 }));

    // Order: the alert, then the invoice due soonest, then payments still processing.
    const attention = [...(part(el, 'attention')?.children ?? [])].map((node) => node.getAttribute('part'));
    expect(attention).to.deep.equal(['overdue-alert', 'next-due', 'pending-notice']);
    expect(text(part(el, 'pending-notice'))).to.contain(t('en', 'overview.pending_payments', { n: 1 }));

    const nextDue = part(el, 'next-due');
    expect(text(nextDue)).to.contain(longDate('2026-11-21'));
    expect(text(part(el, 'due-wording'))).to.equal(t('en', 'due.overdue_days', { n: 5 }));
    expect(text(nextDue)).to.contain(t('en', 'overview.next_due_invoice', { number: 'PL-2026-0142', amount: usd(3180) }));
    expect(nextDue?.querySelector('[part="status-badge"]')?.getAttribute('data-status')).to.equal('overdue');

    expect(text(part(el, 'unpaid'))).to.contain(t('en', 'overview.unpaid_summary', { n: 3, amount: usd(127379) }));
    expect(text(part(el, 'wallet'))).to.contain(usd(1250));

    const services = parts(el, 'service');
    expect(services).to.have.length(1);
    expect(text(services[0])).to.contain('VPS Cloud 4 · fra1-vps-042');
    expect(services[0]?.querySelector('[part="status-badge"]')?.getAttribute('data-status')).to.equal('at_risk');
    expect(text(services[0]?.querySelector('[part="service-date"]'))).to.equal(t('en', 'overview.suspension_on', { date: longDate('2026-11-28') }));
    expect(text(services[0])).to.contain('PL-2026-0142');

    expect(part(el, 'as-of')?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-26T09:00:00.000Z');
    expect(part(el, 'all-paid')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says under the unpaid total what it leaves out, so it adds up with the invoice list', async () => {
    const { el, api } = await mount({ scenario: 'overdue' });
    const note = part(el, 'unpaid-excluded');
    // $1,273.79 unpaid; the $149.00 transfer still clearing and the $1,229.00 invoice on hold are not in it.
    const list = new Intl.ListFormat('en', { type: 'unit' }).format([
      t('en', 'overview.excluded.processing', { n: 1, amount: usd(14900) }),
      t('en', 'overview.excluded.on_hold', { what: 'PL-2026-0128', amount: usd(122900) }),
    ]);
    expect(text(note)).to.equal(t('en', 'overview.unpaid_excluded', { list }));
    expect(note?.closest('[part="unpaid"]')).to.exist;
    expect(isolated(note)).to.deep.equal([usd(14900), 'PL-2026-0128', usd(122900)]);
    const listed = api.invoices().reduce((sum, inv) => sum + inv.balance_due.amount, 0);
    expect(127379 + 14900 + 122900).to.equal(listed);
    await expect(el).to.be.accessible();
  });

  it('counts several excluded invoices, names a disputed one, and says nothing when the server does not say', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const money = (amount: number) => ({ amount, currency: 'USD' });
    api.inject({
      match: 'GET /summary',
      type: 'schema',
      patch: {
        'unpaid.excluded': [
          { reason: 'on_hold', count: 2, total: money(2500) },
          { reason: 'disputed', count: 1, total: money(1299), invoices: [{ id: 'inv_1003', number: 'PL-2026-0149' }] },
        ],
      },
    });
    const { el } = await mount({ api });
    const list = new Intl.ListFormat('en', { type: 'unit' }).format([
      t('en', 'overview.excluded.on_hold', { what: t('en', 'overview.excluded.invoices', { n: 2 }), amount: usd(2500) }),
      t('en', 'overview.excluded.disputed', { what: 'PL-2026-0149', amount: usd(1299) }),
    ]);
    expect(text(part(el, 'unpaid-excluded'))).to.equal(t('en', 'overview.unpaid_excluded', { list }));
    await expect(el).to.be.accessible();

    const older = createReferenceApi({ scenario: 'overdue' });
    older.inject({ match: 'GET /summary', type: 'schema', patch: { 'unpaid.excluded': undefined } });
    const { el: plain } = await mount({ api: older });
    expect(part(plain, 'unpaid-excluded')).to.equal(null);
    expect(text(part(plain, 'unpaid'))).to.contain(t('en', 'overview.unpaid_summary', { n: 3, amount: usd(127379) }));
  });

  it('never says "all paid" when the only open invoices are left out of the total (on hold, a payment clearing)', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    api.inject({
      match: 'GET /summary',
      type: 'schema',
      patch: { 'unpaid.excluded': [{ reason: 'on_hold', count: 1, total: { amount: 122900, currency: 'USD' }, invoices: [{ id: 'inv_x', number: 'PL-2026-0128' }] }] },
    });
    const { el } = await mount({ api });
    expect(part(el, 'all-paid')).to.equal(null);
    expect(text(part(el, 'unpaid'))).not.to.contain(t('en', 'overview.all_paid'));
    expect(text(part(el, 'unpaid-excluded'))).to.contain('PL-2026-0128');
    await expect(el).to.be.accessible();
  });

  it('says "all paid up" on a healthy account, with the wallet and the history', async () => {
    const { el } = await mount({ scenario: 'healthy' });
    expect(part(el, 'overdue-alert')).to.equal(null);
    expect(part(el, 'next-due')).to.equal(null);
    expect(text(part(el, 'all-paid'))).to.contain(t('en', 'overview.all_paid_up'));
    expect(text(part(el, 'wallet'))).to.contain(usd(8500));
    expect(text(part(el, 'services'))).to.contain(t('en', 'overview.no_services_at_risk'));
    expect(historyRows(el)).to.have.length(5);
    expect(isNewestFirst(rowTimes(el))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('greets a new account with friendly empty text', async () => {
    const { el } = await mount({ scenario: 'new-account' });
    expect(text(part(el, 'attention'))).to.contain(t('en', 'overview.new_account'));
    expect(part(el, 'all-paid')).to.equal(null);
    expect(part(el, 'history-table')).to.equal(null);
    expect(text(part(el, 'history'))).to.contain(t('en', 'payments.empty'));
    expect(text(part(el, 'wallet'))).to.contain(usd(0));
    await expect(el).to.be.accessible();
  });

  it('shows a suspended service with its termination date', async () => {
    const { el } = await mount({ scenario: 'suspended' });
    const [service] = parts(el, 'service');
    expect(text(service)).to.contain('VPS Cloud 2 · sgp1-vps-118');
    expect(text(service?.querySelector('[part="status-badge"]'))).to.equal(t('en', 'status.service_billing.suspended'));
    expect(text(service?.querySelector('[part="service-date"]'))).to.equal(t('en', 'overview.termination_on', { date: longDate('2026-12-01') }));
    expect(text(service)).to.contain('PL-2026-0133');
    expect(text(part(el, 'overdue-alert'))).to.contain(t('en', 'due.overdue_days', { n: 16 }));
    await expect(el).to.be.accessible();
  });

  it('says first that a suspended service will be terminated, on which date, unless which invoice is paid', async () => {
    const { el } = await mount({ scenario: 'suspended' });
    const alert = part(el, 'overdue-alert');
    expect(alert?.getAttribute('role')).to.equal('alert');
    const title = alert?.querySelector('.error-panel__title');
    expect(text(title)).to.equal(suspended('VPS Cloud 2 · sgp1-vps-118', '2026-12-01', invoice('PL-2026-0133', 2700)));
    expect(title?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-12-01');
    expect(isolated(title)).to.deep.equal(['VPS Cloud 2 · sgp1-vps-118', 'PL-2026-0133', usd(2700)]);
    // Not "pay it to avoid suspension": the service is already suspended.
    expect(text(alert)).not.to.contain(t('en', 'overview.overdue_alert', { n: 1, amount: usd(2700) }));
    expect(text(alert)).to.contain(t('en', 'due.overdue_days', { n: 16 }));
    expect(text(alert)).to.contain(t('en', 'overview.overdue_count', { n: 1, amount: usd(2700) }));
    expect(text(alert)).not.to.contain(t('en', 'overview.alert.owner'));
    await expect(el).to.be.accessible();
  });

  it('names the service worst off and counts the other affected services', async () => {
    // A week later: the VPS is suspended; the GPU server and the domain at risk, and the dedicated
    // server too: its bank transfer has not arrived, so its invoice still blocks it.
    const api = createReferenceApi({ scenario: 'overdue', now: '2026-12-06T09:00:00Z' });
    const { el } = await mount({ api });
    const title = text(part(el, 'overdue-alert')?.querySelector('.error-panel__title'));
    expect(title).to.equal(
      `${suspended('VPS Cloud 4 · fra1-vps-042', '2026-12-12', invoice('PL-2026-0142', 3180))} ${t('en', 'overview.alert.more', { n: 3 })}`,
    );
    expect(parts(el, 'service')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('tells a read-only member of a suspended service the same facts and who can pay, not to pay', async () => {
    const { el } = await mount({ api: readOnlySuspended() });
    const alert = part(el, 'overdue-alert');
    expect(alert?.getAttribute('role')).to.equal('alert');
    expect(text(alert?.querySelector('.error-panel__title'))).to.equal(suspended('VPS Cloud 2 · sgp1-vps-118', '2026-12-01', invoice('PL-2026-0133', 2700)));
    expect(text(alert)).to.contain(t('en', 'overview.alert.owner'));
    expect(text(alert)).not.to.match(/\bpay\b/i);
    expect(parts(el, 'pay-button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('tells a read-only member of a service at risk when it will be suspended and who can pay', async () => {
    const { el } = await mount({ scenario: 'read-only' });
    const alert = part(el, 'overdue-alert');
    expect(text(alert?.querySelector('.error-panel__title'))).to.equal(atRisk('VPS Cloud 4 · fra1-vps-042', '2026-11-28', invoice('PL-2026-0142', 3180)));
    expect(text(alert)).to.contain(t('en', 'overview.alert.owner'));
    expect(text(alert)).not.to.match(/\bpay\b/i);
    await expect(el).to.be.accessible();
  });

  it('gives a read-only member the overdue count without asking them to pay when no service is affected', async () => {
    // The summary as it would be with no service at risk.
    const api = createReferenceApi({ scenario: 'read-only' });
    api.inject({ match: 'GET /summary', type: 'schema', patch: { services_at_risk: [] }, times: 100 });
    const { el } = await mount({ api });
    const alert = part(el, 'overdue-alert');
    expect(text(alert?.querySelector('.error-panel__title'))).to.equal(t('en', 'overview.overdue_count', { n: 1, amount: usd(3180) }));
    expect(text(alert)).to.contain(t('en', 'overview.alert.owner'));
    expect(text(alert)).not.to.match(/\bpay\b/i);
    await expect(el).to.be.accessible();
  });

  it('heads an overdue invoice "Overdue since <date>", never a past date under "Next due"', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    const nextDue = part(el, 'next-due');
    const heading = nextDue?.querySelector('h3');
    expect(text(heading)).to.equal(t('en', 'overview.overdue_since', { date: longDate('2026-11-21') }));
    expect(heading?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-21');
    expect(text(nextDue)).not.to.contain(t('en', 'overview.next_due'));
    expect(text(part(el, 'due-wording'))).to.equal(t('en', 'due.overdue_days', { n: 5 }));
    expect(nextDue?.getAttribute('aria-labelledby')).to.equal(heading?.id);
    await expect(el).to.be.accessible();
  });

  it('keeps "Next due" with the date for an invoice not due yet', async () => {
    const { el } = await mount({ scenario: 'partially-paid' });
    const nextDue = part(el, 'next-due');
    expect(text(nextDue?.querySelector('h3'))).to.equal(t('en', 'overview.next_due'));
    expect(text(nextDue)).to.contain(longDate('2026-12-04'));
    expect(text(nextDue)).not.to.contain(t('en', 'overview.overdue_since', { date: longDate('2026-12-04') }));
    await expect(el).to.be.accessible();
  });

  for (const locale of ['en', 'de', 'fa']) {
    it(`names the wallet tile's amount as <wallet-balance> and the wallet payment method do (${locale})`, async () => {
      const { el } = await mount({ scenario: 'overdue', locale });
      const label = text(part(el, 'wallet')?.querySelector('dt'));
      expect(label).to.equal(t(locale, 'wallet.balance'));
      expect(label).to.equal(t(locale, 'method.wallet'));
      await expect(el).to.be.accessible();
    });
  }

  it('offers no pay action to a read-only member and says why', async () => {
    const { el } = await mount({ scenario: 'read-only' });
    expect(part(el, 'overdue-alert')).not.to.equal(null);
    expect(parts(el, 'pay-button')).to.have.length(0);
    expect(text(part(el, 'read-only-reason'))).to.equal(t('en', 'pay.disabled.read_only'));
    await expect(el).to.be.accessible();
  });

  it('shows a partially paid invoice as next due with its balance', async () => {
    const { el } = await mount({ scenario: 'partially-paid' });
    const nextDue = part(el, 'next-due');
    expect(text(nextDue)).to.contain(t('en', 'overview.next_due_invoice', { number: 'PL-2026-0155', amount: usd(9900) }));
    expect(text(nextDue?.querySelector('[part="status-badge"]'))).to.equal(t('en', 'status.invoice.partially_paid'));
    expect(text(part(el, 'due-wording'))).to.equal(t('en', 'due.in_days', { n: 8 }));
    expect(part(el, 'overdue-alert')).to.equal(null);
    expect(text(button(el, 'pay-button'))).to.equal(t('en', 'pay.button', { amount: usd(9900) }));
    await expect(el).to.be.accessible();
  });

  it('asks to pay the next due invoice through a cancelable billing-pay-request', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    const pay = button(el, 'pay-button');
    expect(text(pay)).to.equal(t('en', 'pay.button', { amount: usd(3180) }));
    setTimeout(() => pay.click());
    const event = await oneEvent<CustomEvent<BillingPayRequestDetail>>(el, 'billing-pay-request');
    const detail = event.detail;
    expect(detail).to.deep.equal({ invoiceId: 'inv_1001', number: 'PL-2026-0142', balanceDue: { amount: 3180, currency: 'USD' } });
    expect(event.cancelable).to.equal(true);
    expect(event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('opens an invoice with a button and billing-invoice-select when there is no invoice-href', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    const open = part(el, 'next-due')?.querySelector<HTMLButtonElement>('button[part="invoice-link"]');
    expect(text(open)).to.equal(t('en', 'overview.view_invoice', { number: 'PL-2026-0142' }));
    setTimeout(() => open?.click());
    const event = await oneEvent<CustomEvent<BillingInvoiceSelectDetail>>(el, 'billing-invoice-select');
    const detail = event.detail;
    expect(detail).to.deep.equal({ invoiceId: 'inv_1001', number: 'PL-2026-0142', href: undefined });
    expect(event.cancelable).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('links invoices through invoice-href; cancelling the event keeps the page for the host to route', async () => {
    const { el } = await mount({ scenario: 'overdue', invoiceHref: '/billing/invoices/{id}' });
    const link = part(el, 'next-due')?.querySelector<HTMLAnchorElement>('a[part="invoice-link"]');
    expect(link?.getAttribute('href')).to.equal('/billing/invoices/inv_1001');
    const serviceLink = parts(el, 'service')[0]?.querySelector<HTMLAnchorElement>('a[part="invoice-link"]');
    expect(serviceLink?.getAttribute('href')).to.equal('/billing/invoices/inv_1001');

    let select: CustomEvent<BillingInvoiceSelectDetail> | undefined;
    const route = (event: CustomEvent<BillingInvoiceSelectDetail>) => {
      select = event;
      event.preventDefault();
    };
    el.addEventListener('billing-invoice-select', route);
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0 });
    link?.dispatchEvent(click);
    el.removeEventListener('billing-invoice-select', route);
    expect(select?.detail).to.deep.equal({ invoiceId: 'inv_1001', number: 'PL-2026-0142', href: '/billing/invoices/inv_1001' });
    expect(click.defaultPrevented, 'the link did not navigate').to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('<billing-overview> payment history', () => {
  it('lists the latest payments with status, method and reference, kinds labelled', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    const table = part(el, 'history-table') as HTMLTableElement;
    expect(table.tagName).to.equal('TABLE');
    expect(text(table.caption)).to.equal(t('en', 'payments.caption'));
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
    // The same columns as an invoice's transactions (one renderer), the date as row header.
    expect(headers.map(text)).to.deep.equal(
      (['payments.col.date', 'payments.col.kind', 'payments.col.amount', 'payments.col.method', 'payments.col.status', 'payments.col.reference'] as const).map(
        (key) => t('en', key),
      ),
    );
    expect(historyRows(el).every((r) => r.cells[0]?.matches('th[scope="row"]'))).to.equal(true);
    expect(isNewestFirst(rowTimes(el))).to.equal(true);

    const row = (id: string) => historyRows(el).find((r) => r.dataset['paymentId'] === id);
    expect(text(row('pay_5004'))).to.contain('Bank transfer');
    expect(text(row('pay_5004'))).to.contain('PL-2026-0145');
    expect(text(row('pay_5004')?.querySelector('[part="status-badge"]'))).to.equal(t('en', 'status.payment.pending'));
    expect(text(row('pay_5003'))).to.contain(t('en', 'kind.payment.top_up'));
    expect(text(row('pay_5003'))).to.contain('tu_7000');
    expect(text(row('pay_5001'))).to.contain(t('en', 'kind.payment.refund'));
    expect(text(row('pay_5002'))).to.contain(t('en', 'kind.payment.invoice_payment'));
    expect(text(row('pay_5002'))).to.contain('Visa ending 4242');
    expect(text(row('pay_5002')?.querySelector('[part="status-badge"]'))).to.equal(t('en', 'status.payment.completed'));
    await expect(el).to.be.accessible();
  });

  it('signs a refund: money going back reads "−$35.00" with a real minus, kept with its number in Persian', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    const refund = historyRows(el).find((r) => r.dataset['paymentId'] === 'pay_5001')!;
    const amount = refund.cells[2];
    expect(text(amount)).to.equal(`\u2212${usd(3500)}`);
    expect(amount.querySelector('bdi')).to.exist;
    // The refunded payment itself went in: unsigned, status "Refunded".
    const paid = historyRows(el).find((r) => r.dataset['paymentId'] === 'pay_5000')!;
    expect(text(paid.cells[2])).to.equal(usd(3500));
    await expect(el).to.be.accessible();

    const { el: fa } = await mount({ scenario: 'overdue', locale: 'fa' });
    const faAmount = historyRows(fa).find((r) => r.dataset['paymentId'] === 'pay_5001')!.cells[2].querySelector('bdi')!;
    expect(faAmount.textContent).to.equal(formatMoney({ amount: -3500, currency: 'USD' }, 'fa'));
    expect(faAmount.textContent).to.contain('\u2212').and.not.to.contain('-');
    await expect(fa).to.be.accessible();
  });

  it('shows why a payment failed', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    // A valid body with a failed payment on top: the schema allows it, the seed has none.
    api.inject({ match: 'GET /payments', type: 'schema', patch: { 'data.0.status': 'failed', 'data.0.failure_reason': 'Card declined by the issuer' } });
    const { el } = await mount({ api });
    const [first] = historyRows(el);
    expect(text(first?.querySelector('[part="status-badge"]'))).to.equal(t('en', 'status.payment.failed'));
    expect(text(first?.querySelector('[part="failure-reason"]'))).to.equal(t('en', 'overview.history.failure', { reason: 'Card declined by the issuer' }));
    await expect(el).to.be.accessible();
  });

  it('pages through the whole history with "Load more", appending without duplicates', async () => {
    const { el, api } = await mount({ scenario: 'healthy' });
    const firstPage = rowIds(el);
    expect(firstPage).to.have.length(5);
    expect(text(part(el, 'load-more'))).to.equal(t('en', 'common.load_more'));

    button(el, 'load-more').click();
    await waitUntil(() => historyRows(el).length === 10, 'the second page was not appended');
    await settled(el);
    expect(rowIds(el).slice(0, 5)).to.deep.equal(firstPage);
    expect(text(part(el, 'live-region'))).to.equal(t('en', 'overview.history.shown', { n: 10 }));

    button(el, 'load-more').click();
    await waitUntil(() => historyRows(el).length === 12, 'the last page was not appended');
    await settled(el);
    const ids = rowIds(el);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(isNewestFirst(rowTimes(el))).to.equal(true);
    expect(part(el, 'load-more')).to.equal(null);
    expect(text(part(el, 'history'))).to.contain(t('en', 'common.all_loaded'));
    expect(api.requestLog().filter((entry) => entry === 'GET /payments')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows page-size payments per page', async () => {
    const { el } = await mount({ scenario: 'healthy', attrs: { pageSize: 3 } });
    expect(el.pageSize).to.equal(3);
    expect(historyRows(el)).to.have.length(3);
    button(el, 'load-more').click();
    await waitUntil(() => historyRows(el).length === 6, 'the next page was not appended');
    await expect(el).to.be.accessible();
  });

  it('keeps the shown pages when loading more fails, and retries', async () => {
    const { el, api } = await mount({ scenario: 'healthy' });
    api.inject({ match: 'GET /payments', type: 'status', status: 500 });
    button(el, 'load-more').click();
    await waitUntil(() => part(el, 'error'), 'no error for the failed page');
    expect(historyRows(el)).to.have.length(5);
    expect(part(el, 'error')?.dataset['code']).to.equal('server_error');
    (part(el, 'error')?.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => historyRows(el).length === 10, 'the retry did not append the page');
    expect(part(el, 'error')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<billing-overview> refresh', () => {
  it('reloads everything on the page through refreshAll and announces "Updated"', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { el, client, provider } = await mountInProvider<BillingOverview>(
      html`<billing-overview></billing-overview><billing-overview service-id=${VPS}></billing-overview>`,
      { api },
    );
    const banner = provider.querySelector<BillingOverview>(`billing-overview[service-id="${VPS}"]`)!;
    await settled(el);
    await settled(banner);
    const alert = part(el, 'overdue-alert');

    let refreshAllCalls = 0;
    const refreshAll = client.refreshAll.bind(client);
    client.refreshAll = () => {
      refreshAllCalls++;
      refreshAll();
    };
    api.clock.advance(60_000);
    const before = api.requestLog().length;
    button(el, 'refresh-button').click();
    await waitUntil(() => text(part(el, 'live-region')) === t('en', 'overview.updated'), 'no "Updated" announcement');

    expect(refreshAllCalls).to.equal(1);
    const fresh = api.requestLog().slice(before);
    expect(fresh).to.include('GET /summary');
    expect(fresh).to.include('GET /payments');
    expect(fresh, 'the other element on the page reloaded too').to.include('GET /services/*/billing');
    expect(part(el, 'as-of')?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-26T09:01:00.000Z');
    // The same alert node stays: an unchanged alert is not announced again.
    expect(part(el, 'overdue-alert')).to.equal(alert);
    await expect(el).to.be.accessible();
    await expect(banner).to.be.accessible();
  });

  it('keeps the data on screen, marked as updating, while refreshing', async () => {
    const { el, api } = await mount({ scenario: 'overdue' });
    api.inject({ match: 'GET /summary', type: 'latency', ms: 400 });
    button(el, 'refresh-button').click();
    await waitUntil(() => part(el, 'updating'), 'no "Updating…" note');
    expect(text(part(el, 'updating'))).to.equal(t('en', 'common.updating'));
    expect(part(el, 'overview')?.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'overdue-alert')).not.to.equal(null);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(part(el, 'overview')?.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows stale data with "could not refresh" and a retry when a refresh fails', async () => {
    const { el, api } = await mount({ scenario: 'overdue' });
    api.inject({ match: 'GET /summary', type: 'status', status: 500 });
    button(el, 'refresh-button').click();
    await waitUntil(() => part(el, 'stale-notice'), 'no stale notice');
    await settled(el);
    expect(text(part(el, 'stale-notice'))).to.match(messagePattern('common.stale'));
    expect(part(el, 'overdue-alert'), 'the old data stays').not.to.equal(null);
    expect(text(part(el, 'live-region'))).to.equal(t('en', 'overview.refresh_failed'));
    await expect(el).to.be.accessible();

    (part(el, 'stale-notice')?.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => !part(el, 'stale-notice'), 'the retry did not recover');
    expect(part(el, 'overdue-alert')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('reloads the pages shown with "Load more" after a refresh, keeping them', async () => {
    const { el, api } = await mount({ scenario: 'healthy' });
    button(el, 'load-more').click();
    await waitUntil(() => historyRows(el).length === 10, 'the second page was not appended');
    const shown = rowIds(el);
    const before = api.requestLog().length;
    button(el, 'refresh-button').click();
    await waitUntil(() => text(part(el, 'live-region')) === t('en', 'overview.updated'), 'no "Updated" announcement');
    await waitUntil(() => api.requestLog().slice(before).filter((e) => e === 'GET /payments').length === 2, 'the second page was not reloaded');
    await settled(el);
    expect(rowIds(el)).to.deep.equal(shown);
    await expect(el).to.be.accessible();
  });
});

describe('<billing-overview> view states', () => {
  it('shows a skeleton while loading', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /summary', type: 'latency', ms: 500 });
    const { el } = await mountInProvider<BillingOverview>(html`<billing-overview></billing-overview>`, { api });
    await el.updateComplete;
    expect(part(el, 'skeleton')?.getAttribute('role')).to.equal('status');
    expect(part(el, 'overdue-alert')).to.equal(null);
    await expect(el).to.be.accessible();
    await settled(el);
    expect(part(el, 'overdue-alert')).not.to.equal(null);
  });

  const errors: Array<{ name: string; fault: Parameters<ReturnType<typeof createReferenceApi>['inject']>[0]; code: string; message: string }> = [
    { name: 'a server error', fault: { match: 'GET /summary', type: 'status', status: 500 }, code: 'server_error', message: t('en', 'error.server_error.title') },
    { name: 'an expired token', fault: { match: 'GET /summary', type: 'expired-token' }, code: 'unauthorized', message: t('en', 'error.unauthorized.title') },
    { name: 'a body that fails the schema', fault: { match: 'GET /summary', type: 'schema' }, code: 'bad_response', message: t('en', 'error.bad_response.title') },
  ];
  for (const { name, fault, code, message } of errors) {
    it(`shows ${name} with its own message, reports billing-error, and retries`, async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject(fault);
      const reported: BillingErrorDetail[] = [];
      const listener = (event: CustomEvent<BillingErrorDetail>) => reported.push(event.detail);
      document.addEventListener('billing-error', listener);
      try {
        const { el } = await mountInProvider<BillingOverview>(html`<billing-overview></billing-overview>`, { api });
        await waitUntil(() => part(el, 'error'), 'no error panel');
        const panel = part(el, 'error');
        expect(panel?.dataset['code']).to.equal(code);
        expect(panel?.getAttribute('role')).to.equal('alert');
        expect(text(panel)).to.contain(message);
        expect(reported.map((d) => [d.code, d.element])).to.deep.include([code, 'billing-overview']);
        await expect(el).to.be.accessible();

        (panel?.querySelector('[part="retry-button"]') as HTMLButtonElement).click();
        await waitUntil(() => part(el, 'overdue-alert'), 'the retry did not load the summary');
        expect(part(el, 'error')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('billing-error', listener);
      }
    });
  }

  it('shows the configuration error without a provider', async () => {
    const el = await fixture<BillingOverview>(html`<billing-overview></billing-overview>`);
    expect(part(el, 'config-error')).not.to.equal(null);
    expect(text(part(el, 'config-error'))).to.contain(t('en', 'common.config_error.title'));
    expect(part(el, 'skeleton')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<billing-overview> locales and themes', () => {
  it('formats EUR in German', async () => {
    const { el } = await mount({ scenario: 'eur', locale: 'de' });
    expect(el.getAttribute('lang')).to.equal('de');
    expect(text(part(el, 'wallet'))).to.match(/40,00\s€/);
    expect(text(part(el, 'due-wording'))).to.equal('Fällig in 3 Tagen');
    expect(text(part(el, 'title'))).to.equal('Abrechnungsübersicht');
    expect(text(button(el, 'refresh-button'))).to.equal('Aktualisieren');
    expect(text(historyRows(el)[0]?.querySelector('[part="status-badge"]'))).to.equal('Abgeschlossen');
    await expect(el).to.be.accessible();
  });

  it('shows JPY without minor digits', async () => {
    const { el } = await mount({ scenario: 'jpy', locale: 'ja' });
    expect(text(part(el, 'unpaid'))).to.contain('168,000');
    expect(text(part(el, 'unpaid'))).not.to.contain('1,680');
    expect(text(part(el, 'wallet'))).to.match(/5,000(?![.,]\d)/);
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in Persian', async () => {
    const { el } = await mount({ scenario: 'overdue', locale: 'fa' });
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(el.getAttribute('lang')).to.equal('fa');
    expect(getComputedStyle(part(el, 'overview')!).direction).to.equal('rtl');
    expect(text(part(el, 'wallet'))).to.match(/[۰-۹]/);
    expect(text(button(el, 'refresh-button'))).not.to.equal(t('en', 'common.refresh'));
    await expect(el).to.be.accessible();
  });

  it('takes the dark token set from the theme attribute', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});

describe('<billing-overview service-id> service mode', () => {
  it('shows an at-risk VPS as an alert with its suspension date, blocking invoices and pay actions', async () => {
    const { el, api } = await mount({ scenario: 'overdue', attrs: { serviceId: VPS } });
    const message = part(el, 'banner-message');
    expect(message?.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal(t('en', 'service.banner.at_risk', { date: longDate('2026-11-28') }));
    expect(part(el, 'banner')?.dataset['tone']).to.equal('danger');
    expect(text(shadow(el).querySelector('h2'))).to.equal(t('en', 'service.title', { name: 'VPS Cloud 4 · fra1-vps-042' }));

    const rows = [...shadow(el).querySelectorAll('[part="blocking-table"] tbody tr')];
    expect(rows).to.have.length(1);
    expect(text(rows[0])).to.contain('PL-2026-0142');
    expect(text(rows[0])).to.contain(usd(3180));
    expect(text(rows[0])).to.contain(t('en', 'due.overdue_days', { n: 5 }));
    expect(text(button(el, 'pay-button'))).to.equal(t('en', 'service.pay', { amount: usd(3180), number: 'PL-2026-0142' }));
    expect(api.requestLog()).not.to.include('GET /payments');
    expect(part(el, 'overview')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('names the amount and the invoice on a blocking invoice\'s pay button', async () => {
    const { el } = await mount({ scenario: 'overdue', attrs: { serviceId: VPS } });
    const pay = button(el, 'pay-button');
    // "Pay $31.80 for invoice PL-2026-0142": what it costs, and which invoice (its accessible name is its text).
    expect(text(pay)).to.equal(t('en', 'service.pay', { amount: usd(3180), number: 'PL-2026-0142' }));
    expect(text(pay)).to.contain(usd(3180)).and.to.contain('PL-2026-0142');
    expect(pay.hasAttribute('aria-label')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('emits a cancelable billing-pay-request for a blocking invoice', async () => {
    const { el } = await mount({ scenario: 'overdue', attrs: { serviceId: VPS } });
    let received: CustomEvent<BillingPayRequestDetail> | undefined;
    const handle = (event: CustomEvent<BillingPayRequestDetail>) => {
      received = event;
      event.preventDefault();
    };
    document.addEventListener('billing-pay-request', handle);
    button(el, 'pay-button').click();
    document.removeEventListener('billing-pay-request', handle);
    expect(received?.detail).to.deep.equal({ invoiceId: 'inv_1001', number: 'PL-2026-0142', balanceDue: { amount: 3180, currency: 'USD' } });
    expect(received?.cancelable).to.equal(true);
    expect(received?.defaultPrevented).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows a suspended service with the termination date', async () => {
    const { el } = await mount({ scenario: 'suspended', attrs: { serviceId: 'srv_vps_sgp1' } });
    const message = part(el, 'banner-message');
    expect(message?.getAttribute('role')).to.equal('alert');
    expect(text(message)).to.equal(t('en', 'service.banner.suspended', { date: longDate('2026-12-01') }));
    expect(text(shadow(el).querySelector('[part="blocking-table"] tbody'))).to.contain('PL-2026-0133');
    await expect(el).to.be.accessible();
  });

  it('says when a suspended service comes back once its invoice is paid, then that all is well', async () => {
    const { el, api, client } = await mount({ scenario: 'suspended', attrs: { serviceId: 'srv_vps_sgp1' } });
    const paid = await client.payInvoice('inv_2001', { method_id: 'pm_card_4242', apply_wallet: false }, { idempotencyKey: 'restore-test' });
    await api.completeCheckout(paid.payment.id, 'approve');
    client.invalidate(['service:srv_vps_sgp1']);
    await waitUntil(() => part(el, 'service-banner')?.dataset['state'] === 'restoring', 'the banner did not show the restoring service');
    await settled(el);
    const message = part(el, 'banner-message');
    // The server's estimate: ten minutes after the card settled.
    const resumesAt = new Date(api.clock.now().getTime() + 10 * 60_000).toISOString();
    expect(text(message)).to.equal(t('en', 'service.banner.restoring_by', { name: 'VPS Cloud 2 · sgp1-vps-118', time: formatAsOf(resumesAt, 'en') }));
    expect(message?.querySelector('time')?.getAttribute('datetime')).to.equal(resumesAt);
    expect(message?.getAttribute('role')).to.equal('status');
    expect(part(el, 'banner')?.dataset['tone']).to.equal('info');
    expect(part(el, 'blocking-table')).to.equal(null);
    await expect(el).to.be.accessible();

    api.clock.advance(10 * 60_000);
    client.invalidate(['service:srv_vps_sgp1']);
    await waitUntil(() => part(el, 'service-banner')?.dataset['state'] === 'ok', 'the service did not come back');
    await settled(el);
    expect(text(part(el, 'banner-message'))).to.equal(t('en', 'status.service_billing.ok'));
    await expect(el).to.be.accessible();
  });

  it('says a restoring service usually takes a few minutes when the server gives no estimate', async () => {
    const api = createReferenceApi({ scenario: 'suspended' });
    api.inject({ match: 'GET /services/*/billing', type: 'schema', patch: { state: 'restoring', blocking_invoices: [], resumes_at: null } });
    const { el } = await mount({ api, attrs: { serviceId: 'srv_vps_sgp1' } });
    expect(text(part(el, 'banner-message'))).to.equal(t('en', 'service.banner.restoring', { name: 'VPS Cloud 2 · sgp1-vps-118' }));
    expect(isolated(part(el, 'banner-message'))).to.deep.equal(['VPS Cloud 2 · sgp1-vps-118']);
    await expect(el).to.be.accessible();
  });

  it('shows a service without billing issues as a polite status', async () => {
    const { el } = await mount({ scenario: 'healthy', attrs: { serviceId: VPS } });
    const message = part(el, 'banner-message');
    expect(message?.getAttribute('role')).to.equal('status');
    expect(text(message)).to.equal(t('en', 'status.service_billing.ok'));
    expect(part(el, 'banner')?.dataset['tone']).to.equal('ok');
    expect(part(el, 'blocking-table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('says when a payment is due on a service', async () => {
    const { el } = await mount({ scenario: 'overdue', attrs: { serviceId: 'srv_gpu_ams1' } });
    const message = part(el, 'banner-message');
    expect(message?.getAttribute('role')).to.equal('status');
    expect(text(message)).to.equal(t('en', 'service.banner.payment_due', { date: longDate('2026-12-04') }));
    expect(text(part(el, 'due-wording'))).to.equal(t('en', 'due.in_days', { n: 8 }));
    await expect(el).to.be.accessible();
  });

  it('says an unknown service was not found, with no retry (a 404 does not change by retrying)', async () => {
    const { el } = await mount({ scenario: 'overdue', attrs: { serviceId: 'srv_nope' } });
    const notFound = part(el, 'not-found');
    expect(text(notFound)).to.contain(t('en', 'service.not_found.title'));
    expect(text(notFound)).to.contain(t('en', 'service.not_found.body'));
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'retry-button')).to.equal(null);
    // Only the message: no banner, no invoices table, nothing claiming the service is fine.
    expect([...shadow(el).querySelectorAll('[part]')].map((node) => node.getAttribute('part'))).to.deep.equal([
      'service-banner',
      'not-found',
      'live-region',
    ]);
    await expect(el).to.be.accessible();
  });

  it('shows a billing state from a newer server neutrally, with its raw label and no alert', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /services/*/billing', type: 'schema', patch: { state: 'grace_period' } });
    const { el } = await mount({ api, attrs: { serviceId: VPS } });
    const message = part(el, 'banner-message');
    expect(text(message)).to.equal(t('en', 'status.unknown', { label: 'grace_period' }));
    expect(message?.getAttribute('role')).to.equal('status');
    expect(part(el, 'banner')?.dataset['tone']).to.equal('neutral');
    await expect(el).to.be.accessible();
  });

  it('hides the pay action from a read-only member and says why', async () => {
    const { el } = await mount({ scenario: 'read-only', attrs: { serviceId: VPS } });
    await waitUntil(() => part(el, 'read-only-reason'), 'no read-only reason');
    expect(parts(el, 'pay-button')).to.have.length(0);
    expect(text(part(el, 'read-only-reason'))).to.equal(t('en', 'pay.disabled.read_only'));
    expect(text(part(el, 'blocking-table'))).to.contain('PL-2026-0142');
    await expect(el).to.be.accessible();
  });

  it('shows a load error with a retry', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /services/*/billing', type: 'status', status: 500 });
    const { el } = await mountInProvider<BillingOverview>(html`<billing-overview service-id=${VPS}></billing-overview>`, { api });
    await waitUntil(() => part(el, 'error'), 'no error panel');
    expect(part(el, 'error')?.dataset['code']).to.equal('server_error');
    await expect(el).to.be.accessible();
    button(el, 'retry-button').click();
    await waitUntil(() => part(el, 'banner-message'), 'the retry did not load');
    await expect(el).to.be.accessible();
  });

  it('keeps the alert node on a background reload, and marks stale data when it fails', async () => {
    const { el, api, client } = await mount({ scenario: 'overdue', attrs: { serviceId: VPS } });
    const alert = part(el, 'banner-message');
    api.inject({ match: 'GET /services/*/billing', type: 'latency', ms: 300 });
    client.invalidate([`service:${VPS}`]);
    await waitUntil(() => part(el, 'updating'), 'no "Updating…" note');
    expect(part(el, 'service-banner')?.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await settled(el);
    expect(part(el, 'banner-message'), 'the same alert node: not announced again').to.equal(alert);

    api.inject({ match: 'GET /services/*/billing', type: 'status', status: 500 });
    client.invalidate([`service:${VPS}`]);
    await waitUntil(() => part(el, 'stale-notice'), 'no stale notice');
    expect(part(el, 'banner-message')).to.equal(alert);
    await expect(el).to.be.accessible();
  });
});
