/**
 * Issue 15, item 6: every relative date counts from the server's clock. The status comes from
 * the server ("Unpaid"), so "Due in 3 days" / "Overdue by 4 days" must count from the server's
 * day too, never from a browser whose clock is days off. The HTTP client records the server's
 * clock from each answer (`Date`, or the summary's `as_of`); a host's `today` still wins.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-detail.js';
import '../../src/define/invoice-list.js';
import { t } from '../../src/i18n/catalog.js';
import { API_BASE_PATH, REFERENCE_ORIGIN, createReferenceApi } from '../../src/testing/index.js';
import type { ScenarioName } from '../../src/testing/index.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import { requestWith } from '../testing/helpers.js';
import '../helpers/load-catalogs.js';

const DAY_MS = 86_400_000;
const RealDate = Date;

/** The reference API's clock. */
const SERVER_NOW = RealDate.parse('2026-11-26T09:00:00Z');

/**
 * Sets the browser's clock `offsetMs` away from the server's (every `new Date()` and `Date.now()`
 * of the page, still ticking); the reference API keeps its own clock. Returns the undo.
 */
function shiftBrowserClock(offsetMs: number): () => void {
  offsetMs += SERVER_NOW - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offsetMs);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offsetMs;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/[\s\u2068\u2069]+/g, ' ').trim();

/** Mounts without a `today` on the provider: "today" is whatever the element decides. */
async function mount<T extends HTMLElement>(template: TemplateResult, scenario: ScenarioName, today = '') {
  const api = createReferenceApi({ scenario });
  const mounted = await mountInProvider<T & { updateComplete: Promise<unknown>; settled?: () => Promise<void> }>(template, { api, today });
  if (mounted.el.settled) await mounted.el.settled();
  else {
    const root = mounted.el.shadowRoot!;
    await waitUntil(() => !root.querySelector('[part~="skeleton"], [part~="updating"]'), 'the overview did not settle', { timeout: 4000 });
  }
  await mounted.el.updateComplete;
  return mounted;
}

/** The due wording of each row of an invoice list, by invoice number, with the row's status. */
function listRows(el: HTMLElement): Map<string, { status: string; due: string; wording: string }> {
  const rows = new Map<string, { status: string; due: string; wording: string }>();
  for (const row of el.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr')) {
    const wording = row.querySelector('[part="due-wording"]');
    rows.set(text(row.querySelector('[part="invoice-link"]')), {
      status: row.dataset.status ?? '',
      due: wording?.getAttribute('data-due') ?? '',
      wording: text(wording),
    });
  }
  return rows;
}

describe('relative dates count from the server\'s clock (issue 15, item 6)', () => {
  let restoreClock: (() => void) | undefined;
  afterEach(() => {
    restoreClock?.();
    restoreClock = undefined;
  });

  for (const [name, offset] of [
    ['30 days ahead of', 30 * DAY_MS],
    ['30 days behind', -30 * DAY_MS],
  ] as const) {
    describe(`a browser clock ${name} the server's`, () => {
      beforeEach(() => {
        restoreClock = shiftBrowserClock(offset);
      });

      it('<invoice-list>: unpaid invoices not yet due read "Due in …", the overdue one "Overdue by …", as the server dates them', async () => {
        const { el } = await mount(html`<invoice-list></invoice-list>`, 'overdue');
        const rows = listRows(el);
        expect(rows.get('PL-2026-0147')).to.deep.equal({ status: 'unpaid', due: 'due', wording: t('en', 'due.in_days', { n: 8 }) });
        expect(rows.get('PL-2026-0149')).to.deep.equal({ status: 'unpaid', due: 'due', wording: t('en', 'due.in_days', { n: 6 }) });
        expect(rows.get('PL-2026-0142')).to.deep.equal({ status: 'overdue', due: 'overdue', wording: t('en', 'due.overdue_days', { n: 5 }) });
        for (const [number, row] of rows) {
          expect(row.due === 'overdue', `${number}: "Overdue by" only beside an overdue status`).to.equal(row.status === 'overdue');
        }
        await expect(el).to.be.accessible();
      });

      it('<invoice-detail>: an unpaid invoice due on 4 December reads "Due in 8 days"', async () => {
        const { el } = await mount(html`<invoice-detail invoice-id="inv_1002"></invoice-detail>`, 'overdue');
        const wording = el.shadowRoot!.querySelector('[part="due-wording"]');
        expect(wording?.getAttribute('data-due')).to.equal('due');
        expect(text(wording)).to.equal(t('en', 'due.in_days', { n: 8 }));
        await expect(el).to.be.accessible();
      });

      it('<invoice-detail>: the overdue invoice reads "Overdue by 5 days"', async () => {
        const { el } = await mount(html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`, 'overdue');
        expect(text(el.shadowRoot!.querySelector('[part="due-wording"]'))).to.equal(t('en', 'due.overdue_days', { n: 5 }));
        await expect(el).to.be.accessible();
      });

      it('<billing-overview>: the next invoice, unpaid and due on 1 December, reads "Next due … Due in 5 days", no overdue alert', async () => {
        const { el } = await mount(html`<billing-overview></billing-overview>`, 'low-balance');
        const card = el.shadowRoot!.querySelector('[part="next-due"]');
        expect(text(card?.querySelector('h3'))).to.equal(t('en', 'overview.next_due'));
        expect(text(card?.querySelector('[part="due-wording"]'))).to.equal(t('en', 'due.in_days', { n: 5 }));
        expect(el.shadowRoot!.querySelector('[part="overdue-alert"]')).to.equal(null);
        await expect(el).to.be.accessible();
      });

      it('<billing-overview>: the most overdue invoice reads "Overdue by 5 days" in the alert and the card', async () => {
        const { el } = await mount(html`<billing-overview></billing-overview>`, 'overdue');
        const root = el.shadowRoot!;
        expect(text(root.querySelector('[part="overdue-alert"] .emphasis'))).to.equal(t('en', 'due.overdue_days', { n: 5 }));
        expect(text(root.querySelector('[part="next-due"] [part="due-wording"]'))).to.equal(t('en', 'due.overdue_days', { n: 5 }));
        await expect(el).to.be.accessible();
      });
    });
  }

  it('a host\'s `today` still wins over the server\'s clock (its documented meaning: stories, tests, demos)', async () => {
    restoreClock = shiftBrowserClock(30 * DAY_MS);
    const { el } = await mount(html`<invoice-detail invoice-id="inv_1002"></invoice-detail>`, 'overdue', '2026-12-03');
    expect(text(el.shadowRoot!.querySelector('[part="due-wording"]'))).to.equal(t('en', 'due.in_days', { n: 1 }));
    await expect(el).to.be.accessible();
  });

  it('when the server\'s day passes the due date, the status and the wording turn overdue together', async () => {
    restoreClock = shiftBrowserClock(-30 * DAY_MS);
    const { el, api, client } = await mount(html`<invoice-list></invoice-list>`, 'overdue');
    expect(listRows(el).get('PL-2026-0147')).to.include({ status: 'unpaid', due: 'due' });
    api.clock.set('2026-12-05T09:00:00Z');
    client.refreshAll();
    await waitUntil(() => listRows(el).get('PL-2026-0147')?.status === 'overdue', 'the list did not reload', { timeout: 4000 });
    await el.updateComplete;
    expect(listRows(el).get('PL-2026-0147')).to.deep.equal({ status: 'overdue', due: 'overdue', wording: t('en', 'due.overdue_days', { n: 1 }) });
    await expect(el).to.be.accessible();
  });
});

describe('the HTTP client records the server\'s clock', () => {
  it('from the `Date` of each answer, following the server\'s clock', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const client = createTestClient(api);
    expect(client.serverTime?.()).to.equal(undefined);
    await client.listInvoices();
    expect(client.serverTime?.()).to.equal(RealDate.parse('2026-11-26T09:00:00Z'));
    api.clock.advance(2 * DAY_MS);
    await client.getWallet();
    expect(client.serverTime?.()).to.equal(RealDate.parse('2026-11-28T09:00:00Z'));
  });

  it('from the summary\'s `as_of` when `Date` cannot be read (a cross-origin API that does not expose it)', async () => {
    const api = createReferenceApi({ scenario: 'overdue', now: '2026-11-26T09:00:00.250Z' });
    const hideDate: typeof fetch = async (input, init) => {
      const response = await api.fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('Date');
      return new Response(response.body, { status: response.status, headers });
    };
    const client = createTestClient(api, { fetch: hideDate });
    await client.listInvoices();
    expect(client.serverTime?.(), 'no Date, no as_of: unknown').to.equal(undefined);
    await client.getSummary();
    expect(client.serverTime?.()).to.equal(RealDate.parse('2026-11-26T09:00:00.250Z'));
  });

  it('the reference API sends its clock as `Date` and exposes it to the origins it allows', async () => {
    const api = createReferenceApi({ scenario: 'overdue', allowedOrigins: ['https://portal.example'] });
    const response = await api.handle(requestWith(`${REFERENCE_ORIGIN}${API_BASE_PATH}/summary`, {}, { Origin: 'https://portal.example' }));
    expect(response.headers.get('Date')).to.equal(new RealDate('2026-11-26T09:00:00Z').toUTCString());
    const exposed = (response.headers.get('Access-Control-Expose-Headers') ?? '').split(/\s*,\s*/).map((h) => h.toLowerCase());
    expect(exposed).to.include('date');
  });
});
