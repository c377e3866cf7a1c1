/**
 * <wallet-balance>'s "Wallet activity": the wallet's ledger, loaded on first use. Its running
 * balance ends at the balance the wallet shows, a top-up says what it was charged, it pages
 * with "Load more", says when it cannot load (with "Try again"), and reads its signs right in
 * Persian.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { WalletBalance } from '../../src/define/wallet-balance.js';
import { LazyModule } from '../../src/components/shared/lazy-module.js';
import type { WalletLedger } from '../../src/components/wallet-balance/ledger.js';
import type { BillingClient } from '../../src/api/client.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';
import { formatMoney } from '../../src/i18n/format.js';
import { holdLoads } from '../helpers/hold-loads.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';

/** A wallet whose activity code loads through its own `LazyModule`, so a test can fail its first load. */
class FreshLedgerWallet extends WalletBalance {
  static override ledgerCode = new LazyModule(() => import('../../src/components/wallet-balance/ledger.js'));
}
FreshLedgerWallet.define('fresh-ledger-wallet');

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, 'en');

async function mountWallet(options: MountOptions = {}) {
  const mounted = await mountInProvider<WalletBalance>(html`<wallet-balance></wallet-balance>`, options);
  await mounted.el.wallet.settled();
  // The figures and "Wallet activity" show with the coverage, together.
  await mounted.el.upcoming.settled();
  await mounted.el.updateComplete;
  return mounted;
}

/** Opens "Wallet activity" and waits for its code and first page. */
async function openActivity(el: WalletBalance): Promise<WalletLedger> {
  part(el, 'activity-button')!.click();
  await el.activity.settled();
  const ledger = el.activity.panel!;
  await ledger.settled();
  await el.updateComplete;
  return ledger;
}

const rows = (el: WalletBalance) => parts(el, 'activity-entry');

describe('<wallet-balance> wallet activity', function () {
  this.timeout(30_000);

  it('opens the ledger: its newest balance is the balance shown, and each balance adds up', async () => {
    const { el } = await mountWallet({ scenario: 'healthy' });
    const button = part(el, 'activity-button')!;
    expect(text(button)).to.equal(t('en', 'wallet.activity'));
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'activity')!.hidden).to.equal(true);

    const ledger = await openActivity(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(part(el, 'activity')!.hidden).to.equal(false);
    const entries = ledger.entries;
    expect(entries.length).to.equal(rows(el).length);
    expect(entries.length).to.be.above(1);
    expect(text(part(el, 'balance'))).to.equal(usd(entries[0].balance_after.amount));
    entries.forEach((entry, i) => {
      const before = entries[i + 1]?.balance_after.amount ?? 0;
      expect(entry.balance_after.amount, entry.id).to.equal(before + entry.amount.amount);
    });
    // The oldest: the balance brought forward; then the invoices the wallet paid, debits with their minus.
    const oldest = rows(el).at(-1)!;
    expect(oldest.dataset['kind']).to.equal('opening_balance');
    expect(text(oldest)).to.contain(t('en', 'ledger.kind.opening_balance'));
    const debit = rows(el).find((row) => row.dataset['kind'] === 'invoice_payment')!;
    expect(text(debit.querySelector('[part~="activity-amount"]'))).to.equal(`\u2212${usd(14_900)}`);
    expect(text(debit.querySelector('[part~="activity-balance"]'))).to.equal(t('en', 'ledger.balance_after', { amount: usd(entries[0].balance_after.amount) }));
    await expect(el).to.be.accessible();

    button.click();
    await el.updateComplete;
    expect(part(el, 'activity')!.hidden, 'the button closes it again').to.equal(true);
  });

  it('explains a top-up: what the wallet got, what the card was charged, the fee not credited', async () => {
    const { el } = await mountWallet();
    await openActivity(el);
    const [topUp] = rows(el);
    expect(topUp.dataset['kind']).to.equal('top_up');
    expect(text(topUp.querySelector('[part~="activity-amount"]'))).to.equal(`+${usd(1_250)}`);
    expect(text(topUp.querySelector('[part~="activity-charged"]'))).to.equal(t('en', 'ledger.charged', { charged: usd(1_316), fee: usd(66) }));
    expect(text(topUp)).to.contain('tu_7000');
    await expect(el).to.be.accessible();
  });

  it('adds a payment from the wallet at the top when the wallet moves', async () => {
    const { el, client } = await mountWallet();
    await openActivity(el);
    expect(rows(el)).to.have.length(1);
    await client.payInvoice('inv_1001', { method_id: 'pm_card_4242', apply_wallet: true }, { idempotencyKey: 'ledger-ui-pay' });
    await waitUntil(() => rows(el).length === 2, 'the ledger did not reload after the payment');
    expect(rows(el)[0].dataset['kind']).to.equal('invoice_payment');
    expect(text(rows(el)[0])).to.contain('PL-2026-0142');
    await waitUntil(() => text(part(el, 'balance')) === usd(0), 'the balance did not reload');
    expect(text(rows(el)[0].querySelector('[part~="activity-balance"]'))).to.equal(t('en', 'ledger.balance_after', { amount: usd(0) }));
  });

  it('pages with "Load more" and says how many entries are shown', async () => {
    const { el } = await mountWallet({ scenario: 'many-invoices' });
    const ledger = await openActivity(el);
    expect(rows(el)).to.have.length(10);
    part(el, 'load-more')!.click();
    await waitUntil(() => rows(el).length === 20, 'the next page was not added');
    expect(new Set(ledger.entries.map((entry) => entry.id)).size).to.equal(20);
    await waitUntil(() => text(part(el, 'live-region')) === t('en', 'ledger.shown', { n: 20 }), 'the count was not announced');
    // Still adding up across the page boundary.
    const [tenth, eleventh] = [ledger.entries[9], ledger.entries[10]];
    expect(tenth.balance_after.amount).to.equal(eleventh.balance_after.amount + tenth.amount.amount);
    await expect(el).to.be.accessible();
  });

  it('says when the ledger cannot load, and loads it on "Try again"', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /wallet/transactions', type: 'status', status: 503, times: 1 });
    const { el } = await mountWallet({ api });
    await openActivity(el);
    const error = part(el, 'activity')!.querySelector<HTMLElement>('[part~="error"]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(rows(el)).to.have.length(0);
    expect(text(part(el, 'balance')), 'the balance stays').to.equal(usd(1_250));
    await expect(el).to.be.accessible();
    part(el, 'activity')!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => rows(el).length === 1, 'the ledger did not load on retry');
  });

  it('says when its code cannot load, and loads it on "Try again"', async () => {
    const loads = holdLoads(FreshLedgerWallet.ledgerCode);
    const { el } = await mountInProvider<WalletBalance>(html`<fresh-ledger-wallet></fresh-ledger-wallet>`);
    await el.wallet.settled();
    await el.upcoming.settled();
    await el.updateComplete;
    part(el, 'activity-button')!.click();
    await el.updateComplete;
    expect(part(el, 'activity')!.querySelector('[part~="skeleton"]'), 'a placeholder while the code loads').to.not.equal(null);
    loads.reject(new TypeError('Failed to fetch dynamically imported module'));
    await waitUntil(() => part(el, 'activity')!.querySelector('[part~="error"]'), 'the failure is shown');
    expect(text(part(el, 'activity'))).to.contain(t('en', 'support.load_failed'));
    await expect(el).to.be.accessible();
    loads.restore();
    part(el, 'activity')!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => rows(el).length === 1, 'the ledger did not load on retry');
  });

  it('says so when the client has no ledger', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    // A client written before the ledger: no listWalletTransactions.
    const older: BillingClient = { ...createTestClient(api) };
    delete older.listWalletTransactions;
    const { el } = await mountInProvider<WalletBalance>(html`<wallet-balance></wallet-balance>`, { api });
    (el.closest('billing-provider') as HTMLElement & { client: BillingClient }).client = older;
    await waitUntil(() => part(el, 'activity-button'), 'no wallet');
    await openActivity(el);
    expect(text(part(el, 'activity-unavailable'))).to.equal(t('en', 'ledger.unavailable'));
    await expect(el).to.be.accessible();
  });

  for (const locale of ['de', 'fa']) {
    it(`reads in ${locale}, signs and digits in the locale's way`, async () => {
      const { el } = await mountWallet({ scenario: 'low-balance', locale });
      await openActivity(el);
      expect(text(part(el, 'activity-button'))).to.equal(t(locale, 'wallet.activity'));
      expect(text(part(el, 'activity-table')?.querySelector('caption'))).to.equal(t(locale, 'ledger.caption'));
      const [debit, opening] = rows(el);
      const minus = text(debit.querySelector('[part~="activity-amount"]'));
      const plus = text(opening.querySelector('[part~="activity-amount"]'));
      // The number as the locale writes it (Persian digits for fa), the sign before it in reading order.
      const [debitDigits, openingDigits] = locale === 'fa' ? ['۳۱٫۸۰', '۳۵٫۰۰'] : ['31,80', '35,00'];
      expect(minus).to.contain(debitDigits);
      expect(plus).to.contain(openingDigits);
      expect(minus.indexOf('\u2212'), 'a minus sign (U+2212) before the number').to.be.within(0, minus.indexOf(debitDigits));
      expect(plus.indexOf('+'), 'a plus sign before the number').to.be.within(0, plus.indexOf(openingDigits));
      expect(debit.querySelector('[part~="activity-amount"]')!.localName, 'the sign stays with the number').to.equal('bdi');
      await expect(el).to.be.accessible();
    });
  }
});
