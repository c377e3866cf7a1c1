/**
 * Issue 16: the top-up dialog's "Cover the next 30 days" preset: the shortfall of
 * `GET /upcoming?days=30` (through the shared cache) as the first preset, one line on why, held
 * to the top-up limits; absent when the wallet covers the window or the server has no /upcoming.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/define/top-up-button.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';
import { formatCalendarDate, formatMoney } from '../../src/i18n/format.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';
import '../helpers/load-money-ui.js';

const part = <T extends Element = HTMLElement>(el: TopUpButton, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = (el: TopUpButton, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const usd = (amount: number, locale = 'en') => formatMoney({ amount, currency: 'USD' }, locale);

/** Opens the dialog and waits for the form and for the answer of GET /upcoming (or its failure). */
async function openDialog(options: MountOptions): Promise<{ el: TopUpButton; api: ReferenceApi }> {
  const { el, api } = await mountInProvider<TopUpButton>(html`<top-up-button></top-up-button>`, options);
  el.quoteDelayMs = 0;
  await el.updateComplete;
  await el.permissions.settled();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="button"]')!.click();
  await waitUntil(() => part(el, 'amount-input') && part(el, 'method'), 'the form is ready');
  await waitUntil(() => ['ready', 'error'].includes(el.topUp.dialog?.upcoming.state ?? ''), 'GET /upcoming answered');
  await el.updateComplete;
  return { el, api };
}

/** The window's figures as the reference API has them, read the way the dialog reads them (30 days). */
async function upcomingOf(api: ReferenceApi) {
  return createTestClient(api).getUpcoming!(30);
}

describe('the top-up dialog\'s "Cover the next 30 days" preset', () => {
  it('is the first preset in the overdue account: the $19.30 short, with the renewals and the wallet in one line', async () => {
    const { el } = await openDialog({ scenario: 'overdue' });
    const cover = part<HTMLButtonElement>(el, 'cover-preset');
    expect(cover, 'the cover preset').to.exist;
    expect(text(cover)).to.equal(t('en', 'topup.cover', { days: 30, amount: usd(1930) }));
    expect(text(cover)).to.equal('Cover the next 30 days ($19.30)');
    // First in the presets' group, before the wallet's own presets.
    expect(part(el, 'presets')!.querySelector('button')).to.equal(cover);
    const reason = part(el, 'cover-reason');
    expect(cover!.getAttribute('aria-describedby')).to.equal(reason!.id);
    expect(text(reason)).to.match(/^Renewals of \$[\d,.]+ are due by [A-Z][a-z]+ \d+, 2026; your wallet has \$[\d,.]+\.$/);
    expect(text(reason)).not.to.contain(t('en', 'topup.cover_min', { amount: '', shortfall: '' }).slice(0, 16));
    expect(cover!.getAttribute('aria-pressed')).to.equal('false');

    cover!.click();
    await el.updateComplete;
    expect(part<HTMLInputElement>(el, 'amount-input')!.value).to.equal('19.30');
    expect(cover!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('explains the amount with the window\'s own figures', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { el } = await openDialog({ api });
    const upcoming = await upcomingOf(api);
    expect(upcoming.coverage.shortfall.amount).to.equal(1930);
    expect(text(part(el, 'cover-reason'))).to.equal(
      t('en', 'topup.cover_why', {
        total: usd(upcoming.total.amount),
        date: formatCalendarDate(upcoming.to, 'en', 'long'),
        balance: usd(upcoming.coverage.wallet_balance.amount),
      }),
    );
  });

  const clamps = [
    { name: 'the minimum top-up when the shortfall is below it, and says so', patch: { 'top_up.min.amount': 2500 }, amount: 2500, key: 'topup.cover_min', input: '25.00' },
    { name: 'the maximum top-up when the shortfall is above it, and says it covers part', patch: { 'top_up.max.amount': 1000 }, amount: 1000, key: 'topup.cover_max', input: '10.00' },
  ] as const;
  for (const clamp of clamps) {
    it(`is ${clamp.name}`, async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'GET /wallet', type: 'schema', patch: { ...clamp.patch, 'top_up.presets': [] }, times: 100 });
      const { el } = await openDialog({ api });
      const cover = part<HTMLButtonElement>(el, 'cover-preset')!;
      expect(text(cover)).to.equal(t('en', 'topup.cover', { days: 30, amount: usd(clamp.amount) }));
      expect(text(part(el, 'cover-reason'))).to.contain(t('en', clamp.key, { amount: usd(clamp.amount), shortfall: usd(1930) }));
      cover.click();
      await el.updateComplete;
      expect(part<HTMLInputElement>(el, 'amount-input')!.value).to.equal(clamp.input);
      await expect(el).to.be.accessible();
    });
  }

  it('is absent in the healthy account, whose wallet covers the window', async () => {
    const api = createReferenceApi({ scenario: 'healthy' });
    const { el } = await openDialog({ api });
    expect((await upcomingOf(api)).coverage.shortfall.amount).to.equal(0);
    expect(part(el, 'cover-preset')).to.equal(null);
    expect(part(el, 'cover-reason')).to.equal(null);
    expect(parts(el, 'preset').map(text)).to.deep.equal(['$10.00', '$25.00', '$50.00', '$100.00']);
    await expect(el).to.be.accessible();
  });

  it('is absent when the server has no /upcoming (404), and the rest of the dialog works', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /upcoming', type: 'status', status: 404, code: 'not_found', times: 100 });
    const { el } = await openDialog({ api });
    expect(api.requestLog()).to.include('GET /upcoming');
    expect(part(el, 'cover-preset')).to.equal(null);
    expect(parts(el, 'preset')).to.have.length(4);
    expect(part(el, 'error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const locale of ['de', 'fa']) {
    it(`speaks ${locale}`, async () => {
      const { el } = await openDialog({ scenario: 'overdue', locale });
      expect(text(part(el, 'cover-preset'))).to.equal(t(locale, 'topup.cover', { days: 30, amount: usd(1930, locale) }).replace(/\s+/g, ' '));
      expect(t(locale, 'topup.cover_why')).not.to.equal(t('en', 'topup.cover_why'));
      await expect(el).to.be.accessible();
    });
  }
});
