import { expect } from '@open-wc/testing';
import { PayResult, Problem, Summary, Wallet } from '../../src/api/schemas.js';
import { API_BASE_PATH, DEMO_SESSION_COOKIE, DEMO_SESSION_VALUE, createReferenceApi } from '../../src/testing/index.js';
import { expectAuditClean, fails, ok, parse, requestWith } from './helpers.js';

const URL_SUMMARY = `http://billing.test${API_BASE_PATH}/summary`;

describe('reference API: CORS', () => {
  const api = createReferenceApi({ allowedOrigins: ['https://portal.example'] });

  it('answers an allowed origin with its CORS headers', async () => {
    const response = await api.handle(requestWith(URL_SUMMARY, {}, { Origin: 'https://portal.example' }));
    expect(response.status).to.equal(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).to.equal('https://portal.example');
    expect(response.headers.get('Access-Control-Allow-Credentials')).to.equal('true');
    expect(response.headers.get('Access-Control-Expose-Headers')).to.contain('Retry-After');
    expect(response.headers.get('Vary')).to.contain('Origin');
    parse(Summary, await response.json());
  });

  it('answers the preflight for an allowed origin, with the money headers allowed', async () => {
    const response = await api.handle(
      requestWith(`http://billing.test${API_BASE_PATH}/invoices/inv_1001/payments`, { method: 'OPTIONS' }, {
        Origin: 'https://portal.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
      }),
    );
    expect(response.status).to.equal(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).to.equal('https://portal.example');
    expect(response.headers.get('Access-Control-Allow-Methods')).to.contain('POST');
    expect(response.headers.get('Access-Control-Allow-Headers')).to.contain('Idempotency-Key').and.contain('Authorization');
  });

  it('refuses a disallowed origin, preflight included, without CORS headers', async () => {
    for (const method of ['GET', 'OPTIONS']) {
      const response = await api.handle(requestWith(URL_SUMMARY, { method }, { Origin: 'https://evil.example' }));
      expect(response.status, method).to.equal(403);
      expect(response.headers.get('Access-Control-Allow-Origin')).to.equal(null);
      expect(parse(Problem, await response.json()).code).to.equal('forbidden');
    }
  });

  it('leaves the checkout page out of CORS: its form posts may say `Origin: null`', async () => {
    const local = createReferenceApi({ scenario: 'overdue' });
    const pay = await ok(local, PayResult, 'POST', '/invoices/inv_1002/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'null-origin' });
    const approve = await local.handle(requestWith(`${pay.next_action!.url}/approve`, { method: 'POST' }, { Origin: 'null' }));
    expect(approve.status).to.equal(200);
    expect(local.audit().chargesByIntent).to.deep.equal({ 'null-origin:card': 1 });
  });

  it('always allows same-origin requests and requests without an Origin', async () => {
    const same = await api.handle(requestWith(URL_SUMMARY, {}, { Origin: 'http://billing.test' }));
    expect(same.status).to.equal(200);
    expect(same.headers.get('Access-Control-Allow-Origin')).to.equal(null);
    expect((await api.handle(new Request(URL_SUMMARY))).status).to.equal(200);
    const closed = createReferenceApi();
    expect((await closed.handle(requestWith(URL_SUMMARY, {}, { Origin: 'https://portal.example' }))).status).to.equal(403);
  });
});

describe('reference API: authentication', () => {
  it('with requireAuth, needs a bearer token from issueToken() until it expires', async () => {
    const api = createReferenceApi({ requireAuth: true });
    const missing = await fails(api, 401, 'unauthorized', 'GET', '/summary');
    expect(missing.detail).to.contain('token');
    await fails(api, 401, 'unauthorized', 'GET', '/summary', { headers: { Authorization: 'Bearer made-up' } });
    const token = api.issueToken({ ttlMs: 60_000 });
    expect(api.issueToken()).to.not.equal(token);
    await ok(api, Summary, 'GET', '/summary', { headers: { Authorization: `Bearer ${token}` } });
    api.clock.advance(60_000);
    const expired = await fails(api, 401, 'unauthorized', 'GET', '/summary', { headers: { Authorization: `Bearer ${token}` } });
    expect(expired.detail).to.contain('expired');
  });

  it('accepts the demo session cookie', async () => {
    const api = createReferenceApi({ requireAuth: true });
    const response = await api.handle(requestWith(URL_SUMMARY, {}, { Cookie: `theme=dark; ${DEMO_SESSION_COOKIE}=${DEMO_SESSION_VALUE}` }));
    expect(response.status).to.equal(200);
    const wrong = await api.handle(requestWith(URL_SUMMARY, {}, { Cookie: `${DEMO_SESSION_COOKIE}=guess` }));
    expect(wrong.status).to.equal(401);
  });

  it('checks auth before money moves', async () => {
    const api = createReferenceApi({ scenario: 'eur', requireAuth: true });
    await fails(api, 401, 'unauthorized', 'POST', '/invoices/inv_1201/payments', { body: { method_id: 'pm_wallet', apply_wallet: false }, key: 'no-auth' });
    const token = api.issueToken();
    const paid = await ok(api, PayResult, 'POST', '/invoices/inv_1201/payments', { body: { method_id: 'pm_wallet', apply_wallet: false }, key: 'no-auth', headers: { Authorization: `Bearer ${token}` } });
    expect(paid.invoice.status).to.equal('paid');
    expectAuditClean(api);
  });
});

describe('reference API: control endpoints', () => {
  const control = (api: ReturnType<typeof createReferenceApi>, method: string, path: string, body?: unknown) =>
    api.fetch(`${API_BASE_PATH}/_control/${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

  it('are absent unless enabled', async () => {
    const api = createReferenceApi();
    expect((await control(api, 'GET', 'state')).status).to.equal(404);
    expect((await control(api, 'POST', 'reset', { scenario: 'healthy' })).status).to.equal(404);
    expect(api.scenario).to.equal('overdue');
  });

  it('reset, faults, clock, tokens, checkouts and state', async () => {
    const api = createReferenceApi({ control: true, requireAuth: true });
    const reset = await control(api, 'POST', 'reset', { scenario: 'eur' });
    expect(reset.status).to.equal(200);
    expect(api.scenario).to.equal('eur');
    expect((await control(api, 'POST', 'reset', { scenario: 'nope' })).status).to.equal(422);

    const { token } = (await (await control(api, 'POST', 'tokens', { ttlMs: 1_000 })).json()) as { token: string };
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    expect((await control(api, 'POST', 'faults', { match: 'GET /wallet', type: 'status', status: 503 })).status).to.equal(201);
    expect((await control(api, 'POST', 'faults', { match: 'GET /wallet', type: 'unknown' })).status).to.equal(422);
    await fails(api, 503, 'server_error', 'GET', '/wallet', auth);
    await control(api, 'POST', 'faults', { match: 'GET /wallet', type: 'status', status: 503 });
    expect((await control(api, 'DELETE', 'faults')).status).to.equal(204);
    await ok(api, Wallet, 'GET', '/wallet', auth);

    const pay = await ok(api, PayResult, 'POST', '/invoices/inv_1201/payments', { body: { method_id: 'pm_card_4242', apply_wallet: false }, key: 'ctl', ...auth });
    const settled = await control(api, 'POST', `checkouts/${pay.payment.id}/approve`);
    expect(((await settled.json()) as { payment: { status: string } }).payment.status).to.equal('completed');

    const clock = await control(api, 'POST', 'clock', { advanceMs: 1_000 });
    expect(await clock.json()).to.deep.equal({ now: '2026-11-26T09:00:01.000Z' });
    await fails(api, 401, 'unauthorized', 'GET', '/wallet', auth);
    expect((await control(api, 'POST', 'clock', {})).status).to.equal(422);

    const state = (await (await control(api, 'GET', 'state')).json()) as { scenario: string; ledger: unknown[]; audit: { chargesByIntent: Record<string, number> } };
    expect(state.scenario).to.equal('eur');
    expect(state.audit.chargesByIntent).to.deep.equal({ 'ctl:card': 1 });
    expect(state.ledger).to.have.length(2);
  });
});
