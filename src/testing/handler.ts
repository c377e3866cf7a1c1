/**
 * The reference API's Fetch handler: CORS, auth, routing, idempotency and fault injection
 * around the billing rules in `state.ts` and `money.ts`, plus the checkout page and the
 * control endpoints. Only Request, Response, URL and Headers: it runs in Node and browsers.
 */
import { codeForResponse } from '../api/errors.js';
import { CHECKOUT_CSS, checkoutPage, checkoutResultPage, invoicePdf } from './documents.js';
import { corruptBody, parseFault } from './faults.js';
import type { FaultBook, StoredResult , IdempotencyStore} from './faults.js';
import { canonicalJson, cookieValue, html, json, preflight, problem, problemFrom, readJson, sleep, withCors } from './http.js';
import { ApiProblem } from './model.js';
import { createTopUp, payInvoice, quoteTopUp, readReturnUrl, settleCheckout } from './money.js';
import type { IntentContext } from './money.js';
import { SCENARIO_NAMES, isScenarioName } from './scenarios.js';
import type { BillingState, ViewContext } from './state.js';
import type { Fault, ReferenceClock, ScenarioName } from './types.js';

/** The first-party demo session: this cookie with this value (or an issued token) authenticates. */
export const DEMO_SESSION_COOKIE = 'perlod_session';
export const DEMO_SESSION_VALUE = 'demo-session';

/** What the handler needs from the reference API instance. */
export interface Runtime {
  readonly basePath: string;
  readonly control: boolean;
  readonly allowedOrigins: readonly string[];
  readonly requireAuth: boolean;
  readonly state: BillingState;
  readonly scenario: ScenarioName;
  readonly faults: FaultBook;
  readonly idempotency: IdempotencyStore;
  readonly log: string[];
  readonly clock: ReferenceClock;
  tokenState(token: string): 'valid' | 'expired' | 'unknown';
  issueToken(options?: { ttlMs?: number }): string;
  reset(scenario?: ScenarioName): void;
}

interface RouteInput {
  rt: Runtime;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  view: ViewContext;
  intent: IntentContext | undefined;
}

interface Route {
  method: 'GET' | 'POST';
  pattern: string;
  /** Money actions need an Idempotency-Key and are replayed by it. */
  money?: true;
  run(input: RouteInput): { status: number; body: unknown } | Response;
}

const found = <T>(value: T | undefined, what: string, id: string): T => {
  if (value === undefined) throw new ApiProblem(404, 'not_found', `No ${what} '${id}'.`);
  return value;
};
const ok = (body: unknown) => ({ status: 200, body });

const ROUTES: Route[] = [
  { method: 'GET', pattern: '/summary', run: ({ rt }) => ok(rt.state.summary()) },
  { method: 'GET', pattern: '/invoices', run: ({ rt, query }) => ok(rt.state.listInvoices(query)) },
  {
    method: 'GET',
    pattern: '/invoices/*',
    run: ({ rt, params, view }) => ok(rt.state.invoiceDetail(found(rt.state.invoices.get(params[0]), 'invoice', params[0]), view)),
  },
  {
    method: 'GET',
    pattern: '/invoices/*/pdf',
    run: ({ rt, params, view }) => {
      const invoice = rt.state.invoiceDetail(found(rt.state.invoices.get(params[0]), 'invoice', params[0]), view);
      return new Response(invoicePdf(invoice), {
        headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename="${invoice.number}.pdf"` },
      });
    },
  },
  {
    method: 'POST',
    pattern: '/invoices/*/payments',
    money: true,
    run: ({ rt, params, body, intent }) => ({ status: 201, body: payInvoice(rt.state, params[0], body, intent!) }),
  },
  { method: 'GET', pattern: '/payments', run: ({ rt, query }) => ok(rt.state.listPayments(query)) },
  {
    method: 'GET',
    pattern: '/payments/*',
    run: ({ rt, params }) => ok(rt.state.paymentView(found(rt.state.payments.get(params[0]), 'payment', params[0]))),
  },
  { method: 'GET', pattern: '/payment-methods', run: ({ rt }) => ok({ data: rt.state.account.methods }) },
  { method: 'GET', pattern: '/wallet', run: ({ rt }) => ok(rt.state.wallet()) },
  { method: 'GET', pattern: '/wallet/transactions', run: ({ rt, query }) => ok(rt.state.listWalletMoves(query)) },
  { method: 'POST', pattern: '/wallet/top-ups/quote', run: ({ rt, body }) => ok(quoteTopUp(rt.state, body)) },
  { method: 'POST', pattern: '/wallet/top-ups', money: true, run: ({ rt, body, intent }) => ({ status: 201, body: createTopUp(rt.state, body, intent!) }) },
  {
    method: 'GET',
    pattern: '/wallet/top-ups/*',
    run: ({ rt, params }) => ok(rt.state.topUpView(found(rt.state.topUps.get(params[0]), 'top-up', params[0]))),
  },
  { method: 'GET', pattern: '/upcoming', run: ({ rt, query }) => ok(rt.state.upcoming(query)) },
  {
    method: 'GET',
    pattern: '/services/*/billing',
    run: ({ rt, params }) => ok(found(rt.state.serviceBilling(params[0]), 'service', params[0])),
  },
];

function matchRoute(path: string): Array<{ route: Route; params: string[] }> {
  const have = path.split('/').filter(Boolean);
  const matches: Array<{ route: Route; params: string[] }> = [];
  for (const route of ROUTES) {
    const want = route.pattern.split('/').filter(Boolean);
    if (want.length !== have.length) continue;
    const params: string[] = [];
    if (want.every((segment, i) => (segment === '*' ? params.push(decodeURIComponent(have[i])) > 0 : segment === have[i]))) matches.push({ route, params });
  }
  return matches;
}

/** Entry point: CORS first (preflight included), then the checkout page, control or the API. */
export async function handleRequest(rt: Runtime, request: Request): Promise<Response> {
  const url = new URL(request.url);
  // The checkout page is navigated to, not fetched: CORS does not apply, and its form posts may carry `Origin: null`.
  if (url.pathname.startsWith(`${rt.basePath}/_checkout/`)) return route(rt, request, url);
  const origin = request.headers.get('Origin');
  const crossOrigin = origin !== null && origin !== url.origin;
  if (crossOrigin && !rt.allowedOrigins.includes(origin)) {
    return problem(403, 'forbidden', `Origin ${origin} is not allowed to call the billing API.`);
  }
  if (request.method === 'OPTIONS') {
    return crossOrigin ? preflight(origin) : new Response(null, { status: 204, headers: { Allow: 'GET, POST, OPTIONS' } });
  }
  const response = await route(rt, request, url);
  // The server's clock (HTTP `Date`, exposed to CORS callers): the widgets count "due in 3 days"
  // from the server's day, as its statuses are, not from the browser's.
  response.headers.set('Date', rt.clock.now().toUTCString());
  return crossOrigin ? withCors(response, origin) : response;
}

async function route(rt: Runtime, request: Request, url: URL): Promise<Response> {
  if (url.pathname !== rt.basePath && !url.pathname.startsWith(`${rt.basePath}/`)) {
    return problem(404, 'not_found', `${url.pathname} is not under ${rt.basePath}.`);
  }
  const path = url.pathname.slice(rt.basePath.length) || '/';
  const view: ViewContext = { origin: url.origin, basePath: rt.basePath };
  try {
    if (path.startsWith('/_checkout/')) return checkoutRoute(rt, request, path);
    if (path.startsWith('/_control/') && rt.control) return await controlRoute(rt, request, path);
    return await apiRoute(rt, request, url, path, view);
  } catch (error) {
    if (error instanceof ApiProblem) return problemFrom(error);
    if (error instanceof TypeError && error.message === DROPPED) throw error;
    if (request.signal?.aborted) throw error;
    return problem(500, 'server_error', `The reference API failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const DROPPED = 'Failed to fetch (the reference API dropped the response after committing)';

async function apiRoute(rt: Runtime, request: Request, url: URL, path: string, view: ViewContext): Promise<Response> {
  const method = request.method.toUpperCase();
  const candidates = matchRoute(path);
  const matched = candidates.find((c) => c.route.method === method);
  rt.log.push(matched ? `${method} ${matched.route.pattern}` : `${method} ${path}`);
  if (!matched) {
    if (candidates.length > 0) return problem(405, 'method_not_allowed', `${method} is not allowed on ${path}.`, { headers: { Allow: candidates.map((c) => c.route.method).join(', ') } });
    return problem(404, 'not_found', `No endpoint ${method} ${path}.`);
  }
  const faults = rt.faults.take(method, path);
  const fault = <T extends Fault['type']>(type: T) => faults.find((f): f is Extract<Fault, { type: T }> => f.type === type);
  const latency = faults.reduce((ms, f) => (f.type === 'latency' ? ms + f.ms : ms), 0);

  const authFailure = rt.requireAuth ? checkAuth(rt, request) : null;
  if (authFailure) return authFailure;

  const body = method === 'POST' ? await readJson(request) : undefined;
  let intent: IntentContext | undefined;
  let reservation: { key: string; fingerprint: string } | undefined;
  let replay: StoredResult | undefined;
  if (matched.route.money) {
    const key = request.headers.get('Idempotency-Key')?.trim();
    if (!key) throw new ApiProblem(422, 'validation_failed', 'Idempotency-Key: this header is required on money actions.', 'Idempotency-Key');
    const returnUrl = readReturnUrl(url.searchParams.get('return_url') ?? (body as Record<string, unknown> | null)?.['return_url']);
    const fingerprint = `${method} ${path} ${canonicalJson(body)} ${returnUrl ?? ''}`;
    const check = rt.idempotency.begin(key, fingerprint);
    if (check.kind === 'conflict') return problem(409, 'idempotency_conflict', check.detail);
    if (check.kind === 'replay') replay = check.result;
    else reservation = { key, fingerprint };
    intent = { ...view, intent: key, returnUrl };
  }

  let stored: StoredResult | undefined;
  let response: Response;
  try {
    if (latency > 0) await sleep(latency, request.signal);
    const early = faultResponse(faults);
    if (early) return early;
    if (replay) {
      response = new Response(replay.body, { status: replay.status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replayed': 'true' } });
    } else {
      const result = matched.route.run({ rt, params: matched.params, query: url.searchParams, body, view, intent });
      if (result instanceof Response) return result;
      response = json(result.status, result.body);
      if (reservation) stored = { fingerprint: reservation.fingerprint, status: result.status, body: JSON.stringify(result.body) };
      const schemaFault = fault('schema');
      if (schemaFault) response = json(result.status, corruptBody(result.body, schemaFault.patch));
    }
  } finally {
    if (reservation) rt.idempotency.finish(reservation.key, stored);
  }
  // Committed and remembered: only the answer is late (a client timeout after the money moved).
  const lateBy = faults.reduce((ms, f) => (f.type === 'latency-after-commit' ? ms + f.ms : ms), 0);
  if (lateBy > 0) await sleep(lateBy, request.signal);
  if (fault('drop-after-commit')) throw new TypeError(DROPPED);
  return response;
}

/** Faults that answer instead of the endpoint, nothing applied. */
function faultResponse(faults: Fault[]): Response | undefined {
  for (const f of faults) {
    if (f.type === 'expired-token') {
      return problem(401, 'unauthorized', 'The session token has expired.', { headers: { 'WWW-Authenticate': 'Bearer realm="perlod-billing", error="invalid_token"' } });
    }
    if (f.type === 'status') {
      const headers: Record<string, string> = f.retryAfter === undefined ? {} : { 'Retry-After': String(f.retryAfter) };
      return problem(f.status, f.code ?? codeForResponse(f.status), `Injected fault: HTTP ${f.status}.`, { headers });
    }
    if (f.type === 'malformed') {
      return new Response('{"data": [{"id": "inv_', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
  }
  return undefined;
}

function checkAuth(rt: Runtime, request: Request): Response | null {
  const header = request.headers.get('Authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = cookieValue(request.headers.get('Cookie'), DEMO_SESSION_COOKIE);
  if (!bearer && (cookie === DEMO_SESSION_VALUE || (cookie && rt.tokenState(cookie) === 'valid'))) return null;
  const state = bearer ? rt.tokenState(bearer) : 'unknown';
  if (state === 'valid') return null;
  const detail = !bearer ? 'Sign in, or send a session token as a Bearer token.' : state === 'expired' ? 'The session token has expired.' : 'The session token is not valid.';
  const challenge = bearer ? 'Bearer realm="perlod-billing", error="invalid_token"' : 'Bearer realm="perlod-billing"';
  return problem(401, 'unauthorized', detail, { headers: { 'WWW-Authenticate': challenge } });
}

function checkoutRoute(rt: Runtime, request: Request, path: string): Response {
  const [, , id = '', outcome] = path.split('/');
  const { state, basePath } = { state: rt.state, basePath: rt.basePath };
  if (id === 'checkout.css' && request.method === 'GET') return new Response(CHECKOUT_CSS, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
  const checkout = state.checkouts.get(decodeURIComponent(id));
  if (!checkout) return html(404, '<!doctype html><html lang="en"><title>Not found</title><h1>No such checkout</h1></html>');
  const payment = state.payments.get(checkout.paymentId)!;
  // Like a gateway, the page takes the shop's return address from its own URL (`?return=`):
  // a widget can only build it once it knows the payment id, after creating the payment.
  let returnUrl = checkout.returnUrl;
  try {
    returnUrl = readReturnUrl(new URL(request.url).searchParams.get('return')) ?? checkout.returnUrl;
  } catch {
    // Not an absolute http(s) address: ignore it, as a gateway would refuse it.
  }
  const shown = { ...checkout, returnUrl };
  if (request.method === 'GET' && outcome === undefined) return html(200, checkoutPage(shown, payment, state.account.currency, basePath));
  if (request.method === 'POST' && (outcome === 'approve' || outcome === 'decline')) {
    settleCheckout(state, checkout.id, outcome);
    if (returnUrl) return new Response(null, { status: 303, headers: { Location: returnUrl } });
    return html(200, checkoutResultPage(shown, payment, state.account.currency, basePath));
  }
  return html(405, '<!doctype html><html lang="en"><title>Not allowed</title><h1>Method not allowed</h1></html>');
}

async function controlRoute(rt: Runtime, request: Request, path: string): Promise<Response> {
  const method = request.method.toUpperCase();
  const body = method === 'POST' ? ((await readJson(request)) as Record<string, unknown>) : {};
  const stateBody = () => ({ scenario: rt.scenario, scenarios: SCENARIO_NAMES, now: rt.clock.now().toISOString(), ledger: rt.state.entries, audit: rt.state.audit() });
  switch (`${method} ${path}`) {
    case 'GET /_control/state':
      return json(200, stateBody());
    case 'POST /_control/reset': {
      const scenario = body['scenario'];
      if (scenario !== undefined && !isScenarioName(scenario)) throw new ApiProblem(422, 'validation_failed', `scenario: must be one of ${SCENARIO_NAMES.join(', ')}`, 'scenario');
      rt.reset(scenario);
      return json(200, stateBody());
    }
    case 'POST /_control/faults':
      rt.faults.add(parseFault(body));
      return json(201, { added: body });
    case 'DELETE /_control/faults':
      rt.faults.clear();
      return new Response(null, { status: 204 });
    case 'POST /_control/clock': {
      if (typeof body['set'] === 'string' && !Number.isNaN(Date.parse(body['set']))) rt.clock.set(body['set']);
      else if (typeof body['advanceMs'] === 'number' && Number.isFinite(body['advanceMs'])) rt.clock.advance(body['advanceMs']);
      else throw new ApiProblem(422, 'validation_failed', 'advanceMs: give a number of milliseconds (or `set`: an ISO instant)', 'advanceMs');
      return json(200, { now: rt.clock.now().toISOString() });
    }
    case 'POST /_control/tokens': {
      const ttlMs = typeof body['ttlMs'] === 'number' ? body['ttlMs'] : undefined;
      return json(201, { token: rt.issueToken(ttlMs === undefined ? {} : { ttlMs }) });
    }
  }
  const settle = path.match(/^\/_control\/checkouts\/([^/]+)\/(approve|decline)$/);
  if (method === 'POST' && settle) {
    const checkout = settleCheckout(rt.state, decodeURIComponent(settle[1]), settle[2] as 'approve' | 'decline');
    return json(200, { checkout: checkout.id, status: checkout.status, payment: rt.state.paymentView(rt.state.payments.get(checkout.paymentId)!) });
  }
  return problem(404, 'not_found', `No control endpoint ${method} ${path}.`);
}
