// The strict-CSP page (`npm start`, /csp/): every element from the script-tag file under
//   default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html
// renders its data, opens an invoice, and tops up the wallet through the checkout page in
// redirect mode, with no policy violation. The page records violations (CSP and Trusted Types)
// in window.__violations, kept in sessionStorage across the checkout round trip.
/* global customElements, document, getComputedStyle, window -- only inside page callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CSP_PAGE_PATH, STRICT_CSP } from '../../demo/server/csp-plugin.js';
import { API_BASE_PATH, startDemo } from './harness.js';

function money({ amount, currency }) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** format.resolvedOptions().maximumFractionDigits);
}

describe('strict CSP and Trusted Types page', () => {
  let app;

  async function api(path) {
    const response = await fetch(`${app.baseUrl}${API_BASE_PATH}${path}`);
    assert.equal(response.status, 200, `GET ${path}`);
    return response.json();
  }

  /**
   * The page, its uncaught errors, and its console errors (the browser logs every blocked action
   * there too). A failed load is logged as its URL instead; the browser's own favicon probe on
   * the checkout page (which has no icon) is not the widgets' business.
   */
  async function cspPage() {
    const { page, errors } = await app.newPage();
    const consoleErrors = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
        consoleErrors.push(`HTTP ${response.status()} ${response.url()}`);
      }
    });
    return { page, errors, consoleErrors };
  }

  const violations = (page) => page.evaluate(() => window.__violations);

  before(async () => {
    app = await startDemo({ scenario: 'overdue' });
    // The first request builds the script-tag file; do it before any timed wait.
    const warmUp = await fetch(`${app.baseUrl}${CSP_PAGE_PATH}billing-widgets.js`);
    assert.equal(warmUp.status, 200);
    await warmUp.arrayBuffer();
    // Fail fast, with the reason, when the built file does not register the elements.
    const { page } = await app.newPage();
    await page.goto(CSP_PAGE_PATH);
    const defined = await page
      .waitForFunction(() => ['billing-provider', 'invoice-list'].every((tag) => customElements.get(tag)), null, { timeout: 10_000 })
      .then(() => true, () => false);
    await page.context().close();
    assert.ok(defined, 'billing-widgets.js defines the elements (a build that tree-shakes src/define/* away defines none)');
  });

  beforeEach(() => app.reset('overdue'));

  after(async () => {
    await app?.stop();
  });

  it('the page is served with the strict policy, and its recorder sees a violation when one happens', async () => {
    const { page } = await cspPage();
    const response = await page.goto(CSP_PAGE_PATH);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    for (const asset of ['billing-widgets.js', 'csp.js', 'csp.css']) {
      const served = await fetch(`${app.baseUrl}${CSP_PAGE_PATH}${asset}`);
      assert.equal(served.status, 200, asset);
    }
    await page.locator('wallet-balance [part~="balance"]').waitFor();
    // Proof that the policy is enforced and the recorder works: an HTML string sink is refused.
    const outcome = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>not allowed</b>');
        return 'inserted';
      } catch (error) {
        return error.name;
      }
    });
    assert.equal(outcome, 'TypeError');
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.equal((await violations(page))[0].directive, 'require-trusted-types-for');
    await page.context().close();
  });

  it('renders every element, opens an invoice and tops up through the checkout page with zero violations', async () => {
    const summary = await api('/summary');
    const invoices = await api('/invoices');
    const methods = await api('/payment-methods');
    const card = methods.data.find((method) => method.type === 'card');
    const atRisk = summary.services_at_risk.find((impact) => impact.service.id === 'srv_vps_fra1');
    assert.ok(card && atRisk, 'the overdue scenario has a card and the VPS at risk');

    const { page, errors, consoleErrors } = await cspPage();
    const files = new Set();
    page.on('request', (request) => files.add(new URL(request.url()).pathname));
    await page.goto(CSP_PAGE_PATH);

    // Every element rendered its data (nothing blocked its rendering or its styles).
    await page.locator('billing-overview:not([service-id]) [part~="overdue-alert"]').waitFor();
    const banner = page.locator('billing-overview[service-id] [part~="service-banner"]');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('data-state'), atRisk.state);
    const balance = page.locator('wallet-balance [part~="balance"]');
    await balance.waitFor();
    assert.equal((await balance.textContent()).trim(), money(summary.wallet.balance));
    const rows = page.locator('invoice-list [part~="row"]');
    await rows.first().waitFor();
    assert.equal(await rows.count(), invoices.data.length);
    const standalone = page.locator('#standalone-top-up [part~="button"]');
    await page.waitForFunction((button) => button.getAttribute('aria-disabled') !== 'true' && !button.disabled, await standalone.elementHandle());
    // The script loaded each element's file from beside itself under script-src 'self'.
    for (const element of ['billing-overview', 'invoice-detail', 'invoice-list', 'top-up-button', 'wallet-balance']) {
      assert.ok(files.has(`${CSP_PAGE_PATH}billing-widgets.${element}.js`), `${element}'s file: ${[...files].join(', ')}`);
    }
    // The elements' styles (adopted style sheets) apply under style-src 'self' without 'unsafe-inline'.
    const collapse = await page.locator('invoice-list table').evaluate((table) => getComputedStyle(table).borderCollapse);
    assert.equal(collapse, 'collapse');

    // Open an invoice from the list (the page routes itself).
    const first = invoices.data[0];
    await page.locator(`invoice-list [part~="row"][data-invoice-id="${first.id}"] [part~="invoice-link"]`).click();
    await page.locator('invoice-detail [part~="title"]', { hasText: first.number }).waitFor();
    await page.locator('invoice-detail [part~="lines-table"] tbody tr').first().waitFor();

    // Top up 25.00 with the card: the dialog, the quote, the checkout page, back, polling, done.
    await standalone.click();
    const dialog = page.locator('#standalone-top-up dialog');
    await dialog.locator('[part~="preset"][data-amount="2500"]').click();
    await dialog.locator('[part~="method"]', { hasText: card.label }).locator('input').check();
    await dialog.locator('[part~="quote"][aria-busy="false"]').waitFor();
    assert.deepEqual(await violations(page), [], 'no violation before leaving for the checkout');
    await dialog.locator('[part~="confirm-button"]').click();
    await page.waitForURL((url) => url.pathname.startsWith(`${API_BASE_PATH}/_checkout/`));
    await page.locator('button.approve').click();
    await page.waitForURL((url) => url.pathname === CSP_PAGE_PATH);

    const result = page.locator('top-up-button [part~="result"]');
    await result.waitFor({ timeout: 20_000 });
    assert.equal(await result.getAttribute('data-outcome'), 'succeeded');
    const wallet = await api('/wallet');
    assert.equal(wallet.balance.amount, summary.wallet.balance.amount + 2500);
    await page.waitForFunction(
      ([element, expected]) => element.shadowRoot.querySelector('[part~="balance"]')?.textContent.trim() === expected,
      [await page.locator('wallet-balance').elementHandle(), money(wallet.balance)],
    );
    assert.equal(new URL(page.url()).search, '', 'the return parameter was taken off the address');

    assert.deepEqual(await violations(page), [], 'no CSP or Trusted Types violation on either visit');
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
