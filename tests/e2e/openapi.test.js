// The reference API against the OpenAPI document (src/contract/openapi.ts): every answer of
// `createReferenceApi` (src/testing), in every scenario, for every GET endpoint (lists paged to
// the end, each invoice, payment, top-up and service seen, the filters) and the money POSTs with
// their error cases, is checked with Ajv (JSON Schema 2020-12, ajv-formats): its status must be
// documented for that path and method, its Content-Type among the documented media types, and
// its body valid against the documented schema. Statuses only a fault produces (400, 401, 429,
// 5xx) come from the reference API's fault injection. Finally every documented response must
// have been seen at least once. If the schemas and the server drift apart, this fails.
//
// Both modules are loaded through Vite's ssrLoadModule, as the demo server loads them; no
// browser, no port.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { loadContractModules } from '../../scripts/build-openapi.js';

const ORIGIN = 'https://dash.perlod.test';

/** @type {Awaited<ReturnType<typeof loadContractModules>>} */
let modules;
let doc;
let ajv;
/** `operationId status` of every answer checked. */
const seen = new Set();
let checked = 0;
const validators = new Map();

/** Resolves a local `$ref` (`#/components/...`) in the document. */
function deref(node) {
  let value = node;
  while (value && typeof value.$ref === 'string') {
    value = value.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((at, part) => at?.[part], doc);
    assert.ok(value, `unresolved ${node.$ref}`);
  }
  return value;
}

/** The documented operation of a method and a path below the base path. */
function operationOf(method, path) {
  for (const [template, item] of Object.entries(doc.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path) && item[method.toLowerCase()]) return { template, operation: item[method.toLowerCase()] };
  }
  return undefined;
}

function validatorFor(pointer) {
  let validate = validators.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `contract#${pointer}` });
    validators.set(pointer, validate);
  }
  return validate;
}

/** Checks one answer against the document; returns the parsed body. */
async function check(method, path, response, what = '') {
  const label = `${method} ${path}${what ? ` (${what})` : ''}`;
  const found = operationOf(method, path.split('?')[0]);
  assert.ok(found, `${label}: not in the document`);
  const { template, operation } = found;
  const status = String(response.status);
  const responses = operation.responses;
  const key = status in responses ? status : `${status[0]}XX` in responses ? `${status[0]}XX` : undefined;
  assert.ok(key, `${label}: HTTP ${status} is not documented for ${method} ${template} (documented: ${Object.keys(responses).join(', ')})`);
  seen.add(`${operation.operationId} ${key}`);
  const documented = deref(responses[key]);
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  assert.ok(documented.content?.[mediaType], `${label}: HTTP ${status} answered ${mediaType}, documented ${Object.keys(documented.content ?? {}).join(', ')}`);
  if (mediaType !== 'application/json' && mediaType !== 'application/problem+json') return undefined;
  const body = await response.json();
  // Where the schema is: its own pointer in the document (so errors name it).
  const base = typeof responses[key].$ref === 'string' ? responses[key].$ref.slice(1) : `/paths/${template.replaceAll('/', '~1')}/${method.toLowerCase()}/responses/${key}`;
  const pointer = `${base}/content/${mediaType.replace('/', '~1')}/schema`;
  const validate = validatorFor(pointer);
  checked++;
  if (!validate(body)) {
    const errors = validate.errors.slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
    assert.fail(`${label}: HTTP ${status} body does not match ${pointer}:\n  ${errors.join('\n  ')}\n  body: ${JSON.stringify(body).slice(0, 400)}`);
  }
  return body;
}

/** Checks a request body we send against the documented request schema. */
function checkRequest(method, path, body) {
  const { template, operation } = operationOf(method, path.split('?')[0]);
  if (!operation.requestBody) return;
  const pointer = `/paths/${template.replaceAll('/', '~1')}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
  const validate = validatorFor(pointer);
  assert.ok(validate(body), `${method} ${path}: the request body ${JSON.stringify(body)} does not match the documented request schema: ${ajv.errorsText(validate.errors)}`);
}

/** A client of one reference API instance that checks every answer. */
function clientOf(api) {
  const request = async (method, path, { body, key, headers = {}, raw, what, valid = true } = {}) => {
    const init = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = raw ?? JSON.stringify(body);
      if (valid && raw === undefined) checkRequest(method, path, body);
    }
    if (key) init.headers['Idempotency-Key'] = key;
    const response = await api.handle(new Request(`${ORIGIN}/api/billing/v1${path}`, init));
    const status = response.status;
    const parsed = await check(method, path, response, what);
    return { status, body: parsed, headers: response.headers };
  };
  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options = {}) => request('POST', path, { ...options, body }),
  };
}

/** Pages through a list to the end; returns every item. */
async function pageAll(client, path, limit) {
  const items = [];
  const ids = new Set();
  let cursor = null;
  const join = path.includes('?') ? '&' : '?';
  for (let pages = 0; ; pages++) {
    assert.ok(pages < 1000, `${path}: more than 1000 pages`);
    const { status, body } = await client.get(`${path}${join}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.equal(status, 200, `${path}: HTTP ${status}`);
    for (const item of body.data) {
      assert.ok(!ids.has(item.id), `${path}: ${item.id} on two pages`);
      ids.add(item.id);
      items.push(item);
    }
    if (body.next_cursor === null) return items;
    cursor = body.next_cursor;
  }
}

/** Runs `test` in every scenario, each with a fresh reference API, a client of it and the `/summary` it answers first. */
async function inEveryScenario(test) {
  const { SCENARIOS, createReferenceApi } = modules.testing;
  for (const scenario of Object.keys(SCENARIOS)) {
    const api = createReferenceApi({ scenario });
    const client = clientOf(api);
    const summary = (await client.get('/summary')).body;
    await test({ scenario, api, client, summary });
  }
}

before(async () => {
  modules = await loadContractModules();
  doc = await modules.contract.createOpenApiDocument();
  ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // The OpenAPI-only members around the schemas are not JSON Schema keywords.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'webhooks']);
  ajv.addSchema({ ...doc, $id: 'contract' });
});

after(async () => {
  await modules?.close();
});

describe('the reference API answers as the OpenAPI document says', () => {
  it('is an OpenAPI 3.1 document with every contract endpoint and no demo-only route', () => {
    assert.equal(doc.openapi, '3.1.0');
    const paths = Object.keys(doc.paths);
    for (const path of ['/summary', '/invoices', '/invoices/{id}', '/invoices/{id}/payments', '/payments', '/payments/{id}', '/payment-methods', '/wallet', '/wallet/transactions', '/wallet/top-ups/quote', '/wallet/top-ups', '/wallet/top-ups/{id}', '/services/{id}/billing', '/upcoming']) {
      assert.ok(paths.includes(path), `${path} is documented`);
    }
    assert.ok(!paths.some((p) => p.includes('_control') || p.includes('_checkout')), 'no _control or _checkout route');
    for (const path of ['/invoices/{id}/payments', '/wallet/top-ups']) {
      const params = doc.paths[path].post.parameters.map(deref);
      assert.ok(params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key' && p.required), `${path} requires Idempotency-Key`);
    }
  });

  it('in every scenario: every GET, paged to the end, each record seen, and the GET errors', () =>
    inEveryScenario(async ({ scenario, api, client, summary }) => {
      await client.get('/payment-methods');
      await client.get('/wallet');
      for (const days of ['', '?days=1', '?days=30', '?days=90']) await client.get(`/upcoming${days}`);

      const big = scenario === 'many-invoices';
      const invoices = await pageAll(client, '/invoices', big ? 100 : 3);
      const payments = await pageAll(client, '/payments', big ? 100 : 2);
      await pageAll(client, '/wallet/transactions', big ? 100 : 2);
      // Each invoice (all of them, or every 25th of the 10,000), its payments and its PDF.
      for (const [i, invoice] of invoices.entries()) {
        if (big && i % 25 !== 0) continue;
        await client.get(`/invoices/${invoice.id}`);
        if (i % 5 === 0) {
          await client.get(`/payments?invoice_id=${invoice.id}`);
          await client.get(`/invoices/${invoice.id}/pdf`);
        }
      }
      for (const payment of payments) await client.get(`/payments/${payment.id}`);
      for (const record of api.records()) if (record.topUpId) await client.get(`/wallet/top-ups/${record.topUpId}`);
      const services = new Set([...invoices.map((inv) => inv.service?.id), ...summary.services_at_risk.map((s) => s.service.id)].filter(Boolean));
      for (const id of services) {
        await client.get(`/services/${id}/billing`);
        await client.get(`/invoices?service_id=${id}&limit=5`);
      }
      // Filters.
      for (const status of ['unpaid', 'overdue', 'partially_paid', 'paid', 'pending', 'no-such-status']) await client.get(`/invoices?status=${status}&limit=5`);
      if (invoices[0]) await client.get(`/invoices?q=${encodeURIComponent(invoices[0].number.slice(-3))}&limit=5`);

      // Errors of the GETs.
      for (const path of ['/invoices/inv_nope', '/invoices/inv_nope/pdf', '/payments/pay_nope', '/wallet/top-ups/tu_nope', '/services/svc_nope/billing']) {
        assert.equal((await client.get(path)).status, 404, path);
      }
      for (const query of ['limit=0', 'limit=101', 'limit=ten', 'cursor=not-a-cursor']) {
        assert.equal((await client.get(`/invoices?${query}`)).status, 422, `/invoices?${query}`);
        assert.equal((await client.get(`/payments?${query}`)).status, 422, `/payments?${query}`);
        assert.equal((await client.get(`/wallet/transactions?${query}`)).status, 422, `/wallet/transactions?${query}`);
      }
      for (const days of ['0', '91', 'ten']) assert.equal((await client.get(`/upcoming?days=${days}`)).status, 400, `/upcoming?days=${days}`);
    }));

  it('in every scenario: quote, top up and pay, with each error case, then settle and re-read', () =>
    inEveryScenario(async ({ scenario, api, client, summary }) => {
      const wallet = (await client.get('/wallet')).body;
      const methods = (await client.get('/payment-methods')).body.data;
      const currency = wallet.balance.currency;
      const amount = { amount: wallet.top_up.presets[0]?.amount ?? wallet.top_up.min.amount, currency };
      const gateways = methods.filter((m) => ['card', 'crypto', 'bank_transfer'].includes(m.type));
      const walletMethod = methods.find((m) => m.type === 'wallet');
      let n = 0;
      const key = () => `${scenario}-${++n}`;

      // Quotes.
      for (const method of gateways) assert.equal((await client.post('/wallet/top-ups/quote', { amount, method_id: method.id })).status, 200);
      const bad = [
        [{ amount: { amount: amount.amount, currency: currency === 'USD' ? 'EUR' : 'USD' }, method_id: gateways[0].id }, 'another currency'],
        [{ amount: { amount: 1, currency }, method_id: gateways[0].id }, 'below the minimum'],
        [{ amount: { amount: 10 ** 9, currency }, method_id: gateways[0].id }, 'above the maximum'],
        [{ amount, method_id: 'pm_nope' }, 'unknown method'],
        [{ amount, method_id: walletMethod.id }, 'the wallet cannot top up itself'],
      ];
      for (const [body, what] of bad) assert.equal((await client.post('/wallet/top-ups/quote', body, { what })).status, 422, what);
      assert.equal((await client.post('/wallet/top-ups/quote', { amount }, { valid: false, what: 'no method' })).status, 422);
      assert.equal((await client.post('/wallet/top-ups/quote', {}, { raw: '{"amount":', valid: false, what: 'not JSON' })).status, 422);

      // Top-ups: one per gateway method; a replay; a conflict; no key.
      const canTopUp = summary.permissions.can_top_up;
      for (const method of gateways) {
        const body = { amount, method_id: method.id };
        const k = key();
        const first = await client.post('/wallet/top-ups', body, { key: k });
        assert.equal(first.status, canTopUp ? 201 : 403, `top-up with ${method.id}`);
        if (!canTopUp) continue;
        const replay = await client.post('/wallet/top-ups', body, { key: k, what: 'replay' });
        assert.equal(replay.status, 201);
        assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
        assert.equal((await client.post('/wallet/top-ups', { ...body, amount: { ...amount, amount: amount.amount + 100 } }, { key: k, what: 'conflict' })).status, 409);
        await client.get(`/wallet/top-ups/${first.body.id}`);
      }
      assert.equal((await client.post('/wallet/top-ups', { amount, method_id: gateways[0].id }, { what: 'no key' })).status, 422);
      assert.equal((await client.post('/wallet/top-ups', { amount: { amount: 1, currency }, method_id: gateways[0].id }, { key: key(), what: 'below min' })).status, canTopUp ? 422 : 403);

      // Payments: each open invoice by some method; wallet short, paid, missing, invalid, no key, conflict.
      const invoices = await pageAll(client, '/invoices', 100).catch(() => []);
      const open = invoices.filter((inv) => ['unpaid', 'overdue', 'partially_paid'].includes(inv.status) && inv.balance_due.amount > 0).slice(0, 6);
      const closed = invoices.find((inv) => inv.status === 'paid');
      const canPay = summary.permissions.can_pay;
      const choices = [...gateways, walletMethod];
      const short = open.find((inv) => inv.balance_due.amount > wallet.balance.amount);
      if (short) {
        const answer = await client.post(`/invoices/${short.id}/payments`, { method_id: walletMethod.id, apply_wallet: true }, { key: key(), what: 'wallet too small' });
        assert.equal(answer.status, canPay ? 402 : 403);
      }
      for (const [i, invoice] of open.entries()) {
        const method = choices[i % choices.length];
        const balance = method.type === 'wallet' ? (await client.get('/wallet')).body.balance.amount : 0;
        const body = { method_id: method.id, apply_wallet: i % 2 === 0 };
        const answer = await client.post(`/invoices/${invoice.id}/payments`, body, { key: key() });
        const walletShort = method.type === 'wallet' && balance < invoice.balance_due.amount;
        assert.equal(answer.status, !canPay ? 403 : walletShort ? 402 : 201, `pay ${invoice.id} with ${method.id}`);
        if (answer.status === 201) {
          await client.get(`/payments/${answer.body.payment.id}`);
          await client.get(`/invoices/${invoice.id}`);
        }
      }
      const anyInvoice = open[0] ?? invoices[0];
      if (anyInvoice && canPay) {
        const body = { method_id: gateways[0].id, apply_wallet: false };
        if (closed) assert.equal((await client.post(`/invoices/${closed.id}/payments`, body, { key: key(), what: 'paid invoice' })).status, 409);
        const k = key();
        const first = await client.post(`/invoices/${anyInvoice.id}/payments`, body, { key: k, what: 'conflict setup' });
        if (first.status === 201) {
          assert.equal((await client.post(`/invoices/${anyInvoice.id}/payments`, { ...body, apply_wallet: true }, { key: k, what: 'conflict' })).status, 409);
        }
        assert.equal((await client.post(`/invoices/${anyInvoice.id}/payments`, { method_id: gateways[0].id }, { key: key(), valid: false, what: 'no apply_wallet' })).status, 422);
        assert.equal((await client.post(`/invoices/${anyInvoice.id}/payments`, body, { what: 'no key' })).status, 422);
        assert.equal((await client.post(`/invoices/${anyInvoice.id}/payments`, { method_id: 'pm_nope', apply_wallet: false }, { key: key(), what: 'unknown method' })).status, 422);
      }
      assert.equal((await client.post('/invoices/inv_nope/payments', { method_id: gateways[0].id, apply_wallet: false }, { key: key(), what: 'no invoice' })).status, canPay ? 404 : 403);

      // Settle every open checkout (approve and decline in turn) and read the records again.
      const records = api.records().filter((r) => r.checkoutStatus === 'open');
      for (const [i, record] of records.entries()) {
        await api.completeCheckout(record.checkoutId, i % 2 === 0 ? 'approve' : 'decline');
        await client.get(`/payments/${record.paymentId}`);
        if (record.topUpId) await client.get(`/wallet/top-ups/${record.topUpId}`);
        if (record.invoiceId) await client.get(`/invoices/${record.invoiceId}`);
      }
      await client.get('/summary');
      await client.get('/upcoming?days=90');
      await pageAll(client, '/payments', 100);
    }));

  it('the errors only a fault or a foreign caller produces: 400, 401, 403, 429, 5xx on every operation', async () => {
    const { createReferenceApi } = modules.testing;
    const api = createReferenceApi({ scenario: 'overdue' });
    const client = clientOf(api);
    const invoiceId = (await client.get('/invoices?limit=1')).body.data[0].id;
    const paymentId = (await client.get('/payments?limit=1')).body.data[0].id;
    const topUp = await client.post('/wallet/top-ups', { amount: { amount: 1000, currency: 'USD' }, method_id: 'pm_card_4242' }, { key: 'fault-setup' });
    const service = (await client.get(`/invoices/${invoiceId}`)).body.service?.id ?? 'srv_vps_fra1';
    const calls = [
      ['GET', '/summary'],
      ['GET', '/invoices'],
      ['GET', `/invoices/${invoiceId}`],
      ['GET', `/invoices/${invoiceId}/pdf`],
      ['POST', `/invoices/${invoiceId}/payments`, { method_id: 'pm_card_4242', apply_wallet: false }],
      ['GET', '/payments'],
      ['GET', `/payments/${paymentId}`],
      ['GET', '/payment-methods'],
      ['GET', '/wallet'],
      ['GET', '/wallet/transactions'],
      ['POST', '/wallet/top-ups/quote', { amount: { amount: 1000, currency: 'USD' }, method_id: 'pm_card_4242' }],
      ['POST', '/wallet/top-ups', { amount: { amount: 1000, currency: 'USD' }, method_id: 'pm_card_4242' }],
      ['GET', `/wallet/top-ups/${topUp.body.id}`],
      ['GET', `/services/${service}/billing`],
      ['GET', '/upcoming'],
    ];
    let n = 0;
    for (const [method, path, body] of calls) {
      const match = `${method} ${path.replace(/\?.*$/, '')}`;
      const faults = [
        { type: 'status', status: 429, retryAfter: 2 },
        { type: 'status', status: 500 },
        { type: 'status', status: 503, retryAfter: 5 },
        { type: 'expired-token' },
        ...(method === 'POST' ? [{ type: 'status', status: 400 }] : []),
      ];
      for (const fault of faults) {
        api.inject({ ...fault, match });
        const answer = await client.request(method, path, { body, key: `fault-${++n}`, what: `fault ${fault.type} ${fault.status ?? ''}` });
        assert.equal(answer.status, fault.status ?? 401, `${match}: ${JSON.stringify(fault)}`);
      }
      const foreign = await client.request(method, path, { body, key: `fault-${++n}`, headers: { Origin: 'https://evil.example' }, what: 'foreign origin' });
      assert.equal(foreign.status, 403);
    }
    // Without a session at all.
    const locked = clientOf(createReferenceApi({ scenario: 'overdue', requireAuth: true }));
    assert.equal((await locked.get('/summary')).status, 401);
  });

  it('every documented response was seen (the document promises nothing the server never does)', (t) => {
    const missing = [];
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item)) {
        if (operation.operationId === 'getOpenApiDocument') continue;
        for (const status of Object.keys(operation.responses)) if (!seen.has(`${operation.operationId} ${status}`)) missing.push(`${operation.operationId} ${status}`);
      }
    }
    assert.deepEqual(missing, [], 'documented but never answered');
    assert.ok(checked > 1000, `checked ${checked} bodies`);
    t.diagnostic(`${checked} answers checked against ${validators.size} schemas; ${seen.size} documented responses seen`);
  });
});
