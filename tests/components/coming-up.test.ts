/**
 * "Coming up" in `<billing-overview>` (issue 16): the next renewals from `GET /upcoming?days=30`,
 * how each will be paid, and the wallet's coverage in words.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define/billing-overview.js';
import type { BillingOverview } from '../../src/components/billing-overview/billing-overview.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { mountInProvider } from '../helpers/mount.js';
import { t } from '../../src/i18n/catalog.js';
import { formatMoney } from '../../src/i18n/format.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { MessageParams } from '../../src/i18n/types.js';
import type { Upcoming } from '../../src/api/schemas.js';
import { coverageSentence } from '../../src/components/shared/upcoming.js';
import '../helpers/load-catalogs.js';

function part(el: BillingOverview, name: string): HTMLElement | null {
  return el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}
function parts(el: BillingOverview, name: string): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}
function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
/** A day and month in words, as the sentence writes it. */
function dayMonth(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

async function mount(
  options: {
    api?: ReferenceApi;
    scenario?: 'overdue' | 'healthy' | 'new-account' | 'read-only';
    locale?: string;
  } = {},
) {
  const mounted = await mountInProvider<BillingOverview>(html`<billing-overview></billing-overview>`, options);
  await waitUntil(() => !part(mounted.el, 'skeleton'), 'the overview did not load', { timeout: 4000 });
  await mounted.el.updateComplete;
  return mounted;
}

describe('<billing-overview> "Coming up"', () => {
  it('overdue: lists the renewals, says until when the wallet covers them and the shortfall', async () => {
    const { el, client } = await mount({ scenario: 'overdue' });
    const upcoming = await client.getUpcoming!(30);
    expect(upcoming.coverage.runs_out_on).to.equal('2026-12-21');
    const section = part(el, 'coming-up');
    expect(section).to.exist;
    expect(text(section?.querySelector('h3'))).to.equal(t('en', 'overview.coming_up.title'));
    const rows = parts(el, 'upcoming-charge');
    expect(rows.length).to.equal(Math.min(5, upcoming.charges.length));
    expect(rows.length).to.be.greaterThan(0);
    rows.forEach((row, i) => {
      const charge = upcoming.charges[i];
      expect(row.querySelector('time')?.getAttribute('datetime')).to.equal(charge.date);
      expect(text(row)).to.contain(charge.service?.name ?? charge.description);
      expect(text(row)).to.contain(formatMoney(charge.amount, 'en'));
    });
    // $12.50 covers none of it: not "covers renewals until December 21", which reads as covered.
    expect(text(part(el, 'coverage'))).to.contain('Your wallet does not cover the next renewal, on December 21.');
    expect(text(part(el, 'shortfall'))).to.equal('Short by $19.30 for renewals in the next 30 days.');
    // No default method for renewals in this scenario: the invoice is the customer's to pay.
    expect(parts(el, 'pays-with').map(text)).to.deep.equal(upcoming.charges.slice(0, 5).map(() => t('en', 'overview.coming_up.pays_manual')));
    await expect(el).to.be.accessible();
  });

  it('healthy: the wallet covers every renewal, each paid from the wallet', async () => {
    const { el } = await mount({ scenario: 'healthy' });
    expect(text(part(el, 'coverage'))).to.equal('Your wallet covers every renewal in the next 30 days.');
    expect(part(el, 'shortfall')).to.equal(null);
    const words = parts(el, 'pays-with').map(text);
    expect(words.length).to.be.greaterThan(0);
    expect(new Set(words)).to.deep.equal(new Set([t('en', 'overview.coming_up.pays_wallet')]));
    await expect(el).to.be.accessible();
  });

  it('a renewal the wallet does not cover is paid with the default method: "Visa ending 4242"', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const charge = {
      id: 'ren_srv_x_2026-12-21',
      service: { id: 'srv_x', name: 'VPS Cloud 4', status: 'active' },
      kind: 'renewal',
      description: 'VPS Cloud 4, one month',
      date: '2026-12-21',
      amount: usd(1930),
      pays_with: 'default_method',
      method: { type: 'card', label: 'Visa', brand: 'visa', last4: '4242' },
    };
    api.inject({
      match: 'GET /upcoming',
      type: 'schema',
      patch: {
        charges: [charge],
        total: usd(1930),
        coverage: {
          wallet_balance: usd(0),
          covered: usd(0),
          shortfall: usd(1930),
          runs_out_on: '2026-12-21',
        },
      },
      times: 10,
    });
    const { el } = await mount({ api });
    expect(parts(el, 'pays-with').map(text)).to.deep.equal(['Visa ending 4242']);
    expect(text(part(el, 'upcoming-charge'))).to.contain('VPS Cloud 4');
    expect(text(part(el, 'shortfall'))).to.equal('Short by $19.30 for renewals in the next 30 days.');
    await expect(el).to.be.accessible();
  });

  it('a new account: no renewals', async () => {
    const { el } = await mount({ scenario: 'new-account' });
    expect(text(part(el, 'coverage'))).to.equal('No renewals in the next 30 days.');
    expect(parts(el, 'upcoming-charge')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a server without /upcoming (404): no section and no error panel', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({
      match: 'GET /upcoming',
      type: 'status',
      status: 404,
      times: 10,
    });
    const { el } = await mount({ api });
    expect(part(el, 'coming-up')).to.equal(null);
    expect(el.shadowRoot?.querySelector('[role="alert"][part~="error"]')).to.equal(null);
    expect(part(el, 'figures')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('another failure: a small retry notice in the section, the rest of the overview shown', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({
      match: 'GET /upcoming',
      type: 'status',
      status: 500,
      times: 1,
    });
    const { el } = await mount({ api });
    const section = part(el, 'coming-up');
    expect(section).to.exist;
    const retry = section?.querySelector<HTMLButtonElement>('button');
    expect(retry).to.exist;
    expect(part(el, 'figures')).to.exist;
    await expect(el).to.be.accessible();
    retry?.click();
    await waitUntil(() => parts(el, 'upcoming-charge').length > 0, 'the retry did not load the renewals', { timeout: 4000 });
  });

  for (const locale of ['de', 'fa']) {
    it(`words in ${locale}`, async () => {
      const { el } = await mount({ scenario: 'overdue', locale });
      const coverage = text(part(el, 'coverage'));
      expect(coverage).to.contain(
        t(locale, 'overview.coming_up.covers_none', {
          date: dayMonth('2026-12-21', locale),
        }),
      );
      const short = t(locale, 'overview.coming_up.short', {
        n: 30,
        amount: formatMoney({ amount: 1930, currency: 'USD' }, locale),
      });
      expect(coverage).to.contain(short.replace(/\s+/g, ' '));
      expect(text(part(el, 'coming-up')?.querySelector('h3'))).to.equal(t(locale, 'overview.coming_up.title'));
      await expect(el).to.be.accessible();
    });
  }
});

describe('<billing-overview> "Coming up": the top-up action', () => {
  it('overdue, a member who may top up: "Top up $19.30" opens the top-up dialog with 19.30', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { el, client } = await mount({ api });
    const summary = await client.getSummary();
    expect(summary.permissions.can_top_up).to.equal(true);
    const button = part(el, 'top-up-button') as HTMLButtonElement | null;
    expect(button, 'the top-up action').to.exist;
    expect(text(button)).to.equal(`Top up ${formatMoney({ amount: 1930, currency: 'USD' }, 'en')}`);
    expect(text(button)).to.equal('Top up $19.30');
    await expect(el).to.be.accessible();

    const requests: CustomEvent[] = [];
    el.addEventListener('billing-top-up-request', (event) => requests.push(event as CustomEvent));
    button!.click();
    expect(requests).to.have.length(1);
    expect(requests[0].cancelable).to.equal(true);
    expect(requests[0].detail).to.deep.equal({ amount: { amount: 1930, currency: 'USD' } });
    await waitUntil(() => part(el, 'amount-input'), 'the top-up form did not open', { timeout: 4000 });
    const dialog = el.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="dialog"]');
    expect(dialog?.open, 'the top-up dialog is open').to.equal(true);
    expect((part(el, 'amount-input') as HTMLInputElement).value).to.equal('19.30');
    await expect(el).to.be.accessible();
  });

  it('a cancelled billing-top-up-request opens no dialog', async () => {
    const { el } = await mount({ scenario: 'overdue' });
    el.addEventListener('billing-top-up-request', (event) => event.preventDefault());
    part(el, 'top-up-button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('dialog')).to.equal(null);
  });

  it('read-only member: the shortfall, but no top-up action', async () => {
    const { el } = await mount({ scenario: 'read-only' });
    expect(text(part(el, 'shortfall'))).to.equal('Short by $19.30 for renewals in the next 30 days.');
    expect(part(el, 'top-up-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('healthy: the wallet covers the renewals, no top-up action', async () => {
    const { el } = await mount({ scenario: 'healthy' });
    expect(part(el, 'top-up-button')).to.equal(null);
  });
});

describe('the coverage sentence', () => {
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  const charge = (date: string, amount: number, paysWith: string) => ({
    id: `up_${date}`,
    service: null,
    kind: 'renewal',
    description: 'Renewal',
    date,
    amount: usd(amount),
    pays_with: paysWith,
    method: null,
  });
  const upcoming = (covered: number, runsOut: string | null, charges: ReturnType<typeof charge>[]): Upcoming => ({
    days: 30,
    from: '2026-11-26',
    to: '2026-12-25',
    charges,
    total: usd(charges.reduce((n, c) => n + c.amount.amount, 0)),
    coverage: { wallet_balance: usd(covered), covered: usd(covered), shortfall: usd(runsOut ? 1000 : 0), runs_out_on: runsOut },
    as_of: '2026-11-26T09:00:00Z',
  });
  const msg = (key: MessageKey, params?: MessageParams) => t('en', key, params);

  it('says until when a wallet that covers some renewals lasts, that it covers none, or all, or that there are none', () => {
    const some = upcoming(2000, '2026-12-14', [charge('2026-12-01', 2000, 'wallet'), charge('2026-12-14', 1000, 'manual')]);
    expect(coverageSentence(msg, 'en', some)).to.equal('Your wallet covers renewals until December 14.');
    const none = upcoming(0, '2026-12-01', [charge('2026-12-01', 2000, 'manual')]);
    expect(coverageSentence(msg, 'en', none)).to.equal('Your wallet does not cover the next renewal, on December 1.');
    const all = upcoming(2000, null, [charge('2026-12-01', 2000, 'wallet')]);
    expect(coverageSentence(msg, 'en', all)).to.equal('Your wallet covers every renewal in the next 30 days.');
    expect(coverageSentence(msg, 'en', upcoming(0, null, []))).to.equal('No renewals in the next 30 days.');
  });
});
