/**
 * The reference billing API: a stateful fake of the PerLod billing API with the real
 * business rules, as a Fetch handler. The demo server mounts `handle` in Node; tests and
 * Storybook hand `fetch` to the HTTP client in the browser.
 *
 * @example
 * const api = createReferenceApi({ scenario: 'overdue' });
 * const client = createHttpClient({ baseUrl: API_BASE_PATH, fetch: api.fetch });
 */
import { FaultBook, IdempotencyStore, parseFault } from './faults.js';
import { handleRequest } from './handler.js';
import type { Runtime } from './handler.js';
import { moneyRecords, settleCheckout } from './money.js';
import { SCENARIOS, seedScenario } from './scenarios.js';
import { BillingState } from './state.js';
import type { Fault, ReferenceApi, ReferenceApiOptions, ScenarioName } from './types.js';

export type {
  Fault,
  FaultType,
  LedgerAudit,
  LedgerEntry,
  LedgerSource,
  MoneyRecord,
  ReferenceApi,
  ReferenceApiOptions,
  ReferenceClock,
  ScenarioName,
} from './types.js';
export { SCENARIOS } from './scenarios.js';
export { DEMO_SESSION_COOKIE, DEMO_SESSION_VALUE } from './handler.js';
export { matchesRoute } from './faults.js';

export const API_BASE_PATH = '/api/billing/v1';
export const DEFAULT_NOW = '2026-11-26T09:00:00Z';
/** Relative URLs given to `ReferenceApi.fetch` resolve against this origin. */
export const REFERENCE_ORIGIN = 'http://billing.test';
const DEFAULT_TOKEN_TTL_MS = 15 * 60_000;

export function createReferenceApi(options: ReferenceApiOptions = {}): ReferenceApi {
  const basePath = (options.basePath ?? API_BASE_PATH).replace(/\/+$/, '');
  const start = Date.parse(options.now ?? DEFAULT_NOW);
  if (Number.isNaN(start)) throw new RangeError(`createReferenceApi: 'now' is not an ISO instant: ${options.now}`);
  let nowMs = start;
  const clock = {
    now: () => new Date(nowMs),
    advance(ms: number) {
      nowMs += ms;
    },
    set(iso: string) {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) throw new RangeError(`clock.set: not an ISO instant: ${iso}`);
      nowMs = ms;
    },
  };
  const seed = (name: ScenarioName) => {
    const seeded = seedScenario(name);
    seeded.account.autoPayInvoices = options.autoPayInvoices ?? false;
    return seeded;
  };
  let scenario: ScenarioName = options.scenario ?? 'overdue';
  if (!(scenario in SCENARIOS)) throw new RangeError(`createReferenceApi: unknown scenario '${scenario}'`);
  let state = new BillingState(seed(scenario), clock.now);
  const faults = new FaultBook();
  const idempotency = new IdempotencyStore();
  const log: string[] = [];
  const tokens = new Map<string, number>();
  let tokenCount = 0;

  const reset = (next: ScenarioName = scenario) => {
    scenario = next;
    nowMs = start;
    state = new BillingState(seed(next), clock.now);
    faults.clear();
    idempotency.clear();
    log.length = 0;
  };

  const runtime: Runtime = {
    basePath,
    control: options.control ?? false,
    allowedOrigins: options.allowedOrigins ?? [],
    requireAuth: options.requireAuth ?? false,
    get state() {
      return state;
    },
    get scenario() {
      return scenario;
    },
    faults,
    idempotency,
    log,
    clock,
    tokenState(token) {
      const expiresAt = tokens.get(token);
      if (expiresAt === undefined) return 'unknown';
      return nowMs < expiresAt ? 'valid' : 'expired';
    },
    issueToken({ ttlMs = DEFAULT_TOKEN_TTL_MS } = {}) {
      const token = `plt_test_${String(++tokenCount).padStart(4, '0')}`;
      tokens.set(token, nowMs + ttlMs);
      return token;
    },
    reset,
  };

  const handle = (request: Request) => handleRequest(runtime, request);

  const fetchImpl = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), REFERENCE_ORIGIN), init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!signal) return handle(request);
    // Like real fetch: an abort rejects at once, whatever the handler is still doing.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      handle(request).then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  return {
    handle,
    fetch: fetchImpl,
    reset,
    get scenario() {
      return scenario;
    },
    ledger: () => state.entries.map((e) => ({ ...e, amount: { ...e.amount } })),
    records: () => moneyRecords(state),
    invoices: () => [...state.invoices.values()].sort((a, b) => a.seq - b.seq).map((inv) => state.invoiceSummary(inv)),
    audit: () => state.audit(),
    completeCheckout(checkoutId: string, outcome: 'approve' | 'decline') {
      return Promise.resolve().then(() => {
        settleCheckout(state, checkoutId, outcome);
      });
    },
    inject(fault: Fault) {
      faults.add(parseFault(fault));
    },
    clearFaults: () => faults.clear(),
    clock,
    issueToken: (tokenOptions) => runtime.issueToken(tokenOptions),
    requestLog: () => [...log],
  };
}
