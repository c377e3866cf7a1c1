/**
 * <top-up-button>: money moves exactly once per intent. Every scenario runs the real element,
 * HTTP client, cache and reference API in the browser; `checkoutNavigator` is replaced so the
 * checkout URL is captured instead of navigated to, and the gateway's answer is given with
 * `api.completeCheckout(...)`. After each scenario the wallet must equal its ledger and no
 * intent may have been charged twice.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import '../../src/define/top-up-button.js';
import '../../src/define/wallet-balance.js';
import type { TopUpButton } from '../../src/components/top-up-button/top-up-button.js';
import type { WalletBalance } from '../../src/components/wallet-balance/wallet-balance.js';
import type { BillingTopUpCompletedDetail } from '../../src/components/shared/events.js';
import { CHECKOUT_RETURN_PARAM } from '../../src/components/shared/checkout.js';
import { createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi } from '../../src/testing/index.js';
import { useFakeCheckout } from '../helpers/checkout.js';
import { mountInProvider } from '../helpers/mount.js';
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
    () => confirmButton(el)?.getAttribute('aria-disabled') === 'false' && (!total || text(confirmButton(el)) === `Pay ${total}`),
    `quote${total ? ` ${total}` : ''} ready`,
  );
}

/** Opens the dialog, enters the amount and method, waits for the quote. */
async function fillForm(el: TopUpButton, amount = '25.00', method = 'Visa', total = '$26.03') {
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
    await wallet.updateComplete;
    expect(text(wallet.shadowRoot!.querySelector('[part="balance"]'))).to.equal('$12.50');

    const completed: BillingTopUpCompletedDetail[] = [];
    el.addEventListener('billing-top-up-completed', (e) => completed.push(e.detail));
    await fillForm(el);
    await expect(el).to.be.accessible();
    confirmButton(el).click();
    expect(fake.opened.map((o) => o.url), 'opened in the click turn').to.deep.equal(['about:blank']);
    await stepIs(el, 'awaiting_checkout');
    expect(text(part(el, 'progress'))).to.contain('Finish the payment in the payment window');
    expect(fake.opened[0].window.location.href).to.match(/\/_checkout\/chk_\d+$/);
    await expect(el).to.be.accessible();

    await api.completeCheckout(checkoutId(fake.opened[0].window.location.href), 'approve');
    await stepIs(el, 'succeeded');
    expect(text(part(el, 'result'))).to.equal('Added $25.00 to your wallet');
    expect(text(part(el, 'live-region'))).to.equal('Added $25.00 to your wallet');
    expect(el.shadowRoot!.activeElement, 'focus moves to the outcome').to.equal(part(el, 'result'));
    expect(fake.opened[0].window.closed, 'the checkout window is closed').to.equal(true);
    expect(completed).to.deep.equal([{ topUpId: el.flow!.record!.id, amount: { amount: 2500, currency: 'USD' } }]);
    await waitUntil(() => text(wallet.shadowRoot!.querySelector('[part="balance"]')) === '$37.50', 'the wallet shows the new balance');
    expect(el.flow!.intentKeys.pending(), 'the intent is resolved').to.deep.equal([]);
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
    expect(topUpCharges(api)).to.have.length(1);
  });

  it('card, redirect mode: goes to the checkout with a return URL, then resumes from the billing_return parameter', async () => {
    const { el, api } = await mountTopUp();
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'redirecting');
    expect(text(part(el, 'progress'))).to.equal('Taking you to the payment page…');
    await expect(el).to.be.accessible();
    expect(fake.assigned).to.have.length(1);
    const checkout = new URL(fake.assigned[0]);
    expect(checkout.origin).to.equal(location.origin);
    const back = new URL(checkout.searchParams.get('return')!);
    const topUpId = el.flow!.record!.id;
    expect(back.searchParams.get(CHECKOUT_RETURN_PARAM)).to.equal(`top_up:${topUpId}`);
    expect(el.flow!.intentKeys.pending(), 'unresolved while at the checkout').to.have.length(1);

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
    expect(text(part(returned, 'result'))).to.equal('Added $25.00 to your wallet');
    expect(completed.map((d) => d.topUpId)).to.deep.equal([topUpId]);
    expect(returned.flow!.intentKeys.pending(), 'the intent is resolved on return').to.deep.equal([]);
    await expect(returned).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('decline: shows the failure reason and "Try another method" back to the form', async () => {
    const { el, api } = await mountTopUp(undefined, { popup: true });
    await fillForm(el);
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.flow!.record!.id, 'decline');
    await stepIs(el, 'failed');
    expect(text(part(el, 'result'))).to.equal('The top-up failed: The card was declined by the issuer (3-D Secure authentication failed).');
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'try-another-button')!.click();
    await stepIs(el, 'choosing');
    await quoteReady(el);
    expect(part<HTMLInputElement>(el, 'amount-input')!.value, 'the amount is kept').to.equal('25.00');
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('radio');
    expect(el.flow!.intentKeys.pending(), 'a declined intent is final').to.deep.equal([]);
    expect(api.ledger().filter((e) => e.kind === 'charge' && e.description.includes('top-up')), 'nothing charged').to.have.length(0);
    await expect(el).to.be.accessible();
    expectLedgerConsistent(api);
  });

  it('crypto: quotes its own fee and settles through the checkout', async () => {
    const { el, api } = await mountTopUp(undefined, { popup: true });
    await fillForm(el, '50.00', 'Crypto', '$50.50');
    confirmButton(el).click();
    await stepIs(el, 'awaiting_checkout');
    await api.completeCheckout(el.flow!.record!.id, 'approve');
    await stepIs(el, 'succeeded');
    expect(text(part(el, 'result'))).to.equal('Added $50.00 to your wallet');
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
    expect(text(part(el, 'progress'))).to.contain('Your browser blocked the payment window.');
    expect(text(link)).to.equal('Open the payment page (opens in a new window)');
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
    expect(text(el.shadowRoot!.querySelector('[data-notice="popup-closed"]'))).to.equal(
      "The payment window was closed. We're still checking whether the payment went through.",
    );
    await expect(el).to.be.accessible();
    await stepIs(el, 'still_processing', 5000);
    expect(text(part(el, 'result'))).to.equal(
      "We're still confirming this top-up It has not failed. Your wallet updates when it completes, and you won't be charged twice.",
    );
    expect(el.flow!.intentKeys.pending(), 'still processing keeps the intent').to.have.length(1);
    await expect(el).to.be.accessible();

    await api.completeCheckout(el.flow!.record!.id, 'approve');
    part<HTMLButtonElement>(el, 'recheck-button')!.click();
    await stepIs(el, 'succeeded');
    expect(text(part(el, 'result'))).to.equal('Added $25.00 to your wallet');
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
      expect(text(error)).to.contain("Check your connection and try again — you won't be charged twice.");
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

    it('a reload while the intent is unresolved reuses the key and charges once', async () => {
      const { el, api } = await mountTopUp();
      await fillForm(el);
      confirmButton(el).click();
      await stepIs(el, 'redirecting');
      const key = el.flow!.idempotencyKey!;
      const firstTopUp = el.flow!.record!.id;
      // The page reloads before the checkout finished (the customer came back without paying).
      el.remove();
      const { el: reloaded } = await mountTopUp(html`<top-up-button></top-up-button>`, { api, popup: true });
      await openDialog(reloaded);
      await quoteReady(reloaded, '$26.03');
      const notice = reloaded.shadowRoot!.querySelector('[data-notice="unfinished"]');
      expect(text(notice)).to.equal('You have an unfinished top-up of $25.00. Confirming it again will not charge you twice.');
      expect(part<HTMLInputElement>(reloaded, 'amount-input')!.value).to.equal('25.00');
      await expect(reloaded).to.be.accessible();

      confirmButton(reloaded).click();
      await stepIs(reloaded, 'awaiting_checkout');
      expect(reloaded.flow!.idempotencyKey).to.equal(key);
      expect(reloaded.flow!.record!.id, 'the first top-up, replayed').to.equal(firstTopUp);
      expect(text(reloaded.shadowRoot!.querySelector('[data-notice="replayed"]'))).to.contain("you won't be charged twice");
      await api.completeCheckout(firstTopUp, 'approve');
      await stepIs(reloaded, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('two tabs confirming the same intent: the second is told of the request in flight, then sees the same top-up; one charge', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const tabA = await mountTopUp(undefined, { api, popup: true });
      const tabB = await mountTopUp(undefined, { api, popup: true });
      expect(tabA.client).not.to.equal(tabB.client);
      await fillForm(tabA.el);
      await fillForm(tabB.el);

      api.inject({ match: 'POST /wallet/top-ups', type: 'latency', ms: 300 });
      confirmButton(tabA.el).click();
      await waitUntil(() => api.requestLog().includes('POST /wallet/top-ups'));
      confirmButton(tabB.el).click();
      await stepIs(tabB.el, 'error');
      const conflict = part(tabB.el, 'error')!;
      expect(conflict.dataset.code).to.equal('idempotency_conflict');
      expect(text(conflict)).to.contain('A request for this payment is still being processed.');
      expect(text(conflict)).to.contain("Wait a moment, then re-check. You won't be charged twice.");
      await expect(tabB.el).to.be.accessible();

      await stepIs(tabA.el, 'awaiting_checkout');
      part<HTMLButtonElement>(tabB.el, 'recheck-button')!.click();
      await stepIs(tabB.el, 'awaiting_checkout');
      expect(tabB.el.flow!.record!.id).to.equal(tabA.el.flow!.record!.id);
      expect(tabB.el.flow!.replayed).to.equal(true);
      expect(text(tabB.el.shadowRoot!.querySelector('[data-notice="replayed"]'))).to.contain('already started');
      await expect(tabB.el).to.be.accessible();

      await api.completeCheckout(tabA.el.flow!.record!.id, 'approve');
      await stepIs(tabA.el, 'succeeded');
      await stepIs(tabB.el, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });

    it('a second tab confirming after the first answered gets the replay and says so', async () => {
      const api = createReferenceApi({ scenario: 'overdue' });
      const tabA = await mountTopUp(undefined, { api, popup: true });
      const tabB = await mountTopUp(undefined, { api, popup: true });
      await fillForm(tabA.el);
      confirmButton(tabA.el).click();
      await stepIs(tabA.el, 'awaiting_checkout');
      await fillForm(tabB.el);
      confirmButton(tabB.el).click();
      await stepIs(tabB.el, 'awaiting_checkout');
      expect(tabB.el.flow!.record!.id).to.equal(tabA.el.flow!.record!.id);
      expect(text(tabB.el.shadowRoot!.querySelector('[data-notice="replayed"]'))).to.equal(
        "This payment was already started (in another window or an earlier try). Showing its status; you won't be charged twice.",
      );
      await api.completeCheckout(tabA.el.flow!.record!.id, 'approve');
      await stepIs(tabB.el, 'succeeded');
      expect(topUpCharges(api)).to.have.length(1);
      expectLedgerConsistent(api);
    });
  });

  describe('each failure has its own message and next step', () => {
    const cases = [
      {
        name: 'validation_failed',
        fault: { type: 'status', status: 422, code: 'validation_failed' },
        title: 'Some details were not accepted.',
        action: 'Check the amount and payment method, then try again.',
        button: null,
      },
      {
        name: 'forbidden (read-only)',
        fault: { type: 'status', status: 403, code: 'forbidden' },
        title: 'Your account can view billing but not make payments.',
        action: 'Ask the account owner for access.',
        button: null,
      },
      {
        name: 'unauthorized (session expired)',
        fault: { type: 'expired-token' },
        title: 'Your session has expired.',
        action: "Sign in again, then try again; you won't be charged twice.",
        button: 'retry-button',
      },
      {
        name: 'server_error',
        fault: { type: 'status', status: 500 },
        title: 'The billing service had a problem.',
        action: "Try again in a moment — you won't be charged twice. If it keeps happening, contact support.",
        button: 'retry-button',
      },
      {
        name: 'rate_limited',
        fault: { type: 'status', status: 429, retryAfter: 2 },
        title: 'Too many requests at once.',
        action: 'Wait a few seconds, then try again. You can try again in 2 seconds.',
        button: 'retry-button',
      },
      {
        name: 'idempotency_conflict',
        fault: { type: 'status', status: 409, code: 'idempotency_conflict' },
        title: 'A request for this payment is still being processed.',
        action: "Wait a moment, then re-check. You won't be charged twice.",
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
        expect(text(error.querySelector('.error-panel__title'))).to.equal(c.title);
        expect(text(error)).to.contain(c.action);
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
      expect(text(error)).to.contain('the payment may or may not have started');
      expect(text(error)).to.contain("you won't be charged twice");
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
      expect(text(part(el, 'error')!.querySelector('.error-panel__title'))).to.equal(
        'The payment page address is not secure; nothing was charged. Contact support.',
      );
      expect(fake.assigned).to.deep.equal([]);
      await expect(el).to.be.accessible();
      expectLedgerConsistent(api);
    });
  });
});
