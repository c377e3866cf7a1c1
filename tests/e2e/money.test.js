// The money flows of the demo as a customer goes through them (`npm start`): paying an overdue
// invoice partly from the wallet and partly by card through the checkout page, topping up the
// wallet by card and by crypto, a declined checkout, and contacting support about an invoice.
// Expected amounts come from the reference API itself, never from copies in this file.
/* global document, window -- only inside page.evaluate callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { API_BASE_PATH, startDemo } from './harness.js';

/** What the widgets should show for an amount, formatted the way `Intl` does in English. */
function money({ amount, currency }) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** format.resolvedOptions().maximumFractionDigits);
}

const CHECKOUT_PATH = new RegExp(`^${API_BASE_PATH}/_checkout/`);

describe('money flows', () => {
  let app;
  let page;
  let errors;

  async function api(path) {
    const response = await fetch(`${app.baseUrl}${API_BASE_PATH}${path}`);
    assert.equal(response.status, 200, `GET ${path}`);
    return response.json();
  }

  /** The server's own books: the wallet rebuilt from the ledger equals the wallet it reports. */
  async function assertAuditClean() {
    const { audit } = await api('/_control/state');
    assert.deepEqual(audit.walletFromLedger, audit.wallet, 'wallet from the ledger equals the wallet');
    return audit;
  }

  /** On the reference checkout page: press Approve or Decline and wait for the way back. */
  async function finishCheckout(button, back) {
    await page.waitForURL((url) => CHECKOUT_PATH.test(url.pathname));
    await page.getByRole('button', { name: button }).click();
    await page.waitForURL(back);
  }

  /** Opens the dashboard's top-up dialog, enters an amount and a method, and confirms. */
  async function startTopUp(amount, method) {
    await page.goto('/');
    await page.locator('wallet-balance [part~="balance"]').waitFor();
    await page.locator('wallet-balance').getByRole('button', { name: 'Top up', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Top up your wallet' });
    await dialog.waitFor();
    await dialog.getByLabel(/^Amount/).fill(String(amount.amount / 100));
    await dialog.getByRole('radio', { name: method }).check();
    // The confirm button names the quoted total once the quote for this amount and method is in.
    const confirm = dialog.getByRole('button', { name: /^Pay \$/ });
    await confirm.waitFor();
    await confirm.click();
  }

  before(async () => {
    app = await startDemo({ scenario: 'overdue' });
    // Vite optimises the pages' dependencies on the first visit and may reload the page
    // while doing so: visit every page once before the watched page exists.
    const { page: warmUp } = await app.newPage();
    for (const path of ['/', '/invoice.html', '/service.html?id=srv_vps_fra1']) {
      await warmUp.goto(path);
      await warmUp.waitForLoadState('networkidle');
    }
    await warmUp.context().close();
    ({ page, errors } = await app.newPage());
  });

  afterEach(() => {
    assert.deepEqual(errors.splice(0).map((error) => error.message), [], 'no uncaught page errors');
  });

  after(async () => {
    await app?.stop();
  });

  it("pays the at-risk VPS's overdue invoice from the wallet and by card, and the VPS is no longer at risk", async () => {
    await app.reset('overdue');
    const summary = await api('/summary');
    const atRisk = summary.services_at_risk[0];
    assert.equal(atRisk?.state, 'at_risk', 'the overdue scenario has a service at risk');
    const invoiceId = atRisk.blocking_invoices[0].id;
    const invoice = await api(`/invoices/${encodeURIComponent(invoiceId)}`);
    const wallet = summary.wallet.balance;
    assert.ok(wallet.amount > 0 && wallet.amount < invoice.balance_due.amount, 'the wallet covers part of the invoice');

    await page.goto(`/invoice.html?id=${encodeURIComponent(invoiceId)}`);
    const detail = page.locator('invoice-detail');
    await detail.getByRole('button', { name: `Pay ${money(invoice.balance_due)}` }).click();
    const dialog = page.getByRole('dialog', { name: `Pay invoice ${invoice.number}` });
    await dialog.waitFor();

    const applyWallet = dialog.getByRole('checkbox', { name: `Use my wallet balance (${money(wallet)}) first` });
    await dialog.getByRole('radio', { name: /Card/ }).check();
    assert.ok(await applyWallet.isChecked(), 'the wallet is applied first by default');
    const rest = { amount: invoice.balance_due.amount - wallet.amount, currency: wallet.currency };
    await dialog.getByText(`Wallet covers ${money(wallet)} of ${money(invoice.balance_due)}; ${money(rest)} by`).waitFor();

    await dialog.getByRole('button', { name: `Confirm payment of ${money(invoice.balance_due)}` }).click();
    await finishCheckout('Approve', (url) => url.pathname === '/invoice.html');
    assert.equal(new URL(page.url()).searchParams.get('id'), invoiceId);

    await detail.locator('[part~="header"]').getByText('Paid', { exact: true }).waitFor();
    const paid = await api(`/invoices/${encodeURIComponent(invoiceId)}`);
    assert.equal(paid.status, 'paid');
    assert.equal(paid.balance_due.amount, 0);
    assert.equal((await api('/summary')).wallet.balance.amount, 0, 'the whole wallet went to the invoice');

    await page.goto(`/service.html?id=${encodeURIComponent(atRisk.service.id)}`);
    const banner = page.locator('billing-overview[service-id] [part~="service-banner"]');
    await banner.and(page.locator('[data-state="ok"]')).waitFor();
    assert.equal((await banner.locator('[part~="banner-message"]').textContent()).trim(), 'No billing issues');
    assert.equal(await banner.getByText(/At risk/).count(), 0);

    const audit = await assertAuditClean();
    assert.equal(audit.wallet.amount, 0);
  });

  it('tops up the wallet by card and by crypto from the dashboard, shown in the balance and the payment history', async () => {
    await app.reset('overdue');
    const start = (await api('/summary')).wallet;
    const amounts = [start.top_up.presets[1], start.top_up.presets[0]];
    let expected = start.balance.amount;

    for (const [index, method] of [/Visa ending 4242/, /Cryptocurrency/].entries()) {
      await startTopUp(amounts[index], method);
      await finishCheckout('Approve', (url) => url.pathname === '/');
      const result = page.getByRole('dialog', { name: 'Top up your wallet' }).locator('[part~="result"][data-outcome="succeeded"]');
      await result.getByText(`Added ${money(amounts[index])} to your wallet`).waitFor();
      expected += amounts[index].amount;
      const balance = page.locator('wallet-balance [part~="balance"]');
      await balance.filter({ hasText: money({ amount: expected, currency: start.balance.currency }) }).waitFor();
    }

    const end = await api('/summary');
    assert.equal(end.wallet.balance.amount, expected);
    const topUps = end.recent_payments.filter((payment) => payment.kind === 'top_up' && payment.status === 'completed');
    assert.ok(topUps.length >= 2, 'the API lists both top-ups');

    await page.goto('/');
    for (const payment of topUps.slice(0, 2)) {
      const row = page.locator(`billing-overview [part~="payment"][data-payment-id="${payment.id}"]`);
      await row.waitFor();
      assert.ok((await row.textContent()).includes(money(payment.amount)));
      await row.getByText('Wallet top-up').waitFor();
      await row.getByText('Completed').waitFor();
    }
    const methods = topUps.slice(0, 2).map((payment) => payment.method.type).toSorted();
    assert.deepEqual(methods, ['card', 'crypto']);
    await assertAuditClean();
  });

  it('shows the failure when the customer declines the checkout', async () => {
    await app.reset('overdue');
    const start = (await api('/summary')).wallet;
    await startTopUp(start.top_up.presets[0], /Visa ending 4242/);
    await finishCheckout('Decline', (url) => url.pathname === '/');

    const dialog = page.getByRole('dialog', { name: 'Top up your wallet' });
    await dialog.locator('[part~="result"][data-outcome="failed"]').waitFor();
    assert.match(await dialog.locator('[part~="result"]').textContent(), /The top-up failed/);
    await dialog.getByRole('button', { name: 'Try another method' }).waitFor();
    assert.equal((await api('/summary')).wallet.balance.amount, start.balance.amount, 'nothing was added');
    await assertAuditClean();
  });

  it('contacts support about an invoice with a description', async () => {
    await app.reset('overdue');
    const { data: invoices } = await api('/invoices');
    const invoice = invoices[0];
    await page.goto(`/invoice.html?id=${encodeURIComponent(invoice.id)}`);
    await page.locator('invoice-detail [part~="header"]').waitFor();

    // A mailto: navigation leaves no request to intercept: record the event the element emits
    // before it opens the support link.
    await page.evaluate(() => {
      window.supportRequests = [];
      document.addEventListener('billing-support-request', (event) => window.supportRequests.push(event.detail));
    });
    await page.locator('invoice-detail').getByText('Something looks wrong?').click();
    const description = 'The renewal was charged twice.';
    await page.locator('invoice-detail').getByLabel('Describe the problem').fill(description);
    await page.locator('invoice-detail').getByRole('button', { name: 'Contact support' }).click();

    await page.waitForFunction(() => window.supportRequests.length > 0);
    const [request] = await page.evaluate(() => window.supportRequests);
    assert.equal(request.number, invoice.number);
    assert.equal(request.invoiceId, invoice.id);
    assert.equal(request.description, description);
  });
});
