/**
 * Issue 16: the open renewal's timeline in `<billing-overview service-id>`: its steps in date
 * order (issued, due, suspension, termination), which is past, current and next, today's place
 * between them, what each step means in words, and a step from a newer server by date and raw name.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-detail.js';
import type { BillingOverview } from '../../src/components/billing-overview/billing-overview.js';
import type { InvoiceDetail } from '../../src/components/invoice-detail/invoice-detail.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import { t } from '../../src/i18n/catalog.js';
import { formatCalendarDate } from '../../src/i18n/format.js';
import '../helpers/load-catalogs.js';

const VPS = 'srv_vps_fra1';
const SUSPENDED_VPS = 'srv_vps_sgp1';

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function mountService(serviceId: string, options: MountOptions = {}): Promise<BillingOverview> {
  const { el } = await mountInProvider<BillingOverview>(html`<billing-overview service-id=${serviceId}></billing-overview>`, options);
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="banner"], [part~="not-found"]'), 'the service view did not load', { timeout: 4000 });
  await el.updateComplete;
  return el;
}

async function mountInvoice(invoiceId: string, options: MountOptions = {}) {
  const mounted = await mountInProvider<InvoiceDetail>(html`<invoice-detail invoice-id=${invoiceId}></invoice-detail>`, options);
  const { el } = mounted;
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="lines"], [part~="not-found"]'), 'the invoice did not load', { timeout: 4000 });
  await el.updateComplete;
  return mounted;
}

function timeline(el: BillingOverview | InvoiceDetail): HTMLOListElement | null {
  return el.shadowRoot!.querySelector<HTMLOListElement>('ol[part~="timeline"]');
}

function steps(el: BillingOverview | InvoiceDetail): HTMLLIElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('[part~="timeline-step"]')];
}

/** Each step as [name, state, date, text]. */
function described(el: BillingOverview | InvoiceDetail): Array<[string, string, string, string]> {
  return steps(el).map((li) => [li.dataset['step'] ?? '', li.dataset['state'] ?? '', li.querySelector('time')?.getAttribute('datetime') ?? '', text(li)]);
}

/** The list's items in order: a step's name, or 'today' for the marker. */
function order(el: BillingOverview | InvoiceDetail): string[] {
  return [...timeline(el)!.children].map((li) => (li.matches('[part~="timeline-today"]') ? 'today' : ((li as HTMLElement).dataset['step'] ?? '?')));
}

function long(date: string, locale = 'en'): string {
  return formatCalendarDate(date, locale, 'long');
}

describe('the renewal timeline in <billing-overview service-id>', () => {
  it('shows an at-risk VPS past its due date, today before the suspension, and what each step means', async () => {
    const el = await mountService(VPS, { scenario: 'overdue' });
    const list = timeline(el);
    expect(list, 'an ordered list').to.exist;
    expect(text(el.shadowRoot!.getElementById(list!.getAttribute('aria-labelledby')!))).to.equal(t('en', 'service.timeline.title'));
    // Due 2026-11-21, today 2026-11-26: suspension 7 days after the due date, termination 14 after that.
    const [issued, ...rest] = described(el);
    expect(issued?.slice(0, 2)).to.deep.equal(['issued', 'past']);
    expect(issued?.[3]).to.equal(`${long(issued[2])} ${t('en', 'service.timeline.issued')}`);
    expect(rest).to.deep.equal([
      ['due', 'current', '2026-11-21', `${long('2026-11-21')} ${t('en', 'service.timeline.due')}`],
      ['suspension', 'next', '2026-11-28', `${long('2026-11-28')} ${t('en', 'service.timeline.suspension')}`],
      ['termination', 'next', '2026-12-12', `${long('2026-12-12')} ${t('en', 'service.timeline.termination')}`],
    ]);
    expect(order(el)).to.deep.equal(['issued', 'due', 'today', 'suspension', 'termination']);
    expect(text(el.shadowRoot!.querySelector('[part~="timeline-today"]'))).to.equal(t('en', 'service.timeline.today'));
    expect(steps(el).find((li) => li.dataset['state'] === 'current')?.getAttribute('aria-current')).to.equal('step');
    expect(steps(el).filter((li) => li.hasAttribute('aria-current'))).to.have.length(1);
    // The banner names the same suspension date as the timeline.
    const banner = el.shadowRoot!.querySelector('[part~="banner-message"] time');
    expect(banner?.getAttribute('datetime')).to.equal('2026-11-28');
    await expect(el).to.be.accessible();
  });

  it('shows a suspended VPS at its suspension step, today before the termination the banner names', async () => {
    const el = await mountService(SUSPENDED_VPS, { scenario: 'suspended' });
    expect(described(el).map(([step, state]) => [step, state])).to.deep.equal([
      ['issued', 'past'],
      ['due', 'past'],
      ['suspension', 'current'],
      ['termination', 'next'],
    ]);
    expect(order(el)).to.deep.equal(['issued', 'due', 'suspension', 'today', 'termination']);
    const termination = steps(el).find((li) => li.dataset['step'] === 'termination');
    const bannerDate = el.shadowRoot!.querySelector('[part~="banner-message"] time')?.getAttribute('datetime');
    expect(bannerDate).to.equal('2026-12-01');
    expect(termination?.querySelector('time')?.getAttribute('datetime')).to.equal(bannerDate);
    expect(text(steps(el).find((li) => li.dataset['step'] === 'suspension'))).to.contain(t('en', 'service.timeline.suspension'));
    await expect(el).to.be.accessible();
  });

  it('moves along the timeline as the clock passes the suspension date', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.clock.advance(3 * 86_400_000);
    const el = await mountService(VPS, { api, today: api.clock.now().toISOString().slice(0, 10) });
    expect(order(el)).to.deep.equal(['issued', 'due', 'suspension', 'today', 'termination']);
    expect(steps(el).find((li) => li.dataset['state'] === 'current')?.dataset['step']).to.equal('suspension');
    await expect(el).to.be.accessible();
  });

  it('shows a step from a newer server by its date and raw name, and today first before any step', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({
      match: 'GET /services/*/billing',
      type: 'schema',
      patch: { 'timeline.steps.2': { step: 'final_notice', date: '2026-11-27' }, 'timeline.current': null },
      times: 100,
    });
    const el = await mountService(VPS, { api });
    const unknown = steps(el).find((li) => li.dataset['step'] === 'final_notice');
    expect(unknown?.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-27');
    expect(text(unknown)).to.equal(`${long('2026-11-27')} final_notice`);
    expect(order(el)).to.deep.equal(['today', 'issued', 'due', 'final_notice', 'termination']);
    expect(steps(el).every((li) => li.dataset['state'] === 'next')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('has no timeline for a service without an open renewal', async () => {
    const el = await mountService(VPS, { scenario: 'healthy' });
    expect(timeline(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const locale of ['de', 'fa']) {
    it(`speaks ${locale}: the title, today and each step's meaning and date`, async () => {
      const el = await mountService(VPS, { scenario: 'overdue', locale });
      expect(text(el.shadowRoot!.querySelector('[part~="timeline"]')?.parentElement?.querySelector('h3'))).to.equal(t(locale, 'service.timeline.title'));
      expect(text(el.shadowRoot!.querySelector('[part~="timeline-today"]'))).to.equal(t(locale, 'service.timeline.today'));
      const suspension = steps(el).find((li) => li.dataset['step'] === 'suspension');
      expect(text(suspension)).to.equal(`${long('2026-11-28', locale)} ${t(locale, 'service.timeline.suspension')}`);
      expect(t(locale, 'service.timeline.suspension')).not.to.equal(t('en', 'service.timeline.suspension'));
      const termination = steps(el).find((li) => li.dataset['step'] === 'termination');
      expect(text(termination)).to.contain(t(locale, 'service.timeline.termination'));
      await expect(el).to.be.accessible();
    });
  }
});

describe('the renewal timeline in <invoice-detail>', () => {
  it('shows the blocking renewal of the at-risk VPS with the same steps and dates, from the summary (no request of its own)', async () => {
    const { el, api } = await mountInvoice('inv_1001', { scenario: 'overdue' });
    await waitUntil(() => timeline(el), 'the timeline did not show');
    expect(described(el).map(([step, state, date]) => [step, state, date]).slice(1)).to.deep.equal([
      ['due', 'current', '2026-11-21'],
      ['suspension', 'next', '2026-11-28'],
      ['termination', 'next', '2026-12-12'],
    ]);
    expect(order(el)).to.deep.equal(['issued', 'due', 'today', 'suspension', 'termination']);
    expect(text(steps(el)[3])).to.equal(`${long('2026-12-12')} ${t('en', 'service.timeline.termination')}`);
    // The service alert above it names the same suspension date.
    expect(el.shadowRoot!.querySelector('[part~="service-alert"] time')?.getAttribute('datetime')).to.equal('2026-11-28');
    expect(api.requestLog().filter((r) => r.startsWith('GET /services/'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows the suspended VPS\'s renewal at its suspension step, in Persian', async () => {
    const { el } = await mountInvoice('inv_2001', { scenario: 'suspended', locale: 'fa' });
    await waitUntil(() => timeline(el), 'the timeline did not show');
    expect(order(el)).to.deep.equal(['issued', 'due', 'suspension', 'today', 'termination']);
    expect(text(steps(el)[2])).to.equal(`${long(steps(el)[2].querySelector('time')!.getAttribute('datetime')!, 'fa')} ${t('fa', 'service.timeline.suspension')}`);
    await expect(el).to.be.accessible();
  });

  it('has no timeline on an invoice that is not a service\'s open renewal', async () => {
    const { el } = await mountInvoice('inv_1000', { scenario: 'overdue' });
    expect(el.shadowRoot!.querySelector('[part~="lines"]')).to.exist;
    expect(timeline(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
