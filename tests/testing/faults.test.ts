import { expect } from '@open-wc/testing';
import { Invoice, InvoicePage, PayResult, Summary, Wallet } from '../../src/api/schemas.js';
import { API_BASE_PATH, createReferenceApi, matchesRoute } from '../../src/testing/index.js';
import { call, expectAuditClean, fails, ok } from './helpers.js';

describe('reference API: fault injection', () => {
  it('matches by method and path, `*` standing for one segment or everything', () => {
    expect(matchesRoute('GET /summary', 'GET', '/summary')).to.equal(true);
    expect(matchesRoute('GET /summary', 'POST', '/summary')).to.equal(false);
    expect(matchesRoute('POST /invoices/*/payments', 'POST', '/invoices/inv_1/payments')).to.equal(true);
    expect(matchesRoute('GET /invoices/*', 'GET', '/invoices')).to.equal(false);
    expect(matchesRoute('GET *', 'GET', '/wallet/top-ups/tu_1')).to.equal(true);
    expect(matchesRoute('*', 'POST', '/wallet/top-ups')).to.equal(true);
  });

  it('latency delays the response, and an abort during it rejects like fetch', async () => {
    const api = createReferenceApi();
    api.inject({ match: 'GET /summary', type: 'latency', ms: 120 });
    const started = performance.now();
    await ok(api, Summary, 'GET', '/summary');
    expect(performance.now() - started).to.be.at.least(110);
    const quick = performance.now();
    await ok(api, Summary, 'GET', '/summary');
    expect(performance.now() - quick, 'used up after one request').to.be.below(100);

    api.inject({ match: 'GET /wallet', type: 'latency', ms: 5_000 });
    const controller = new AbortController();
    const pending = api.fetch(`${API_BASE_PATH}/wallet`, { signal: controller.signal });
    controller.abort();
    const error = await pending.then(() => undefined, (e: unknown) => e);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('status answers with a problem and Retry-After for `times` requests, without running the endpoint', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    api.inject({ match: 'POST /invoices/*/payments', type: 'status', status: 503, retryAfter: 2, times: 2 });
    const body = { method_id: 'pm_wallet', apply_wallet: false };
    for (let i = 0; i < 2; i++) {
      await fails(api, 503, 'server_error', 'POST', '/invoices/inv_1201/payments', { body, key: 'retry-me' });
    }
    const throttled = await call(api, 'POST', '/invoices/inv_1201/payments', { body, key: 'retry-me' });
    expect(throttled.status).to.equal(201);
    expect(throttled.headers.get('Idempotent-Replayed'), 'the failed attempts were not committed').to.equal(null);
    expectAuditClean(api);

    api.inject({ match: 'GET /invoices', type: 'status', status: 429, retryAfter: 3 });
    const limited = await call(api, 'GET', '/invoices');
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('Retry-After')).to.equal('3');
    expect((limited.body as { code: string }).code).to.equal('rate_limited');
    api.inject({ match: 'GET /wallet', type: 'status', status: 500, code: 'server_error' });
    await fails(api, 500, 'server_error', 'GET', '/wallet');
    api.inject({ match: '*', type: 'status', status: 404 });
    await fails(api, 404, 'not_found', 'GET', '/summary');
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const api = createReferenceApi();
    api.inject({ match: 'GET /invoices', type: 'malformed' });
    const response = await api.fetch(`${API_BASE_PATH}/invoices`);
    expect(response.status).to.equal(200);
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).to.throw(SyntaxError);
    expect((await ok(api, InvoicePage, 'GET', '/invoices')).data).to.have.length.greaterThan(0);
  });

  it('schema answers a 200 body that fails the contract; the mutation behind it is committed', async () => {
    const api = createReferenceApi({ scenario: 'eur' });
    api.inject({ match: 'GET /summary', type: 'schema' });
    const broken = await call(api, 'GET', '/summary');
    expect(broken.status).to.equal(200);
    expect(Summary.safeParse(broken.body).success).to.equal(false);
    expect(Summary.safeParse((await call(api, 'GET', '/summary')).body).success).to.equal(true);

    api.inject({ match: 'GET /invoices', type: 'schema', patch: { 'data.0.total.amount': '26.40' } });
    const patched = await call(api, 'GET', '/invoices');
    const issues = InvoicePage.safeParse(patched.body);
    expect(issues.success).to.equal(false);
    expect(issues.error?.issues[0]?.path).to.deep.equal(['data', 0, 'total', 'amount']);

    api.inject({ match: 'POST /invoices/*/payments', type: 'schema', patch: { 'invoice.status': 42 } });
    const pay = await call(api, 'POST', '/invoices/inv_1201/payments', { body: { method_id: 'pm_wallet', apply_wallet: false }, key: 'bad-body' });
    expect(PayResult.safeParse(pay.body).success).to.equal(false);
    expect((await ok(api, Invoice, 'GET', '/invoices/inv_1201')).status).to.equal('paid');
    // A retry of the same intent gets the real, valid first result.
    await ok(api, PayResult, 'POST', '/invoices/inv_1201/payments', { body: { method_id: 'pm_wallet', apply_wallet: false }, key: 'bad-body' });
    expectAuditClean(api);
  });

  it("expired-token answers 401 with code 'unauthorized'", async () => {
    const api = createReferenceApi();
    api.inject({ match: 'GET *', type: 'expired-token' });
    const problem = await fails(api, 401, 'unauthorized', 'GET', '/wallet');
    expect(problem.detail).to.contain('expired');
    await ok(api, Wallet, 'GET', '/wallet');
  });

  it('drop-after-commit rejects with a TypeError like a network drop', async () => {
    const api = createReferenceApi();
    api.inject({ match: 'GET /wallet', type: 'drop-after-commit' });
    const error = await api.fetch(`${API_BASE_PATH}/wallet`).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(TypeError);
  });

  it('clearFaults() removes them all; requestLog() records each request by route pattern', async () => {
    const api = createReferenceApi();
    api.inject({ match: '*', type: 'status', status: 500, times: 99 });
    api.clearFaults();
    await ok(api, Summary, 'GET', '/summary');
    await ok(api, Invoice, 'GET', '/invoices/inv_1001');
    await ok(api, Invoice, 'GET', '/invoices/inv_1002');
    await fails(api, 404, 'not_found', 'GET', '/no-such-thing');
    await api.fetch(`${API_BASE_PATH}/_checkout/checkout.css`);
    expect(api.requestLog()).to.deep.equal(['GET /summary', 'GET /invoices/*', 'GET /invoices/*', 'GET /no-such-thing']);
    expect(() => api.inject({ match: 'GET /summary', type: 'status', status: 200 })).to.throw(/status/);
  });
});
