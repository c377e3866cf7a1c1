/**
 * The real `BillingClient`: fetch, parse every body with its schema, bearer or cookie auth,
 * a timeout per attempt, retries with backoff, caller aborts, idempotency keys on money
 * actions, and every read through the shared `QueryCache`.
 */
import type { BillingClient, CacheTag, InvoiceQuery, PaymentQuery, ReadOptions, WalletTransactionQuery } from './client.js';
import { QueryCache } from './cache.js';
import { mapSettled, settledValue } from './settled.js';
import { abortableSleep } from './sleep.js';
import { BillingApiError, codeForResponse } from './errors.js';
import type { BillingErrorCode } from './errors.js';
import {
  Invoice,
  InvoicePage,
  PayResult,
  Payment,
  PaymentMethodList,
  PaymentPage,
  Problem,
  ServiceBilling,
  Summary,
  TopUp,
  TopUpQuote,
  Upcoming,
  Wallet,
  WalletTransactionPage,
} from './schemas.js';

export interface RetryOptions {
  /** Attempts after the first one. Default 3. */
  retries?: number;
  /** Backoff base: attempt n waits a random time up to `baseDelayMs * 2^n`. Default 300. */
  baseDelayMs?: number;
  /** No wait (backoff or `Retry-After`) is longer than this. Default 5000. */
  maxDelayMs?: number;
}

export interface HttpClientOptions {
  /** The API root, absolute or relative to the page: `https://api.perlod.com/billing/v1`, `/api/billing`. */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /**
   * Whether requests carry the browser's cookies for the API's origin. Default `'omit'` when
   * `getToken` is set (a bearer token authenticates; a third-party page must not also send
   * the customer's cookies), else `'include'` (the first-party dashboard's session cookie).
   * Given explicitly, it wins.
   */
  credentials?: RequestCredentials;
  /** A bearer token (third-party portals); called again once after a 401. */
  getToken?: () => Promise<string | null | undefined>;
  /**
   * Where this client's money attempts are kept apart on the page's origin (`BillingClient.storageScope`).
   * Default: the absolute API base. Add the account (`${apiBase}|${accountId}`) where one origin
   * serves several accounts of one API.
   */
  storageScope?: string;
  /** Per attempt, including reading the body. Default 15000. */
  timeoutMs?: number;
  retry?: RetryOptions;
  cache?: QueryCache;
  /** Injectable for tests; must reject (or return early) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests: the jitter source, in [0, 1). */
  random?: () => number;
}

/** The parts of a zod schema the client uses (kept structural so any schema module fits). */
interface Parser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };
}
interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

type Query = Record<string, string | number | undefined>;

interface RequestSpec<T> {
  method: 'GET' | 'POST';
  path: string;
  query?: Query | undefined;
  body?: unknown;
  schema: Parser<T>;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: BillingApiError; retryable: boolean };

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

export function createHttpClient(options: HttpClientOptions): BillingClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const { retries = 3, baseDelayMs = 300, maxDelayMs = 5000 } = options.retry ?? {};
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const cache = options.cache ?? new QueryCache();
  const base = options.baseUrl.replace(/\/+$/, '');
  const credentials = options.credentials ?? (options.getToken ? 'omit' : 'include');
  // One token for all requests; a 401 replaces it once, shared by requests that failed together.
  let token: Promise<string | null | undefined> | undefined;
  let serverTime: number | undefined;

  const urlFor = (path: string, query: Query = {}): string => {
    const params = Object.entries(query)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const search = new URLSearchParams(params.map(([k, v]) => [k, String(v)])).toString();
    const joined = base + path + (search ? `?${search}` : '');
    return globalThis.location ? new URL(joined, globalThis.location.href).href : joined;
  };

  async function request<T>(spec: RequestSpec<T>): Promise<T> {
    const url = urlFor(spec.path, spec.query);
    const label = `${spec.method} ${spec.path}`;
    // Only reads and requests the server de-duplicates by key may be sent twice.
    const mayRetry = spec.method === 'GET' || spec.idempotencyKey !== undefined;
    let refreshed = false;
    for (let attempt = 0; ; ) {
      if (spec.signal?.aborted) throw aborted(label, spec.signal);
      const tokenUsed = options.getToken ? (token ??= options.getToken()) : undefined;
      const auth = tokenUsed ? await bearer(tokenUsed, label) : undefined;
      const outcome = await send(spec, url, label, auth);
      if (outcome.ok) return outcome.value;
      if (outcome.error.code === 'aborted') throw outcome.error;
      if (outcome.error.status === 401 && tokenUsed && !refreshed) {
        // Ask for a new token unless a concurrent request already did.
        if (token === tokenUsed) token = undefined;
        refreshed = true;
        continue;
      }
      if (!mayRetry || !outcome.retryable || attempt >= retries) throw outcome.error;
      const backoff = random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      const retryAfter = outcome.error.retryAfterMs;
      await sleep(retryAfter === undefined ? backoff : Math.min(maxDelayMs, retryAfter), spec.signal);
      attempt++;
    }
  }

  async function bearer(pending: Promise<string | null | undefined>, label: string) {
    try {
      return (await pending) ?? undefined;
    } catch (cause) {
      if (token === pending) token = undefined;
      const message = `${label}: could not get a session token`;
      throw new BillingApiError('unauthorized', message, { request: label, cause });
    }
  }

  /** One attempt: never throws, so the retry loop above reads as a decision table. */
  async function send<T>(spec: RequestSpec<T>, url: string, label: string, auth?: string): Promise<Outcome<T>> {
    const attempt = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      attempt.abort();
    }, timeoutMs);
    const onAbort = () => attempt.abort();
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    if (spec.idempotencyKey !== undefined) headers['Idempotency-Key'] = spec.idempotencyKey;
    if (auth) headers.Authorization = `Bearer ${auth}`;
    try {
      const response = await doFetch(url, {
        method: spec.method,
        headers,
        credentials,
        signal: attempt.signal,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
      });
      const text = await response.text();
      if (response.ok) {
        const outcome = parseBody(text, spec.schema, label, response.status);
        // The server's clock: its `Date`, else the body's `as_of` (the summary) where CORS hides `Date`.
        const asOf = outcome.ok ? (outcome.value as { as_of?: string } | null)?.as_of : undefined;
        serverTime = Date.parse(response.headers.get('Date') || asOf || '') || serverTime;
        return outcome;
      }
      const retryable = RETRYABLE_STATUSES.has(response.status);
      return { ok: false, error: failedResponse(response, text, label), retryable };
    } catch (cause) {
      if (spec.signal?.aborted) return { ok: false, error: aborted(label, spec.signal), retryable: false };
      if (timedOut) return fail('timeout', `${label} timed out after ${timeoutMs} ms`, { request: label, cause });
      // fetch rejects with a TypeError for DNS, connection and CORS failures alike.
      return fail('network', `${label} could not reach the billing API`, { request: label, cause });
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Every read goes through the cache: shared in flight, tagged for invalidation. */
  function read<T>(tags: string[], path: string, schema: Parser<T>, opts: ReadOptions = {}, query?: Query) {
    const load = (signal: AbortSignal) => request({ method: 'GET', path, query, schema, signal });
    const cacheOptions = { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.fresh ? { fresh: true } : {}) };
    const cached = cache.fetch<T>(`GET ${urlFor(path, query)}`, tags, load, cacheOptions);
    // A cache hit stays a promise `settledValue` can read, so an element can render it at once.
    if (settledValue(cached)) return cached;
    return cached.catch((error: unknown) => {
      // The cache rejects a caller's abort with the signal's reason: report it in our terms.
      if (opts.signal?.aborted && !(error instanceof BillingApiError)) throw aborted(`GET ${path}`, opts.signal);
      throw error;
    });
  }

  const id = encodeURIComponent;

  return {
    getSummary: (o) => read(['summary'], '/summary', Summary, o),
    listInvoices: (q: InvoiceQuery = {}, o) => {
      const tags = q.service_id ? ['invoices', `service:${q.service_id}`] : ['invoices'];
      return read(tags, '/invoices', InvoicePage, o, { ...q });
    },
    getInvoice: (invoiceId, o) => read([`invoice:${invoiceId}`], `/invoices/${id(invoiceId)}`, Invoice, o),
    listPayments: (q: PaymentQuery = {}, o) => {
      const tags = q.invoice_id ? ['payments', `invoice:${q.invoice_id}`] : ['payments'];
      return read(tags, '/payments', PaymentPage, o, { ...q });
    },
    getPayment: (paymentId, o) => read([`payment:${paymentId}`, 'payments'], `/payments/${id(paymentId)}`, Payment, o),
    listPaymentMethods: (o) => mapSettled(read(['payment-methods'], '/payment-methods', PaymentMethodList, o), (list) => list.data),
    getWallet: (o) => read(['wallet'], '/wallet', Wallet, o),
    getServiceBilling: (serviceId, o) =>
      read([`service:${serviceId}`], `/services/${id(serviceId)}/billing`, ServiceBilling, o),
    listWalletTransactions: (q: WalletTransactionQuery = {}, o) => read(['wallet'], '/wallet/transactions', WalletTransactionPage, o, { ...q }),
    // `wallet` too: every money move invalidates the wallet, and coverage is computed from it.
    getUpcoming: (days, o) => read(['upcoming', 'wallet'], '/upcoming', Upcoming, o, { days }),
    getTopUp: (topUpId, o) => read([`top-up:${topUpId}`, 'wallet'], `/wallet/top-ups/${id(topUpId)}`, TopUp, o),

    // Never retried: a quote has no idempotency key, and the user can simply ask again.
    quoteTopUp: (body, o) =>
      request({ method: 'POST', path: '/wallet/top-ups/quote', body, schema: TopUpQuote, signal: o?.signal }),
    async payInvoice(invoiceId, body, o) {
      const path = `/invoices/${id(invoiceId)}/payments`;
      const { signal, idempotencyKey } = o;
      const result = await request({ method: 'POST', path, body, schema: PayResult, signal, idempotencyKey });
      const service = result.invoice.service;
      const tags: CacheTag[] = [`invoice:${invoiceId}`, 'invoices', 'wallet', 'payments', 'summary', 'upcoming'];
      cache.invalidate(service ? [...tags, `service:${service.id}`] : tags);
      return result;
    },
    async createTopUp(body, o) {
      const { signal, idempotencyKey } = o;
      const path = '/wallet/top-ups';
      const topUp = await request({ method: 'POST', path, body, schema: TopUp, signal, idempotencyKey });
      cache.invalidate(['wallet', 'payments', 'summary', 'upcoming']);
      return topUp;
    },

    invalidate: (tags) => cache.invalidate(tags),
    refreshAll: () => cache.refreshAll(),
    subscribe: (listener) => cache.subscribe(listener),
    fetchedAt: (tag) => cache.fetchedAt(tag),
    serverTime: () => serverTime,
    storageScope: options.storageScope ?? urlFor(''),
  };
}

type ErrorInit = ConstructorParameters<typeof BillingApiError>[2];

function fail(code: BillingErrorCode, message: string, init: ErrorInit, retryable = true): Outcome<never> {
  return { ok: false, error: new BillingApiError(code, message, init), retryable };
}

function aborted(label: string, signal: AbortSignal): BillingApiError {
  return new BillingApiError('aborted', `${label} was aborted`, { request: label, cause: signal.reason });
}

/** A 2xx whose body is not JSON or not the documented shape: a server bug, never retried. */
function parseBody<T>(text: string, schema: Parser<T>, label: string, status: number): Outcome<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return fail('bad_response', `${label}: the response is not JSON`, { status, request: label, cause }, false);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map(String).join('.');
  const where = path ? `at "${path}"` : 'at the top level';
  const message = `${label}: unexpected response ${where}: ${issue?.message ?? 'invalid'}`;
  return fail('bad_response', message, { status, path, request: label, cause: parsed.error }, false);
}

/** An error response: the problem+json body when there is one, else the bare status. */
function failedResponse(response: Response, text: string, label: string): BillingApiError {
  let problem: Problem | undefined;
  try {
    const parsed = Problem.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not JSON (a proxy's HTML error page): the status alone decides.
  }
  const code = codeForResponse(response.status, problem?.code);
  const message = problem?.detail ?? problem?.title ?? `${label} failed with HTTP ${response.status}`;
  return new BillingApiError(code, message, {
    status: response.status,
    problem,
    request: label,
    retryAfterMs: retryAfterMs(response.headers.get('Retry-After')),
  });
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

