/**
 * <top-up-button> after the money arrived (issue 15, item 5): a top-up does not pay invoices
 * unless the account's wallet pays them by itself (`Wallet.auto_pay_invoices`), and the success
 * step says which: with auto-pay off it offers "Pay PL-… from your wallet now" for the most
 * urgent invoice the new balance covers (or says how much is still short); with auto-pay on it
 * says so and names what the wallet paid. Also: each method's fee rule in words before any
 * amount is typed. Real element, HTTP client, cache and reference API, as in top-up-money.test.ts.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/top-up-button.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { BillingInvoicePaidDetail, BillingPayRequestDetail } from '../../src/components/shared/events.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { MessageParams } from '../../src/i18n/types.js';
import { formatMoney } from '../../src/i18n/format.js';
import { Summary } from '../../src/api/schemas.js';
import { useFakeCheckout } from '../helpers/checkout.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';
import '../helpers/load-money-ui.js';

const API_BASE = `${location.origin}/api/billing/v1`;
const FAST = { initialDelayMs: 10, maxDelayMs: 40, deadlineMs: 5000 };
const VPS = 'VPS Cloud 4 · fra1-vps-042';

const fake = useFakeCheckout();

async function mountTopUp(options: MountOptions = {}) {
  const mounted = await mountInProvider<TopUpButton>(html`<top-up-button></top-up-button>`, { ...options, client: { baseUrl: API_BASE } });
  mounted.provider.checkoutMode = 'popup';
  await mounted.provider.updateComplete;
  const el = mounted.el;
  el.flow!.timing = { ...FAST };
  el.quoteDelayMs = 0;
  await el.updateComplete;
  await el.permissions.settled();
  await el.updateComplete;
  return mounted;
}

const part = <T extends Element = HTMLElement>(el: TopUpButton, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = (el: TopUpButton, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
/** Text as read, white space (NBSP in German amounts too) as one space. */
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (node: Element | null | undefined) => squash(node?.textContent ?? '');
const usd = (amount: number, locale = 'en') => formatMoney({ amount, currency: 'USD' }, locale);
/** The lines under "Added …", each as read. */
const afterLines = (el: TopUpButton) => [...(part(el, 'after-top-up')?.querySelectorAll('p') ?? [])].map(text);
const msg = (locale: string, key: MessageKey, params?: MessageParams) => squash(t(locale, key, params));

/** Opens the dialog, types the amount, chooses the method and pays; the gateway approves. */
async function topUp(el: TopUpButton, api: ReferenceApi, amount: string, method = 'Visa') {
  part<HTMLButtonElement>(el, 'button')!.click();
  await waitUntil(() => part(el, 'amount-input') && part(el, 'method'), 'the form is ready');
  const input = part<HTMLInputElement>(el, 'amount-input')!;
  input.value = amount;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  parts(el, 'method').find((m) => text(m).includes(method))!.querySelector('input')!.click();
  await waitUntil(() => part(el, 'confirm-button')?.getAttribute('aria-disabled') === 'false', 'the quote is ready');
  part<HTMLButtonElement>(el, 'confirm-button')!.click();
  await waitUntil(() => el.flow!.step === 'awaiting_checkout', 'at the checkout');
  await api.completeCheckout(el.flow!.record!.id, 'approve');
  await waitUntil(() => el.flow!.step === 'succeeded', 'the top-up succeeded');
}

/** The follow-up is filled once the summary is back after the top-up. */
async function afterShown(el: TopUpButton) {
  await waitUntil(() => part(el, 'after-top-up')?.hasAttribute('data-auto-pay'), 'the follow-up is shown');
  await el.updateComplete;
}

/** The open-invoice total the server reports now, as the follow-up quotes it. */
async function unpaidTotal(api: ReferenceApi): Promise<number> {
  return Summary.parse(await (await api.fetch(`${API_BASE}/summary`)).json()).unpaid.total.amount;
}

const walletCharges = (api: ReferenceApi, number: string) => api.ledger().filter((e) => e.kind === 'charge' && e.source === 'wallet' && e.description.includes(number));

function expectLedgerConsistent(api: ReferenceApi) {
  const audit = api.audit();
  expect(audit.wallet, 'wallet equals the ledger').to.deep.equal(audit.walletFromLedger);
  for (const [intent, count] of Object.entries(audit.chargesByIntent)) expect(count, `charges of ${intent}`).to.equal(1);
}

describe('<top-up-button> after the top-up: invoices and the wallet', () => {
  it('auto-pay off: says the top-up paid no invoice and offers "Pay PL-2026-0142 from your wallet now", which pays it from the wallet once', async () => {
    const { el, api } = await mountTopUp();
    // $12.50 + $25.00 = $37.50 covers PL-2026-0142 ($31.80), overdue and keeping the VPS at risk.
    await topUp(el, api, '25.00');
    await afterShown(el);
    expect(part(el, 'after-top-up')!.dataset['autoPay']).to.equal('false');
    expect(afterLines(el)).to.deep.equal([
      msg('en', 'topup_dialog.after.not_paid', { amount: usd(await unpaidTotal(api)) }),
      msg('en', 'topup_dialog.after.covers_at_risk', { number: 'PL-2026-0142', service: VPS }),
    ]);
    const offer = part<HTMLButtonElement>(el, 'pay-offer-button')!;
    expect(text(offer)).to.equal(msg('en', 'topup_dialog.after.pay', { number: 'PL-2026-0142' }));
    expect(offer.querySelector('bdi')?.textContent, 'the number is isolated').to.equal('PL-2026-0142');
    expect(part(el, 'result')!.contains(offer), 'the offer is part of the outcome focus lands on').to.equal(true);
    await expect(el).to.be.accessible();

    const requests: BillingPayRequestDetail[] = [];
    const paid: BillingInvoicePaidDetail[] = [];
    el.addEventListener('billing-pay-request', (e) => requests.push(e.detail));
    el.addEventListener('billing-invoice-paid', (e) => paid.push(e.detail));
    offer.click();
    expect(requests).to.deep.equal([{ invoiceId: 'inv_1001', number: 'PL-2026-0142', balanceDue: { amount: 3180, currency: 'USD' } }]);
    // The pay dialog replaces the top-up dialog, the wallet chosen (it covers the invoice).
    await waitUntil(() => part(el, 'pay-confirm-button') && el.shadowRoot!.querySelector<HTMLInputElement>('[part~="pay-method"] input:checked'), 'the pay form is ready');
    await waitUntil(() => !el.topUp.isOpen && el.open === false, 'the top-up dialog closed');
    expect(part<HTMLDialogElement>(el, 'pay-dialog')!.open).to.equal(true);
    expect(part<HTMLDialogElement>(el, 'dialog')).to.equal(null);
    const chosen = el.shadowRoot!.querySelector<HTMLInputElement>('[part~="pay-method"] input:checked')!;
    expect(chosen.closest<HTMLElement>('[part~="pay-method"]')!.dataset['methodType']).to.equal('wallet');
    expect(text(part(el, 'pay-dialog-title'))).to.equal(t('en', 'pay.dialog_title', { number: 'PL-2026-0142' }));
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'pay-confirm-button')!.click();
    await waitUntil(() => el.payFlow.flow && (el.payFlow.flow as { step: string }).step === 'succeeded', 'paid');
    expect(api.invoices().find((i) => i.number === 'PL-2026-0142')?.status).to.equal('paid');
    expect(walletCharges(api, 'PL-2026-0142'), 'one wallet charge for the invoice').to.have.length(1);
    expect(walletCharges(api, 'PL-2026-0142')[0].amount.amount).to.equal(3180);
    expect(paid.map((p) => p.invoiceId)).to.deep.equal(['inv_1001']);
    const payment = api.records().find((r) => r.invoiceId === 'inv_1001' && r.kind === 'invoice_payment' && r.status === 'completed' && r.intent?.startsWith('seed:') !== true);
    expect(payment?.checkoutId, 'the wallet pays at once: no checkout').to.equal(null);
    expect(fake.opened.slice(1).every((opened) => opened.window.closed), 'the popup opened for the click is closed').to.equal(true);
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('auto-pay on: says the wallet pays open invoices by itself, names what it paid, and offers nothing to pay', async () => {
    const api = createReferenceApi({ scenario: 'overdue', autoPayInvoices: true });
    const { el } = await mountTopUp({ api });
    await topUp(el, api, '25.00');
    await afterShown(el);
    expect(part(el, 'after-top-up')!.dataset['autoPay']).to.equal('true');
    // $37.50 paid PL-2026-0142 ($31.80); $5.70 is left, short of the next, PL-2026-0149 ($12.99).
    expect(afterLines(el)).to.deep.equal([
      msg('en', 'topup_dialog.after.auto_pay'),
      msg('en', 'topup_dialog.after.auto_paid', { number: 'PL-2026-0142', amount: usd(3180) }),
      msg('en', 'topup_dialog.after.short', { short: usd(729), number: 'PL-2026-0149', amount: usd(1299) }),
    ]);
    expect(part(el, 'pay-offer-button'), 'nothing to offer: the wallet paid').to.equal(null);
    expect(text(part(el, 'after-top-up'))).to.not.contain(t('en', 'topup_dialog.after.not_paid').split('{')[0].trim());
    expect(walletCharges(api, 'PL-2026-0142')).to.have.length(1);
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('auto-pay off, a balance that covers no urgent invoice: says how much is still short, and offers nothing', async () => {
    const { el, api } = await mountTopUp();
    // $12.50 + $5.00 = $17.50: $14.30 short of PL-2026-0142 ($31.80).
    await topUp(el, api, '5.00');
    await afterShown(el);
    expect(afterLines(el)).to.deep.equal([
      msg('en', 'topup_dialog.after.not_paid', { amount: usd(await unpaidTotal(api)) }),
      msg('en', 'topup_dialog.after.short', { short: usd(1430), number: 'PL-2026-0142', amount: usd(3180) }),
    ]);
    expect(part(el, 'pay-offer-button')).to.equal(null);
    expect(api.invoices().find((i) => i.number === 'PL-2026-0142')?.status).to.equal('overdue');
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('says it in German: the top-up paid no invoice, the wallet now covers PL-2026-0142, and the offer', async () => {
    const { el, api } = await mountTopUp({ locale: 'de' });
    await topUp(el, api, '25,00');
    await afterShown(el);
    expect(afterLines(el)).to.deep.equal([
      msg('de', 'topup_dialog.after.not_paid', { amount: usd(await unpaidTotal(api), 'de') }),
      msg('de', 'topup_dialog.after.covers_at_risk', { number: 'PL-2026-0142', service: VPS }),
    ]);
    expect(text(part(el, 'pay-offer-button'))).to.equal(msg('de', 'topup_dialog.after.pay', { number: 'PL-2026-0142' }));
    await expect(el).to.be.accessible();
  });

  for (const [locale, scenario, currency, cardFixed] of [
    ['en', 'overdue', 'USD', 30],
    ['de', 'eur', 'EUR', 25],
  ] as const) {
    it(`shows each method's fee rule in words before an amount is typed (${locale})`, async () => {
      const { el } = await mountTopUp({ locale, scenario });
      part<HTMLButtonElement>(el, 'button')!.click();
      await waitUntil(() => part(el, 'amount-input') && part(el, 'method'), 'the form is ready');
      expect(part<HTMLInputElement>(el, 'amount-input')!.value, 'nothing typed').to.equal('');
      expect(part(el, 'quote'), 'no quote yet').to.equal(null);
      const fees = parts(el, 'method').map((m) => text(m.querySelector('.method__type')));
      const percent = (bps: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
      expect(fees).to.deep.equal([
        msg(locale, 'topup_dialog.fee.both', { percent: percent(290), fixed: formatMoney({ amount: cardFixed, currency }, locale) }),
        msg(locale, 'topup_dialog.fee.percent', { percent: percent(100) }),
        msg(locale, 'topup_dialog.fee.none'),
      ]);
      if (locale === 'en') expect(fees).to.deep.equal(['2.9% + $0.30 fee', '1% fee', 'No fee']);
      await expect(el).to.be.accessible();
    });
  }
});
