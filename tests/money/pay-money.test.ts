/**
 * Paying invoices: money moves exactly once per intent. Every scenario runs the real pay dialog
 * (src/money/pay-dialog.ts), HTTP client, cache and reference API in the browser; `checkoutNavigator`
 * is replaced so the checkout URL is captured instead of navigated to, and the gateway's answer
 * is given with `api.completeCheckout(...)`. After each scenario the wallet must equal its
 * ledger, no intent may have been charged twice on any rail, and the invoice's completed
 * payments must add up to its amount paid.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/wallet-balance.js';
import '../../src/define/invoice-list.js';
import '../../src/define/billing-overview.js';
import '../../src/define/invoice-detail.js';
import { BillingConsumerElement, baseStyles } from '../../src/components/shared/index.js';
import type { BillingInvoicePaidDetail, BillingPayRequestDetail } from '../../src/components/shared/events.js';
import { PayFlow, payFlowStyles } from '../../src/money/pay-dialog.js';
import { CHECKOUT_RETURN_PARAM } from '../../src/money/launch/return.js';
import type { WalletBalance } from '../../src/components/wallet-balance/wallet-balance.js';
import type { InvoiceList } from '../../src/components/invoice-list/invoice-list.js';
import type { BillingOverview } from '../../src/components/billing-overview/billing-overview.js';
import type { InvoiceDetail } from '../../src/components/invoice-detail/invoice-detail.js';
import type { Invoice, PayResult } from '../../src/api/schemas.js';
import { QueryCache } from '../../src/api/cache.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { MessageParams } from '../../src/i18n/types.js';
import { formatCalendarDate, formatMoney } from '../../src/i18n/format.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { storedAttempts, useFakeCheckout } from '../helpers/checkout.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';

/** The smallest host: a Pay button and the dialog, as <invoice-detail> and <billing-overview> carry it. */
class PayHost extends BillingConsumerElement {
  static override styles = [baseStyles, payFlowStyles];
  static override properties = { invoiceId: { attribute: 'invoice-id' } };
  declare invoiceId: string;
  readonly pay = new PayFlow(this, { starter: 'pay-host', resume: 'any' });

  override render(): TemplateResult {
    return html`<button class="button" part="pay-button" type="button" @click=${() => this.pay.open(this.invoiceId)}>Pay</button>${this.pay.render()}`;
  }
}
if (!customElements.get('pay-host')) customElements.define('pay-host', PayHost);

/** Same-origin API base: the reference API's checkout pages are then same-origin (development), which the https check allows. */
const API_BASE = `${location.origin}/api/billing/v1`;
// A long deadline: axe checks while a checkout is open must not run it out.
const FAST = { initialDelayMs: 10, maxDelayMs: 40, deadlineMs: 8000 };

const fake = useFakeCheckout();

type Mount = MountOptions & { popup?: boolean };

async function mountPay(content: TemplateResult = html`<pay-host invoice-id="inv_1001"></pay-host>`, options: Mount = {}) {
  const mounted = await mountInProvider<HTMLElement>(content, { ...options, client: { baseUrl: API_BASE, ...options.client } });
  if (options.popup) {
    mounted.provider.checkoutMode = 'popup';
    await mounted.provider.updateComplete;
  }
  const el = mounted.provider.querySelector<PayHost>('pay-host')!;
  el.pay.flow.timing = { ...FAST };
  await el.updateComplete;
  return { ...mounted, el };
}

const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = <T extends Element = HTMLElement>(el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const confirmButton = (el: Element) => part<HTMLButtonElement>(el, 'pay-confirm-button')!;

/** Amounts as the dialog formats them (minor units). Method labels ('Visa ending 4242'), invoice numbers and failure reasons are the API's. */
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, 'en');
const eur = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'en');
/** The success outcome: its title, then what was received. */
const paidResult = (number: string, amount: string) => `${t('en', 'pay_dialog.succeeded', { number })} ${t('en', 'pay_dialog.succeeded_amount', { amount })}`;
/** The outcome's title and details, one line each. */
const resultLines = (el: Element) => [...part(el, 'pay-result')!.querySelectorAll('[class$="result__title"], [class$="result__detail"]')].map((p) => text(p));
/** A split of inv_1001 ($31.80): $12.50 from the wallet, $19.30 by the card, told whole. */
const SPLIT_PAID = () => [
  t('en', 'pay_dialog.succeeded', { number: 'PL-2026-0142' }),
  t('en', 'pay_dialog.succeeded_amount', { amount: usd(3180) }),
  t('en', 'pay_dialog.succeeded_parts', { wallet: usd(1250), charged: usd(1930), method: 'Visa ending 4242' }),
];
/** A declined card after the wallet paid $12.50 of inv_1001: the wallet part stays, $19.30 is still due. */
const SPLIT_DECLINED = () => [
  t('en', 'invoice.payment_failed', { reason: 'The card was declined by the issuer (3-D Secure authentication failed).' }),
  t('en', 'pay_dialog.failed_hint'),
  t('en', 'pay_dialog.failed_wallet_kept', { amount: usd(1250) }),
  t('en', 'pay_dialog.invoice_partly_paid', { number: 'PL-2026-0142', paid: usd(1250), total: usd(3180), balance: usd(1930) }),
];
/** Waits for the outcome told from the invoice as re-read after it. */
async function resultIs(el: Element, lines: string[]) {
  await waitUntil(() => JSON.stringify(resultLines(el)) === JSON.stringify(lines), `the outcome reads ${JSON.stringify(lines)} (is ${JSON.stringify(resultLines(el))})`);
}
/** A catalog message up to its first placeholder not given: how the copy starts whatever fills the rest (a date, an amount). */
const messageStart = (key: MessageKey, params?: MessageParams) => t('en', key, params).split(/\{\w+\}/)[0];
const startingWith = (start: string) => new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function openDialog(el: PayHost) {
  part<HTMLButtonElement>(el, 'pay-button')!.click();
  await formReady(el);
}

async function formReady(el: Element) {
  await waitUntil(() => part(el, 'pay-form') && part(el, 'pay-summary'), 'the pay form is ready');
}

async function chooseMethod(el: Element, label: string) {
  const method = parts(el, 'pay-method').find((m) => text(m).includes(label));
  if (!method) throw new Error(`no method ${label}`);
  method.querySelector('input')!.click();
  await (el as PayHost).updateComplete;
}

async function setApplyWallet(el: Element, on: boolean) {
  const box = part(el, 'pay-apply-wallet')!.querySelector('input')!;
  if (box.checked !== on) box.click();
  await (el as PayHost).updateComplete;
}

async function stepIs(el: PayHost, step: string) {
  await waitUntil(() => el.pay.flow.step === step, `step ${step} (is ${el.pay.flow.step})`);
  await el.updateComplete;
}

/** The wallet equals its ledger, and no intent was charged twice on any rail. */
function expectLedgerConsistent(api: ReferenceApi) {
  const audit = api.audit();
  expect(audit.wallet, 'wallet equals the ledger').to.deep.equal(audit.walletFromLedger);
  for (const [intent, count] of Object.entries(audit.chargesByIntent)) expect(count, `charges of ${intent}`).to.equal(1);
}

/** The invoice as the API has it now (not through any element's cache). */
async function invoiceNow(api: ReferenceApi, id: string): Promise<Invoice> {
  return (await (await api.fetch(`${API_BASE}/invoices/${id}`)).json()) as Invoice;
}

/** The invoice's payments that went through (later refunds included) add up to its amount paid, and never beyond its total. */
async function expectInvoiceSums(api: ReferenceApi, id: string) {
  const invoice = await invoiceNow(api, id);
  const received = new Set(['completed', 'refunded']);
  const paid = invoice.transactions.filter((p) => received.has(p.status) && p.kind === 'invoice_payment').reduce((sum, p) => sum + p.amount.amount, 0);
  expect(paid, `payments of ${id}`).to.equal(invoice.amount_paid.amount);
  expect(invoice.amount_paid.amount).to.be.at.most(invoice.total.amount);
  return invoice;
}

/** After every scenario: the ledger audit is clean and every invoice's payments add up. */
async function expectClean(api: ReferenceApi) {
  expectLedgerConsistent(api);
  const list = (await (await api.fetch(`${API_BASE}/invoices?limit=100`)).json()) as { data: Array<{ id: string }> };
  for (const { id } of list.data) await expectInvoiceSums(api, id);
}

const payPosts = (api: ReferenceApi) => api.requestLog().filter((r) => r === 'POST /invoices/*/payments').length;
const invoiceCharges = (api: ReferenceApi, number = 'PL-2026-0142') => api.ledger().filter((e) => e.kind === 'charge' && e.description.includes(`invoice ${number}`));
const checkoutId = (url: string) => /\/_checkout\/(chk_\d+)/.exec(url)![1];

async function post<T>(api: ReferenceApi, path: string, body: unknown): Promise<T> {
  const response = await api.fetch(`${API_BASE}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

/** Pays an invoice straight through the API (another device), approving its checkout. */
async function payElsewhere(api: ReferenceApi, invoiceId: string, methodId: string, applyWallet = false) {
  const result = await post<PayResult>(api, `/invoices/${invoiceId}/payments`, { method_id: methodId, apply_wallet: applyWallet });
  if (result.next_action) await api.completeCheckout(result.payment.id, 'approve');
  return result;
}

/** Tops the wallet up straight through the API. */
async function fundWallet(api: ReferenceApi, amount: number) {
  const topUp = await post<{ id: string }>(api, '/wallet/top-ups', { amount: { amount, currency: 'USD' }, method_id: 'pm_card_4242' });
  await api.completeCheckout(topUp.id, 'approve');
}

function paidEvents(): { events: BillingInvoicePaidDetail[]; stop: () => void } {
  const events: BillingInvoicePaidDetail[] = [];
  const listener = (e: CustomEvent<BillingInvoicePaidDetail>) => events.push(e.detail);
  document.addEventListener('billing-invoice-paid', listener);
  return { events, stop: () => document.removeEventListener('billing-invoice-paid', listener) };
}

describe('paying an invoice', () => {
  it('wallet covers all: settles at once, and the wallet and the invoice list on the page update without a reload', async () => {
    const { el, api, provider } = await mountPay(
      html`<pay-host invoice-id="inv_1201"></pay-host><wallet-balance></wallet-balance><invoice-list></invoice-list>`,
      { scenario: 'eur' },
    );
    const wallet = provider.querySelector<WalletBalance>('wallet-balance')!;
    const list = provider.querySelector<InvoiceList>('invoice-list')!;
    await wallet.wallet.settled();
    await list.settled();
    await list.updateComplete;
    const row = () => list.shadowRoot!.querySelector<HTMLElement>('[part="row"][data-invoice-id="inv_1201"]')!;
    expect(text(wallet.shadowRoot!.querySelector('[part="balance"]'))).to.equal('€40.00');
    expect(row().dataset.status).to.equal('unpaid');

    const paid = paidEvents();
    await openDialog(el);
    expect(text(part(el, 'pay-split'))).to.equal(t('en', 'pay_dialog.wallet_pays', { total: eur(2640), left: eur(1360) }));
    await expect(el).to.be.accessible();
    confirmButton(el).click();
    await stepIs(el, 'succeeded');
    paid.stop();
    expect(fake.assigned.length + fake.opened.length, 'no checkout for a wallet payment').to.equal(0);
    expect(text(part(el, 'pay-result'))).to.equal(paidResult('PL-2026-0171', eur(2640)));
    expect(text(part(el, 'pay-live-region'))).to.equal(t('en', 'pay_dialog.succeeded', { number: 'PL-2026-0171' }));
    expect(el.shadowRoot!.activeElement, 'focus moves to the outcome').to.equal(part(el, 'pay-result'));
    expect(paid.events).to.deep.equal([{ invoiceId: 'inv_1201', paymentId: el.pay.flow.record!.id }]);
    expect(el.pay.flow.record!.method.type).to.equal('wallet');
    await expect(el).to.be.accessible();

    await waitUntil(() => text(wallet.shadowRoot!.querySelector('[part="balance"]')) === '€13.60', 'the wallet shows the new balance');
    await waitUntil(() => row()?.dataset.status === 'paid', 'the list shows the invoice paid');
    expect(storedAttempts(), 'the attempt is resolved').to.deep.equal([]);
    await expectClean(api);
    const invoice = await expectInvoiceSums(api, 'inv_1201');
    expect(invoice.status).to.equal('paid');
  });

  it('wallet covers part, the card the rest (popup): the split wording, the final amount, approve -> paid', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    expect(text(part(el, 'pay-split'))).to.equal(
      t('en', 'pay_dialog.wallet_covers_part', { wallet: usd(1250), total: usd(3180), rest: usd(1930), method: 'Visa ending 4242' }),
    );
    expect(text(el.shadowRoot!.querySelector('[data-amount="charged"]'))).to.equal('$19.30');
    confirmButton(el).click();
    expect(fake.opened.map((o) => o.url), 'the window opens in the click turn').to.deep.equal(['about:blank']);
    await stepIs(el, 'awaiting_checkout');
    expect(text(part(el, 'pay-progress'))).to.contain(t('en', 'checkout.awaiting'));
    expect(fake.opened[0].window.location.href).to.match(/\/_checkout\/chk_\d+$/);
    await expect(el).to.be.accessible();

    await api.completeCheckout(checkoutId(fake.opened[0].window.location.href), 'approve');
    await stepIs(el, 'succeeded');
    // The whole payment, both parts, not the card's $19.30 alone; the invoice re-read says it is paid.
    await resultIs(el, SPLIT_PAID());
    expect(fake.opened[0].window.closed, 'the checkout window is closed').to.equal(true);
    const charges = invoiceCharges(api);
    expect(charges.map((c) => [c.source, c.amount.amount])).to.deep.equal([
      ['wallet', 1250],
      ['card', 1930],
    ]);
    expect(new Set(charges.map((c) => c.intent)).size, 'one intent').to.equal(1);
    await expectClean(api);
    expect((await expectInvoiceSums(api, 'inv_1001')).status).to.equal('paid');
  });

  it('wallet unchecked: the full amount goes to the card, the wallet is untouched', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    await setApplyWallet(el, false);
    expect(part(el, 'pay-split')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total'))).to.equal(`${t('en', 'pay_dialog.charged_to', { method: 'Visa ending 4242' })} ${usd(3180)}`);
    await expect(el).to.be.accessible();
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    expect(invoiceCharges(api).map((c) => [c.source, c.amount.amount])).to.deep.equal([['card', 3180]]);
    expect(api.audit().wallet.amount).to.equal(1250);
    await expectClean(api);
    await expectInvoiceSums(api, 'inv_1001');
  });

  it('crypto: settles through its checkout', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    await chooseMethod(el, 'Crypto');
    await setApplyWallet(el, false);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    expect(invoiceCharges(api).map((c) => [c.source, c.amount.amount])).to.deep.equal([['crypto', 3180]]);
    await expectClean(api);
    await expectInvoiceSums(api, 'inv_1001');
  });

  it('declined: the reason, the invoice unchanged, and "Try another method" back to the form', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    await setApplyWallet(el, false);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'decline');
    await stepIs(el, 'failed');
    expect(text(part(el, 'pay-result'))).to.equal(
      `${t('en', 'invoice.payment_failed', { reason: 'The card was declined by the issuer (3-D Secure authentication failed).' })} ${t('en', 'pay_dialog.failed_hint')}`,
    );
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'pay-result'));
    await expect(el).to.be.accessible();
    const invoice = await expectInvoiceSums(api, 'inv_1001');
    expect([invoice.status, invoice.amount_paid.amount, invoice.balance_due.amount], 'unchanged').to.deep.equal(['overdue', 0, 3180]);
    expect(storedAttempts(), 'a declined attempt is final').to.deep.equal([]);

    part<HTMLButtonElement>(el, 'pay-try-another-button')!.click();
    await stepIs(el, 'choosing');
    await formReady(el);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('name') === 'pay-flow-method', 'focus on the methods');
    await expect(el).to.be.accessible();
    await chooseMethod(el, 'Crypto');
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    expect(invoiceCharges(api).map((c) => [c.source, c.amount.amount]), 'the wallet box stays as it was').to.deep.equal([['crypto', 3180]]);
    await expectClean(api);
    expect((await expectInvoiceSums(api, 'inv_1001')).status).to.equal('paid');
  });

  it('declined after the wallet paid its part: the wallet part stays applied, the invoice is partially paid, and the rest is offered', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'decline');
    await stepIs(el, 'failed');
    await resultIs(el, SPLIT_DECLINED());
    await expect(el).to.be.accessible();
    const invoice = await expectInvoiceSums(api, 'inv_1001');
    // Overdue still (the API's status says so first), with the wallet's part paid.
    expect([invoice.status, invoice.amount_paid.amount, invoice.balance_due.amount]).to.deep.equal(['overdue', 1250, 1930]);
    await expectClean(api);

    // "Try another method": the form again, for what is still due.
    part<HTMLButtonElement>(el, 'pay-try-another-button')!.click();
    await stepIs(el, 'choosing');
    await waitUntil(() => text(part(el, 'pay-facts')) === `${t('en', 'invoice.balance_due')} ${usd(1930)}`, 'the rest is due');
    expect(text(confirmButton(el))).to.equal(t('en', 'pay.confirm', { amount: usd(1930) }));
    await chooseMethod(el, 'Crypto');
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    await resultIs(el, [t('en', 'pay_dialog.succeeded', { number: 'PL-2026-0142' }), t('en', 'pay_dialog.succeeded_amount', { amount: usd(1930) })]);
    expect((await expectInvoiceSums(api, 'inv_1001')).status).to.equal('paid');
    await expectClean(api);
  });

  it('redirect mode: goes to the checkout with a return URL, and a new element resumes from it and shows success', async () => {
    const { el, api } = await mountPay();
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'redirecting');
    expect(text(part(el, 'pay-progress'))).to.equal(t('en', 'checkout.redirecting'));
    await expect(el).to.be.accessible();
    expect(fake.assigned).to.have.length(1);
    const checkout = new URL(fake.assigned[0]);
    expect(checkout.origin).to.equal(location.origin);
    const back = new URL(checkout.searchParams.get('return')!);
    const paymentId = el.pay.flow.record!.id;
    expect(back.searchParams.get(CHECKOUT_RETURN_PARAM)).to.equal(`pay:${paymentId}`);
    expect(storedAttempts(), 'unresolved while at the checkout').to.have.length(1);

    // The gateway approves and sends the customer back: the page loads again with the parameter.
    await api.completeCheckout(checkoutId(fake.assigned[0]), 'approve');
    el.remove();
    history.replaceState(history.state, '', back.href);
    const paid = paidEvents();
    const { el: returned } = await mountPay(html`<pay-host invoice-id="inv_1001"></pay-host>`, { api });
    expect(new URL(location.href).searchParams.has(CHECKOUT_RETURN_PARAM), 'the parameter is removed').to.equal(false);
    await stepIs(returned, 'succeeded');
    paid.stop();
    expect(returned.pay.isOpen).to.equal(true);
    await waitUntil(() => text(part(returned, 'pay-dialog-title')) === t('en', 'pay.dialog_title', { number: 'PL-2026-0142' }));
    // The whole payment, told from the invoice and this attempt's payments on it: $12.50 from the wallet and $19.30 by card.
    await resultIs(returned, SPLIT_PAID());
    expect(paid.events).to.deep.equal([{ invoiceId: 'inv_1001', paymentId }]);
    expect(storedAttempts(), 'the attempt is resolved on return').to.deep.equal([]);
    await expect(returned).to.be.accessible();
    await expectClean(api);
    await expectInvoiceSums(api, 'inv_1001');
  });

  it('redirect mode, declined after the wallet paid its part: back on the page, says the wallet part stays applied', async () => {
    const { el, api } = await mountPay();
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'redirecting');
    const back = new URL(new URL(fake.assigned[0]).searchParams.get('return')!);
    await api.completeCheckout(checkoutId(fake.assigned[0]), 'decline');
    el.remove();
    history.replaceState(history.state, '', back.href);
    const { el: returned } = await mountPay(html`<pay-host invoice-id="inv_1001"></pay-host>`, { api });
    await stepIs(returned, 'failed');
    await resultIs(returned, SPLIT_DECLINED());
    expect((await expectInvoiceSums(api, 'inv_1001')).balance_due.amount).to.equal(1930);
    await expect(returned).to.be.accessible();
  });

  it('popup blocked: says so, links to the payment page, and still notices the approval', async () => {
    fake.popupAllowed = false;
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    const link = part<HTMLAnchorElement>(el, 'pay-checkout-link')!;
    expect(text(part(el, 'pay-progress'))).to.contain(t('en', 'checkout.popup_blocked'));
    expect(link.href).to.match(new RegExp(`^${location.origin}/api/billing/v1/_checkout/chk_\\d+$`));
    expect(link.rel).to.contain('noopener');
    await expect(el).to.be.accessible();
    await api.completeCheckout(checkoutId(link.href), 'approve');
    await stepIs(el, 'succeeded');
    await expectClean(api);
  });

  it('an insecure checkout address is refused: nothing is opened', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const { el } = await mountPay(undefined, { api });
    await openDialog(el);
    await setApplyWallet(el, false);
    api.inject({ match: 'POST /invoices/*/payments', type: 'schema', patch: { 'next_action.url': 'http://evil.test/checkout' } });
    confirmButton(el).click();
    await stepIs(el, 'error');
    expect(text(part(el, 'pay-error')!.querySelector('.error-panel__title'))).to.equal(t('en', 'checkout.unsafe_url'));
    expect(fake.assigned).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await expectClean(api);
  });

  it('still processing after the deadline, never a false success; Re-check then succeeds', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    el.pay.flow.timing = { initialDelayMs: 10, maxDelayMs: 20, deadlineMs: 300 };
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'still_processing');
    expect(text(part(el, 'pay-result'))).to.equal(`${t('en', 'pay_dialog.still_processing')} ${t('en', 'pay_dialog.still_processing_hint')}`);
    expect(text(part(el, 'pay-live-region'))).to.equal(t('en', 'pay_dialog.still_processing'));
    expect(storedAttempts(), 'still processing keeps the attempt').to.have.length(1);
    const pending = await invoiceNow(api, 'inv_1001');
    expect([pending.status, pending.amount_paid.amount], 'only the wallet part is paid yet').to.deep.equal(['overdue', 1250]);
    await expect(el).to.be.accessible();

    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    part<HTMLButtonElement>(el, 'pay-recheck-button')!.click();
    await stepIs(el, 'succeeded');
    await expectClean(api);
    await expectInvoiceSums(api, 'inv_1001');
  });

  it('a bank transfer: "Transfer $31.80 by bank transfer", a warning when it may arrive after the suspension, then the details with copy buttons; never a success', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    el.pay.flow.timing = { initialDelayMs: 10, maxDelayMs: 20, deadlineMs: 200 };
    await openDialog(el);
    await chooseMethod(el, t('en', 'method.bank_transfer'));
    await setApplyWallet(el, false);
    expect(text(part(el, 'pay-split'))).to.equal(t('en', 'pay_dialog.transfer_summary', { amount: usd(3180), min: '1', max: '3' }));
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total'))).to.equal(`${t('en', 'pay_dialog.transfer_line')} ${usd(3180)}`);
    expect(text(part(el, 'pay-summary'))).not.to.contain(t('en', 'pay_dialog.charged_to', { method: t('en', 'method.bank_transfer') }));
    // The VPS is suspended on November 28 (the summary's services at risk); a transfer sent on the server's
    // date (Thursday, November 26) may take until Tuesday, December 1.
    await waitUntil(() => el.shadowRoot!.querySelector('[data-notice="transfer-late"]'), 'the warning');
    expect(text(el.shadowRoot!.querySelector('[data-notice="transfer-late"]'))).to.equal(
      t('en', 'pay_dialog.transfer_late', { min: '1', max: '3', date: formatCalendarDate('2026-11-28', 'en'), service: 'VPS Cloud 4 · fra1-vps-042' }),
    );
    expect(confirmButton(el).getAttribute('aria-describedby')).to.equal('pay-flow-transfer-risk');
    await expect(el).to.be.accessible();

    confirmButton(el).click();
    await stepIs(el, 'still_processing');
    expect(fake.opened.filter((o) => o.window.closed === false), 'no checkout window left open').to.have.length(0);
    const details = part(el, 'pay-transfer')!;
    expect(text(details.querySelector('h3'))).to.equal(t('en', 'pay_dialog.transfer_title'));
    const rows = [...details.querySelectorAll<HTMLElement>('.pf-transfer__row')];
    expect(rows.map((row) => [row.dataset.field, text(row.querySelector('dt')), text(row.querySelector('bdi'))])).to.deep.equal([
      ['beneficiary', t('en', 'pay_dialog.field.beneficiary'), 'PerLod Hosting GmbH'],
      ['iban', t('en', 'pay_dialog.field.iban'), 'DE89370400440532013000'],
      ['bic', t('en', 'pay_dialog.field.bic'), 'COBADEFFXXX'],
      ['bank_name', t('en', 'pay_dialog.field.bank_name'), 'Commerzbank'],
      ['reference', t('en', 'pay_dialog.field.reference'), 'PL-2026-0142'],
      ['amount', t('en', 'pay_dialog.field.amount'), usd(3180)],
    ]);
    expect(getComputedStyle(rows[1].querySelector('bdi')!).whiteSpace, 'an IBAN never wraps').to.equal('nowrap');
    expect(text(details)).to.contain(t('en', 'pay_dialog.transfer_send', { amount: usd(3180), reference: 'PL-2026-0142', min: '1', max: '3' }));
    expect(text(details)).to.contain(t('en', 'pay_dialog.transfer_expected', { date: formatCalendarDate('2026-12-01', 'en') }));
    expect(text(part(el, 'pay-result'))).not.to.contain(t('en', 'pay_dialog.succeeded', { number: 'PL-2026-0142' }));
    await expect(el).to.be.accessible();

    const copyButton = (field: string) => details.querySelector<HTMLButtonElement>(`[data-field="${field}"] [part~="pay-copy-button"]`)!;
    const status = part(el, 'pay-copy-status')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(copyButton('iban').getAttribute('aria-label')).to.equal(t('en', 'pay_dialog.copy_value', { what: t('en', 'pay_dialog.field.iban') }));
    const copied: string[] = [];
    const clipboard = (writeText: (value: string) => Promise<void>) => Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      clipboard((value) => Promise.resolve(void copied.push(value)));
      copyButton('iban').click();
      await waitUntil(() => text(status) === t('en', 'pay_dialog.copied', { what: t('en', 'pay_dialog.field.iban') }), 'IBAN copied');
      copyButton('amount').click();
      await waitUntil(() => copied.length === 2);
      expect(copied, 'the amount as a bank form takes it').to.deep.equal(['DE89370400440532013000', '31.80']);
      // No clipboard (no permission, an insecure page): the value is selected to copy by hand.
      clipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
      copyButton('reference').click();
      await waitUntil(() => text(status) === t('en', 'pay_dialog.copy_selected', { what: t('en', 'pay_dialog.field.reference') }), 'selected instead');
      const selection = (el.shadowRoot as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection();
      expect(selection?.toString()).to.equal('PL-2026-0142');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
    await expect(el).to.be.accessible();
    await expectClean(api);
  });

  it('an invoice waiting for a bank transfer shows its details and is paid another way; a late transfer then goes to the wallet', async () => {
    // PL-2026-0145 ($149.00): a transfer was promised on November 24 and has not arrived.
    const { el, api } = await mountPay(html`<pay-host invoice-id="inv_1004"></pay-host>`, { popup: true });
    await openDialog(el);
    const details = part(el, 'pay-transfer')!;
    expect(text(details.querySelector('.pf-transfer__lead'))).to.equal(
      `${t('en', 'pay_dialog.transfer_pending', { amount: usd(14900) })} ${t('en', 'pay_dialog.transfer_send', { amount: usd(14900), reference: 'PL-2026-0145', min: '1', max: '3' })}`,
    );
    expect(parts(el, 'pay-method').map((m) => m.dataset.methodType), 'no second transfer').to.deep.equal(['wallet', 'card', 'crypto']);
    expect(text(confirmButton(el))).to.equal(t('en', 'pay.confirm', { amount: usd(14900) }));
    await expect(el).to.be.accessible();
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    await resultIs(el, [
      t('en', 'pay_dialog.succeeded', { number: 'PL-2026-0145' }),
      t('en', 'pay_dialog.succeeded_amount', { amount: usd(14900) }),
      t('en', 'pay_dialog.succeeded_parts', { wallet: usd(1250), charged: usd(13650), method: 'Visa ending 4242' }),
      t('en', 'pay_dialog.transfer_to_wallet'),
    ]);
    await api.completeCheckout('pay_5004', 'approve');
    expect(api.audit().wallet.amount, 'the late transfer is credited to the wallet').to.equal(14900);
    await expectClean(api);
  });

  describe('each failure has its own message and next step', () => {
    it('already paid elsewhere (409 invoice_not_payable): says so; Refresh shows the invoice paid', async () => {
      const { el, api } = await mountPay(undefined, { popup: true });
      await openDialog(el);
      await payElsewhere(api, 'inv_1001', 'pm_card_4242');
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'pay-error')!;
      expect(error.dataset.code).to.equal('invoice_not_payable');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error.querySelector('.error-panel__title'))).to.equal(t('en', 'checkout.error.invoice_not_payable.title'));
      expect(text(error)).to.contain(t('en', 'checkout.error.invoice_not_payable.action'));
      expect(fake.opened[0].window.closed, 'the blank window is closed').to.equal(true);
      await expect(el).to.be.accessible();

      part<HTMLButtonElement>(el, 'pay-refresh-button')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[data-notice="not-payable"]'), 'the invoice is shown paid');
      expect(text(el.shadowRoot!.querySelector('[data-notice="not-payable"]'))).to.equal(
        t('en', 'pay_dialog.not_payable', { status: t('en', 'status.invoice.paid') }),
      );
      expect(part(el, 'pay-confirm-button')).to.equal(null);
      await expect(el).to.be.accessible();
      expect(invoiceCharges(api)).to.have.length(1);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('insufficient funds (402): the wallet no longer covers it; the new balance shows, a card then pays', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      await fundWallet(api, 2500);
      const { el } = await mountPay(html`<pay-host invoice-id="inv_1003"></pay-host>`, { api, popup: true });
      await openDialog(el);
      expect(text(part(el, 'pay-split'))).to.equal(t('en', 'pay_dialog.wallet_pays', { total: usd(1299), left: usd(2451) }));
      // Meanwhile another device spends the wallet on another invoice.
      await payElsewhere(api, 'inv_1001', 'pm_wallet');
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'pay-error')!;
      expect(error.dataset.code).to.equal('insufficient_funds');
      expect(text(error.querySelector('.error-panel__title'))).to.equal(t('en', 'checkout.error.insufficient_funds.title'));
      expect(text(error)).to.contain(t('en', 'checkout.error.insufficient_funds.action'));
      expect(error.querySelectorAll('button'), 'the next step is choosing, not retrying').to.have.length(0);
      await waitUntil(() => text(part(el, 'pay-split')).startsWith(t('en', 'pay_dialog.wallet_short', { balance: usd(570), total: usd(1299) })), 'the real balance shows');
      await expect(el).to.be.accessible();

      await chooseMethod(el, 'Visa');
      expect(part(el, 'pay-error'), 'a new choice clears the error').to.equal(null);
      expect(text(part(el, 'pay-split'))).to.equal(
        t('en', 'pay_dialog.wallet_covers_part', { wallet: usd(570), total: usd(1299), rest: usd(729), method: 'Visa ending 4242' }),
      );
      confirmButton(el).click();
      await stepIs(el, 'awaiting_checkout');
      await api.completeCheckout(el.pay.flow.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(invoiceCharges(api, 'PL-2026-0149').map((c) => [c.source, c.amount.amount])).to.deep.equal([
        ['wallet', 570],
        ['card', 729],
      ]);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1003');
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('session expired (401): sign in again; the retry sends the same key and pays once', async () => {
      const { el, api } = await mountPay(undefined, { popup: true });
      await openDialog(el);
      api.inject({ match: 'POST /invoices/*/payments', type: 'expired-token' });
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'pay-error')!;
      expect(error.dataset.code).to.equal('unauthorized');
      expect(text(error.querySelector('.error-panel__title'))).to.equal(t('en', 'error.unauthorized.title'));
      expect(text(error)).to.contain(t('en', 'checkout.error.unauthorized.action'));
      await expect(el).to.be.accessible();
      const key = el.pay.flow.idempotencyKey;
      part<HTMLButtonElement>(el, 'pay-retry-button')!.click();
      await stepIs(el, 'awaiting_checkout');
      expect(el.pay.flow.idempotencyKey).to.equal(key);
      await api.completeCheckout(el.pay.flow.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(invoiceCharges(api)).to.have.length(2);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('a network failure after the server committed: "you won\'t be charged twice"; the retry reuses the key and charges once', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'POST /invoices/*/payments', type: 'drop-after-commit' });
      const { el } = await mountPay(undefined, { api, popup: true });
      await openDialog(el);
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'pay-error')!;
      expect(error.dataset.code).to.equal('network');
      expect(text(error.querySelector('.error-panel__title'))).to.equal(t('en', 'checkout.error.network.title'));
      expect(text(error)).to.contain(t('en', 'checkout.error.network.action'));
      expect(fake.opened[0].window.closed, 'the blank window is closed').to.equal(true);
      await expect(el).to.be.accessible();
      const key = el.pay.flow.idempotencyKey;

      part<HTMLButtonElement>(el, 'pay-retry-button')!.click();
      await stepIs(el, 'awaiting_checkout');
      expect(el.pay.flow.idempotencyKey).to.equal(key);
      expect(payPosts(api)).to.equal(2);
      await api.completeCheckout(el.pay.flow.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      const charges = invoiceCharges(api);
      expect(charges.map((c) => [c.source, c.intent])).to.deep.equal([
        ['wallet', key],
        ['card', key],
      ]);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('a wallet payment whose answer was lost: the retry gets the first result, the wallet is charged once', async () => {
      const api = createReferenceApi({ scenario: 'eur' });
      api.inject({ match: 'POST /invoices/*/payments', type: 'drop-after-commit' });
      const { el } = await mountPay(html`<pay-host invoice-id="inv_1201"></pay-host>`, { api });
      await openDialog(el);
      confirmButton(el).click();
      await stepIs(el, 'error');
      expect(api.audit().wallet.amount, 'the wallet was charged').to.equal(1360);
      part<HTMLButtonElement>(el, 'pay-retry-button')!.click();
      await stepIs(el, 'succeeded');
      expect(api.audit().wallet.amount, 'and only once').to.equal(1360);
      expect(invoiceCharges(api, 'PL-2026-0171')).to.have.length(1);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1201');
    });
  });

  describe('exactly once', () => {
    it('a double click on Confirm sends one payment', async () => {
      const { el, api } = await mountPay(undefined, { popup: true });
      await openDialog(el);
      confirmButton(el).click();
      confirmButton(el).click();
      await el.updateComplete;
      expect(confirmButton(el).getAttribute('aria-disabled'), 'inactive while submitting').to.equal('true');
      confirmButton(el).click();
      await stepIs(el, 'awaiting_checkout');
      expect(payPosts(api)).to.equal(1);
      await api.completeCheckout(el.pay.flow.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(invoiceCharges(api)).to.have.length(2);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('a timeout, then a retry: the same key, one payment', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const { el } = await mountPay(undefined, { api, popup: true, client: { timeoutMs: 150 } });
      await openDialog(el);
      api.inject({ match: 'POST /invoices/*/payments', type: 'latency', ms: 400 });
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'pay-error')!;
      expect(error.dataset.code).to.equal('timeout');
      expect(text(error)).to.contain(t('en', 'checkout.error.timeout.title'));
      await expect(el).to.be.accessible();
      const key = el.pay.flow.idempotencyKey;
      part<HTMLButtonElement>(el, 'pay-retry-button')!.click();
      await stepIs(el, 'awaiting_checkout');
      expect(el.pay.flow.idempotencyKey, 'the retry carries the same key').to.equal(key);
      await api.completeCheckout(el.pay.flow.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(invoiceCharges(api).map((c) => c.intent)).to.deep.equal([key, key]);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('a reload while the payment is unresolved: the new page offers to continue it, reuses the key, charges once', async () => {
      const { el, api } = await mountPay();
      await openDialog(el);
      await chooseMethod(el, 'Crypto');
      confirmButton(el).click();
      await stepIs(el, 'redirecting');
      const key = el.pay.flow.idempotencyKey!;
      const firstPayment = el.pay.flow.record!.id;
      // The page reloads before the checkout finished (the customer came back without paying).
      el.remove();
      const { el: reloaded } = await mountPay(html`<pay-host invoice-id="inv_1001"></pay-host>`, { api, popup: true });
      part<HTMLButtonElement>(reloaded, 'pay-button')!.click();
      await waitUntil(() => part(reloaded, 'pay-continue-button'), 'the payment in progress is offered');
      expect(text(reloaded.shadowRoot!.querySelector('[data-notice="in-progress"]'))).to.equal(
        `${t('en', 'pay_dialog.in_progress', { amount: usd(1930) })} ${t('en', 'pay_dialog.in_progress_hint')}`,
      );
      expect(part(reloaded, 'pay-form'), 'no second form to confirm before choosing').to.equal(null);
      await waitUntil(() => reloaded.shadowRoot!.activeElement === part(reloaded, 'pay-continue-button'), 'focus on Continue');
      await expect(reloaded).to.be.accessible();

      part<HTMLButtonElement>(reloaded, 'pay-continue-button')!.click();
      await stepIs(reloaded, 'awaiting_checkout');
      expect(reloaded.pay.flow.idempotencyKey).to.equal(key);
      expect(reloaded.pay.flow.record!.id, 'the first payment, replayed').to.equal(firstPayment);
      expect(text(reloaded.shadowRoot!.querySelector('[data-notice="replayed"]'))).to.contain(t('en', 'checkout.replayed'));
      await api.completeCheckout(firstPayment, 'approve');
      await stepIs(reloaded, 'succeeded');
      // A continued attempt is told whole too: the wallet's part of the first page's confirmation and the crypto part.
      await resultIs(reloaded, [
        t('en', 'pay_dialog.succeeded', { number: 'PL-2026-0142' }),
        t('en', 'pay_dialog.succeeded_amount', { amount: usd(3180) }),
        t('en', 'pay_dialog.succeeded_parts', { wallet: usd(1250), charged: usd(1930), method: t('en', 'method.crypto') }),
      ]);
      expect(payPosts(api)).to.equal(2);
      expect(invoiceCharges(api).map((c) => c.source)).to.deep.equal(['wallet', 'crypto']);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });

    it('two tabs confirming the same invoice: the second is offered the first, told of the request in flight, then follows the same payment; one charge, one event', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const tabA = await mountPay(undefined, { api, popup: true });
      const tabB = await mountPay(undefined, { api, popup: true });
      expect(tabA.client).not.to.equal(tabB.client);
      await openDialog(tabA.el);
      await openDialog(tabB.el);

      api.inject({ match: 'POST /invoices/*/payments', type: 'latency', ms: 300 });
      confirmButton(tabA.el).click();
      await waitUntil(() => api.requestLog().includes('POST /invoices/*/payments'));
      const paid = paidEvents();
      confirmButton(tabB.el).click();
      await waitUntil(() => part(tabB.el, 'pay-continue-button'), 'tab B is offered the payment in flight');
      expect(payPosts(api), 'tab B sent nothing').to.equal(1);
      part<HTMLButtonElement>(tabB.el, 'pay-continue-button')!.click();
      await stepIs(tabB.el, 'error');
      const conflict = part(tabB.el, 'pay-error')!;
      expect(conflict.dataset.code).to.equal('idempotency_conflict');
      expect(text(conflict)).to.contain(t('en', 'checkout.error.idempotency_conflict.title'));
      await expect(tabB.el).to.be.accessible();

      await stepIs(tabA.el, 'awaiting_checkout');
      part<HTMLButtonElement>(tabB.el, 'pay-recheck-button')!.click();
      await stepIs(tabB.el, 'awaiting_checkout');
      expect(tabB.el.pay.flow.record!.id).to.equal(tabA.el.pay.flow.record!.id);
      expect(tabB.el.pay.flow.replayed).to.equal(true);
      await expect(tabB.el).to.be.accessible();

      await api.completeCheckout(tabA.el.pay.flow.record!.id, 'approve');
      await stepIs(tabA.el, 'succeeded');
      await stepIs(tabB.el, 'succeeded');
      paid.stop();
      expect(paid.events, 'billing-invoice-paid fires once in this browser').to.have.length(1);
      expect(invoiceCharges(api).map((c) => c.source)).to.deep.equal(['wallet', 'card']);
      await expectClean(api);
      await expectInvoiceSums(api, 'inv_1001');
    });
  });

  describe('crafted links, Enter and failures', () => {
    for (const pick of ['a refund', "another invoice's payment", 'a payment of this invoice from another browser'] as const) {
      it(`a crafted return link naming ${pick} opens nothing and announces nothing`, async () => {
        const api = createReferenceApi({ scenario: 'overdue' });
        const client = createTestClient(api);
        let id: string;
        if (pick === 'a payment of this invoice from another browser') {
          const card = (await client.listPaymentMethods()).find((m) => m.type === 'card')!;
          const started = await client.payInvoice('inv_1001', { method_id: card.id, apply_wallet: false }, { idempotencyKey: crypto.randomUUID() });
          await api.completeCheckout(checkoutId(started.next_action!.url), 'approve');
          id = started.payment.id;
        } else {
          const payments = (await client.listPayments({ limit: 100 })).data;
          const found = payments.find((p) => (pick === 'a refund' ? p.kind === 'refund' : p.kind === 'invoice_payment' && p.invoice_id !== 'inv_1001' && p.status === 'completed'));
          if (!found) throw new Error(`the scenario has no ${pick}`);
          id = found.id;
        }
        const page = location.href;
        history.replaceState(history.state, '', `?${CHECKOUT_RETURN_PARAM}=pay:${id}`);
        const paid = paidEvents();
        try {
          const { provider } = await mountPay(html`<pay-host invoice-id="inv_1001"></pay-host><invoice-detail invoice-id="inv_1001"></invoice-detail>`, { api });
          const detail = provider.querySelector<InvoiceDetail>('invoice-detail')!;
          await detail.settled();
          await waitUntil(() => part(detail, 'header'), 'the invoice shows');
          await detail.updateComplete;
          expect(detail.shadowRoot!.querySelector('dialog.pf-dialog'), 'no pay dialog').to.equal(null);
          expect(detail.shadowRoot!.textContent).to.not.contain(messageStart('pay_dialog.succeeded_amount'));
          expect(provider.querySelector<PayHost>('pay-host')!.pay.isOpen).to.equal(false);
          paid.stop();
          expect(paid.events).to.deep.equal([]);
        } finally {
          paid.stop();
          history.replaceState(history.state, '', page);
        }
      });
    }

    it('Enter on a method never pays (the wallet would settle at once): only the confirm button moves money', async () => {
      const { el, api } = await mountPay(html`<pay-host invoice-id="inv_1201"></pay-host>`, { scenario: 'eur' });
      await openDialog(el);
      expect(el.pay.methodId, 'the wallet covers it and is chosen').to.equal(parts(el, 'pay-method').find((m) => m.dataset.methodType === 'wallet')!.dataset.methodId);
      const radio = parts(el, 'pay-method').find((m) => m.dataset.methodType === 'wallet')!.querySelector('input')!;
      radio.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // A submit would have sent the POST synchronously, before this line.
      expect(payPosts(api), 'nothing sent').to.equal(0);
      expect(el.pay.flow.step).to.equal('choosing');
      confirmButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await stepIs(el, 'succeeded');
      expect(payPosts(api)).to.equal(1);
    });

    it('a failed payment fires billing-error; without a provider the dialog says billing is not set up, not "network"', async () => {
      const { el, api } = await mountPay();
      await openDialog(el);
      api.inject({ match: 'POST /invoices/*/payments', type: 'status', status: 500 });
      const errors: string[] = [];
      const onError = (event: CustomEvent<{ code: string; element: string }>) => void errors.push(`${event.detail.element}:${event.detail.code}`);
      document.addEventListener('billing-error', onError);
      try {
        confirmButton(el).click();
        await stepIs(el, 'error');
        expect(errors).to.deep.equal(['pay-host:server_error']);
      } finally {
        document.removeEventListener('billing-error', onError);
      }
      // The provider goes away under an open form: confirming reports the configuration, and nothing is sent.
      part<HTMLButtonElement>(el, 'pay-cancel-button')!.click();
      await openDialog(el);
      const posts = payPosts(api);
      (el as unknown as { billingClient: unknown }).billingClient = undefined;
      confirmButton(el).click();
      await stepIs(el, 'error');
      expect(el.pay.flow.error?.code).to.equal('configuration');
      expect(text(el.shadowRoot!.querySelector('dialog'))).to.contain(t('en', 'common.config_error.title'));
      expect(payPosts(api)).to.equal(posts);
      await expect(el).to.be.accessible();
    });

    it('continuing a payment that completed meanwhile (approved on the phone) says it completed earlier: no request, no event', async () => {
      const { el, api } = await mountPay(undefined, { popup: true });
      await openDialog(el);
      await setApplyWallet(el, false);
      confirmButton(el).click();
      await stepIs(el, 'awaiting_checkout');
      const paymentId = el.pay.flow.record!.id;
      el.remove();
      const { el: later } = await mountPay(html`<pay-host invoice-id="inv_1001"></pay-host>`, { api, popup: true });
      part<HTMLButtonElement>(later, 'pay-button')!.click();
      await waitUntil(() => part(later, 'pay-continue-button'), 'the payment in progress is offered');
      // The customer approves it on the phone while the offer is on screen.
      await api.completeCheckout(paymentId, 'approve');
      const posts = payPosts(api);
      const paid = paidEvents();
      part<HTMLButtonElement>(later, 'pay-continue-button')!.click();
      await stepIs(later, 'succeeded');
      paid.stop();
      expect(later.pay.flow.earlier).to.equal(true);
      expect(text(part(later, 'pay-result'))).to.match(startingWith(messageStart('pay_dialog.earlier_completed', { amount: usd(3180), number: 'PL-2026-0142' })));
      expect(text(part(later, 'pay-result'))).to.not.contain(messageStart('pay_dialog.succeeded_amount'));
      expect(payPosts(api), 'nothing sent again').to.equal(posts);
      expect(paid.events).to.deep.equal([]);
      await expect(later).to.be.accessible();
      await expectClean(api);
    });
  });

  it('the payment window closed before the gateway answered: keeps checking (announced), then notices the approval', async () => {
    const { el, api } = await mountPay(undefined, { popup: true });
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    fake.opened[0].window.closed = true;
    await stepIs(el, 'processing');
    expect(text(el.shadowRoot!.querySelector('[data-notice="popup-closed"]'))).to.equal(t('en', 'checkout.popup_closed'));
    expect(text(part(el, 'pay-live-region'))).to.equal(t('en', 'checkout.popup_closed'));
    await expect(el).to.be.accessible();
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    await expectClean(api);
  });

  it('another tab learns of the payment through the BroadcastChannel: its wallet and list update without a reload', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const channelName = `pay-money-${Math.random()}`;
    const tabA = await mountPay(undefined, { api, popup: true, client: { cache: new QueryCache({ channelName }) } });
    const tabB = await mountInProvider<WalletBalance>(html`<wallet-balance></wallet-balance><invoice-list></invoice-list>`, {
      api,
      client: { baseUrl: API_BASE, cache: new QueryCache({ channelName }) },
    });
    const wallet = tabB.el;
    const list = tabB.provider.querySelector<InvoiceList>('invoice-list')!;
    await wallet.wallet.settled();
    await list.settled();
    const row = () => list.shadowRoot!.querySelector<HTMLElement>('[part="row"][data-invoice-id="inv_1001"]');
    await waitUntil(() => row()?.dataset.status === 'overdue');
    expect(text(wallet.shadowRoot!.querySelector('[part="balance"]'))).to.equal('$12.50');

    await openDialog(tabA.el);
    confirmButton(tabA.el).click();
    await stepIs(tabA.el, 'awaiting_checkout');
    await waitUntil(() => text(wallet.shadowRoot!.querySelector('[part="balance"]')) === '$0.00', 'the other tab sees the wallet part spent');
    await api.completeCheckout(tabA.el.pay.flow.record!.id, 'approve');
    await stepIs(tabA.el, 'succeeded');
    await waitUntil(() => row()?.dataset.status === 'paid', 'the other tab shows the invoice paid');
    await expectClean(api);
  });

  it('a service-mode overview of the at-risk VPS on the same page goes from at risk to ok after paying its blocking invoice', async () => {
    const { el, api, provider } = await mountPay(
      html`<pay-host invoice-id="inv_1001"></pay-host><billing-overview service-id="srv_vps_fra1"></billing-overview>`,
      { popup: true },
    );
    const banner = provider.querySelector<BillingOverview>('billing-overview')!;
    const state = () => banner.shadowRoot!.querySelector<HTMLElement>('[part="service-banner"]')?.dataset.state;
    await waitUntil(() => state() === 'at_risk', 'at risk first');
    await openDialog(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.pay.flow.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    await waitUntil(() => state() === 'ok', 'the banner shows no billing issues');
    await expect(banner).to.be.accessible();
    await expectClean(api);
  });
});

describe('the pay action of <invoice-detail> and <billing-overview>', () => {
  // The elements poll with the default timing (first re-check after 1 s).
  const HOST_POLL = { timeout: 5000 };
  const payButtonOf = (el: Element) => part<HTMLButtonElement>(el, 'pay-button')!;

  it('<invoice-detail>: Pay opens the dialog; a wallet payment shows the invoice Paid at once', async () => {
    const { api, provider } = await mountPay(
      html`<invoice-detail invoice-id="inv_1201"></invoice-detail><pay-host invoice-id="inv_1201"></pay-host>`,
      { scenario: 'eur' },
    );
    const detail = provider.querySelector<InvoiceDetail>('invoice-detail')!;
    await detail.settled();
    await waitUntil(() => payButtonOf(detail).getAttribute('aria-disabled') === 'false', 'payable');
    const requests: BillingPayRequestDetail[] = [];
    const onRequest = (e: CustomEvent<BillingPayRequestDetail>) => requests.push(e.detail);
    document.addEventListener('billing-pay-request', onRequest);
    payButtonOf(detail).click();
    document.removeEventListener('billing-pay-request', onRequest);
    expect(requests).to.deep.equal([{ invoiceId: 'inv_1201', number: 'PL-2026-0171', balanceDue: { amount: 2640, currency: 'EUR' } }]);
    await formReady(detail);
    expect(detail.shadowRoot!.querySelector('dialog')!.matches(':modal')).to.equal(true);
    await expect(detail).to.be.accessible();
    confirmButton(detail).click();
    await waitUntil(() => part(detail, 'pay-result')?.dataset.outcome === 'succeeded', 'paid');
    await waitUntil(() => detail.shadowRoot!.querySelector('[part="header"] [part="status-badge"]')?.getAttribute('data-status') === 'paid', 'the header shows Paid');
    await expect(detail).to.be.accessible();
    part<HTMLButtonElement>(detail, 'pay-cancel-button')!.click();
    await waitUntil(() => detail.shadowRoot!.querySelector('dialog') === null);
    // Paid: no pay button any more; focus comes back to why.
    expect(part(detail, 'pay-button')).to.equal(null);
    expect(text(part(detail, 'pay-reason'))).to.equal(t('en', 'invoice_detail.pay_disabled.paid'));
    await waitUntil(() => detail.shadowRoot!.activeElement === part(detail, 'pay-reason'), 'focus on the reason');
    await expectClean(api);
  });

  it('<invoice-detail>: a bank transfer on its way locks nothing: its details at hand and "Pay another way"', async () => {
    const { provider } = await mountPay(html`<invoice-detail invoice-id="inv_1004"></invoice-detail><pay-host invoice-id="inv_1004"></pay-host>`, { popup: true });
    const detail = provider.querySelector<InvoiceDetail>('invoice-detail')!;
    await detail.settled();
    await waitUntil(() => payButtonOf(detail)?.getAttribute('aria-disabled') === 'false', 'payable another way');
    expect(text(part(detail, 'transfer-pending'))).to.equal(t('en', 'invoice_detail.transfer_pending', { amount: usd(14900), reference: 'PL-2026-0145' }));
    expect(text(payButtonOf(detail))).to.equal(t('en', 'invoice_detail.pay_another_way'));
    expect(payButtonOf(detail).getAttribute('aria-describedby')).to.contain('transfer-pending');
    expect(part(detail, 'pay-reason'), 'not "Payment is being processed"').to.equal(null);
    await expect(detail).to.be.accessible();

    part<HTMLButtonElement>(detail, 'transfer-details-button')!.click();
    await formReady(detail);
    const details = part(detail, 'pay-transfer')!;
    expect(text(details.querySelector('[data-field="iban"] bdi'))).to.equal('DE89370400440532013000');
    expect(text(details.querySelector('[data-field="reference"] bdi'))).to.equal('PL-2026-0145');
    expect(parts(detail, 'pay-method').map((m) => m.dataset.methodType)).to.not.include('bank_transfer');
    await expect(detail).to.be.accessible();
  });

  it('<invoice-detail>: a cancelled billing-pay-request opens no dialog', async () => {
    const { provider } = await mountPay(html`<invoice-detail invoice-id="inv_1001"></invoice-detail><pay-host invoice-id="inv_1001"></pay-host>`);
    const detail = provider.querySelector<InvoiceDetail>('invoice-detail')!;
    await detail.settled();
    await waitUntil(() => payButtonOf(detail).getAttribute('aria-disabled') === 'false', 'payable');
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('billing-pay-request', cancel);
    payButtonOf(detail).click();
    document.removeEventListener('billing-pay-request', cancel);
    await detail.updateComplete;
    expect(detail.shadowRoot!.querySelector('dialog')).to.equal(null);
    await expect(detail).to.be.accessible();
  });

  it('<invoice-detail>: resumes a redirect checkout it started when the page comes back', async () => {
    const { api, provider } = await mountPay(html`<invoice-detail invoice-id="inv_1001"></invoice-detail><pay-host invoice-id="inv_1001"></pay-host>`);
    const detail = provider.querySelector<InvoiceDetail>('invoice-detail')!;
    await detail.settled();
    await waitUntil(() => payButtonOf(detail).getAttribute('aria-disabled') === 'false', 'payable');
    payButtonOf(detail).click();
    await formReady(detail);
    confirmButton(detail).click();
    await waitUntil(() => fake.assigned.length === 1, 'sent to the checkout');
    const back = new URL(new URL(fake.assigned[0]).searchParams.get('return')!);
    await api.completeCheckout(checkoutId(fake.assigned[0]), 'approve');
    provider.remove();
    history.replaceState(history.state, '', back.href);
    const { provider: again } = await mountPay(
      html`<pay-host invoice-id="inv_1001"></pay-host><invoice-detail invoice-id="inv_1001"></invoice-detail>`,
      { api },
    );
    const returned = again.querySelector<InvoiceDetail>('invoice-detail')!;
    const host = again.querySelector<PayHost>('pay-host')!;
    await waitUntil(() => part(returned, 'pay-result')?.dataset.outcome === 'succeeded', 'the invoice page resumed and shows success', HOST_POLL);
    expect(host.pay.isOpen, 'the element that started it resumes it, not another').to.equal(false);
    await waitUntil(() => returned.shadowRoot!.querySelector('[part="header"] [part="status-badge"]')?.getAttribute('data-status') === 'paid');
    await expect(returned).to.be.accessible();
    await expectClean(api);
  });

  it('<billing-overview>: Pay on the next due invoice opens the dialog; a cancelled request does not', async () => {
    const { api, provider } = await mountPay(
      html`<billing-overview></billing-overview><pay-host invoice-id="inv_1001"></pay-host>`,
      { popup: true },
    );
    const overview = provider.querySelector<BillingOverview>('billing-overview')!;
    await waitUntil(() => part(overview, 'next-due')?.querySelector('[part="pay-button"]'), 'the pay action');
    const button = () => part(overview, 'next-due')!.querySelector<HTMLButtonElement>('[part="pay-button"]')!;

    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('billing-pay-request', cancel);
    button().click();
    document.removeEventListener('billing-pay-request', cancel);
    await overview.updateComplete;
    expect(overview.shadowRoot!.querySelector('dialog'), 'cancelled: no dialog').to.equal(null);

    button().click();
    await formReady(overview);
    expect(text(part(overview, 'pay-dialog-title'))).to.equal(t('en', 'pay.dialog_title', { number: 'PL-2026-0142' }));
    await expect(overview).to.be.accessible();
    confirmButton(overview).click();
    await waitUntil(() => fake.opened.length === 1 && fake.opened[0].window.location.href.includes('/_checkout/'), 'the checkout window');
    await api.completeCheckout(checkoutId(fake.opened[0].window.location.href), 'approve');
    await waitUntil(() => part(overview, 'pay-result')?.dataset.outcome === 'succeeded', 'paid', HOST_POLL);
    // The overview's own figures follow: the overdue VPS is no longer at risk.
    await waitUntil(() => !overview.shadowRoot!.querySelector('[part="service"][data-service-id="srv_vps_fra1"]'), 'the VPS left the services at risk');
    await expect(overview).to.be.accessible();
    await expectClean(api);
  });

  it('<billing-overview> service mode: Pay on a blocking invoice pays it; the banner turns ok', async () => {
    const { api, provider } = await mountPay(
      html`<billing-overview service-id="srv_vps_fra1"></billing-overview><pay-host invoice-id="inv_1001"></pay-host>`,
      { popup: true },
    );
    const banner = provider.querySelector<BillingOverview>('billing-overview')!;
    await waitUntil(() => banner.shadowRoot!.querySelector('[part="blocking-table"] [part="pay-button"]'), 'the pay action');
    banner.shadowRoot!.querySelector<HTMLButtonElement>('[part="blocking-table"] [part="pay-button"]')!.click();
    await formReady(banner);
    confirmButton(banner).click();
    await waitUntil(() => fake.opened.length === 1 && fake.opened[0].window.location.href.includes('/_checkout/'), 'the checkout window');
    await api.completeCheckout(checkoutId(fake.opened[0].window.location.href), 'approve');
    await waitUntil(() => part(banner, 'pay-result')?.dataset.outcome === 'succeeded', 'paid', HOST_POLL);
    await waitUntil(() => banner.shadowRoot!.querySelector<HTMLElement>('[part="service-banner"]')?.dataset.state === 'ok', 'ok');
    await expect(banner).to.be.accessible();
    await expectClean(api);
  });

  it('without billing permission no pay action is offered and the reason is shown', async () => {
    const { provider } = await mountPay(
      html`<invoice-detail invoice-id="inv_1001"></invoice-detail><billing-overview service-id="srv_vps_fra1"></billing-overview><pay-host invoice-id="inv_1001"></pay-host>`,
      { scenario: 'read-only' },
    );
    const detail = provider.querySelector<InvoiceDetail>('invoice-detail')!;
    const banner = provider.querySelector<BillingOverview>('billing-overview')!;
    await detail.settled();
    await waitUntil(() => part(detail, 'pay-reason'), 'the reason');
    expect(payButtonOf(detail).getAttribute('aria-disabled')).to.equal('true');
    payButtonOf(detail).click();
    await detail.updateComplete;
    expect(detail.shadowRoot!.querySelector('dialog')).to.equal(null);
    await waitUntil(() => part(banner, 'read-only-reason'), 'the overview says why');
    expect(part(banner, 'pay-button')).to.equal(null);
    await expect(detail).to.be.accessible();
  });
});

