// The third-party portal demo (`npm start` serves it on PORT+1): a page on another origin that
// loads nothing of ours but the script-tag file, talks to the billing API across origins with
// a short-lived session token its own server minted, and refreshes it through getToken. Also:
// the classic-script build with configureBilling(), two copies of the library on one page, an
// origin the API does not allow, and what the portal sees when a session expires.
/* global document, window, customElements -- only inside page callbacks, which run in the browser */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SESSION_TTL_MS } from '../../demo/server/portal-server.js';
import { API_BASE_PATH, startDemo } from './harness.js';

const DATA_ELEMENTS = ['billing-overview', 'wallet-balance', 'invoice-list'];

function money({ amount, currency }) {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency });
  return format.format(amount / 10 ** format.resolvedOptions().maximumFractionDigits);
}

describe('third-party portal (script tag, another origin, session tokens)', () => {
  let app;
  let portalUrl;
  let apiOrigin;

  async function api(path, init) {
    const response = await fetch(`${app.baseUrl}${API_BASE_PATH}${path}`, init);
    assert.ok(response.ok, `${init?.method ?? 'GET'} ${path}: HTTP ${response.status}`);
    return response.status === 204 ? undefined : response.json();
  }

  /** Moves the API's clock past the lifetime of every token minted so far. */
  const expireTokens = () =>
    api('/_control/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: SESSION_TTL_MS + 60_000 }),
    });

  /**
   * A page in a fresh browser context (no cookies) that records the billing-error events, the
   * API requests with their bearer token and status, and every uncaught error.
   */
  async function portalPage() {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors = [];
    const consoleErrors = [];
    const apiCalls = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('response', async (response) => {
      const request = response.request();
      if (!request.url().startsWith(`${apiOrigin}${API_BASE_PATH}/`) || request.method() === 'OPTIONS') return;
      apiCalls.push({
        path: new URL(request.url()).pathname.slice(API_BASE_PATH.length),
        status: response.status(),
        authorization: await request.headerValue('authorization'),
        cookie: await request.headerValue('cookie'),
        allowOrigin: await response.headerValue('access-control-allow-origin'),
      });
    });
    await page.addInitScript(() => {
      window.__billingErrors = [];
      document.addEventListener('billing-error', (event) => window.__billingErrors.push(event.detail));
    });
    return { page, errors, consoleErrors, apiCalls };
  }

  const billingErrors = (page) => page.evaluate(() => window.__billingErrors);

  before(async () => {
    app = await startDemo({ scenario: 'overdue' });
    portalUrl = app.serverOutput().match(/Third-party portal demo: (\S+)/)?.[1];
    assert.ok(portalUrl, `the demo server prints the portal's address:\n${app.serverOutput()}`);
    apiOrigin = new URL(app.baseUrl).origin;
    assert.notEqual(new URL(portalUrl).origin, apiOrigin, 'the portal is on another origin than the API');
    // The first request builds the script-tag files; do it before any timed wait.
    const warmUp = await fetch(new URL('/billing-widgets.js', portalUrl));
    assert.equal(warmUp.status, 200);
    await warmUp.arrayBuffer();
    // Fail fast, with the reason, when the built file does not register the elements.
    const { page } = await portalPage();
    await page.goto(portalUrl);
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

  it('renders every widget from the script-tag file alone, with a bearer token across origins', async () => {
    const summary = await api('/summary');
    const invoices = await api('/invoices');
    const { page, errors, apiCalls } = await portalPage();
    const scripts = [];
    page.on('request', (request) => {
      // Scripts, and the element files the page preloads (whatever type a modulepreload gets).
      if (request.resourceType() === 'script' || new URL(request.url()).pathname.endsWith('.js')) scripts.push(request.url());
    });
    await page.goto(portalUrl);

    const balance = page.locator('wallet-balance [part~="balance"]');
    await balance.waitFor();
    assert.equal((await balance.textContent()).trim(), money(summary.wallet.balance));
    await page.locator('billing-overview [part~="overdue-alert"]').waitFor();
    const numbers = page.locator('invoice-list [part~="row"] [part~="invoice-link"]');
    await numbers.first().waitFor();
    assert.deepEqual((await numbers.allTextContents()).map((text) => text.trim()).toSorted(), invoices.data.map((i) => i.number).toSorted());

    // Nothing of ours but the script and the files of the elements on the page (and the portal's
    // own script): no catalog for English, no invoice before one is chosen, no dialog before a click.
    const pageFiles = [
      '/billing-widgets.billing-overview.js',
      '/billing-widgets.invoice-list.js',
      '/billing-widgets.js',
      '/billing-widgets.top-up-button.js',
      // What the overview and the list share, asked for with their files.
      '/billing-widgets.views.js',
      '/billing-widgets.wallet-balance.js',
      '/portal.js',
    ];
    assert.deepEqual([...new Set(scripts.map((url) => new URL(url).pathname))].toSorted(), pageFiles);
    assert.ok(scripts.every((url) => new URL(url).origin === new URL(portalUrl).origin));

    // Every API call went to the other origin with the rendered token, and was allowed by CORS for this origin.
    const token = await page.locator('billing-provider').getAttribute('session-token');
    assert.match(token, /^plt_test_\d+$/);
    assert.ok(apiCalls.length >= 4, `API calls: ${JSON.stringify(apiCalls)}`);
    for (const call of apiCalls) {
      assert.equal(call.status, 200, call.path);
      assert.equal(call.authorization, `Bearer ${token}`, call.path);
      assert.equal(call.cookie, null, 'no first-party cookie is involved');
      assert.equal(call.allowOrigin, new URL(portalUrl).origin, call.path);
    }

    // The portal routes itself: choosing an invoice opens it next to the list, in an
    // <invoice-detail> the portal creates then, whose code the script loads when it appears.
    const first = invoices.data[0];
    assert.equal(await page.evaluate(() => customElements.get('invoice-detail')), undefined, 'no invoice code before an invoice is chosen');
    // A host waiting for the element before it exists is answered once the element appears and its code arrives.
    await page.evaluate(() => {
      window.__detailDefined = customElements.whenDefined('invoice-detail').then(() => true);
    });
    await page.locator(`invoice-list [part~="row"][data-invoice-id="${first.id}"] [part~="invoice-link"]`).click();
    await page.locator('invoice-detail [part~="title"]', { hasText: first.number }).waitFor();
    assert.deepEqual([...new Set(scripts.map((url) => new URL(url).pathname))].toSorted(), [...pageFiles, '/billing-widgets.invoice-detail.js'].toSorted());
    assert.equal(await page.evaluate(() => window.__detailDefined), true);
    assert.match(await page.locator('#event-log li[data-type="billing-invoice-select"]').first().textContent(), new RegExp(first.id));
    assert.deepEqual(await billingErrors(page), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('recovers by itself when the token expires mid-session: getToken mints one new token', async () => {
    const { page, errors, apiCalls } = await portalPage();
    const mints = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/billing-session') mints.push(request.method());
    });
    await page.goto(portalUrl);
    await page.locator('wallet-balance [part~="balance"]').waitFor();
    await page.locator('invoice-list [part~="row"]').first().waitFor();
    const firstToken = apiCalls[0].authorization;
    assert.equal(mints.length, 0, 'the first token came with the page');

    await expireTokens();
    const before = apiCalls.length;
    await page.locator('billing-overview [part~="refresh-button"]').click();
    // The overview announces the end of its refresh: "Updated", or "Could not refresh".
    const announcement = page.locator('billing-overview [part~="live-region"]');
    await page.waitForFunction((region) => region.textContent.trim() !== '', await announcement.elementHandle());
    assert.equal((await announcement.textContent()).trim(), 'Updated');

    const afterRefresh = apiCalls.slice(before);
    const rejected = afterRefresh.filter((call) => call.status === 401);
    const accepted = afterRefresh.filter((call) => call.status === 200);
    assert.ok(rejected.length > 0, 'the expired token was refused');
    assert.ok(rejected.every((call) => call.authorization === firstToken));
    assert.ok(accepted.length > 0 && accepted.every((call) => call.authorization !== firstToken && /^Bearer plt_test_\d+$/.test(call.authorization)));
    assert.equal(new Set(accepted.map((call) => call.authorization)).size, 1, 'one new token for all requests');
    assert.deepEqual(mints, ['POST'], 'the portal server was asked once');

    // No error state, no stale notice, no billing-error: the customer saw nothing.
    for (const tag of DATA_ELEMENTS) {
      assert.equal(await page.locator(`${tag} [part~="error"], ${tag} [part~="stale-notice"]`).count(), 0, tag);
    }
    assert.deepEqual(await billingErrors(page), []);
    assert.ok(await page.locator('#session-notice').isHidden());
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('without getToken, an expired token shows "session expired" and fires billing-error unauthorized; the portal renews it', async () => {
    const { page, errors } = await portalPage();
    // The portal's server rendered a token that has already expired.
    await page.goto(new URL('/?auth=fixed&session_ttl=0', portalUrl).href);

    for (const tag of DATA_ELEMENTS) {
      const panel = page.locator(`${tag} [part~="error"][data-code="unauthorized"]`).first();
      await panel.waitFor();
      assert.match(await panel.textContent(), /Your session has expired\./, tag);
    }
    const reported = await billingErrors(page);
    assert.ok(reported.length >= DATA_ELEMENTS.length);
    assert.ok(reported.every((detail) => detail.code === 'unauthorized'), JSON.stringify(reported));
    for (const tag of DATA_ELEMENTS) assert.ok(reported.some((detail) => detail.element === tag), `billing-error from <${tag}>`);

    // The portal acts on the event: it offers to renew, and a new token brings the widgets back.
    const expired = await page.locator('billing-provider').getAttribute('session-token');
    await page.locator('#session-notice').waitFor();
    await page.locator('#renew-session').click();
    await page.locator('wallet-balance [part~="balance"]').waitFor();
    await page.locator('invoice-list [part~="row"]').first().waitFor();
    await page.locator('billing-overview [part~="overdue-alert"]').waitFor();
    assert.notEqual(await page.locator('billing-provider').getAttribute('session-token'), expired);
    assert.ok(await page.locator('#session-notice').isHidden());
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('without getToken, a token that expires mid-session keeps the data, marks it, and fires billing-error unauthorized', async () => {
    const { page, errors } = await portalPage();
    await page.goto(new URL('/?auth=fixed', portalUrl).href);
    await page.locator('wallet-balance [part~="balance"]').waitFor();
    await page.locator('billing-overview [part~="overdue-alert"]').waitFor();

    await expireTokens();
    await page.locator('billing-overview [part~="refresh-button"]').click();
    const notice = page.locator('billing-overview [part~="stale-notice"][data-code="unauthorized"]').first();
    await notice.waitFor();
    await page.locator('#session-notice').waitFor();
    const reported = await billingErrors(page);
    assert.ok(reported.length > 0 && reported.every((detail) => detail.code === 'unauthorized'), JSON.stringify(reported));
    assert.ok(reported.some((detail) => detail.element === 'billing-overview'));
    // The last known data stays on screen.
    await page.locator('billing-overview [part~="overdue-alert"]').waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('on an origin the API does not allow, shows "could not reach the billing service" and fires billing-error network', async () => {
    const { page, errors, consoleErrors } = await portalPage();
    // The same portal, opened as localhost: a different origin from the allowed 127.0.0.1 one.
    const other = new URL(portalUrl);
    other.hostname = 'localhost';
    await page.goto(other.href);

    const panel = page.locator('wallet-balance [part~="error"][data-code="network"]');
    await panel.waitFor({ timeout: 20_000 });
    assert.match(await panel.textContent(), /Could not reach the billing service\./);
    await page.waitForFunction(() => window.__billingErrors.some((detail) => detail.element === 'wallet-balance'), null, { timeout: 20_000 });
    const reported = await billingErrors(page);
    const wallet = reported.find((detail) => detail.element === 'wallet-balance');
    assert.equal(wallet.code, 'network');
    assert.match(wallet.message, /could not reach the billing API/);
    // The browser, not the widget, blocked the response.
    assert.ok(consoleErrors.some((text) => /CORS/.test(text)), consoleErrors.join('\n'));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('loads German from beside the script the first time it is needed, and shows no English on the way', async () => {
    const { page, errors } = await portalPage();
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(portalUrl);
    await page.locator('wallet-balance [part~="balance"]').waitFor();
    assert.ok(!scripts.includes('/billing-widgets.de.js'));
    const title = page.locator('wallet-balance [part~="title"]');
    assert.equal((await title.textContent()).trim(), 'Wallet');

    // The visitor switches to German: the provider's locale changes, the messages load once.
    await page.locator('billing-provider').evaluate((provider) => provider.setAttribute('locale', 'de'));
    await page.waitForFunction(() => document.querySelector('wallet-balance')?.getAttribute('lang') === 'de');
    await page.locator('wallet-balance [part~="title"]', { hasText: 'Guthaben' }).waitFor();
    await page.locator('invoice-list [part~="row"] [part~="status-badge"]').first().waitFor();
    const badges = await page.locator('invoice-list [part~="status-badge"]').allTextContents();
    assert.ok(badges.some((text) => /Überfällig|Offen|Bezahlt/.test(text)), badges.join(', '));
    assert.equal(scripts.filter((path) => path === '/billing-widgets.de.js').length, 1);
    assert.ok(!scripts.includes('/billing-widgets.fa.js'));
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('loads the pay dialog from beside the script on first use; a load that failed is tried again', async () => {
    const { page, errors } = await portalPage();
    const scripts = [];
    const warnings = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    // The money file cannot be reached until the visitor's connection is back.
    let online = false;
    await page.route('**/billing-widgets.money.js', (route) => (online ? route.continue() : route.abort('internetdisconnected')));
    await page.goto(portalUrl);
    await page.locator('billing-overview [part~="pay-button"]').first().waitFor();
    assert.ok(!scripts.includes('/billing-widgets.money.js'), 'a page that shows billing does not load the money dialogs');
    assert.ok(!scripts.includes('/billing-widgets.support-panel.js'));

    await page.locator('billing-overview [part~="pay-button"]').first().click();
    const dialog = page.locator('billing-overview dialog');
    await dialog.locator('[part~="error"]', { hasText: 'The payment form could not load. Nothing was charged.' }).waitFor();
    assert.equal(await dialog.getAttribute('data-step'), 'load-failed');

    online = true;
    await dialog.locator('[part~="retry-button"]').click();
    await page.locator('billing-overview dialog[data-step="choosing"] [part~="pay-method"]').first().waitFor();
    assert.ok(scripts.filter((path) => path === '/billing-widgets.money.js').length >= 2, 'the load was tried again');
    assert.equal(scripts.filter((path) => path === '/billing-widgets.js').length, 1, 'the money file shares the script, not a second copy');
    assert.ok(!warnings.some((text) => text.includes('query string')), 'a script loaded by its plain name does not warn');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('warns when the script is loaded with a query string, which the files beside it would not share', async () => {
    const { page } = await portalPage();
    // The portal's page with a version query on the script (a page served through a route loses
    // its access to the local API, so only the script's own start is looked at).
    await page.route(portalUrl, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('src="/billing-widgets.js"', 'src="/billing-widgets.js?v=2"');
      await route.fulfill({ response, body: html });
    });
    const warned = page.waitForEvent('console', {
      predicate: (message) => message.type() === 'warning' && message.text().includes('load billing-widgets.js without a query string'),
      timeout: 15_000,
    });
    await page.goto(portalUrl);
    await warned;
    await page.context().close();
  });

  it('configures widgets spread over the page with one configureBilling() call from the classic-script build', async () => {
    const summary = await api('/summary');
    const { page, errors, apiCalls } = await portalPage();
    await page.goto(new URL('/spread.html', portalUrl).href);

    const balance = page.locator('header wallet-balance [part~="balance"]');
    await balance.waitFor();
    assert.equal((await balance.textContent()).trim(), money(summary.wallet.balance));
    await page.locator('main billing-overview [part~="overdue-alert"]').waitFor();
    await page.locator('main invoice-list [part~="row"]').first().waitFor();
    assert.equal(await page.evaluate(() => typeof window.PerLodBilling.configureBilling), 'function');
    assert.equal(await page.locator('billing-provider').count(), 0);
    assert.ok(apiCalls.length > 0 && apiCalls.every((call) => call.status === 200 && /^Bearer plt_test_\d+$/.test(call.authorization)));
    assert.deepEqual(await billingErrors(page), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('the classic-script build loads Persian from beside itself too, right to left', async () => {
    const { page, errors } = await portalPage();
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // The same page, served in Persian: configureBilling() takes the page's lang.
    await page.route('**/spread.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="fa">') });
    });
    await page.goto(new URL('/spread.html', portalUrl).href);
    await page.locator('header wallet-balance [part~="title"]', { hasText: 'کیف پول' }).waitFor();
    assert.equal(await page.locator('header wallet-balance').getAttribute('dir'), 'rtl');
    assert.deepEqual(scripts.filter((path) => path.startsWith('/billing-widgets')).toSorted(), ['/billing-widgets.fa.js', '/billing-widgets.iife.js']);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('two copies of the library on one page (IIFE and ES module) warn instead of throwing and share the context', async () => {
    const { page, errors } = await portalPage();
    const warnings = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    const files = [];
    page.on('request', (request) => files.push(new URL(request.url()).pathname));
    await page.goto(new URL('/two-copies.html', portalUrl).href);

    // Provider of one copy, elements of the other, both ways round.
    await page.locator('#old-wallet [part~="balance"]').waitFor();
    await page.locator('#newer-list [part~="row"]').first().waitFor();
    await page.locator('#old-list [part~="row"]').first().waitFor();

    const copies = await page.evaluate(() => {
      const oldCopy = window.PerLodBilling;
      return {
        firstDefinitionKept: customElements.get('invoice-list') === oldCopy.InvoiceList && customElements.get('billing-provider') === oldCopy.BillingProvider,
        newerListIsOtherCopy: !(document.getElementById('newer-list') instanceof oldCopy.InvoiceList),
        newerProviderIsOtherCopy: !(document.getElementById('newer-provider') instanceof oldCopy.BillingProvider),
        newerListClient: document.getElementById('newer-list').billingClient === document.getElementById('old-provider').activeClient,
        oldListClient: document.getElementById('old-list').billingClient === document.getElementById('newer-provider').activeClient,
      };
    });
    assert.deepEqual(copies, {
      firstDefinitionKept: true,
      newerListIsOtherCopy: true,
      newerProviderIsOtherCopy: true,
      newerListClient: true,
      oldListClient: true,
    });
    // The second copy's defines warned, once per element it ran, and nothing threw: the provider
    // (in its script) and the list (whose file two-copies.js imports). Its script loaded no
    // other element's file: the first copy had defined every tag on the page.
    for (const tag of ['billing-provider', 'invoice-list']) {
      assert.equal(warnings.filter((text) => text.includes(`<${tag}> is already defined by another class`)).length, 1, `one warning for <${tag}>:\n${warnings.join('\n')}`);
    }
    for (const tag of ['billing-overview', 'invoice-detail', 'wallet-balance', 'top-up-button']) {
      assert.ok(!warnings.some((text) => text.includes(`<${tag}>`)), `no second definition of <${tag}>:\n${warnings.join('\n')}`);
    }
    assert.deepEqual(
      files.filter((path) => path.startsWith('/billing-widgets')).toSorted(),
      ['/billing-widgets.iife.js', '/billing-widgets.invoice-list.js', '/billing-widgets.js', '/billing-widgets.views.js'],
      'no file for the <wallet-balance> the first copy defined',
    );
    assert.deepEqual(await billingErrors(page), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('a host that does not serve billing-widgets.views.js: the wallet still shows, and the console names the missing file for each invoice view', async () => {
    const { page, errors } = await portalPage();
    await page.route('**/billing-widgets.views.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const warned = ['billing-overview', 'invoice-list'].map((tag) =>
      page.waitForEvent('console', {
        predicate: (message) =>
          message.type() === 'warning' &&
          message.text().includes(`the code of <${tag}> could not be loaded; host billing-widgets.${tag}.js and billing-widgets.views.js beside billing-widgets.js`),
      }),
    );
    await page.goto(portalUrl);
    await Promise.all(warned);
    const summary = await api('/summary');
    const balance = page.locator('wallet-balance [part~="balance"]');
    await balance.waitFor();
    assert.equal((await balance.textContent()).trim(), money(summary.wallet.balance));
    // Their files failed for the file they import: neither is defined.
    assert.deepEqual(await page.evaluate(() => ['billing-overview', 'invoice-list'].filter((tag) => customElements.get(tag))), []);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
