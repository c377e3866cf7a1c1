// The demo's debug page against the demo server: it shows the reference API's raw state,
// is linked from every page's footer, and its scenario switcher resets that state through
// the control endpoint without leaving the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startDemo } from './harness.js';

/** The summary the page rendered, once it has rendered one. */
async function renderedSummary(page) {
  const summary = page.locator('#summary[data-state="ready"]');
  await summary.waitFor();
  return JSON.parse(await summary.textContent());
}

describe('demo API state page', () => {
  let app;
  before(async () => {
    app = await startDemo({ scenario: 'overdue' });
  });
  after(async () => {
    await app?.stop();
  });

  it('shows the API summary and switches scenario through the switcher', async () => {
    const { page, errors } = await app.newPage();
    await page.goto('/');
    await page.locator('.site-footer a[href="/api.html"]').click();
    await page.waitForURL((url) => url.pathname === '/api.html');
    assert.equal(await page.title(), 'API state · PerLod Dash');

    const overdue = await renderedSummary(page);
    assert.ok(overdue.overdue.count > 0, 'the overdue scenario has an overdue invoice');
    assert.equal(await page.locator('#scenario').inputValue(), 'overdue');

    const reloaded = page.waitForEvent('load');
    await page.locator('#scenario').selectOption('healthy');
    await reloaded;

    assert.equal(new URL(page.url()).pathname, '/api.html', 'the switch keeps the page');
    const healthy = await renderedSummary(page);
    assert.equal(healthy.overdue.count, 0);
    assert.equal(healthy.unpaid.count, 0);
    assert.equal(await page.locator('#scenario').inputValue(), 'healthy');
    assert.deepEqual(errors, []);
  });
});
