import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define/invoice-list.js';
import type { InvoiceList } from '../../src/components/invoice-list/invoice-list.js';
import type { BillingErrorDetail, BillingInvoiceSelectDetail } from '../../src/components/shared/events.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import { formatCalendarDate, formatMoney, todayCalendarDate } from '../../src/i18n/format.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi, ScenarioName } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions, Mounted } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';

// ---------------------------------------------------------------------------------------
// Helpers

/** The attention order of the 'overdue' scenario on 2026-11-26 (the server's default order). */
const OVERDUE_ORDER = [
  'PL-2026-0142', // overdue since 21 Nov
  'PL-2026-0149', // unpaid, due 2 Dec
  'PL-2026-0147', // unpaid, due 4 Dec
  'PL-2026-0145', // payment processing
  'PL-2026-0128', // the rest newest first: in_dispute, issued 20 Oct
  'PL-2026-0131', // paid, 7 Oct
  'PL-2026-0117', // cancelled, 2 Oct
  'PL-2026-0109', // refunded, 18 Sep
];

const root = (el: InvoiceList): ShadowRoot => el.shadowRoot!;
const part = <T extends Element = HTMLElement>(el: Element, name: string): T | null =>
  (el.shadowRoot ?? el).querySelector<T>(`[part~="${name}"]`);
const rowsOf = (el: InvoiceList): HTMLTableRowElement[] => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const numbersOf = (el: InvoiceList): string[] => rowsOf(el).map((row) => text(part(row, 'invoice-link')));
const rowOf = (el: InvoiceList, number: string): HTMLTableRowElement => {
  const row = rowsOf(el).find((r) => text(part(r, 'invoice-link')) === number);
  if (!row) throw new Error(`no row for ${number}`);
  return row;
};
const text = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** US dollars in minor units as the element writes them in English. */
const usd = (amount: number): string => formatMoney({ amount, currency: 'USD' }, 'en');

/** "Paid Oct 19": the day of a payment instant in this browser's time zone, as the list writes it. */
const paidOn = (instant: string): string => t('en', 'due.paid_on', { date: formatCalendarDate(todayCalendarDate(new Date(instant)), 'en') });

/** The English message of `key` as a pattern, its placeholders matching any text (a clock time the test does not fix). */
function messagePattern(key: MessageKey): RegExp {
  const parts = t('en', key).split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('.+'));
}

/**
 * The invoice numbers of the rows the list renders from now on, in order: each row's render
 * asks for its link's label (`invoices.open` with the number), so the element's `msg` is
 * wrapped on the instance.
 */
function recordRowRenders(el: InvoiceList): string[] {
  const rendered: string[] = [];
  const host = el as unknown as { msg: (this: unknown, key: string, params?: Record<string, unknown>) => string };
  const inherited = host.msg;
  host.msg = function (this: unknown, key: string, params?: Record<string, unknown>) {
    if (key === 'invoices.open') rendered.push(String(params?.number));
    return inherited.call(this, key, params);
  };
  return rendered;
}

/** Waits until the list has settled in a state with nothing loading. */
async function settle(el: InvoiceList): Promise<void> {
  // A filter change starts its load in the next update: let it start before waiting.
  await el.updateComplete;
  await waitUntil(() => el.viewState !== 'loading' && el.viewState !== 'refreshing', `list still ${el.viewState}`, { timeout: 5000 });
  await el.updateComplete;
}

/** The API's fetch, recording each URL the client asked for. */
function recordingFetch(api: ReferenceApi): { fetch: typeof fetch; urls: URL[]; invoiceQueries: () => URLSearchParams[] } {
  const urls: URL[] = [];
  const recording: typeof fetch = (input, init) => {
    urls.push(new URL(input instanceof Request ? input.url : String(input), 'http://billing.test'));
    return api.fetch(input, init);
  };
  return {
    fetch: recording,
    urls,
    invoiceQueries: () => urls.filter((u) => u.pathname.endsWith('/invoices')).map((u) => u.searchParams),
  };
}

async function mountList(
  template = html`<invoice-list></invoice-list>`,
  options: MountOptions & { scenario?: ScenarioName } = {},
): Promise<Mounted<InvoiceList> & { invoiceQueries: () => URLSearchParams[] }> {
  const api = options.api ?? createReferenceApi({ scenario: options.scenario ?? 'overdue' });
  const recorder = recordingFetch(api);
  const mounted = await mountInProvider<InvoiceList>(template, { ...options, api, client: { fetch: recorder.fetch, ...options.client } });
  return { ...mounted, invoiceQueries: recorder.invoiceQueries };
}

async function mountReady(
  template = html`<invoice-list></invoice-list>`,
  options: MountOptions = {},
): Promise<Mounted<InvoiceList> & { invoiceQueries: () => URLSearchParams[] }> {
  const mounted = await mountList(template, options);
  await settle(mounted.el);
  return mounted;
}

function select(el: InvoiceList, name: 'status-filter' | 'service-filter', value: string): void {
  const control = part<HTMLSelectElement>(el, name)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function typeSearch(el: InvoiceList, value: string): HTMLInputElement {
  const input = part<HTMLInputElement>(el, 'search')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  return input;
}

function click(target: Element, init: MouseEventInit = {}): boolean {
  return target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, button: 0, ...init }));
}

// ---------------------------------------------------------------------------------------

describe('<invoice-list>', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  describe('view states', () => {
    it('shows a skeleton with the filters while the first page loads', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices', type: 'latency', ms: 400 });
      const { el } = await mountList(html`<invoice-list></invoice-list>`, { api });
      await waitUntil(() => part(el, 'skeleton'), 'no skeleton');
      expect(el.viewState).to.equal('loading');
      const skeleton = part(el, 'skeleton')!;
      expect(skeleton.getAttribute('role')).to.equal('status');
      expect(text(skeleton)).to.include(t('en', 'common.loading'));
      // The column heads, a row per invoice of a page (page-size, default 20), the count: the table's layout.
      expect(skeleton.querySelectorAll('.skeleton-line').length).to.equal(1 + 20 + 1);
      expect(part(el, 'status-filter'), 'filters stay usable').to.exist;
      expect(part(el, 'table')).to.equal(null);
      await expect(el).to.be.accessible();
      await settle(el);
      expect(part(el, 'skeleton')).to.equal(null);
      expect(rowsOf(el)).to.have.length(8);
    });

    it('renders the overdue account in the server\'s needs-attention order', async () => {
      const { el, invoiceQueries } = await mountReady();
      expect(el.viewState).to.equal('ready');
      expect(numbersOf(el)).to.deep.equal(OVERDUE_ORDER);
      const [first] = invoiceQueries();
      expect(first.get('limit')).to.equal('20');
      expect(first.has('cursor')).to.equal(false);
      const table = part<HTMLTableElement>(el, 'table')!;
      expect(text(table.caption)).to.equal(t('en', 'invoices.caption_attention'));
      const headers = [...table.querySelectorAll('thead th')];
      expect(headers.map((th) => th.getAttribute('scope'))).to.deep.equal(Array(6).fill('col'));
      expect(headers.map(text)).to.deep.equal(
        (['invoices.col.number', 'invoices.col.issue_date', 'invoices.col.due', 'invoices.col.status', 'invoices.col.total', 'invoices.col.balance_due'] as const).map(
          (key) => t('en', key),
        ),
      );
      const overdue = rowOf(el, 'PL-2026-0142');
      expect(text(overdue)).to.include(usd(3180));
      expect(text(part(overdue, 'service-name'))).to.equal('VPS Cloud 4 · fra1-vps-042');
      expect(part(overdue, 'due')!.querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-21');
      expect(text(part(el, 'count'))).to.equal(t('en', 'invoices.count', { n: 8 }));
      expect(part(el, 'load-more'), 'one page only').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows each status as a badge with text and a shape, unknown ones neutral with the raw label', async () => {
      const { el } = await mountReady();
      const badge = (number: string) => part(rowOf(el, number), 'status-badge')!;
      const expected: Array<[string, string, string, string]> = [
        ['PL-2026-0142', 'overdue', 'danger', t('en', 'status.invoice.overdue')],
        ['PL-2026-0149', 'unpaid', 'warning', t('en', 'status.invoice.unpaid')],
        ['PL-2026-0145', 'pending', 'info', t('en', 'status.invoice.pending')],
        ['PL-2026-0131', 'paid', 'ok', t('en', 'status.invoice.paid')],
        ['PL-2026-0117', 'cancelled', 'neutral', t('en', 'status.invoice.cancelled')],
        ['PL-2026-0109', 'refunded', 'neutral', t('en', 'status.invoice.refunded')],
        // A status from a newer server: the catalog's wording for an unknown invoice status.
        ['PL-2026-0128', 'in_dispute', 'neutral', t('en', 'status.invoice_unknown', { label: 'in_dispute' })],
      ];
      for (const [number, status, tone, label] of expected) {
        const b = badge(number);
        expect(b.dataset.status, number).to.equal(status);
        expect(b.dataset.tone, number).to.equal(tone);
        expect(text(b), number).to.equal(label);
        expect(b.querySelector('svg[aria-hidden="true"]'), number).to.exist;
        expect(rowOf(el, number).dataset.status).to.equal(status);
      }
      await expect(el).to.be.accessible();
    });

    it('shows partially paid invoices with their balance due', async () => {
      const { el } = await mountReady(undefined, { scenario: 'partially-paid' });
      const row = rowOf(el, 'PL-2026-0155');
      expect(text(part(row, 'status-badge'))).to.equal(t('en', 'status.invoice.partially_paid'));
      expect(part(row, 'status-badge')!.dataset.tone).to.equal('warning');
      expect(text(part(row, 'total'))).to.equal(usd(14900));
      expect(text(part(row, 'balance'))).to.equal(usd(9900));
      expect(part(row, 'balance')!.hasAttribute('data-open')).to.equal(true);
      expect(text(part(row, 'due-wording'))).to.equal(t('en', 'due.in_days', { n: 8 }));
      await expect(el).to.be.accessible();
    });

    it('reads the due date with the status, and marks overdue rows in words', async () => {
      const { el } = await mountReady();
      const wording = (number: string) => part(rowOf(el, number), 'due-wording');
      expect(text(wording('PL-2026-0142'))).to.equal(t('en', 'due.overdue_days', { n: 5 }));
      expect(wording('PL-2026-0142')!.dataset.due).to.equal('overdue');
      expect(text(wording('PL-2026-0149'))).to.equal(t('en', 'due.in_days', { n: 6 }));
      expect(text(wording('PL-2026-0147'))).to.equal(t('en', 'due.in_days', { n: 8 }));
      expect(text(wording('PL-2026-0131'))).to.equal(paidOn('2026-10-19T16:44:00Z'));
      // No due wording where nothing is owed, a payment is processing, or the status is unknown.
      for (const number of ['PL-2026-0117', 'PL-2026-0109', 'PL-2026-0145', 'PL-2026-0128']) {
        expect(wording(number), number).to.equal(null);
        expect(part(rowOf(el, number), 'due')!.querySelector('time'), number).to.exist;
      }
      // "Needs attention" only on the overdue row, as text (not colour alone).
      const marked = rowsOf(el).filter((row) => part(row, 'attention'));
      expect(marked.map((row) => row.dataset.status)).to.deep.equal(['overdue']);
      expect(text(part(marked[0], 'attention'))).to.equal(t('en', 'invoices.needs_attention'));
      expect(marked[0].hasAttribute('data-attention')).to.equal(true);
      // Balances are prominent only where money is owed on a payable status.
      const open = rowsOf(el).filter((row) => part(row, 'balance')!.hasAttribute('data-open'));
      expect(open.map((row) => row.dataset.status).sort()).to.deep.equal(['overdue', 'unpaid', 'unpaid']);
      expect(text(part(rowOf(el, 'PL-2026-0131'), 'balance'))).to.equal(usd(0));
      await expect(el).to.be.accessible();
    });

    it('says "Paid Oct 19" from the payment on a paid invoice, and names its due date as the due date', async () => {
      const { el } = await mountReady();
      const due = part(rowOf(el, 'PL-2026-0131'), 'due')!;
      const wording = part(due, 'due-wording')!;
      // Paid 19 October (its card payment), due 21 October: the paid line carries the payment's day.
      expect(text(wording)).to.equal(paidOn('2026-10-19T16:44:00Z'));
      expect(wording.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-19T16:44:00Z');
      const secondary = due.querySelector('.secondary')!;
      expect(text(secondary)).to.equal(t('en', 'due.on', { date: formatCalendarDate('2026-10-21', 'en') }));
      expect(secondary.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-21');
      await expect(el).to.be.accessible();
    });

    it('says only "Paid" when the server gives no payment date, never the due date under it unnamed', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      // An older server: no paid_at on the paid row (index 5 in the attention order).
      api.inject({ match: 'GET /invoices', type: 'schema', patch: { 'data.5.paid_at': null } });
      const { el } = await mountReady(undefined, { api });
      const due = part(rowOf(el, 'PL-2026-0131'), 'due')!;
      expect(text(part(due, 'due-wording'))).to.equal(t('en', 'status.invoice.paid'));
      expect(part(due, 'due-wording')!.querySelector('time')).to.equal(null);
      expect(text(due.querySelector('.secondary'))).to.equal(t('en', 'due.on', { date: formatCalendarDate('2026-10-21', 'en') }));
      await expect(el).to.be.accessible();
    });

    it('names the held statuses a newer contract may add (disputed, on hold) in words, never as due', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices', type: 'schema', patch: { 'data.4.status': 'disputed', 'data.5.status': 'on_hold' } });
      const { el } = await mountReady(undefined, { api });
      for (const [number, status] of [['PL-2026-0128', 'disputed'], ['PL-2026-0131', 'on_hold']] as const) {
        const badge = part(rowOf(el, number), 'status-badge')!;
        expect(text(badge), number).to.equal(t('en', `status.invoice.${status}`));
        expect(badge.dataset.tone, number).to.equal('warning');
        expect(part(rowOf(el, number), 'due-wording'), number).to.equal(null);
        expect(part(rowOf(el, number), 'balance')!.hasAttribute('data-open'), number).to.equal(false);
      }
      await expect(el).to.be.accessible();
    });

    it('says "Due today" on the due date', async () => {
      const { el } = await mountReady(undefined, { today: '2026-12-02' });
      expect(text(part(rowOf(el, 'PL-2026-0149'), 'due-wording'))).to.equal(t('en', 'due.today'));
      await expect(el).to.be.accessible();
    });

    it('welcomes a new account with "no invoices yet" and no filter reset', async () => {
      const { el } = await mountReady(undefined, { scenario: 'new-account' });
      const empty = part(el, 'empty')!;
      expect(empty.dataset.empty).to.equal('none');
      expect(text(empty)).to.include(t('en', 'invoices.empty'));
      expect(part(el, 'clear-filters')).to.equal(null);
      expect(part(el, 'table')).to.equal(null);
      expect(part(el, 'footer')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows a server error with its own wording and a retry that loads the list', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices', type: 'status', status: 500 });
      const errors: string[] = [];
      const { el } = await mountList(html`<invoice-list @billing-error=${(e: CustomEvent<{ code: string }>) => errors.push(e.detail.code)}></invoice-list>`, { api });
      await settle(el);
      expect(el.viewState).to.equal('error');
      const panel = part(el, 'error')!;
      expect(panel.dataset.code).to.equal('server_error');
      expect(panel.getAttribute('role')).to.equal('alert');
      expect(text(panel)).to.include(t('en', 'error.server_error.title'));
      expect(errors).to.deep.equal(['server_error']);
      expect(part(el, 'status-filter'), 'filters stay').to.exist;
      await expect(el).to.be.accessible();
      part(panel, 'retry-button')!.click();
      await waitUntil(() => el.viewState === 'ready', 'retry did not load');
      await el.updateComplete;
      expect(numbersOf(el)).to.deep.equal(OVERDUE_ORDER);
      await expect(el).to.be.accessible();
    });

    it('tells an expired session apart', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices', type: 'expired-token' });
      const { el } = await mountReady(undefined, { api });
      const panel = part(el, 'error')!;
      expect(panel.dataset.code).to.equal('unauthorized');
      expect(text(panel)).to.include(t('en', 'error.unauthorized.title'));
      expect(text(panel)).to.include(t('en', 'error.unauthorized.action'));
      await expect(el).to.be.accessible();
    });

    it('tells data it could not read apart', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /invoices', type: 'schema' });
      const { el } = await mountReady(undefined, { api });
      const panel = part(el, 'error')!;
      expect(panel.dataset.code).to.equal('bad_response');
      expect(text(panel)).to.include(t('en', 'error.bad_response.title'));
      expect(rowsOf(el)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('renders the configuration error without a provider', async () => {
      const el = await fixture<InvoiceList>(html`<invoice-list></invoice-list>`);
      expect(el.viewState).to.equal('no-client');
      const config = part(el, 'config-error')!;
      expect(text(config)).to.include(t('en', 'common.config_error.title'));
      expect(part(el, 'skeleton')).to.equal(null);
      expect(part(el, 'status-filter')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('refreshing', () => {
    it('keeps the rows and shows "Updating…" while an invalidation reloads', async () => {
      const { el, api, client, invoiceQueries } = await mountReady();
      const before = invoiceQueries().length;
      api.inject({ match: 'GET /invoices', type: 'latency', ms: 300 });
      client.invalidate(['invoices']);
      await waitUntil(() => el.viewState === 'refreshing', 'no refresh');
      await el.updateComplete;
      expect(text(part(el, 'updating'))).to.equal(t('en', 'common.updating'));
      expect(part(el, 'table')!.getAttribute('aria-busy')).to.equal('true');
      expect(numbersOf(el)).to.deep.equal(OVERDUE_ORDER);
      await expect(el).to.be.accessible();
      await settle(el);
      expect(invoiceQueries().length).to.be.above(before);
      expect(part(el, 'updating')).to.equal(null);
      expect(part(el, 'table')!.getAttribute('aria-busy')).to.equal('false');
      expect(numbersOf(el)).to.deep.equal(OVERDUE_ORDER);
    });

    it('shows current data after a change elsewhere (a payment) is invalidated', async () => {
      const { el, client } = await mountReady();
      expect(part(rowOf(el, 'PL-2026-0149'), 'status-badge')!.dataset.status).to.equal('unpaid');
      await client.payInvoice('inv_1003', { method_id: 'pm_bank', apply_wallet: false }, { idempotencyKey: 'test-pay-1003' });
      // A bank transfer puts the invoice into "payment processing"; the list learns it from the invalidation.
      await waitUntil(() => part(rowOf(el, 'PL-2026-0149'), 'status-badge')!.dataset.status === 'pending', 'row not updated');
      await settle(el);
      expect(part(rowOf(el, 'PL-2026-0149'), 'due-wording')).to.equal(null);
      expect(rowsOf(el)).to.have.length(8);
      await expect(el).to.be.accessible();
    });

    it('shows stale data with "could not refresh" and a retry when a reload fails', async () => {
      const { el, api, client } = await mountReady();
      api.inject({ match: 'GET /invoices', type: 'status', status: 500 });
      client.invalidate(['invoices']);
      await waitUntil(() => el.viewState === 'stale', 'not stale');
      await el.updateComplete;
      const notice = part(el, 'stale-notice')!;
      expect(text(notice)).to.match(messagePattern('common.stale'));
      expect(notice.dataset.code).to.equal('server_error');
      expect(numbersOf(el), 'rows kept').to.deep.equal(OVERDUE_ORDER);
      await expect(el).to.be.accessible();
      part(notice, 'retry-button')!.click();
      await waitUntil(() => el.viewState === 'ready', 'retry failed');
      await el.updateComplete;
      expect(part(el, 'stale-notice')).to.equal(null);
      expect(numbersOf(el)).to.deep.equal(OVERDUE_ORDER);
    });
  });

  describe('filters and search', () => {
    it('filters by status on the server and offers every known status', async () => {
      const { el, invoiceQueries } = await mountReady();
      const options = [...part<HTMLSelectElement>(el, 'status-filter')!.options].map((o) => o.value);
      expect(options).to.deep.equal(['', 'unpaid', 'pending', 'partially_paid', 'overdue', 'paid', 'refunded', 'cancelled']);
      select(el, 'status-filter', 'unpaid');
      await settle(el);
      expect(invoiceQueries().at(-1)!.get('status')).to.equal('unpaid');
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0149', 'PL-2026-0147']);
      await waitUntil(() => text(part(el, 'live-region')) === t('en', 'invoices.count', { n: 2 }), 'result not announced');
      await expect(el).to.be.accessible();
    });

    it('starts from the status attribute', async () => {
      const { el, invoiceQueries } = await mountReady(html`<invoice-list status="paid"></invoice-list>`);
      expect(invoiceQueries()[0].get('status')).to.equal('paid');
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0131']);
      expect(part<HTMLSelectElement>(el, 'status-filter')!.value).to.equal('paid');
      await expect(el).to.be.accessible();
    });

    it('suggests a search example written as the invoice numbers are (PL-2026-0142), in every language', async () => {
      const { el } = await mountReady();
      const placeholder = part<HTMLInputElement>(el, 'search')!.placeholder;
      expect(placeholder).to.contain('PL-2026-0142');
      const prefix = (number: string) => number.replace(/\d.*$/, '');
      expect(numbersOf(el).every((number) => prefix(number) === prefix('PL-2026-0142')), 'the example has the listed numbers’ shape').to.equal(true);
      for (const locale of ['de', 'fa']) expect(t(locale, 'invoices.filter.search_placeholder'), locale).to.contain('PL-2026-0142');
    });

    it('searches by number after a pause in typing, and at once on Enter', async () => {
      const { el, invoiceQueries } = await mountReady();
      typeSearch(el, 'PL-2026-014');
      await el.updateComplete;
      expect(invoiceQueries().some((q) => q.has('q')), 'debounced, not sent yet').to.equal(false);
      await waitUntil(() => invoiceQueries().some((q) => q.get('q') === 'PL-2026-014'), 'search never sent');
      await settle(el);
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0142', 'PL-2026-0149', 'PL-2026-0147', 'PL-2026-0145']);

      typeSearch(el, ' 0131 ');
      part<HTMLFormElement>(el, 'search-form')!.requestSubmit();
      await el.updateComplete;
      expect(invoiceQueries().at(-1)!.get('q'), 'sent on Enter, trimmed').to.equal('0131');
      await settle(el);
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0131']);
      await expect(el).to.be.accessible();
    });

    it('shows "no match" with a clear-filters button that brings every invoice back', async () => {
      const { el, invoiceQueries } = await mountReady();
      select(el, 'status-filter', 'refunded');
      await settle(el);
      typeSearch(el, 'NOPE-404');
      part<HTMLFormElement>(el, 'search-form')!.requestSubmit();
      await settle(el);
      const last = invoiceQueries().at(-1)!;
      expect([last.get('status'), last.get('q')]).to.deep.equal(['refunded', 'NOPE-404']);
      const empty = part(el, 'empty')!;
      expect(empty.dataset.empty).to.equal('filtered');
      expect(text(empty)).to.include(t('en', 'invoices.empty_filtered'));
      await waitUntil(() => text(part(el, 'live-region')) === t('en', 'invoices.empty_filtered'), 'no announcement');
      await expect(el).to.be.accessible();

      part(el, 'clear-filters')!.click();
      await settle(el);
      expect(numbersOf(el)).to.deep.equal(OVERDUE_ORDER);
      expect(part<HTMLSelectElement>(el, 'status-filter')!.value).to.equal('');
      expect(part<HTMLInputElement>(el, 'search')!.value).to.equal('');
      expect(root(el).activeElement, 'focus moves to the first filter').to.equal(part(el, 'status-filter'));
      await expect(el).to.be.accessible();
    });

    it('filters by a service chosen in the service filter', async () => {
      const { el, invoiceQueries } = await mountReady();
      const options = [...part<HTMLSelectElement>(el, 'service-filter')!.options].map((o) => o.value);
      expect(options[0]).to.equal('');
      expect(options.slice(1).sort()).to.deep.equal(['srv_ded_nyc1', 'srv_dom_demo', 'srv_gpu_ams1', 'srv_vps_fra1']);
      select(el, 'service-filter', 'srv_vps_fra1');
      await settle(el);
      expect(invoiceQueries().at(-1)!.get('service_id')).to.equal('srv_vps_fra1');
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0142', 'PL-2026-0131']);
      // The other services stay selectable.
      expect(part<HTMLSelectElement>(el, 'service-filter')!.options).to.have.length(5);
      await expect(el).to.be.accessible();
    });

    it('shows one service\'s invoices with service-id, without the service filter, and reloads on its tag', async () => {
      const { el, client, invoiceQueries } = await mountReady(html`<invoice-list service-id="srv_gpu_ams1"></invoice-list>`);
      expect(invoiceQueries()[0].get('service_id')).to.equal('srv_gpu_ams1');
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0147', 'PL-2026-0128']);
      expect(part(el, 'service-filter')).to.equal(null);
      expect(part(el, 'service-name'), 'the service is implied').to.equal(null);
      const before = invoiceQueries().length;
      client.invalidate(['service:srv_gpu_ams1']);
      await waitUntil(() => invoiceQueries().length > before, 'no reload on the service tag');
      await settle(el);
      expect(numbersOf(el)).to.deep.equal(['PL-2026-0147', 'PL-2026-0128']);
      await expect(el).to.be.accessible();
    });
  });

  describe('paging', () => {
    it('appends pages with "Load more", keeps rows, moves focus and announces the count', async () => {
      const { el, invoiceQueries } = await mountReady(undefined, { scenario: 'many-invoices' });
      expect(rowsOf(el)).to.have.length(20);
      const firstPage = numbersOf(el);
      await expect(el).to.be.accessible();

      part(el, 'load-more')!.click();
      await waitUntil(() => rowsOf(el).length === 40, 'second page not appended');
      await el.updateComplete;
      expect(numbersOf(el).slice(0, 20)).to.deep.equal(firstPage);
      expect(invoiceQueries().at(-1)!.get('cursor')).to.be.a('string').and.not.empty;
      expect(invoiceQueries().at(-1)!.get('limit')).to.equal('20');
      expect(root(el).activeElement).to.equal(part(rowsOf(el)[20], 'invoice-link'));
      await waitUntil(() => text(part(el, 'live-region')) === t('en', 'invoices.count', { n: 40 }), 'count not announced');
      expect(text(part(el, 'count'))).to.equal(t('en', 'invoices.count', { n: 40 }));

      part(el, 'load-more')!.click();
      await waitUntil(() => rowsOf(el).length === 60, 'third page not appended');
      const ids = rowsOf(el).map((row) => row.dataset.invoiceId);
      expect(new Set(ids).size, 'no duplicates').to.equal(60);
      expect(numbersOf(el).slice(0, 20)).to.deep.equal(firstPage);
      // The attention order: the overdue invoice first, then the unpaid ones, then paid newest first.
      expect(rowsOf(el)[0].dataset.status).to.equal('overdue');
      await expect(el).to.be.accessible();
    });

    it('keeps the filter and page size when loading more', async () => {
      const { el, invoiceQueries } = await mountReady(html`<invoice-list status="paid" page-size="5"></invoice-list>`, {
        scenario: 'many-invoices',
      });
      expect(rowsOf(el)).to.have.length(5);
      part(el, 'load-more')!.click();
      await waitUntil(() => rowsOf(el).length === 10, 'not appended');
      const last = invoiceQueries().at(-1)!;
      expect([last.get('status'), last.get('limit'), last.has('cursor')]).to.deep.equal(['paid', '5', true]);
      expect(rowsOf(el).every((row) => row.dataset.status === 'paid')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('keeps the rows and offers a retry when loading more fails', async () => {
      const { el, api } = await mountReady(undefined, { scenario: 'many-invoices' });
      const firstPage = numbersOf(el);
      api.inject({ match: 'GET /invoices', type: 'status', status: 500 });
      const failed: Promise<CustomEvent<BillingErrorDetail>> = oneEvent(el, 'billing-error');
      part(el, 'load-more')!.click();
      expect((await failed).detail.code).to.equal('server_error');
      await waitUntil(() => part(el, 'load-more-error'), 'no inline error');
      const inline = part(el, 'load-more-error')!;
      expect(text(inline)).to.include(t('en', 'invoices.load_more_failed'));
      expect(part(inline, 'error')!.getAttribute('role')).to.equal('alert');
      expect(numbersOf(el)).to.deep.equal(firstPage);
      expect(el.viewState, 'the list itself is fine').to.equal('ready');
      await expect(el).to.be.accessible();

      part(inline, 'retry-button')!.click();
      await waitUntil(() => rowsOf(el).length === 40, 'retry did not append');
      await el.updateComplete;
      expect(part(el, 'load-more-error')).to.equal(null);
      expect(numbersOf(el).slice(0, 20)).to.deep.equal(firstPage);
      await expect(el).to.be.accessible();
    });

    it('reloads as many rows as were shown when invoices are invalidated', async () => {
      const { el, client, invoiceQueries } = await mountReady(undefined, { scenario: 'many-invoices' });
      part(el, 'load-more')!.click();
      await waitUntil(() => rowsOf(el).length === 40, 'not appended');
      const shown = numbersOf(el);
      const before = invoiceQueries().length;
      client.invalidate(['invoices']);
      await waitUntil(() => el.viewState === 'refreshing', 'no refresh');
      await el.updateComplete;
      expect(rowsOf(el), 'rows stay while refreshing').to.have.length(40);
      await settle(el);
      const reload = invoiceQueries().slice(before);
      expect(reload[0].has('cursor'), 'from the first page').to.equal(false);
      expect(reload.length).to.be.at.least(2);
      expect(numbersOf(el)).to.deep.equal(shown);
      expect(part(el, 'load-more'), 'more remain').to.exist;
      await expect(el).to.be.accessible();
    });

    it('renders only the new page\'s rows on "Load more", however many rows are shown', async () => {
      const { el } = await mountReady(undefined, { scenario: 'many-invoices' });
      const rendered = recordRowRenders(el);
      for (let page = 2; page <= 5; page++) {
        rendered.length = 0;
        part(el, 'load-more')!.click();
        await waitUntil(() => rowsOf(el).length === page * 20, `page ${page} not appended`);
        await el.updateComplete;
        // Exactly this page's invoices, each once: the rows already shown are not rendered again.
        expect(rendered, `rows rendered for page ${page}`).to.deep.equal(numbersOf(el).slice((page - 1) * 20));
      }
      await expect(el).to.be.accessible();
    });

    it('re-renders only the rows that changed when the list reloads', async () => {
      const api = createReferenceApi({ scenario: 'many-invoices' });
      const change: { disputed?: string } = {};
      // The server's answer with one invoice changed (put in dispute) once `change.disputed` is set.
      const changing: typeof fetch = async (input, init) => {
        const response = await api.fetch(input, init);
        const url = new URL(input instanceof Request ? input.url : String(input), 'http://billing.test');
        const disputed = change.disputed;
        if (!disputed || !url.pathname.endsWith('/invoices')) return response;
        const body = (await response.json()) as { data: { number: string; status: string }[] };
        body.data = body.data.map((invoice) => (invoice.number === disputed ? { ...invoice, status: 'in_dispute' } : invoice));
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      };
      const { el, client } = await mountReady(undefined, { api, client: { fetch: changing } });
      part(el, 'load-more')!.click();
      await waitUntil(() => rowsOf(el).length === 40, 'not appended');
      await el.updateComplete;
      const rendered = recordRowRenders(el);
      const disputed = (change.disputed = numbersOf(el)[25]);
      client.invalidate(['invoices']);
      await settle(el);
      expect(rendered, 'rows rendered by the reload').to.deep.equal([disputed]);
      expect(rowOf(el, disputed).dataset.status).to.equal('in_dispute');
      expect(rowsOf(el)).to.have.length(40);
      await expect(el).to.be.accessible();
    });

    it('re-renders every row when the locale or "today" changes', async () => {
      const { el, provider } = await mountReady(undefined, { scenario: 'many-invoices' });
      part(el, 'load-more')!.click();
      await waitUntil(() => rowsOf(el).length === 40, 'not appended');
      await el.updateComplete;
      const rendered = recordRowRenders(el);
      provider.setAttribute('locale', 'de');
      await waitUntil(() => rendered.length === 40, 'rows not re-rendered for the new locale');
      await el.updateComplete;
      expect(text(part(rowsOf(el)[39], 'due'))).to.not.equal('');
      expect(rowsOf(el).map((row) => part(row, 'invoice-link')!.getAttribute('aria-label')!.startsWith('Rechnung'))).to.not.include(false);
      rendered.length = 0;
      const lastDue = text(part(rowsOf(el)[0], 'due-wording'));
      provider.setAttribute('today', '2027-01-15');
      await waitUntil(() => rendered.length === 40, 'rows not re-rendered for the new date');
      await el.updateComplete;
      expect(text(part(rowsOf(el)[0], 'due-wording'))).to.not.equal(lastDue);
      await expect(el).to.be.accessible();
    });
  });

  describe('choosing an invoice', () => {
    it('renders a button without invoice-href and emits billing-invoice-select', async () => {
      const { el } = await mountReady();
      const control = part(rowOf(el, 'PL-2026-0142'), 'invoice-link')!;
      expect(control.localName).to.equal('button');
      expect(control.getAttribute('aria-label')).to.equal(t('en', 'invoices.open', { number: 'PL-2026-0142' }));
      const selected = oneEvent(el, 'billing-invoice-select');
      control.click();
      const event = await selected;
      expect(event.detail).to.deep.equal({ invoiceId: 'inv_1001', number: 'PL-2026-0142', href: undefined });
      expect(event.cancelable).to.equal(true);
      expect(event.composed).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('renders a real link with invoice-href that navigates when the event is not cancelled', async () => {
      const { el } = await mountReady(undefined, { invoiceHref: '#/billing/invoices/{id}' });
      const link = part<HTMLAnchorElement>(rowOf(el, 'PL-2026-0142'), 'invoice-link')!;
      expect(link.localName).to.equal('a');
      expect(link.getAttribute('href')).to.equal('#/billing/invoices/inv_1001');
      const details: BillingInvoiceSelectDetail[] = [];
      el.addEventListener('billing-invoice-select', (e) => details.push(e.detail));
      expect(click(link), 'not prevented').to.equal(true);
      expect(details).to.deep.equal([{ invoiceId: 'inv_1001', number: 'PL-2026-0142', href: '#/billing/invoices/inv_1001' }]);
      expect(location.hash).to.equal('#/billing/invoices/inv_1001');
      await expect(el).to.be.accessible();
    });

    it('stops the link\'s navigation when the host page cancels the event', async () => {
      const { el } = await mountReady(undefined, { invoiceHref: '#/billing/invoices/{id}' });
      const link = part<HTMLAnchorElement>(rowOf(el, 'PL-2026-0149'), 'invoice-link')!;
      const routed: string[] = [];
      el.addEventListener('billing-invoice-select', (e) => {
        e.preventDefault();
        routed.push(e.detail.invoiceId);
      });
      expect(click(link), 'navigation prevented').to.equal(false);
      expect(routed).to.deep.equal(['inv_1003']);
      expect(location.hash).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('leaves modified clicks on a link to the browser and emits nothing', async () => {
      const { el } = await mountReady(undefined, { invoiceHref: '/billing/invoices/{id}' });
      const link = part<HTMLAnchorElement>(rowOf(el, 'PL-2026-0142'), 'invoice-link')!;
      let emitted = 0;
      el.addEventListener('billing-invoice-select', (e) => {
        emitted++;
        e.preventDefault();
      });
      // Record whether the element prevented the click, then stop the test page from navigating.
      const prevented: boolean[] = [];
      const guard = (e: Event) => {
        prevented.push(e.defaultPrevented);
        e.preventDefault();
      };
      window.addEventListener('click', guard);
      try {
        click(link, { ctrlKey: true });
        click(link, { metaKey: true });
        click(link, { shiftKey: true });
        click(link, { button: 1 });
      } finally {
        window.removeEventListener('click', guard);
      }
      expect(emitted).to.equal(0);
      expect(prevented).to.deep.equal([false, false, false, false]);
      await expect(el).to.be.accessible();
    });
  });

  describe('locales, currencies and themes', () => {
    it('formats German text, euros and dates', async () => {
      const { el } = await mountReady(undefined, { scenario: 'eur', locale: 'de' });
      expect(el.getAttribute('lang')).to.equal('de');
      const row = rowOf(el, 'PL-2026-0171');
      expect(text(part(row, 'total'))).to.equal('26,40 €');
      expect(text(part(row, 'balance'))).to.equal('26,40 €');
      expect(text(part(row, 'due-wording'))).to.equal('Fällig in 3 Tagen');
      expect(text(row.querySelector('td:nth-child(2)'))).to.equal('15.11.2026');
      // Paid by card on 16 October (08:00 UTC: the same day in any zone this runs in).
      expect(text(part(rowOf(el, 'PL-2026-0152'), 'due-wording'))).to.equal('Bezahlt am 16.10.2026');
      expect(text(part(el, 'table')!.querySelector('thead'))).to.include('Offener Betrag');
      expect(text(part(el, 'count'))).to.equal('2 Rechnungen angezeigt');
      await expect(el).to.be.accessible();
    });

    it('shows yen without minor digits', async () => {
      const { el } = await mountReady(undefined, { scenario: 'jpy' });
      const row = rowOf(el, 'PL-2026-0181');
      expect(text(part(row, 'total'))).to.equal('¥168,000');
      expect(text(part(row, 'due-wording'))).to.equal(t('en', 'due.overdue_days', { n: 2 }));
      expect(text(part(rowOf(el, 'PL-2026-0176'), 'total'))).to.equal('¥3,200');
      await expect(el).to.be.accessible();
    });

    it('lays out right to left in Persian, with amounts at the end side', async () => {
      const { el } = await mountReady(undefined, { locale: 'fa' });
      expect(el.getAttribute('dir')).to.equal('rtl');
      expect(el.getAttribute('lang')).to.equal('fa');
      expect(text(part(el, 'count'))).to.equal('۸ صورت‌حساب نمایش داده شده');
      const cell = part(rowOf(el, 'PL-2026-0142'), 'total')!.closest('td')!;
      const amount = part(cell, 'total')!.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      expect(getComputedStyle(cell).direction).to.equal('rtl');
      expect(amount.left - box.left, 'amount hugs the left (end) edge').to.be.below(box.right - amount.right);
      await expect(el).to.be.accessible();
    });

    it('uses the dark token set with theme="dark"', async () => {
      const { el } = await mountReady(html`<invoice-list theme="dark"></invoice-list>`);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(22, 25, 30)');
      await expect(el).to.be.accessible();
    });

    it('follows a dark provider', async () => {
      const { el } = await mountReady(undefined, { theme: 'dark' });
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
    });
  });

  describe('layout', () => {
    it('aligns amounts to the end in the wide table', async () => {
      const { el } = await mountReady();
      const cell = part(rowOf(el, 'PL-2026-0142'), 'total')!.closest('td')!;
      expect(getComputedStyle(cell).display).to.equal('table-cell');
      expect(getComputedStyle(cell).textAlign).to.equal('end');
      const amount = part(cell, 'total')!.getBoundingClientRect();
      const box = cell.getBoundingClientRect();
      expect(box.right - amount.right).to.be.below(amount.left - box.left);
      await expect(el).to.be.accessible();
    });

    it('stacks rows as cards in a narrow container and keeps the table semantics', async () => {
      const { el } = await mountReady();
      el.style.width = '22rem';
      await waitUntil(() => getComputedStyle(rowsOf(el)[0].cells[1]).display !== 'table-cell', 'no card layout');
      const row = rowsOf(el)[0];
      expect(getComputedStyle(row).display).to.equal('block');
      expect(part(el, 'table')!.getAttribute('role')).to.equal('table');
      expect(row.getAttribute('role')).to.equal('row');
      expect(row.cells[1].getAttribute('role')).to.equal('cell');
      expect(row.cells[1].dataset.label).to.equal(t('en', 'invoices.col.issue_date'));
      await expect(el).to.be.accessible();
    });
  });
});
