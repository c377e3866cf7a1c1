/**
 * <top-up-button>: money moves exactly once per intent. Every scenario runs the real element,
 * HTTP client, cache and reference API in the browser; `checkoutNavigator` is replaced so the
 * checkout URL is captured instead of navigated to, and the gateway's answer is given with
 * `api.completeCheckout(...)`. After each scenario the wallet must equal its ledger and no
 * intent may have been charged twice.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/top-up-button.js';
import '../../src/define/wallet-balance.js';
import '../../src/define/billing-overview.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { WalletBalance } from '../../src/components/wallet-balance/wallet-balance.js';
import type { BillingTopUpCompletedDetail } from '../../src/components/shared/events.js';
import { CHECKOUT_RETURN_PARAM } from '../../src/money/launch/return.js';
import { AttemptStore } from '../../src/money/attempts.js';
import { createReferenceApi } from '../../src/testing/index.js';
import { t } from '../../src/i18n/catalog.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import type { MessageParams } from '../../src/i18n/types.js';
import { formatMoney } from '../../src/i18n/format.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { storedAttempts, useFakeCheckout } from '../helpers/checkout.js';
import { createTestClient, mountInProvider } from '../helpers/mount.js';
import type { MountOptions } from '../helpers/mount.js';
import '../helpers/load-money-ui.js';

/** Same-origin API base: the reference API's checkout pages are then same-origin (development), which the https check allows. */
const API_BASE = `${location.origin}/api/billing/v1`;
const FAST = { initialDelayMs: 10, maxDelayMs: 40, deadlineMs: 5000 };

const fake = useFakeCheckout();

async function mountTopUp(content = html`<top-up-button></top-up-button>`, options: MountOptions & { popup?: boolean } = {}) {
  const mounted = await mountInProvider<TopUpButton>(content, { ...options, client: { baseUrl: API_BASE, ...options.client } });
  if (options.popup) {
    mounted.provider.checkoutMode = 'popup';
    await mounted.provider.updateComplete;
  }
  const el = mounted.el.localName === 'top-up-button' ? mounted.el : mounted.provider.querySelector('top-up-button')!;
  el.flow!.timing = { ...FAST };
  el.quoteDelayMs = 0;
  await el.updateComplete;
  await el.permissions.settled();
  await el.updateComplete;
  return { ...mounted, el };
}

const part = <T extends Element = HTMLElement>(el: TopUpButton, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = <T extends Element = HTMLElement>(el: TopUpButton, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
/** The outcome's headline ("Added $25.00 to your wallet"); what it means for the invoices follows it (top-up-after.test.ts). */
const resultTitle = (el: TopUpButton) => text(part(el, 'result')?.querySelector('.result__title'));
/** Amounts as the dialog formats them (minor units). Method labels ('Visa') and failure reasons are the API's. */
const usd = (amount: number) => formatMoney({ amount, currency: 'USD' }, 'en');
/** A catalog message up to its first placeholder not given: how the copy starts whatever fills the rest (a date, an amount). */
const messageStart = (key: MessageKey, params?: MessageParams) => t('en', key, params).split(/\{\w+\}/)[0];
const startingWith = (start: string) => new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function openDialog(el: TopUpButton) {
  part<HTMLButtonElement>(el, 'button')!.click();
  await waitUntil(() => part(el, 'amount-input') && part(el, 'method'), 'the form is ready');
}

function typeAmount(el: TopUpButton, value: string) {
  const input = part<HTMLInputElement>(el, 'amount-input')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function chooseMethod(el: TopUpButton, label: string) {
  const method = parts(el, 'method').find((m) => text(m).includes(label));
  if (!method) throw new Error(`no method ${label}`);
  const radio = method.querySelector('input')!;
  radio.click();
}

const confirmButton = (el: TopUpButton) => part<HTMLButtonElement>(el, 'confirm-button')!;

async function quoteReady(el: TopUpButton, total?: string) {
  await waitUntil(
    () => confirmButton(el)?.getAttribute('aria-disabled') === 'false' && (!total || text(confirmButton(el)) === t('en', 'topup.confirm', { amount: total })),
    `quote${total ? ` ${total}` : ''} ready`,
  );
}

/** Opens the dialog, enters the amount and method, waits for the quote. */
async function fillForm(el: TopUpButton, amount = '25.00', method = 'Visa', total = usd(2603)) {
  await openDialog(el);
  typeAmount(el, amount);
  chooseMethod(el, method);
  await quoteReady(el, total);
}

async function stepIs(el: TopUpButton, step: string, timeout = 1000) {
  await waitUntil(() => el.flow!.step === step, `step ${step} (is ${el.flow!.step})`, { timeout });
  await el.updateComplete;
}

/** The wallet equals its ledger, and no intent was charged twice on any rail. */
function expectLedgerConsistent(api: ReferenceApi) {
  const audit = api.audit();
  expect(audit.wallet, 'wallet equals the ledger').to.deep.equal(audit.walletFromLedger);
  for (const [intent, count] of Object.entries(audit.chargesByIntent)) expect(count, `charges of ${intent}`).to.equal(1);
}

const topUpPosts = (api: ReferenceApi) => api.requestLog().filter((r) => r === 'POST /wallet/top-ups').length;
const topUpCharges = (api: ReferenceApi) => api.ledger().filter((e) => e.kind === 'charge' && e.description.includes('top-up'));
/** Pending top-ups in the wallet, read straight from the API (not through the element's client). */
const pendingTopUps = async (api: ReferenceApi) => ((await (await api.fetch(`${API_BASE}/wallet`)).json()) as { pending_top_ups: { amount: number } }).pending_top_ups.amount;
const checkoutId = (url: string) => /\/_checkout\/(chk_\d+)/.exec(url)![1];

describe('<top-up-button> money flow', () => {
  it('card, popup mode: approve adds the money, emits billing-top-up-completed, and <wallet-balance> shows it without a reload', async () => {
    const { el, api, provider } = await mountTopUp(html`<top-up-button></top-up-button><wallet-balance></wallet-balance>`, { popup: true });
    const wallet = provider.querySelector<WalletBalance>('wallet-balance')!;
    await wallet.wallet.settled();
    await wallet.upcoming.settled();
    await wallet.updateComplete;
    expect(text(wallet.shadowRoot!.querySelector('[part="balance"]'))).to.equal('$12.50');

    const completed: BillingTopUpCompletedDetail[] = [];
    el.addEventListener('billing-top-up-completed', (e) => completed.push(e.detail));
    await fillForm(el);
    await expect(el).to.be.accessible();
    confirmButton(el).click();
    expect(fake.opened.map((o) => o.url), 'opened in the click turn').to.deep.equal(['about:blank']);
    await stepIs(el, 'awaiting_checkout');
    expect(text(part(el, 'progress'))).to.contain(t('en', 'checkout.awaiting'));
    expect(fake.opened[0].window.location.href).to.match(/\/_checkout\/chk_\d+$/);
    await expect(el).to.be.accessible();

    await api.completeCheckout(checkoutId(fake.opened[0].window.location.href), 'approve');
    await stepIs(el, 'succeeded');
    expect(resultTitle(el)).to.equal(t('en', 'topup_dialog.succeeded', { amount: usd(2500) }));
    expect(text(part(el, 'live-region'))).to.equal(t('en', 'topup_dialog.succeeded', { amount: usd(2500) }));
    expect(el.shadowRoot!.activeElement, 'focus moves to the outcome').to.equal(part(el, 'result'));
    expect(fake.opened[0].window.closed, 'the checkout window is closed').to.equal(true);
    expect(completed).to.deep.equal([{ topUpId: el.flow!.record!.id, amount: { amount: 2500, currency: 'USD' } }]);
    await waitUntil(() => text(wallet.shadowRoot!.querySelector('[part="balance"]')) === '$37.50', 'the wallet shows the new balance');
    expect(storedAttempts(), 'the attempt is resolved').to.deep.equal([]);
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
    expect(topUpCharges(api)).to.have.length(1);
  });

  it('card, redirect mode: goes to the checkout with a return URL, then resumes from the billing_return parameter', async () => {
    const { el, api } = await mountTopUp();
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'redirecting');
    expect(text(part(el, 'progress'))).to.equal(t('en', 'checkout.redirecting'));
    await expect(el).to.be.accessible();
    expect(fake.assigned).to.have.length(1);
    const checkout = new URL(fake.assigned[0]);
    expect(checkout.origin).to.equal(location.origin);
    const back = new URL(checkout.searchParams.get('return')!);
    const topUpId = el.flow!.record!.id;
    expect(back.searchParams.get(CHECKOUT_RETURN_PARAM)).to.equal(`top_up:${topUpId}`);
    expect(storedAttempts(), 'unresolved while at the checkout').to.have.length(1);

    // The gateway approves and sends the customer back: the page loads again with the parameter.
    await api.completeCheckout(checkoutId(fake.assigned[0]), 'approve');
    el.remove();
    history.replaceState(history.state, '', back.href);
    const completed: BillingTopUpCompletedDetail[] = [];
    document.addEventListener('billing-top-up-completed', (e) => completed.push(e.detail), { once: true });
    const { el: returned } = await mountTopUp(html`<top-up-button></top-up-button>`, { api });
    expect(new URL(location.href).searchParams.has(CHECKOUT_RETURN_PARAM), 'the parameter is removed').to.equal(false);
    await stepIs(returned, 'succeeded');
    expect(returned.open).to.equal(true);
    expect(resultTitle(returned)).to.equal(t('en', 'topup_dialog.succeeded', { amount: usd(2500) }));
    expect(completed.map((d) => d.topUpId)).to.deep.equal([topUpId]);
    expect(storedAttempts(), 'the attempt is resolved on return').to.deep.equal([]);
    await expect(returned).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('redirect mode, back on a page where a <billing-overview> (which can top up too) comes first: the <top-up-button> that started it shows the result', async () => {
    const { el, api } = await mountTopUp();
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'redirecting');
    const back = new URL(new URL(fake.assigned[0]).searchParams.get('return')!);
    await api.completeCheckout(checkoutId(fake.assigned[0]), 'approve');
    el.remove();
    history.replaceState(history.state, '', back.href);
    // The overview connects and updates first: it must leave a top-up it did not start in the address.
    const { provider } = await mountTopUp(html`<billing-overview></billing-overview><top-up-button></top-up-button>`, { api });
    const returned = provider.querySelector<TopUpButton>('top-up-button')!;
    await stepIs(returned, 'succeeded');
    expect(returned.open).to.equal(true);
    expect(new URL(location.href).searchParams.has(CHECKOUT_RETURN_PARAM), 'the parameter is removed').to.equal(false);
    expect(storedAttempts(), 'the attempt is resolved on return').to.deep.equal([]);
    expectLedgerConsistent(api);
  });

  it('decline: shows the failure reason and "Try another method" back to the form', async () => {
    const { el, api } = await mountTopUp(undefined, { popup: true });
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.flow!.record!.id, 'decline');
    await stepIs(el, 'failed');
    expect(text(part(el, 'result'))).to.equal(t('en', 'topup.failed', { reason: 'The card was declined by the issuer (3-D Secure authentication failed).' }));
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'try-another-button')!.click();
    await stepIs(el, 'choosing');
    await quoteReady(el);
    expect(part<HTMLInputElement>(el, 'amount-input')!.value, 'the amount is kept').to.equal('25.00');
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('radio');
    expect(storedAttempts(), 'a declined attempt is final').to.deep.equal([]);
    expect(api.ledger().filter((e) => e.kind === 'charge' && e.description.includes('top-up')), 'nothing charged').to.have.length(0);
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('crypto: quotes its own fee and settles through the checkout', async () => {
    const { el, api } = await mountTopUp(undefined, { popup: true });
    await fillForm(el, '50.00', 'Crypto', usd(5050));
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.flow!.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    expect(resultTitle(el)).to.equal(t('en', 'topup_dialog.succeeded', { amount: usd(5000) }));
    const charges = topUpCharges(api);
    expect(charges.map((c) => [c.source, c.amount.amount])).to.deep.equal([['crypto', 5050]]);
    expectLedgerConsistent(api);
  });

  it('popup blocked: says so and links to the payment page, and still notices the approval', async () => {
    fake.popupAllowed = false;
    const { el, api } = await mountTopUp(undefined, { popup: true });
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    const link = part<HTMLAnchorElement>(el, 'checkout-link')!;
    expect(text(part(el, 'progress'))).to.contain(t('en', 'checkout.popup_blocked'));
    expect(text(link)).to.equal(`${t('en', 'checkout.open_page')} ${t('en', 'common.opens_new_window')}`);
    expect(link.href).to.match(new RegExp(`^${location.origin}/api/billing/v1/_checkout/chk_\\d+$`));
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    await expect(el).to.be.accessible();

    await api.completeCheckout(checkoutId(link.href), 'approve');
    await stepIs(el, 'succeeded');
    expectLedgerConsistent(api);
  });

  it('still processing after the deadline, never a false success; Re-check then succeeds', async () => {
    const { el, api } = await mountTopUp(undefined, { popup: true });
    // Room for the accessibility audit below to finish while it is still processing, even on a loaded machine.
    el.flow!.timing = { initialDelayMs: 10, maxDelayMs: 20, deadlineMs: 3000 };
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    fake.opened[0].window.closed = true;
    // Closed without a final state: it keeps checking up to the deadline.
    await stepIs(el, 'processing');
    expect(text(el.shadowRoot!.querySelector('[data-notice="popup-closed"]'))).to.equal(t('en', 'checkout.popup_closed'));
    await expect(el).to.be.accessible();
    await stepIs(el, 'still_processing', 5000);
    expect(text(part(el, 'result'))).to.equal(`${t('en', 'topup_dialog.still_processing')} ${t('en', 'topup_dialog.still_processing_hint')}`);
    expect(storedAttempts(), 'still processing keeps the attempt').to.have.length(1);
    await expect(el).to.be.accessible();

    await api.completeCheckout(el.flow!.record!.id, 'approve');
    part<HTMLButtonElement>(el, 'recheck-button')!.click();
    await stepIs(el, 'succeeded');
    expect(resultTitle(el)).to.equal(t('en', 'topup_dialog.succeeded', { amount: usd(2500) }));
    expectLedgerConsistent(api);
  });

  describe('exactly once', () => {
    it('a double click on Confirm creates one top-up', async () => {
      const { el, api } = await mountTopUp(undefined, { popup: true });
      await fillForm(el);
      confirmButton(el).click();
      confirmButton(el).click();
      await el.updateComplete;
      expect(confirmButton(el).getAttribute('aria-disabled'), 'inactive while submitting').to.equal('true');
      confirmButton(el).click();
      await stepIs(el, 'awaiting_checkout');
      expect(topUpPosts(api)).to.equal(1);
      await api.completeCheckout(el.flow!.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('a response lost after the commit, then a retry: the same key, one top-up, one charge', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'POST /wallet/top-ups', type: 'drop-after-commit' });
      const { el } = await mountTopUp(undefined, { api, popup: true });
      await fillForm(el);
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'error')!;
      expect(error.dataset.code).to.equal('network');
      expect(text(error)).to.contain(t('en', 'checkout.error.network.action'));
      expect(fake.opened[0].window.closed, 'the blank window is closed').to.equal(true);
      await expect(el).to.be.accessible();
      const key = el.flow!.idempotencyKey;

      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await stepIs(el, 'awaiting_checkout');
      expect(el.flow!.idempotencyKey).to.equal(key);
      expect(topUpPosts(api)).to.equal(2);
      await api.completeCheckout(el.flow!.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      const charges = topUpCharges(api);
      expect(charges).to.have.length(1);
      expect(charges[0].intent).to.equal(key);
      expect(api.ledger().filter((e) => e.kind === 'credit' && e.reference.startsWith('tu_')), 'one top-up credited').to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('the client retrying a dropped POST by itself also creates one top-up', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      api.inject({ match: 'POST /wallet/top-ups', type: 'drop-after-commit' });
      const { el } = await mountTopUp(undefined, { api, popup: true, client: { retry: { retries: 2, baseDelayMs: 1 } } });
      await fillForm(el);
      confirmButton(el).click();
      await stepIs(el, 'awaiting_checkout');
      expect(topUpPosts(api)).to.equal(2);
      await api.completeCheckout(el.flow!.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('a reload while the attempt is unresolved offers to continue it: the same key, one charge', async () => {
      const { el, api } = await mountTopUp();
      await fillForm(el);
      confirmButton(el).click();
      await stepIs(el, 'redirecting');
      const key = el.flow!.idempotencyKey!;
      const firstTopUp = el.flow!.record!.id;
      // The page reloads before the checkout finished (the customer came back without paying).
      el.remove();
      const { el: reloaded } = await mountTopUp(html`<top-up-button></top-up-button>`, { api, popup: true });
      part<HTMLButtonElement>(reloaded, 'button')!.click();
      await waitUntil(() => part(reloaded, 'unfinished-continue-button'), 'the unfinished top-up is offered');
      expect(text(reloaded.shadowRoot!.querySelector('[data-notice="unfinished"]'))).to.equal(
        `${t('en', 'topup_dialog.unfinished', { amount: usd(2500) })} ${t('en', 'topup_dialog.unfinished_hint')}`,
      );
      expect(part(reloaded, 'form'), 'no second form to confirm before choosing').to.equal(null);
      await waitUntil(() => reloaded.shadowRoot!.activeElement === part(reloaded, 'unfinished-continue-button'), 'focus on Continue');
      await expect(reloaded).to.be.accessible();

      part<HTMLButtonElement>(reloaded, 'unfinished-continue-button')!.click();
      await stepIs(reloaded, 'awaiting_checkout');
      expect(reloaded.flow!.idempotencyKey).to.equal(key);
      expect(reloaded.flow!.record!.id, 'the first top-up, replayed').to.equal(firstTopUp);
      expect(text(reloaded.shadowRoot!.querySelector('[data-notice="replayed"]'))).to.contain(t('en', 'checkout.replayed'));
      await api.completeCheckout(firstTopUp, 'approve');
      await stepIs(reloaded, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('two tabs confirming the same top-up: the second is offered the first, told of the request in flight, then sees the same top-up; one charge, one event', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const tabA = await mountTopUp(undefined, { api, popup: true });
      const tabB = await mountTopUp(undefined, { api, popup: true });
      expect(tabA.client).not.to.equal(tabB.client);
      await fillForm(tabA.el);
      await fillForm(tabB.el);
      const completed: string[] = [];
      const onCompleted = (event: CustomEvent<{ topUpId: string }>) => void completed.push(event.detail.topUpId);
      document.addEventListener('billing-top-up-completed', onCompleted);

      try {
        api.inject({ match: 'POST /wallet/top-ups', type: 'latency', ms: 300 });
        confirmButton(tabA.el).click();
        await waitUntil(() => api.requestLog().includes('POST /wallet/top-ups'));
        confirmButton(tabB.el).click();
        await waitUntil(() => part(tabB.el, 'unfinished-continue-button'), 'tab B is offered the top-up in flight');
        expect(topUpPosts(api), 'tab B sent nothing').to.equal(1);
        part<HTMLButtonElement>(tabB.el, 'unfinished-continue-button')!.click();
        await stepIs(tabB.el, 'error');
        const conflict = part(tabB.el, 'error')!;
        expect(conflict.dataset.code).to.equal('idempotency_conflict');
        expect(text(conflict)).to.contain(t('en', 'checkout.error.idempotency_conflict.title'));
        expect(text(conflict)).to.contain(t('en', 'checkout.error.idempotency_conflict.action'));
        await expect(tabB.el).to.be.accessible();

        await stepIs(tabA.el, 'awaiting_checkout');
        part<HTMLButtonElement>(tabB.el, 'recheck-button')!.click();
        await stepIs(tabB.el, 'awaiting_checkout');
        expect(tabB.el.flow!.record!.id).to.equal(tabA.el.flow!.record!.id);
        expect(tabB.el.flow!.replayed).to.equal(true);
        expect(text(tabB.el.shadowRoot!.querySelector('[data-notice="replayed"]'))).to.contain(t('en', 'checkout.replayed'));
        await expect(tabB.el).to.be.accessible();

        await api.completeCheckout(tabA.el.flow!.record!.id, 'approve');
        await stepIs(tabA.el, 'succeeded');
        await stepIs(tabB.el, 'succeeded');
        expect(topUpCharges(api)).to.have.length(1);
        expect(completed, 'the success event fires once in this browser').to.deep.equal([tabA.el.flow!.record!.id]);
        expectLedgerConsistent(api);
      } finally {
        document.removeEventListener('billing-top-up-completed', onCompleted);
      }
    });

    it('a second top-up of the same amount after the first completed unseen is a new top-up, never the old one replayed', async () => {
      const { el, api } = await mountTopUp(undefined, { popup: true });
      await fillForm(el);
      el.flow!.timing = { initialDelayMs: 1, maxDelayMs: 5, deadlineMs: 100 };
      confirmButton(el).click();
      await stepIs(el, 'awaiting_checkout');
      const first = el.flow!.record!.id;
      // The customer closes the window; the gateway approves it on the phone; the page gives up checking.
      fake.opened[0].window.closed = true;
      await stepIs(el, 'still_processing');
      await api.completeCheckout(first, 'approve');
      part<HTMLButtonElement>(el, 'cancel-button')!.click();
      await waitUntil(() => !el.flow!.done && el.flow!.step === 'idle');
      el.flow!.timing = { ...FAST };
      const completed: string[] = [];
      const onCompleted = (event: CustomEvent<{ topUpId: string }>) => void completed.push(event.detail.topUpId);
      document.addEventListener('billing-top-up-completed', onCompleted);
      try {
        // Later: top up $25.00 by card again.
        part<HTMLButtonElement>(el, 'button')!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[data-notice="earlier-completed"]'), 'the earlier completion is told');
        expect(text(el.shadowRoot!.querySelector('[data-notice="earlier-completed"]'))).to.match(startingWith(messageStart('topup_dialog.earlier_completed', { amount: usd(2500) })));
        expect(el.shadowRoot!.querySelector('[data-notice="unfinished"]'), 'not "unfinished"').to.equal(null);
        await expect(el).to.be.accessible();
        typeAmount(el, '25.00');
        chooseMethod(el, 'Visa');
        await quoteReady(el, usd(2603));
        confirmButton(el).click();
        await stepIs(el, 'awaiting_checkout');
        const second = el.flow!.record!.id;
        expect(second, 'a new top-up').to.not.equal(first);
        expect(fake.opened.at(-1)!.window.location.href, 'a new checkout').to.not.equal(fake.opened[0].window.location.href);
        await api.completeCheckout(second, 'approve');
        await stepIs(el, 'succeeded');
        expect(text(part(el, 'result'))).to.contain(t('en', 'topup_dialog.succeeded', { amount: usd(2500) }));
        expect(completed).to.deep.equal([second]);
        expect(topUpCharges(api), 'two top-ups, two charges').to.have.length(2);
        expectLedgerConsistent(api);
      } finally {
        document.removeEventListener('billing-top-up-completed', onCompleted);
      }
    });

    it('keeps accounts apart on one origin: an unfinished top-up of one account is never offered to another', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const first = await mountTopUp(undefined, { api });
      first.provider.accountId = 'acct_a';
      await first.provider.updateComplete;
      await fillForm(first.el);
      confirmButton(first.el).click();
      await stepIs(first.el, 'redirecting');
      first.provider.remove();

      const other = await mountTopUp(undefined, { api });
      other.provider.accountId = 'acct_b';
      await other.provider.updateComplete;
      await openDialog(other.el);
      await other.el.updateComplete;
      expect(part(other.el, 'unfinished-continue-button'), 'account b is not offered account a\'s top-up').to.equal(null);
      other.provider.remove();

      const same = await mountTopUp(undefined, { api });
      same.provider.accountId = 'acct_a';
      await same.provider.updateComplete;
      part<HTMLButtonElement>(same.el, 'button')!.click();
      await waitUntil(() => part(same.el, 'unfinished-continue-button'), 'account a is offered its own top-up');
    });

    it('an unfinished attempt whose record the API does not know (another account, a reset) is not offered', async () => {
      const { el, client, api } = await mountTopUp();
      const attempts = new AttemptStore();
      const attempt = attempts.begin({ action: 'top_up', amount: { amount: 2500, currency: 'USD' }, methodId: 'pm_card_4242' }, client.storageScope ?? '', 'top-up-button');
      attempts.setRecord(attempt.key, 'tu_unknown');
      await openDialog(el);
      // The check of the stored attempt answered 404: the attempt is dropped, and the form stays.
      await waitUntil(() => storedAttempts().length === 0, 'the unknown attempt is dropped');
      expect(api.requestLog()).to.include('GET /wallet/top-ups/*');
      await el.updateComplete;
      expect(part(el, 'unfinished-continue-button')).to.equal(null);
      expect(part(el, 'form')).to.not.equal(null);
    });

    it('a crafted return link (top_up:<id> of a top-up this browser did not start) shows and announces nothing', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const other = createTestClient(api);
      const card = (await other.listPaymentMethods()).find((m) => m.type === 'card')!;
      const topUp = await other.createTopUp({ amount: { amount: 2500, currency: 'USD' }, method_id: card.id }, { idempotencyKey: crypto.randomUUID() });
      await api.completeCheckout(topUp.id, 'approve');
      const page = location.href;
      history.replaceState(history.state, '', `?${CHECKOUT_RETURN_PARAM}=top_up:${topUp.id}`);
      const completed: string[] = [];
      const onCompleted = (event: CustomEvent<{ topUpId: string }>) => void completed.push(event.detail.topUpId);
      document.addEventListener('billing-top-up-completed', onCompleted);
      try {
        const { el } = await mountTopUp(undefined, { api });
        await waitUntil(() => !new URL(location.href).searchParams.has(CHECKOUT_RETURN_PARAM), 'the parameter is dropped');
        await el.updateComplete;
        expect(el.topUp.isOpen, 'no dialog').to.equal(false);
        expect(el.flow?.step ?? 'idle').to.equal('idle');
        expect(el.shadowRoot!.textContent).to.not.contain(messageStart('topup_dialog.succeeded'));
        expect(completed).to.deep.equal([]);
        await expect(el).to.be.accessible();
      } finally {
        document.removeEventListener('billing-top-up-completed', onCompleted);
        history.replaceState(history.state, '', page);
      }
    });

    it('Enter in the amount field never pays: only the confirm button moves money', async () => {
      const { el, api } = await mountTopUp();
      await fillForm(el);
      const input = part<HTMLInputElement>(el, 'amount-input')!;
      input.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // A submit would have sent the POST synchronously, before this line.
      expect(topUpPosts(api), 'nothing sent').to.equal(0);
      expect(el.flow!.step).to.equal('choosing');
      confirmButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await stepIs(el, 'redirecting');
      expect(topUpPosts(api)).to.equal(1);
    });

    it('a created total that differs from the confirmed quote opens nothing until the customer confirms the new total', async () => {
      const { el, api } = await mountTopUp();
      // The quote says $20.00 (fee and tax 0); the server then creates the top-up at its real total, $26.03.
      api.inject({ match: 'POST /wallet/top-ups/quote', type: 'schema', patch: { 'total.amount': 2500, 'fee.amount': 0, 'tax.amount': 0 } });
      await fillForm(el, '25.00', 'Visa', usd(2500));
      confirmButton(el).click();
      await stepIs(el, 'error');
      expect(fake.assigned, 'no checkout opened').to.deep.equal([]);
      const error = part(el, 'error')!;
      expect(error.dataset.code).to.equal('quote_changed');
      expect(text(error)).to.contain(t('en', 'topup_dialog.total_changed', { total: usd(2603), confirmed: usd(2500) }));
      expect(text(error)).to.contain(t('en', 'topup_dialog.total_changed_hint'));
      expect(text(confirmButton(el))).to.equal(t('en', 'topup.confirm', { amount: usd(2603) }));
      expect(text(part(el, 'quote'))).to.contain('$26.03');
      const key = el.flow!.idempotencyKey;
      await expect(el).to.be.accessible();
      // Confirming the new total continues the same attempt: the server replays that top-up, and one top-up exists.
      confirmButton(el).click();
      await stepIs(el, 'redirecting');
      expect(el.flow!.idempotencyKey).to.equal(key);
      expect(fake.assigned).to.have.length(1);
      expect(topUpPosts(api)).to.equal(2);
      expect((await pendingTopUps(api)), 'one top-up pending').to.equal(2500);
    });
  });

  describe('each failure has its own message and next step', () => {
    // The words are looked up in the test: the dialogs' messages join the catalog when their code loads (load-money-ui.ts).
    const cases = [
      {
        name: 'validation_failed',
        fault: { type: 'status', status: 422, code: 'validation_failed' },
        title: () => t('en', 'error.validation_failed.title'),
        action: () => t('en', 'error.validation_failed.action'),
        button: null,
      },
      {
        name: 'forbidden (read-only)',
        fault: { type: 'status', status: 403, code: 'forbidden' },
        title: () => t('en', 'checkout.error.forbidden.title'),
        action: () => t('en', 'error.forbidden.action'),
        button: null,
      },
      {
        name: 'unauthorized (session expired)',
        fault: { type: 'expired-token' },
        title: () => t('en', 'error.unauthorized.title'),
        action: () => t('en', 'checkout.error.unauthorized.action'),
        button: 'retry-button',
      },
      {
        name: 'server_error',
        fault: { type: 'status', status: 500 },
        title: () => t('en', 'error.server_error.title'),
        action: () => t('en', 'checkout.error.server_error.action'),
        button: 'retry-button',
      },
      {
        name: 'rate_limited',
        fault: { type: 'status', status: 429, retryAfter: 2 },
        title: () => t('en', 'error.rate_limited.title'),
        action: () => `${t('en', 'error.rate_limited.action')} ${t('en', 'error.retry_after', { n: 2 })}`,
        button: 'retry-button',
      },
      {
        name: 'idempotency_conflict',
        fault: { type: 'status', status: 409, code: 'idempotency_conflict' },
        title: () => t('en', 'checkout.error.idempotency_conflict.title'),
        action: () => t('en', 'checkout.error.idempotency_conflict.action'),
        button: 'recheck-button',
      },
    ] as const;

    for (const c of cases) {
      it(`${c.name}`, async () => {
        const api = createReferenceApi({ scenario: 'overdue' });
        const { el } = await mountTopUp(undefined, { api, popup: true });
        await fillForm(el);
        api.inject({ match: 'POST /wallet/top-ups', ...c.fault });
        confirmButton(el).click();
        await stepIs(el, 'error');
        const error = part(el, 'error')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error.querySelector('.error-panel__title'))).to.equal(c.title());
        expect(text(error)).to.contain(c.action());
        const buttons = [...error.querySelectorAll('button')].map((b) => b.getAttribute('part'));
        expect(buttons).to.deep.equal(c.button ? [c.button] : []);
        expect(part(el, 'amount-input'), 'the form stays to fix or retry').to.exist;
        await expect(el).to.be.accessible();

        if (c.button) {
          // The next step works: the same intent again succeeds, once.
          error.querySelector('button')!.click();
          await stepIs(el, 'awaiting_checkout');
          await api.completeCheckout(el.flow!.record!.id, 'approve');
          await stepIs(el, 'succeeded');
        }
        expect(topUpCharges(api).length).to.be.at.most(1);
        expectLedgerConsistent(api);
      });
    }

    it('timeout: the request may or may not have arrived; retrying is safe', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const { el } = await mountTopUp(undefined, { api, popup: true, client: { timeoutMs: 150 } });
      await fillForm(el);
      api.inject({ match: 'POST /wallet/top-ups', type: 'latency', ms: 400 });
      confirmButton(el).click();
      await stepIs(el, 'error');
      const error = part(el, 'error')!;
      expect(error.dataset.code).to.equal('timeout');
      expect(text(error)).to.contain(t('en', 'checkout.error.timeout.title'));
      expect(text(error)).to.contain(t('en', 'checkout.error.timeout.action'));
      await expect(el).to.be.accessible();
      const key = el.flow!.idempotencyKey;
      expect(await pendingTopUps(api), 'the aborted request did not commit').to.equal(0);
      part<HTMLButtonElement>(el, 'retry-button')!.click();
      await stepIs(el, 'awaiting_checkout');
      expect(el.flow!.idempotencyKey, 'the retry carries the same key').to.equal(key);
      expect(await pendingTopUps(api)).to.equal(2500);
      await api.completeCheckout(el.flow!.record!.id, 'approve');
      await stepIs(el, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('an insecure checkout address is refused: nothing is opened or charged', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const { el } = await mountTopUp(undefined, { api });
      await fillForm(el);
      api.inject({ match: 'POST /wallet/top-ups', type: 'schema', patch: { 'next_action.url': 'http://evil.test/checkout' } });
      confirmButton(el).click();
      await stepIs(el, 'error');
      expect(text(part(el, 'error')!.querySelector('.error-panel__title'))).to.equal(t('en', 'checkout.unsafe_url'));
      expect(fake.assigned).to.deep.equal([]);
      await expect(el).to.be.accessible();
      expectLedgerConsistent(api);
    });
  });
});
