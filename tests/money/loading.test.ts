/**
 * The money dialogs' code loads on first use (src/components/shared/lazy-module.ts): what the
 * customer sees while it loads, when it cannot load, and after. This file does not import
 * tests/helpers/load-money-ui.ts: its tests run in order, the module unloaded until the last.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/top-up-button.js';
import '../../src/define/invoice-detail.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { InvoiceDetail } from '../../src/components/invoice-detail/invoice-detail.js';
import { payDialogCode } from '../../src/money/launch/dialog-slot.js';
import { topUpDialogCode } from '../../src/components/top-up-button/top-up-button.js';
import { holdLoads as holdLoadsOf } from '../helpers/hold-loads.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import { CHECKOUT_RETURN_PARAM } from '../../src/money/launch/return.js';
import { AttemptStore } from '../../src/money/attempts.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';

const realFetch = topUpDialogCode.fetch;
const holdLoads = () => holdLoadsOf(topUpDialogCode);

async function mountTopUp() {
  const mounted = await mountInProvider<TopUpButton>(html`<top-up-button></top-up-button>`);
  await mounted.el.permissions.settled();
  await mounted.el.updateComplete;
  return mounted;
}

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const dialogOf = (el: Element) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog');

describe('money dialogs loading on first use', () => {
  afterEach(() => {
    topUpDialogCode.fetch = realFetch;
  });

  it('starts loading when the customer points at or focuses the button, once', async () => {
    const loads = holdLoads();
    const { el } = await mountTopUp();
    expect(topUpDialogCode.value, 'nothing is loaded with the page').to.equal(undefined);
    expect(payDialogCode.value).to.equal(undefined);
    expect(loads.calls).to.equal(0);
    part(el, 'button')!.dispatchEvent(new PointerEvent('pointerenter'));
    part(el, 'button')!.focus();
    expect(loads.calls, 'one load for pointer and focus').to.equal(1);
    loads.reject(new Error('offline'));
    // A failed prefetch shows nothing: the customer did not ask for the dialog.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(dialogOf(el)).to.equal(null);
  });

  it('shows the dialog frame while loading; closing it gives focus back and opens nothing later', async () => {
    const loads = holdLoads();
    const { el } = await mountTopUp();
    const button = part(el, 'button')!;
    button.focus();
    button.click();
    await el.updateComplete;
    const dialog = dialogOf(el)!;
    expect(dialog.open, 'a modal dialog at once').to.equal(true);
    expect(dialog.dataset.step).to.equal('loading');
    expect(dialog.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'dialog-title')!.textContent.trim()).to.equal(t('en', 'topup.dialog_title'));
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent.trim()).to.equal(t('en', 'money_ui.loading'));
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'close-button'));
    expect(el.open).to.equal(true);
    expect(el.flow, 'no money flow before its code').to.equal(undefined);
    await expect(el).to.be.accessible();

    part(el, 'close-button')!.click();
    await waitUntil(() => dialogOf(el) === null, 'the frame closes');
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement, 'focus back on the button').to.equal(button);

    loads.reject(new Error('late failure'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(dialogOf(el), 'a load that ends after closing opens nothing').to.equal(null);
  });

  it('says the form could not load (nothing charged) and loads it on "Try again"', async () => {
    const loads = holdLoads();
    const { el } = await mountTopUp();
    part(el, 'button')!.click();
    await el.updateComplete;
    loads.reject(new TypeError('Failed to fetch dynamically imported module'));
    await waitUntil(() => dialogOf(el)?.dataset.step === 'load-failed', 'the failure is shown');
    const alert = part(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain(t('en', 'money_ui.load_failed'));
    expect(alert.textContent).to.contain(t('en', 'money_ui.load_failed_action'));
    expect(dialogOf(el)!.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot!.activeElement, 'focus on "Try again"').to.equal(part(el, 'retry-button'));
    await expect(el).to.be.accessible();

    topUpDialogCode.fetch = realFetch;
    part(el, 'retry-button')!.click();
    await waitUntil(() => part(el, 'amount-input') !== null, 'the top-up form replaces the frame');
    const dialog = dialogOf(el)!;
    expect(dialog.open, 'still a modal dialog').to.equal(true);
    expect(dialog.dataset.step).to.equal('choosing');
    expect(el.flow?.step).to.equal('choosing');
    expect(topUpDialogCode.value).to.not.equal(undefined);
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'amount-input'), 'focus in the amount field');
    await expect(el).to.be.accessible();
  });

  it('loads the pay dialog at once on a page back from a redirect checkout, and shows the payment’s outcome', async () => {
    expect(payDialogCode.value, 'not loaded yet').to.equal(undefined);
    // A card payment of inv_1001 that went to the gateway's page, which approved it.
    const api = createReferenceApi({ scenario: 'overdue' });
    const client = createTestClient(api);
    const card = (await client.listPaymentMethods()).find((method) => method.type === 'card')!;
    // The attempt is this browser's: it is stored as the pay dialog stores it before sending the customer away.
    const attempt = new AttemptStore().begin({ action: 'pay', invoiceId: 'inv_1001', methodId: card.id, applyWallet: false, amount: { amount: 3180, currency: 'USD' } }, client.storageScope ?? '', 'invoice-detail');
    const started = await client.payInvoice('inv_1001', { method_id: card.id, apply_wallet: false }, { idempotencyKey: attempt.key });
    new AttemptStore().setRecord(attempt.key, started.payment.id);
    await api.completeCheckout(/\/_checkout\/(chk_\d+)/.exec(started.next_action!.url)![1], 'approve');
    const page = location.href;
    history.replaceState(history.state, '', `?${CHECKOUT_RETURN_PARAM}=pay:${started.payment.id}`);
    try {
      const { el } = await mountInProvider<InvoiceDetail>(html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`, { api });
      await waitUntil(
        () => part(el, 'pay-result')?.dataset.outcome === 'succeeded',
        'the dialog shows the approved payment',
        { timeout: 5000 },
      );
      expect(payDialogCode.value, 'loaded for the return, with no click').to.not.equal(undefined);
      expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.pf-dialog')!.open).to.equal(true);
      expect(new URL(location.href).searchParams.has(CHECKOUT_RETURN_PARAM), 'the return is taken from the address').to.equal(false);
      await expect(el).to.be.accessible();
    } finally {
      history.replaceState(history.state, '', page);
    }
  });

  it('opens the dialog in the same update once its code is loaded, in every element', async () => {
    await payDialogCode.load();
    const { el } = await mountInProvider<InvoiceDetail>(html`<invoice-detail invoice-id="inv_1001"></invoice-detail>`);
    await waitUntil(() => part(el, 'pay-button') !== null, 'the invoice is shown');
    expect(el.payFlow.dialog, 'created with the element when the code is there').to.not.equal(undefined);
    part(el, 'pay-button')!.click();
    await el.updateComplete;
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.pf-dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.dataset.step, 'no loading frame').to.equal('choosing');
  });
});
