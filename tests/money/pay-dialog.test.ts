/**
 * The pay dialog (`PayFlow`, src/money/pay-dialog.ts) as a dialog: opening, closing, focus, Escape,
 * the keyboard, the methods and the wallet split, loading and error states, locales. The money
 * scenarios (exactly once, each failure) are in pay-money.test.ts. A tiny host element carries
 * the controller, as <invoice-detail> and <billing-overview> do.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { BillingConsumerElement, baseStyles } from '../../src/components/shared/index.js';
import { PayFlow, payFlowStyles } from '../../src/money/pay-dialog.js';
import { t } from '../../src/i18n/catalog.js';
import { formatMoney } from '../../src/i18n/format.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import type { PaymentMethod } from '../../src/api/schemas.js';
import { useFakeCheckout } from '../helpers/checkout.js';
import { mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-catalogs.js';

/** The smallest host: a Pay button and the dialog. */
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

const API_BASE = `${location.origin}/api/billing/v1`;
const fake = useFakeCheckout();

async function mountHost(invoiceId = 'inv_1001', options: MountOptions & { popup?: boolean } = {}) {
  const mounted = await mountInProvider<PayHost>(html`<pay-host invoice-id=${invoiceId}></pay-host>`, {
    ...options,
    client: { baseUrl: API_BASE, ...options.client },
  });
  if (options.popup) {
    mounted.provider.checkoutMode = 'popup';
    await mounted.provider.updateComplete;
  }
  mounted.el.pay.flow.timing = { initialDelayMs: 10, maxDelayMs: 40, deadlineMs: 5000 };
  await mounted.el.updateComplete;
  return mounted;
}

const part = <T extends Element = HTMLElement>(el: PayHost, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = <T extends Element = HTMLElement>(el: PayHost, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const dialogOf = (el: PayHost) => el.shadowRoot!.querySelector('dialog');
const confirmButton = (el: PayHost) => part<HTMLButtonElement>(el, 'pay-confirm-button')!;
const radioOf = (el: PayHost, label: string) => parts(el, 'pay-method').find((m) => text(m).includes(label))!.querySelector('input')!;
const checkedMethod = (el: PayHost) => text(parts(el, 'pay-method').find((m) => m.querySelector('input')!.checked));
/** Amounts as the dialog formats them (minor units). Method labels are the catalog's ('Visa ending 4242' is `card.ending`), not the API's. */
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, 'en');
const eur = (amount: number) => formatMoney({ amount, currency: 'EUR' }, 'en');

async function openDialog(el: PayHost) {
  part<HTMLButtonElement>(el, 'pay-button')!.click();
  await waitUntil(() => part(el, 'pay-form') && part(el, 'pay-summary'), 'the pay form is ready');
  await el.updateComplete;
}

describe('pay dialog (PayFlow)', () => {
  it('opens a modal dialog with the balance due, the methods and the wallet split; focus goes to the chosen method', async () => {
    const { el } = await mountHost();
    await openDialog(el);
    const dialog = dialogOf(el)!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('pay-flow-title');
    expect(text(part(el, 'pay-dialog-title'))).to.equal(t('en', 'pay.dialog_title', { number: 'PL-2026-0142' }));
    expect(text(part(el, 'pay-facts'))).to.equal(`${t('en', 'invoice.balance_due')} ${usd(3180)}`);
    expect(parts(el, 'pay-method').map((m) => text(m.querySelector('span')))).to.deep.equal([
      t('en', 'method.wallet'),
      'Visa ending 4242',
      t('en', 'method.crypto'),
      t('en', 'method.bank_transfer'),
    ]);
    expect(text(parts(el, 'pay-method')[0])).to.equal(`${t('en', 'method.wallet')} ${t('en', 'pay_dialog.wallet_available', { amount: usd(1250) })}`);
    // The wallet ($12.50) cannot pay $31.80 alone: the card is chosen, the wallet applied first.
    expect(checkedMethod(el)).to.contain('Visa ending 4242');
    const applyWallet = part(el, 'pay-apply-wallet')!;
    expect(text(applyWallet)).to.equal(t('en', 'pay.apply_wallet', { amount: usd(1250) }));
    expect(applyWallet.querySelector('input')!.checked).to.equal(true);
    expect(text(part(el, 'pay-split'))).to.equal(
      t('en', 'pay_dialog.wallet_covers_part', { wallet: usd(1250), total: usd(3180), rest: usd(1930), method: 'Visa ending 4242' }),
    );
    expect(text(el.shadowRoot!.querySelector('[data-amount="wallet"]'))).to.equal('$12.50');
    // Every amount of the dialog's facts and lines is one isolated, unbroken unit (right to left too).
    for (const dd of el.shadowRoot!.querySelectorAll('[data-amount]')) {
      expect(dd.querySelector('bdi'), `${dd.getAttribute('data-amount')} in a <bdi>`).to.exist;
      expect(getComputedStyle(dd.querySelector('bdi')!).whiteSpace).to.equal('nowrap');
    }
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total'))).to.equal(`${t('en', 'pay_dialog.charged_to', { method: 'Visa ending 4242' })} ${usd(1930)}`);
    expect(text(confirmButton(el))).to.equal(t('en', 'pay.confirm', { amount: usd(3180) }));
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('false');
    await waitUntil(() => el.shadowRoot!.activeElement === radioOf(el, 'Visa'), 'focus on the chosen method');
    await expect(el).to.be.accessible();
  });

  it('closes with Escape and with Close, and gives focus back to the pay button', async () => {
    const { el } = await mountHost();
    const payButton = part<HTMLButtonElement>(el, 'pay-button')!;
    payButton.focus();
    await openDialog(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => dialogOf(el) === null, 'Escape closed the dialog');
    await waitUntil(() => el.shadowRoot!.activeElement === payButton, 'focus back on the pay button');
    expect(el.pay.isOpen).to.equal(false);

    await openDialog(el);
    part<HTMLButtonElement>(el, 'pay-close-button')!.click();
    await waitUntil(() => dialogOf(el) === null, 'Close closed the dialog');
    await waitUntil(() => el.shadowRoot!.activeElement === payButton, 'focus back again');
    await expect(el).to.be.accessible();
  });

  it('stays open while the payment is being submitted (Escape, Close and Cancel wait)', async () => {
    const { el, api } = await mountHost('inv_1001', { popup: true });
    await openDialog(el);
    api.inject({ match: 'POST /invoices/*/payments', type: 'latency', ms: 300 });
    confirmButton(el).click();
    await el.updateComplete;
    expect(el.pay.flow.step).to.equal('submitting');
    expect(text(part(el, 'pay-progress'))).to.equal(t('en', 'pay.paying'));
    expect(text(part(el, 'pay-live-region'))).to.equal(t('en', 'pay.paying'));
    expect(dialogOf(el)!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'pay-close-button')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    part<HTMLButtonElement>(el, 'pay-close-button')!.click();
    part<HTMLButtonElement>(el, 'pay-cancel-button')!.click();
    await el.updateComplete;
    expect(dialogOf(el)?.open, 'still open').to.equal(true);
    await waitUntil(() => el.pay.flow.step === 'awaiting_checkout');
  });

  it('works with the keyboard alone: arrows choose the method, Space toggles the wallet, Tab to Confirm and Enter pays', async () => {
    const { el } = await mountHost('inv_1001', { popup: true });
    const payButton = part<HTMLButtonElement>(el, 'pay-button')!;
    payButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement === radioOf(el, 'Visa'), 'focus on the chosen method');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(checkedMethod(el)).to.contain('Crypto');
    expect(text(part(el, 'pay-split'))).to.equal(
      t('en', 'pay_dialog.wallet_covers_part', { wallet: usd(1250), total: usd(3180), rest: usd(1930), method: t('en', 'method.crypto') }),
    );
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'pay-apply-wallet')!.querySelector('input'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(part(el, 'pay-split'), 'no wallet part').to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total'))).to.equal(`${t('en', 'pay_dialog.charged_to', { method: t('en', 'method.crypto') })} ${usd(3180)}`);
    // Enter on the checkbox submits nothing: money moves only from the confirm button.
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.pay.flow.step).to.equal('choosing');
    for (let i = 0; i < 5 && el.shadowRoot!.activeElement !== part(el, 'pay-confirm-button'); i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'pay-confirm-button'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.pay.flow.step === 'awaiting_checkout', 'submitted from the keyboard');
    expect(el.pay.flow.intent).to.deep.equal({ action: 'pay', invoiceId: 'inv_1001', methodId: 'pm_crypto', applyWallet: false, amount: { amount: 3180, currency: 'USD' }, wallet: { amount: 0, currency: 'USD' } });
    expect(fake.opened).to.have.length(1);
  });

  it('says when the wallet alone is too small, and does not confirm', async () => {
    const { el, api } = await mountHost();
    await openDialog(el);
    radioOf(el, t('en', 'method.wallet')).click();
    await el.updateComplete;
    expect(part(el, 'pay-apply-wallet'), 'no wallet box for the wallet itself').to.equal(null);
    const split = part(el, 'pay-split')!;
    expect(text(split)).to.equal(t('en', 'pay_dialog.wallet_short', { balance: usd(1250), total: usd(3180) }));
    expect(split.dataset.tone).to.equal('warning');
    expect(confirmButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(confirmButton(el).getAttribute('aria-describedby')).to.equal('pay-flow-split');
    confirmButton(el).click();
    await el.updateComplete;
    expect(el.pay.flow.step).to.equal('choosing');
    expect(api.requestLog()).not.to.include('POST /invoices/*/payments');
    await expect(el).to.be.accessible();
  });

  it('chooses the wallet first when it covers the invoice, and says what stays in it', async () => {
    const { el } = await mountHost('inv_1201', { scenario: 'eur' });
    await openDialog(el);
    expect(checkedMethod(el)).to.contain(t('en', 'method.wallet'));
    expect(text(part(el, 'pay-split'))).to.equal(t('en', 'pay_dialog.wallet_pays', { total: eur(2640), left: eur(1360) }));
    expect(el.shadowRoot!.querySelector('.pf-lines__total'), 'nothing charged to a card').to.equal(null);
    radioOf(el, 'Visa').click();
    await el.updateComplete;
    expect(text(part(el, 'pay-split'))).to.equal(t('en', 'pay_dialog.wallet_covers_all', { total: eur(2640), method: 'Visa ending 4242' }));
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total'))).to.equal(`${t('en', 'pay_dialog.charged_to', { method: 'Visa ending 4242' })} ${eur(0)}`);
    await expect(el).to.be.accessible();
  });

  it('shows why an invoice that is already paid cannot be paid, with no confirm', async () => {
    const { el } = await mountHost('inv_1000');
    part<HTMLButtonElement>(el, 'pay-button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-notice="not-payable"]'), 'the reason');
    expect(text(el.shadowRoot!.querySelector('[data-notice="not-payable"]'))).to.equal(
      t('en', 'pay_dialog.not_payable', { status: t('en', 'status.invoice.paid') }),
    );
    expect(part(el, 'pay-confirm-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a placeholder while loading, then the form', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /payment-methods', type: 'latency', ms: 200 });
    const { el } = await mountHost('inv_1001', { api });
    part<HTMLButtonElement>(el, 'pay-button')!.click();
    await waitUntil(() => dialogOf(el)?.querySelector('[part="skeleton"]'), 'the placeholder');
    expect(dialogOf(el)!.open).to.equal(true);
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'pay-close-button'), 'focus parked on Close while loading');
    await expect(el).to.be.accessible();
    await waitUntil(() => part(el, 'pay-form'), 'the form');
    await waitUntil(() => el.shadowRoot!.activeElement === radioOf(el, 'Visa'), 'focus moves to the method');
  });

  it('shows a load failure with its message and a retry', async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    api.inject({ match: 'GET /wallet', type: 'status', status: 500 });
    const { el } = await mountHost('inv_1001', { api });
    part<HTMLButtonElement>(el, 'pay-button')!.click();
    await waitUntil(() => dialogOf(el)?.querySelector('[part="error"]'), 'the error');
    const error = dialogOf(el)!.querySelector<HTMLElement>('[part="error"]')!;
    expect(error.dataset.code).to.equal('server_error');
    await expect(el).to.be.accessible();
    error.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => part(el, 'pay-form'), 'the form after the retry');
  });

  it('speaks German with euro amounts', async () => {
    const { el } = await mountHost('inv_1201', { scenario: 'eur', locale: 'de' });
    await openDialog(el);
    expect(text(part(el, 'pay-dialog-title'))).to.equal('Rechnung PL-2026-0171 bezahlen');
    radioOf(el, 'Visa').click();
    await el.updateComplete;
    part<HTMLInputElement>(el, 'pay-apply-wallet')!.querySelector('input')!.click();
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total'))).to.equal('Belastet über Visa mit Endung 4242 26,40 €');
    expect(text(confirmButton(el))).to.equal('Zahlung von 26,40 € bestätigen');
    await expect(el).to.be.accessible();
  });

  it('names the methods in German and Persian, not in the API\'s English', async () => {
    for (const locale of ['de', 'fa']) {
      const { el } = await mountHost('inv_1001', { locale });
      await openDialog(el);
      const visa = t(locale, 'card.ending', { brand: t(locale, 'card_brand.visa'), last4: locale === 'fa' ? '۴۲۴۲' : '4242' });
      expect(parts(el, 'pay-method').map((m) => text(m.querySelector('span'))), locale).to.deep.equal([
        t(locale, 'method.wallet'),
        visa,
        t(locale, 'method.crypto'),
        t(locale, 'method.bank_transfer'),
      ]);
      // A method whose type says it all has no second line repeating it; a card keeps "Card" under its name.
      expect(parts(el, 'pay-method').map((m) => m.querySelectorAll('span').length)).to.deep.equal([2, 2, 1, 1]);
      expect(checkedMethod(el)).to.contain(visa);
      expect(text(part(el, 'pay-split'))).to.contain(visa);
      expect(text(el.shadowRoot!.querySelector('.pf-lines__total dt'))).to.equal(t(locale, 'pay_dialog.charged_to', { method: visa }));
      expect(text(dialogOf(el))).to.not.match(/Account balance|Visa ending|Crypto \(|Bank transfer/);
      el.parentElement?.remove();
    }
  });

  it("shows a card's brand alone without its last four digits, and the API's label for a card with neither", async () => {
    const api = createReferenceApi({ scenario: 'overdue' });
    const methods: PaymentMethod[] = [
      { id: 'pm_wallet', type: 'wallet', label: 'Account balance' },
      { id: 'pm_mc', type: 'card', label: 'Mastercard credit card', brand: 'mastercard', last4: null },
      { id: 'pm_corp', type: 'card', label: 'Firmenkarte M. Muster' },
      // An unknown type cannot pay an invoice here: not listed (the top-up dialog and the payment table show its label).
      { id: 'pm_paypal', type: 'paypal', label: 'PayPal (me@example.com)' },
    ];
    const { el } = await mountHost('inv_1001', { api, locale: 'de', client: { fetch: withMethods(api, methods) } });
    await openDialog(el);
    expect(parts(el, 'pay-method').map((m) => text(m.querySelector('span')))).to.deep.equal([t('de', 'method.wallet'), t('de', 'card_brand.mastercard'), 'Firmenkarte M. Muster']);
    expect(text(el.shadowRoot!.querySelector('.pf-lines__total dt'))).to.equal(t('de', 'pay_dialog.charged_to', { method: 'Mastercard' }));
    await expect(el).to.be.accessible();
  });

  it("shows a pending transfer's details in Persian: its words translated, the IBAN and reference isolated in <bdi>", async () => {
    const { el } = await mountHost('inv_1004', { locale: 'fa' });
    await openDialog(el);
    const details = part(el, 'pay-transfer')!;
    expect(text(details.querySelector('h3'))).to.equal(t('fa', 'pay_dialog.transfer_title'));
    const rows = [...details.querySelectorAll<HTMLElement>('.pf-transfer__row')];
    expect(rows.map((row) => text(row.querySelector('dt')))).to.deep.equal(
      ['beneficiary', 'iban', 'bic', 'bank_name', 'reference', 'amount'].map((field) => t('fa', `pay_dialog.field.${field}` as 'pay_dialog.field.iban')),
    );
    expect(rows[1].querySelector('bdi')!.textContent).to.equal('DE89370400440532013000');
    expect(rows[4].querySelector('bdi')!.textContent).to.equal('PL-2026-0145');
    expect(rows.map((row) => row.querySelector('button')!.getAttribute('aria-label'))).to.include(t('fa', 'pay_dialog.copy_value', { what: t('fa', 'pay_dialog.field.iban') }));
    expect(getComputedStyle(dialogOf(el)!).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('lays out right to left in Persian', async () => {
    const { el } = await mountHost('inv_1001', { locale: 'fa' });
    await openDialog(el);
    expect(el.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(dialogOf(el)!).direction).to.equal('rtl');
    expect(text(part(el, 'pay-close-button'))).to.equal('بستن');
    await expect(el).to.be.accessible();
  });
});

/** The reference API's fetch with `GET /payment-methods` answering `methods`. */
function withMethods(api: ReferenceApi, methods: PaymentMethod[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname.endsWith('/payment-methods')) return new Response(JSON.stringify({ data: methods }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    return api.fetch(input, init);
  };
}
