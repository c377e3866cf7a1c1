import { expect } from '@open-wc/testing';
import { QueryCache } from '../../src/api/cache.js';
import type { BillingClient } from '../../src/api/client.js';
import { BillingApiError } from '../../src/api/errors.js';
import type { BillingErrorCode } from '../../src/api/errors.js';
import { createHttpClient, retryAfterMs } from '../../src/api/http-client.js';
import type { HttpClientOptions } from '../../src/api/http-client.js';

// ---- fixtures: minimal valid bodies of the v1 contract ----

const usd = (amount: number) => ({ amount, currency: 'USD' });
const service = { id: 'svc_1', name: 'vps-fra-1', status: 'active' };
const invoiceSummary = {
  id: 'inv_1',
  number: 'INV-1',
  status: 'unpaid',
  kind: 'renewal',
  issue_date: '2026-11-01',
  due_date: '2026-12-01',
  total: usd(1999),
  amount_paid: usd(0),
  balance_due: usd(1999),
  service,
};
const invoice = { ...invoiceSummary, lines: [], transactions: [], pdf_url: null };
const payment = {
  id: 'pay_1',
  invoice_id: 'inv_1',
  kind: 'invoice_payment',
  method: { type: 'card', label: 'Visa' },
  status: 'pending',
  amount: usd(1999),
  created_at: '2026-11-20T10:00:00Z',
  reference: null,
  failure_reason: null,
};
const wallet = {
  balance: usd(500),
  pending_top_ups: usd(0),
  updated_at: '2026-11-20T10:00:00Z',
  top_up: { min: usd(500), max: usd(100000), presets: [] },
};
const summary = {
  unpaid: { count: 1, total: usd(1999) },
  overdue: { count: 0, total: usd(0) },
  next_due: invoiceSummary,
  wallet,
  recent_payments: [],
  services_at_risk: [],
  permissions: { can_pay: true, can_top_up: true },
  as_of: '2026-11-20T10:00:00Z',
};
const topUp = {
  id: 'tu_1',
  status: 'pending',
  amount: usd(5000),
  fee: usd(150),
  tax: usd(0),
  total: usd(5150),
  method: { type: 'card', label: 'Visa' },
  created_at: '2026-11-20T10:00:00Z',
  failure_reason: null,
  next_action: { type: 'redirect', url: 'https://pay.example/1' },
};
const quote = { amount: usd(5000), method_id: 'pm_card', fee: usd(150), tax: usd(0), total: usd(5150) };
const payResult = { payment, invoice: { ...invoice, status: 'pending' }, next_action: null };
const serviceBilling = { service, state: 'ok', blocking_invoices: [], suspend_on: null, terminate_on: null };
const upcoming = (days = 30) => ({
  days,
  from: '2026-11-26',
  to: '2026-12-25',
  charges: [],
  total: usd(0),
  coverage: { wallet_balance: usd(500), covered: usd(0), shortfall: usd(0), runs_out_on: null },
  as_of: '2026-11-26T09:00:00Z',
});

// ---- a scripted fetch: each call takes the next step; no network ----

type Step = Response | Error | 'hang' | ((init: RequestInit) => Response | Promise<Response>);

interface Call {
  url: string;
  init: RequestInit;
  headers: Headers;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return json(body, status, { 'Content-Type': 'application/problem+json', ...headers });
}

function scripted(...steps: Step[]) {
  const calls: Call[] = [];
  /** Tests waiting for the nth call: resolved by the fake fetch itself, never by a timer. */
  const waiting: { count: number; resolve: () => void }[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, init, headers: new Headers(init.headers) });
    for (const waiter of waiting.filter((w) => calls.length >= w.count)) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
    const step = steps.shift();
    if (step === undefined) throw new Error(`unexpected fetch #${calls.length}: ${url}`);
    if (step instanceof Error) throw step;
    if (step === 'hang') {
      // Like a real fetch: pending until its signal aborts.
      return new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return typeof step === 'function' ? step(init) : step;
  };
  /** Resolves once fetch has been called `count` times. */
  const called = (count: number) =>
    calls.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ count, resolve }));
  return { fetch, calls, called };
}

function setup(steps: Step[], options: Partial<HttpClientOptions> = {}) {
  const { fetch, calls, called } = scripted(...steps);
  const delays: number[] = [];
  const cache = new QueryCache({ channelName: null });
  const client = createHttpClient({
    baseUrl: 'https://api.test/billing/v1/',
    fetch,
    cache,
    sleep: (ms) => {
      delays.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...options,
  });
  return { client, calls, called, delays, cache };
}

/** The JSON a call sent: the client always sends a string body. */
function bodyOf(call: Call | undefined): unknown {
  const body = call?.init.body;
  expect(body).to.be.a('string');
  return JSON.parse(body as string);
}

async function failure(promise: Promise<unknown>): Promise<BillingApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(BillingApiError);
    return error as BillingApiError;
  }
  throw new Error('expected the request to fail');
}

const PAY = { method_id: 'pm_card', apply_wallet: false };
const TOP_UP = { amount: usd(5000), method_id: 'pm_card' };

describe('createHttpClient', () => {
  describe('requests', () => {
    it('sends GETs with Accept, cookies, and the query sorted without undefined params', async () => {
      const { client, calls } = setup([json({ data: [], next_cursor: null })]);
      await client.listInvoices({ status: 'unpaid', q: undefined, limit: 20, cursor: 'c 2' });
      expect(calls[0]?.url).to.equal('https://api.test/billing/v1/invoices?cursor=c+2&limit=20&status=unpaid');
      expect(calls[0]?.init.method).to.equal('GET');
      expect(calls[0]?.init.credentials).to.equal('include');
      expect(calls[0]?.headers.get('Accept')).to.equal('application/json');
      expect(calls[0]?.headers.has('Content-Type')).to.equal(false);
      expect(calls[0]?.headers.has('Idempotency-Key')).to.equal(false);
    });

    it('resolves a relative base URL against the page and encodes ids', async () => {
      const { client, calls } = setup([json(invoice)], { baseUrl: '/api/billing' });
      await client.getInvoice('inv/1?x');
      expect(calls[0]?.url).to.equal(`${location.origin}/api/billing/invoices/inv%2F1%3Fx`);
    });

    it('sends a pay request as JSON with its Idempotency-Key', async () => {
      const { client, calls } = setup([json(payResult, 201)]);
      const result = await client.payInvoice('inv_1', PAY, { idempotencyKey: 'key-1' });
      expect(result.invoice.status).to.equal('pending');
      expect(calls[0]?.url).to.equal('https://api.test/billing/v1/invoices/inv_1/payments');
      expect(calls[0]?.init.method).to.equal('POST');
      expect(calls[0]?.headers.get('Content-Type')).to.equal('application/json');
      expect(calls[0]?.headers.get('Idempotency-Key')).to.equal('key-1');
      expect(bodyOf(calls[0])).to.deep.equal(PAY);
    });

    it('sends a top-up with its key and a quote without one', async () => {
      const { client, calls } = setup([json(quote), json(topUp, 201)]);
      expect((await client.quoteTopUp(TOP_UP)).total).to.deep.equal(usd(5150));
      expect((await client.createTopUp(TOP_UP, { idempotencyKey: 'key-2' })).id).to.equal('tu_1');
      expect(calls.map((c) => c.url)).to.deep.equal([
        'https://api.test/billing/v1/wallet/top-ups/quote',
        'https://api.test/billing/v1/wallet/top-ups',
      ]);
      expect(calls[0]?.headers.has('Idempotency-Key')).to.equal(false);
      expect(calls[1]?.headers.get('Idempotency-Key')).to.equal('key-2');
      expect(bodyOf(calls[0])).to.deep.equal(TOP_UP);
    });

    it('honours the credentials option', async () => {
      const { client, calls } = setup([json(wallet)], { credentials: 'omit' });
      await client.getWallet();
      expect(calls[0]?.init.credentials).to.equal('omit');
    });

    it('sends no cookies with a bearer token: credentials omit on reads and money actions', async () => {
      const { client, calls } = setup([json(wallet), json(payResult, 201), json(topUp, 201)], {
        getToken: () => Promise.resolve('portal-token'),
      });
      await client.getWallet();
      await client.payInvoice('inv_1', PAY, { idempotencyKey: 'key-1' });
      await client.createTopUp(TOP_UP, { idempotencyKey: 'key-2' });
      expect(calls).to.have.length(3);
      for (const call of calls) {
        // The Request fetch would build: what the browser actually sends.
        const request = new Request(call.url, call.init);
        expect(request.credentials, `${call.init.method} ${call.url}`).to.equal('omit');
        expect(request.headers.get('Authorization')).to.equal('Bearer portal-token');
      }
    });

    it('omits cookies with a token callback even when it yields no token', async () => {
      const { client, calls } = setup([json(wallet)], { getToken: () => Promise.resolve(null) });
      await client.getWallet();
      expect(new Request(calls[0].url, calls[0].init).credentials).to.equal('omit');
      expect(calls[0]?.headers.has('Authorization')).to.equal(false);
    });

    it('lets an explicit credentials option win over the bearer-token default', async () => {
      const { client, calls } = setup([json(wallet)], {
        getToken: () => Promise.resolve('portal-token'),
        credentials: 'include',
      });
      await client.getWallet();
      expect(new Request(calls[0].url, calls[0].init).credentials).to.equal('include');
    });

    it('returns the payment methods list as an array', async () => {
      const { client } = setup([json({ data: [{ id: 'pm_card', type: 'card', label: 'Card' }] })]);
      expect((await client.listPaymentMethods()).map((m) => m.id)).to.deep.equal(['pm_card']);
    });
  });

  describe('errors', () => {
    const SERVER_CODES: BillingErrorCode[] = [
      'unauthorized',
      'forbidden',
      'not_found',
      'insufficient_funds',
      'invoice_not_payable',
      'idempotency_conflict',
      'validation_failed',
      'rate_limited',
      'server_error',
    ];

    for (const code of SERVER_CODES) {
      it(`maps problem code "${code}" and keeps the problem`, async () => {
        const body = { type: 'about:blank', title: 'Nope', status: 409, detail: `because ${code}`, code, invoice_id: 'inv_1' };
        const { client } = setup([problem(409, body)], { retry: { retries: 0 } });
        const error = await failure(client.getSummary());
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(409);
        expect(error.message).to.equal(`because ${code}`);
        expect(error.problem).to.deep.equal(body);
        expect(error.request).to.equal('GET /summary');
      });
    }

    const BY_STATUS: [number, BillingErrorCode][] = [
      [400, 'validation_failed'],
      [401, 'unauthorized'],
      [402, 'insufficient_funds'],
      [403, 'forbidden'],
      [404, 'not_found'],
      [409, 'idempotency_conflict'],
      [422, 'validation_failed'],
      [429, 'rate_limited'],
      [500, 'server_error'],
      [502, 'server_error'],
      [503, 'server_error'],
    ];

    for (const [status, code] of BY_STATUS) {
      it(`maps a bare HTTP ${status} to "${code}"`, async () => {
        const html = new Response('<html>Bad Gateway</html>', { status, headers: { 'Content-Type': 'text/html' } });
        const { client } = setup([html], { retry: { retries: 0 } });
        const error = await failure(client.getWallet());
        expect(error.code).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.problem).to.equal(undefined);
        expect(error.message).to.contain(String(status));
      });
    }

    it('uses the status when the problem code is unknown', async () => {
      const { client } = setup([problem(404, { code: 'gone_fishing', title: 'Not here' })]);
      const error = await failure(client.getInvoice('inv_x'));
      expect(error.code).to.equal('not_found');
      expect(error.message).to.equal('Not here');
      expect(error.problem?.code).to.equal('gone_fishing');
    });

    it('reports a fetch TypeError (offline, DNS, CORS) as network after retrying', async () => {
      const cors = () => new TypeError('Failed to fetch');
      const { client, calls } = setup([cors(), cors(), cors(), cors()]);
      const error = await failure(client.getSummary());
      expect(error.code).to.equal('network');
      expect(error.cause).to.be.instanceOf(TypeError);
      expect(calls).to.have.length(4);
    });

    it('reports timeout after the retries, each attempt aborted at timeoutMs', async () => {
      const { client, calls } = setup(['hang', 'hang'], { timeoutMs: 20, retry: { retries: 1 } });
      const started = performance.now();
      const error = await failure(client.getSummary());
      expect(error.code).to.equal('timeout');
      expect(calls).to.have.length(2);
      expect(calls.every((c) => c.init.signal?.aborted)).to.equal(true);
      expect(performance.now() - started).to.be.greaterThan(35).and.lessThan(2000);
    });

    it('reports a body that is not JSON as bad_response, without retrying', async () => {
      const { client, calls } = setup([new Response('<html>maintenance</html>', { status: 200 })]);
      const error = await failure(client.getSummary());
      expect(error.code).to.equal('bad_response');
      expect(error.message).to.contain('not JSON');
      expect(calls).to.have.length(1);
    });

    it('reports a body that fails its schema as bad_response with the first bad path', async () => {
      const page = { data: [invoiceSummary, { ...invoiceSummary, total: { amount: 19.99, currency: 'USD' } }], next_cursor: null };
      const { client, calls } = setup([json(page)]);
      const error = await failure(client.listInvoices());
      expect(error.code).to.equal('bad_response');
      expect(error.path).to.equal('data.1.total.amount');
      expect(error.message).to.contain('data.1.total.amount');
      expect(error.status).to.equal(200);
      expect(calls).to.have.length(1);
    });

    it('reports money that cannot be true as bad_response: a top-up whose total is not amount + fee + tax', async () => {
      const { client, calls } = setup([json(quote), json({ ...topUp, total: usd(5000) }, 201)]);
      expect((await client.quoteTopUp(TOP_UP)).total).to.deep.equal(usd(5150));
      const error = await failure(client.createTopUp(TOP_UP, { idempotencyKey: 'key-3' }));
      expect(error.code).to.equal('bad_response');
      expect(error.path).to.equal('total');
      expect(calls).to.have.length(2);
    });

    it('reports a quote with a negative fee as bad_response', async () => {
      const { client } = setup([json({ ...quote, fee: usd(-150), total: usd(4850) })]);
      const error = await failure(client.quoteTopUp(TOP_UP));
      expect(error.code).to.equal('bad_response');
      expect(error.path).to.equal('fee.amount');
    });

    it('reports a bad pay result as bad_response and does not invalidate', async () => {
      const { client, cache } = setup([json({ ...payResult, invoice: { ...invoice, due_date: '2026-12-01T00:00:00Z' } })]);
      const seen: string[][] = [];
      cache.subscribe((tags) => seen.push([...tags]));
      const error = await failure(client.payInvoice('inv_1', PAY, { idempotencyKey: 'k' }));
      expect(error.path).to.equal('invoice.due_date');
      expect(seen).to.deep.equal([]);
    });
  });

  describe('retries', () => {
    it('retries a GET with exponential backoff and full jitter', async () => {
      const { client, calls, delays } = setup([problem(503, {}), problem(502, {}), json(wallet, 500), json(wallet)], {
        random: () => 0.5,
      });
      const result = await client.getWallet();
      expect(result.balance).to.deep.equal(usd(500));
      expect(calls).to.have.length(4);
      expect(delays).to.deep.equal([150, 300, 600]);
    });

    it('caps the backoff at maxDelayMs and gives up after `retries`', async () => {
      const responses = Array.from({ length: 6 }, () => problem(504, { detail: 'upstream timeout' }));
      const { client, calls, delays } = setup(responses, { random: () => 0.999, retry: { retries: 5, baseDelayMs: 1000, maxDelayMs: 3000 } });
      const error = await failure(client.getSummary());
      expect(error.code).to.equal('server_error');
      expect(calls).to.have.length(6);
      expect(delays.map(Math.round)).to.deep.equal([999, 1998, 2997, 2997, 2997]);
    });

    it('honours Retry-After in seconds and as an HTTP date, up to maxDelayMs', async () => {
      const inTwoSeconds = new Date(Date.now() + 2500).toUTCString();
      const { client, delays } = setup([
        problem(429, { code: 'rate_limited' }, { 'Retry-After': '1' }),
        problem(503, {}, { 'Retry-After': inTwoSeconds }),
        problem(429, {}, { 'Retry-After': '120' }),
        json(summary),
      ]);
      await client.getSummary();
      expect(delays[0]).to.equal(1000);
      expect(delays[1]).to.be.within(1000, 2500);
      expect(delays[2]).to.equal(5000);
    });

    it('exposes Retry-After on a rate_limited error', async () => {
      const { client } = setup([problem(429, { code: 'rate_limited' }, { 'Retry-After': '30' })], { retry: { retries: 0 } });
      const error = await failure(client.getSummary());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfterMs).to.equal(30_000);
    });

    for (const status of [400, 402, 403, 404, 409, 422]) {
      it(`never retries a GET answered ${status}`, async () => {
        const { client, calls, delays } = setup([problem(status, {})]);
        await failure(client.getInvoice('inv_1'));
        expect(calls).to.have.length(1);
        expect(delays).to.deep.equal([]);
      });
    }

    it('retries a payment with the SAME Idempotency-Key after a 503, a network error and a timeout', async () => {
      const { client, calls } = setup([problem(503, {}), new TypeError('Failed to fetch'), 'hang', json(payResult, 201)], {
        timeoutMs: 20,
      });
      const result = await client.payInvoice('inv_1', PAY, { idempotencyKey: 'intent-42' });
      expect(result.payment.id).to.equal('pay_1');
      expect(calls).to.have.length(4);
      expect(calls.map((c) => c.headers.get('Idempotency-Key'))).to.deep.equal(['intent-42', 'intent-42', 'intent-42', 'intent-42']);
      expect(new Set(calls.map((c) => c.init.body)).size).to.equal(1);
    });

    it('retries a top-up with its key', async () => {
      const { client, calls } = setup([problem(502, {}), json(topUp, 201)]);
      await client.createTopUp(TOP_UP, { idempotencyKey: 'intent-7' });
      expect(calls.map((c) => c.headers.get('Idempotency-Key'))).to.deep.equal(['intent-7', 'intent-7']);
    });

    it('never retries a payment refused with a 4xx', async () => {
      const { client, calls } = setup([problem(409, { code: 'invoice_not_payable', detail: 'Already paid' })]);
      const error = await failure(client.payInvoice('inv_1', PAY, { idempotencyKey: 'k' }));
      expect(error.code).to.equal('invoice_not_payable');
      expect(calls).to.have.length(1);
    });

    it('never retries a quote, whatever the failure', async () => {
      for (const step of [problem(503, {}), new TypeError('Failed to fetch'), problem(429, {}, { 'Retry-After': '1' })]) {
        const { client, calls, delays } = setup([step]);
        await failure(client.quoteTopUp(TOP_UP));
        expect(calls).to.have.length(1);
        expect(delays).to.deep.equal([]);
      }
    });
  });

  describe('bearer token', () => {
    it('refreshes the token once on a 401 and retries with the new one', async () => {
      const tokens = ['t1', 't2', 't3'];
      let asked = 0;
      const getToken = () => Promise.resolve(tokens[asked++]);
      const { client, calls } = setup([problem(401, { code: 'unauthorized' }), json(summary), json(wallet)], { getToken });
      await client.getSummary();
      expect(asked).to.equal(2);
      await client.getWallet();
      expect(asked).to.equal(2);
      expect(calls.map((c) => c.headers.get('Authorization'))).to.deep.equal(['Bearer t1', 'Bearer t2', 'Bearer t2']);
    });

    it('reports a second 401 as unauthorized', async () => {
      let asked = 0;
      const getToken = () => Promise.resolve(`t${++asked}`);
      const { client, calls } = setup([problem(401, { detail: 'Session expired' }), problem(401, { detail: 'Session expired' })], { getToken });
      const error = await failure(client.payInvoice('inv_1', PAY, { idempotencyKey: 'k' }));
      expect(error.code).to.equal('unauthorized');
      expect(error.message).to.equal('Session expired');
      expect(asked).to.equal(2);
      expect(calls).to.have.length(2);
    });

    it('without getToken, a 401 is unauthorized at once', async () => {
      const { client, calls } = setup([problem(401, {})]);
      expect((await failure(client.getSummary())).code).to.equal('unauthorized');
      expect(calls).to.have.length(1);
      expect(calls[0]?.headers.has('Authorization')).to.equal(false);
    });

    it('reports a failing getToken as unauthorized without calling the API', async () => {
      const { client, calls } = setup([], { getToken: () => Promise.reject(new Error('portal logged out')) });
      const error = await failure(client.getWallet());
      expect(error.code).to.equal('unauthorized');
      expect((error.cause as Error).message).to.equal('portal logged out');
      expect(calls).to.have.length(0);
    });
  });

  describe('abort', () => {
    it('passes a signal to fetch that follows the caller’s signal', async () => {
      const caller = new AbortController();
      const { client, calls, called } = setup(['hang']);
      const pending = client.getSummary({ signal: caller.signal });
      await called(1);
      const fetchSignal = calls[0]?.init.signal;
      expect(fetchSignal).to.be.instanceOf(AbortSignal);
      expect(fetchSignal?.aborted).to.equal(false);
      caller.abort();
      expect((await failure(pending)).code).to.equal('aborted');
      expect(fetchSignal?.aborted).to.equal(true);
      expect(calls).to.have.length(1);
    });

    it('aborts a POST without retrying it', async () => {
      const caller = new AbortController();
      const { client, calls, called } = setup(['hang']);
      const pending = client.payInvoice('inv_1', PAY, { idempotencyKey: 'k', signal: caller.signal });
      // Aborted while the request is on the wire, not before it was sent.
      await called(1);
      caller.abort();
      expect((await failure(pending)).code).to.equal('aborted');
      expect(calls).to.have.length(1);
    });

    it('stops retrying when the caller aborts during the backoff', async () => {
      const caller = new AbortController();
      const { client, calls } = setup([problem(503, {}), json(summary)], {
        sleep: () => {
          caller.abort();
          return Promise.resolve();
        },
      });
      expect((await failure(client.getSummary({ signal: caller.signal }))).code).to.equal('aborted');
      expect(calls).to.have.length(1);
    });

    it('does not call fetch for an already aborted request', async () => {
      const { client, calls } = setup([]);
      const error = await failure(client.quoteTopUp(TOP_UP, { signal: AbortSignal.abort() }));
      expect(error.code).to.equal('aborted');
      expect((await failure(client.getWallet({ signal: AbortSignal.abort() }))).code).to.equal('aborted');
      expect(calls).to.have.length(0);
    });
  });

  describe('cache', () => {
    it('serves ten concurrent identical GETs with one fetch', async () => {
      let release: (r: Response) => void = () => {};
      const { client, calls, called } = setup([() => new Promise<Response>((resolve) => (release = resolve))]);
      const reads = Array.from({ length: 10 }, () => client.listPayments({ invoice_id: 'inv_1', limit: 10 }));
      // The response arrives only once the one request is out; a second fetch would find no step.
      await called(1);
      release(json({ data: [payment], next_cursor: null }));
      const pages = await Promise.all(reads);
      expect(calls).to.have.length(1);
      expect(pages.every((p) => p.data[0]?.id === 'pay_1')).to.equal(true);
    });

    it('keys reads by URL with the query sorted, and re-checks with fresh', async () => {
      const { client, calls } = setup([json({ data: [], next_cursor: null }), json({ data: [], next_cursor: null })]);
      await client.listInvoices({ status: 'unpaid', limit: 5 });
      await client.listInvoices({ limit: 5, status: 'unpaid', q: undefined });
      expect(calls).to.have.length(1);
      await client.listInvoices({ limit: 5, status: 'unpaid' }, { fresh: true });
      expect(calls).to.have.length(2);
    });

    const READS: [string, (c: BillingClient) => Promise<unknown>, unknown, string[]][] = [
      ['getSummary', (c) => c.getSummary(), summary, ['summary']],
      ['listInvoices', (c) => c.listInvoices(), { data: [], next_cursor: null }, ['invoices']],
      ['listInvoices by service', (c) => c.listInvoices({ service_id: 'svc_1' }), { data: [], next_cursor: null }, ['invoices', 'service:svc_1']],
      ['getInvoice', (c) => c.getInvoice('inv_1'), invoice, ['invoice:inv_1']],
      ['listPayments', (c) => c.listPayments(), { data: [], next_cursor: null }, ['payments']],
      ['listPayments by invoice', (c) => c.listPayments({ invoice_id: 'inv_1' }), { data: [], next_cursor: null }, ['payments', 'invoice:inv_1']],
      ['getPayment', (c) => c.getPayment('pay_1'), payment, ['payment:pay_1', 'payments']],
      ['listPaymentMethods', (c) => c.listPaymentMethods(), { data: [] }, ['payment-methods']],
      ['getWallet', (c) => c.getWallet(), wallet, ['wallet']],
      ['getServiceBilling', (c) => c.getServiceBilling('svc_1'), serviceBilling, ['service:svc_1']],
      ['getTopUp', (c) => c.getTopUp('tu_1'), topUp, ['top-up:tu_1', 'wallet']],
      ['getUpcoming', (c) => c.getUpcoming!(30), upcoming(), ['upcoming', 'wallet']],
    ];
    const ALL_TAGS = ['summary', 'invoices', 'invoice:inv_1', 'payments', 'payment:pay_1', 'payment-methods', 'wallet', 'service:svc_1', 'top-up:tu_1', 'upcoming'];

    for (const [name, read, body, tags] of READS) {
      it(`tags ${name} with exactly ${tags.join(', ')}`, async () => {
        const { client } = setup([json(body)]);
        await read(client);
        const tagged = ALL_TAGS.filter((tag) => client.fetchedAt?.(tag) !== undefined);
        expect(tagged).to.have.members(tags);
        expect(tagged).to.have.length(tags.length);
      });
    }

    it('invalidates the invoice, its lists, wallet, payments, summary and its service after paying', async () => {
      const { client, calls } = setup([json(invoice), json(payResult, 201), json({ ...invoice, status: 'pending' })]);
      await client.getInvoice('inv_1');
      const seen: string[][] = [];
      client.subscribe((tags) => seen.push([...tags].sort()));
      await client.payInvoice('inv_1', PAY, { idempotencyKey: 'k' });
      expect(seen).to.deep.equal([['invoice:inv_1', 'invoices', 'payments', 'service:svc_1', 'summary', 'upcoming', 'wallet']]);
      expect((await client.getInvoice('inv_1')).status).to.equal('pending');
      expect(calls).to.have.length(3);
    });

    it('leaves out the service when the paid invoice has none', async () => {
      const { client } = setup([json({ ...payResult, invoice: { ...payResult.invoice, service: null } })]);
      const seen: string[][] = [];
      client.subscribe((tags) => seen.push([...tags].sort()));
      await client.payInvoice('inv_1', PAY, { idempotencyKey: 'k' });
      expect(seen).to.deep.equal([['invoice:inv_1', 'invoices', 'payments', 'summary', 'upcoming', 'wallet']]);
    });

    it('invalidates wallet, payments and summary after a top-up, and nothing after a quote', async () => {
      const { client } = setup([json(quote), json(topUp, 201)]);
      const seen: string[][] = [];
      const unsubscribe = client.subscribe((tags) => seen.push([...tags].sort()));
      await client.quoteTopUp(TOP_UP);
      expect(seen).to.deep.equal([]);
      await client.createTopUp(TOP_UP, { idempotencyKey: 'k' });
      expect(seen).to.deep.equal([['payments', 'summary', 'upcoming', 'wallet']]);
      unsubscribe();
      client.refreshAll();
      expect(seen).to.have.length(1);
    });

    it('reads /upcoming once per distinct days value, shared by concurrent readers, and again after a top-up', async () => {
      let release: (r: Response) => void = () => {};
      const { client, calls, called } = setup([
        () => new Promise<Response>((resolve) => (release = resolve)),
        json(upcoming(90)),
        json(topUp, 201),
        json(upcoming(30)),
      ]);
      const reads = [client.getUpcoming!(30), client.getUpcoming!(30), client.getUpcoming!(30)];
      await called(1);
      release(json(upcoming(30)));
      expect((await Promise.all(reads)).map((u) => u.days)).to.deep.equal([30, 30, 30]);
      expect((await client.getUpcoming!(90)).days).to.equal(90);
      expect(calls.map((c) => c.url)).to.deep.equal(['https://api.test/billing/v1/upcoming?days=30', 'https://api.test/billing/v1/upcoming?days=90']);
      await client.getUpcoming!(30);
      expect(calls).to.have.length(2);
      // A top-up moves money: coverage is read again.
      await client.createTopUp(TOP_UP, { idempotencyKey: 'k' });
      await client.getUpcoming!(30);
      expect(calls.map((c) => c.url).at(-1)).to.equal('https://api.test/billing/v1/upcoming?days=30');
      expect(calls).to.have.length(4);
    });

    it('reloads /upcoming when anything invalidates the wallet (a payment settled by the dialogs)', async () => {
      const { client, calls } = setup([json(upcoming()), json(upcoming())]);
      await client.getUpcoming!();
      expect(calls[0]?.url).to.equal('https://api.test/billing/v1/upcoming');
      client.invalidate(['wallet', 'payments', 'summary']);
      await client.getUpcoming!();
      expect(calls).to.have.length(2);
    });

    it('reports an upcoming whose coverage does not add up as bad_response', async () => {
      const { client } = setup([json({ ...upcoming(), coverage: { ...upcoming().coverage, shortfall: usd(100) } })]);
      const error = await failure(client.getUpcoming!(30));
      expect(error.code).to.equal('bad_response');
      expect(error.path).to.equal('coverage');
    });

    it('does not invalidate after a failed payment', async () => {
      const { client } = setup([problem(402, { code: 'insufficient_funds' })]);
      const seen: string[][] = [];
      client.subscribe((tags) => seen.push([...tags]));
      await failure(client.payInvoice('inv_1', PAY, { idempotencyKey: 'k' }));
      expect(seen).to.deep.equal([]);
    });

    it('passes invalidate and refreshAll through to the cache', async () => {
      const { client, calls } = setup([json(wallet), json(wallet), json(wallet)]);
      await client.getWallet();
      client.invalidate(['wallet']);
      await client.getWallet();
      client.refreshAll();
      await client.getWallet();
      expect(calls).to.have.length(3);
    });
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(retryAfterMs('7', now)).to.equal(7000);
    expect(retryAfterMs('Thu, 26 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(retryAfterMs('soon', now)).to.equal(undefined);
    expect(retryAfterMs(null, now)).to.equal(undefined);
  });
});

describe('createHttpClient storageScope', () => {
  it('keeps money attempts apart by API base (absolute), or by the scope the embedder gives', () => {
    const fetchNothing = () => Promise.reject(new Error('no request expected'));
    expect(createHttpClient({ baseUrl: '/api/billing/v1/', fetch: fetchNothing }).storageScope).to.equal(`${location.origin}/api/billing/v1`);
    expect(createHttpClient({ baseUrl: 'https://api.example/v1', fetch: fetchNothing }).storageScope).to.equal('https://api.example/v1');
    expect(createHttpClient({ baseUrl: '/api', fetch: fetchNothing, storageScope: 'api|acct_7' }).storageScope).to.equal('api|acct_7');
  });
});

