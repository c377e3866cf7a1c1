// The demo pages as a customer uses them (`npm start`): the dashboard's billing page, the
// invoice page, a VPS service page, and the scenario, language and theme switchers. The
// expected values come from the reference API itself, never from copies in this file.
/* global document, getComputedStyle -- only inside page.evaluate and waitForFunction callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { API_BASE_PATH, startDemo } from './harness.js';

/** What the widgets should show for an amount, formatted the way `Intl` does in English. */
function money({ amount, currency }) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** format.resolvedOptions().maximumFractionDigits);
}

/**
 * Console errors, uncaught exceptions, failed requests and HTTP errors on a page. Requests
 * aborted on purpose (a navigation, or an element cancelling a load it no longer needs)
 * report `net::ERR_ABORTED` and are not failures.
 */
function watchProblems(page) {
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    if (reason !== 'net::ERR_ABORTED') problems.push(`requestfailed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return problems;
}

describe('demo pages', () => {
  let app;
  let page;
  let problems;

  async function api(path) {
    const response = await fetch(`${app.baseUrl}${API_BASE_PATH}${path}`);
    assert.equal(response.status, 200, `GET ${path}`);
    return response.json();
  }

  /** Waits until the overview has rendered data (not its skeleton). */
  async function overviewReady() {
    await page.locator('billing-overview [part~="header"]').waitFor();
  }

  before(async () => {
    app = await startDemo({ scenario: 'overdue' });
    // Vite optimises the pages' dependencies on the first visit and may reload the page
    // while doing so: visit every page once before the watched page exists.
    const { page: warmUp } = await app.newPage();
    for (const path of ['/', '/invoice.html', '/service.html?id=srv_vps_fra1', '/api.html']) {
      await warmUp.goto(path);
      await warmUp.waitForLoadState('networkidle');
    }
    await warmUp.context().close();
    ({ page } = await app.newPage());
    problems = watchProblems(page);
  });

  afterEach(() => {
    // Every test leaves the page without a console error or a failed request.
    assert.deepEqual(problems.splice(0), []);
  });

  after(async () => {
    await app?.stop();
  });

  it('shows the overdue alert, the wallet and the invoices on the dashboard, with the session cookie', async () => {
    await app.reset('overdue');
    const summary = await api('/summary');
    const invoices = await api('/invoices');
    assert.ok(summary.overdue.count > 0, 'the overdue scenario has an overdue invoice');

    const summaryRequest = page.waitForRequest((request) => new URL(request.url()).pathname === `${API_BASE_PATH}/summary`);
    await page.goto('/');
    assert.match(await (await summaryRequest).headerValue('cookie'), /(^|;\s*)perlod_session=demo-session(;|$)/);

    const alert = page.locator('billing-overview [part~="overdue-alert"]');
    await alert.waitFor();
    assert.ok((await alert.textContent()).includes(money(summary.overdue.total)), 'the alert names the overdue total');

    const balance = page.locator('wallet-balance [part~="balance"]');
    await balance.waitFor();
    assert.equal((await balance.textContent()).trim(), money(summary.wallet.balance));

    const links = page.locator('invoice-list [part~="row"] [part~="invoice-link"]');
    await links.first().waitFor();
    const shown = (await links.allTextContents()).map((text) => text.trim());
    assert.deepEqual(shown.toSorted(), invoices.data.map((invoice) => invoice.number).toSorted());

    // A link to each service the account has, the at-risk one marked.
    for (const { service } of summary.services_at_risk) {
      const item = page.locator(`#services li[data-service-id="${service.id}"]`);
      await item.waitFor();
      assert.equal(await item.locator('a').getAttribute('href'), `/service.html?id=${encodeURIComponent(service.id)}`);
      assert.equal((await item.locator('a').textContent()).trim(), service.name);
      assert.equal(await item.locator('.tag').count(), 1);
    }
    for (const invoice of invoices.data) {
      if (invoice.service) assert.equal(await page.locator(`#services li[data-service-id="${invoice.service.id}"]`).count(), 1);
    }
  });

  it('opens an invoice from its number in the list, with its line items', async () => {
    await page.goto('/');
    const link = page.locator('invoice-list [part~="row"] [part~="invoice-link"]').first();
    await link.waitFor();
    const number = (await link.textContent()).trim();

    await link.click();
    await page.waitForURL(/\/invoice\.html\?id=/);
    const id = new URL(page.url()).searchParams.get('id');
    const invoice = await api(`/invoices/${encodeURIComponent(id)}`);
    assert.equal(invoice.number, number);

    const title = page.locator('invoice-detail [part~="title"]');
    await title.waitFor();
    assert.ok((await title.textContent()).includes(number));
    const rows = page.locator('invoice-detail [part~="lines-table"] tbody tr');
    assert.equal(await rows.count(), invoice.lines.length);
    for (const [index, line] of invoice.lines.entries()) {
      assert.ok((await rows.nth(index).textContent()).includes(line.description), `line ${index + 1}`);
      assert.ok((await rows.nth(index).textContent()).includes(money(line.amount)), `line ${index + 1} amount`);
    }
    await page.waitForFunction((expected) => document.title.startsWith(expected), number);

    await page.locator('.breadcrumb a').click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it("shows the at-risk VPS's suspension date in the service-mode banner", async () => {
    const summary = await api('/summary');
    const atRisk = summary.services_at_risk.find((impact) => impact.state === 'at_risk');
    assert.ok(atRisk?.suspend_on, 'the overdue scenario has a service at risk with a suspension date');
    const { data: serviceInvoices } = await api(`/invoices?service_id=${encodeURIComponent(atRisk.service.id)}`);

    await page.goto('/');
    await page.locator(`#services li[data-service-id="${atRisk.service.id}"] a`).click();
    await page.waitForURL(/\/service\.html\?id=/);
    assert.equal(new URL(page.url()).searchParams.get('id'), atRisk.service.id);

    const banner = page.locator('billing-overview[service-id] [part~="service-banner"]');
    await banner.waitFor();
    assert.equal(await banner.locator('[part~="banner-message"] time').getAttribute('datetime'), atRisk.suspend_on);
    await page.locator('#service-name').filter({ hasText: atRisk.service.name }).waitFor();

    const links = page.locator('invoice-list[service-id] [part~="row"] [part~="invoice-link"]');
    await links.first().waitFor();
    assert.deepEqual(
      (await links.allTextContents()).map((text) => text.trim()).toSorted(),
      serviceInvoices.map((invoice) => invoice.number).toSorted(),
    );
  });

  it('switches the scenario to healthy through the switcher, staying on the page', async () => {
    await app.reset('overdue');
    await page.goto('/');
    await page.locator('billing-overview [part~="overdue-alert"]').waitFor();

    const reloaded = page.waitForEvent('load');
    await page.locator('#scenario').selectOption('healthy');
    await reloaded;

    assert.equal(new URL(page.url()).pathname, '/');
    await page.locator('billing-overview [part~="all-paid"]').waitFor();
    assert.match(await page.locator('billing-overview [part~="all-paid"]').textContent(), /all paid up/i);
    assert.equal(await page.locator('billing-overview [part~="overdue-alert"]').count(), 0);
    assert.equal(await page.locator('#scenario').inputValue(), 'healthy');
    assert.equal((await api('/summary')).overdue.count, 0);
  });

  it('switches the locale to Persian: right to left, Persian text, kept across pages', async () => {
    await page.goto('/');
    await overviewReady();
    const persian = /[\u0600-\u06FF]/;

    await page.locator('#locale').selectOption('fa');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'fa');
    assert.equal(await page.locator('billing-provider').getAttribute('locale'), 'fa');
    await page.locator('billing-overview[dir="rtl"]').waitFor();
    await page.waitForFunction(
      (pattern) =>
        new RegExp(pattern).test(document.querySelector('billing-overview')?.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? ''),
      persian.source,
    );
    assert.match(await page.locator('.page-title').textContent(), persian);
    assert.match(await page.locator('wallet-balance [part~="title"]').textContent(), persian);

    // The choice follows the customer to the next page.
    await page.goto('/invoice.html');
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    await page.locator('invoice-detail[dir="rtl"] [part~="not-found"]').waitFor();
    assert.match(await page.locator('invoice-detail [part~="not-found"]').textContent(), persian);

    await page.locator('#locale').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await page.locator('invoice-detail[dir="ltr"]').waitFor();
  });

  it('switches the theme: dark and light force the widgets, auto follows the system', async () => {
    await page.goto('/');
    const wallet = page.locator('wallet-balance');
    await wallet.locator('[part~="balance"]').waitFor();
    const background = () => wallet.evaluate((element) => getComputedStyle(element).backgroundColor);
    // The browser context prefers light.
    const light = await background();

    await page.locator('#theme').selectOption('dark');
    assert.equal(await page.locator('billing-provider').getAttribute('theme'), 'dark');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    const dark = await background();
    assert.notEqual(dark, light);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');

    await page.reload();
    await wallet.locator('[part~="balance"]').waitFor();
    assert.equal(await background(), dark, 'the choice survives a reload');

    await page.locator('#theme').selectOption('auto');
    assert.equal(await page.locator('billing-provider').getAttribute('theme'), null);
    assert.equal(await background(), light);
  });

  it('shows the invoice element\'s "not found" for an unknown or missing id', async () => {
    await page.goto('/invoice.html');
    await page.locator('invoice-detail [part~="not-found"]').waitFor();
    assert.deepEqual(problems.splice(0), [], 'no id: no request and no error');

    await page.goto('/invoice.html?id=inv_does_not_exist');
    await page.locator('invoice-detail [part~="not-found"]').waitFor();
    // The API's 404 is the expected answer (the browser logs it as a failed resource).
    const expected = problems.splice(0);
    assert.ok(expected.length > 0);
    for (const problem of expected) {
      assert.match(problem, /^HTTP 404: GET .*\/invoices\/inv_does_not_exist$|^console: Failed to load resource: .*404/);
    }
  });

  it('says an unknown service is not found, with no retry and no "no invoices" list below', async () => {
    await page.goto('/service.html?id=srv_does_not_exist');
    await page.locator('billing-overview [part~="not-found"]').waitFor();
    await page.waitForFunction(() => !document.querySelector('.service-invoices'));
    assert.equal(await page.locator('billing-overview [part~="retry-button"]').count(), 0, 'a 404 will not change by retrying');
    assert.equal(await page.locator('invoice-list').count(), 0);
    assert.match(await page.locator('#service-name').textContent(), /not found|could not find/i);
    // The API's 404 is the expected answer (the browser logs it as a failed resource).
    for (const problem of problems.splice(0)) {
      assert.match(problem, /404/);
    }
  });

  it('renders the API reference from the document the server generates, with no request elsewhere', async () => {
    const elsewhere = [];
    const onRequest = (request) => {
      if (!request.url().startsWith(app.baseUrl) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    };
    page.on('request', onRequest);
    await page.goto('/api-docs.html');
    await page.getByRole('heading', { name: 'PerLod billing API' }).first().waitFor();
    await page.getByText('Account billing summary').first().waitFor();
    page.off('request', onRequest);
    assert.deepEqual(elsewhere, [], 'the docs page talks to nothing but this server');
    assert.deepEqual(problems.splice(0), []);
  });

  it('shows why there is no billing banner on a service page without an id', async () => {
    await page.goto('/service.html');
    await page.locator('.notice').waitFor();
    assert.equal(await page.locator('billing-overview').count(), 0);
    assert.match(await page.locator('#service-name').textContent(), /no service/i);
  });
});
