/** Public types of the reference billing API (re-exported by `src/testing/index.ts`). */
import type { InvoiceSummary, Money } from '../api/schemas.js';

export type ScenarioName =
  | 'overdue'
  | 'healthy'
  | 'suspended'
  | 'new-account'
  | 'many-invoices'
  | 'low-balance'
  | 'partially-paid'
  | 'eur'
  | 'jpy'
  | 'read-only';

interface FaultBase {
  /** `'GET /summary'`, `'POST /invoices/*\/payments'`, `'GET *'` or `'*'`: method and path below the base path, `*` is one segment. */
  match: string;
  /** How many matching requests get the fault. Default 1. */
  times?: number;
}

export type Fault =
  | (FaultBase & { type: 'latency'; ms: number })
  /** The endpoint runs (money moves, the idempotency key is stored), then the answer waits `ms`: a client timeout after the commit. */
  | (FaultBase & { type: 'latency-after-commit'; ms: number })
  | (FaultBase & { type: 'status'; status: number; code?: string; retryAfter?: number })
  | (FaultBase & { type: 'malformed' })
  | (FaultBase & {
      type: 'schema';
      /**
       * Dotted paths into the real 200 body and the values to put there, e.g.
       * `{ 'data.0.total.amount': '24.00' }`. Without it the first `amount` found becomes a string.
       */
      patch?: Record<string, unknown>;
    })
  | (FaultBase & { type: 'drop-after-commit' })
  | (FaultBase & { type: 'expired-token' });

export type FaultType = Fault['type'];

/** Where money moved: the customer's wallet or an outside rail. */
export type LedgerSource = 'wallet' | 'card' | 'crypto' | 'bank_transfer';

/** One money movement. `note` entries move nothing; they explain an outcome (a declined split payment). */
export interface LedgerEntry {
  seq: number;
  at: string;
  kind: 'charge' | 'credit' | 'note';
  source: LedgerSource;
  amount: Money;
  /** The `Idempotency-Key` of the attempt (one confirmation) that caused it; `opening-balance` for the seeded wallet. */
  intent: string;
  /** The payment or top-up id it belongs to. */
  reference: string;
  description: string;
}

export interface LedgerAudit {
  walletFromLedger: Money;
  wallet: Money;
  /** Charge count per `intent:source`; anything above 1 means an intent was charged twice. */
  chargesByIntent: Record<string, number>;
}

/**
 * One payment or top-up as the reference API holds it, with the `Idempotency-Key` that created
 * it: for tests that check what a page started against what the server did.
 */
export interface MoneyRecord {
  /** The payment id (a top-up also has one: the payment that carries its charge). */
  paymentId: string;
  /** The top-up id, for a top-up; null for an invoice payment or a refund. */
  topUpId: string | null;
  kind: string;
  invoiceId: string | null;
  status: string;
  /** What the payment charges (a top-up's total, fee and tax included). */
  amount: Money;
  createdAt: string;
  /** The key of the request that created it; `seed:<id>` or null for seeded records. */
  intent: string | null;
  /** The checkout (gateway page or transfer) that settles it, if any, and its state. */
  checkoutId: string | null;
  checkoutStatus: 'open' | 'approved' | 'declined' | null;
}

export interface ReferenceApiOptions {
  /** Default `'overdue'`. */
  scenario?: ScenarioName;
  /** Default `API_BASE_PATH`. */
  basePath?: string;
  /** The fixed clock's start instant, default `'2026-11-26T09:00:00Z'`. */
  now?: string;
  /** Serve the control endpoints under `${basePath}/_control/` (demo and e2e only). */
  control?: boolean;
  /** CORS: answer (incl. preflight) only for these origins; same-origin requests are always allowed. */
  allowedOrigins?: string[];
  /** Require `Authorization: Bearer <token>` from `issueToken()`, or the demo session cookie. */
  requireAuth?: boolean;
  /** The account's auto-pay setting (`Wallet.auto_pay_invoices`), kept across resets. Default false: a top-up only adds money. */
  autoPayInvoices?: boolean;
}

export interface ReferenceClock {
  now(): Date;
  advance(ms: number): void;
  set(iso: string): void;
}

export interface ReferenceApi {
  handle(request: Request): Promise<Response>;
  /** `fetch`-compatible: resolves relative URLs against `http://billing.test`. Hand it to createHttpClient in the browser. */
  fetch: typeof globalThis.fetch;
  /** Reload a scenario (default: the current one): state, clock, faults, idempotency keys and request log. */
  reset(scenario?: ScenarioName): void;
  readonly scenario: ScenarioName;
  /** Every charge and credit, in order. */
  ledger(): LedgerEntry[];
  /** Every payment and top-up with the key that created it, oldest first (a copy). */
  records(): MoneyRecord[];
  /** Every invoice as `GET /invoices` would show it now (status, amount paid, balance due), without a request. */
  invoices(): InvoiceSummary[];
  /** Wallet balance recomputed from the ledger vs the stored balance: tests assert they agree. */
  audit(): LedgerAudit;
  /**
   * Settle a checkout as the gateway would (what the checkout page's buttons do). Takes the
   * checkout id, or the id of the payment or top-up it settles (bank transfers have no page).
   */
  completeCheckout(checkoutId: string, outcome: 'approve' | 'decline'): Promise<void>;
  /** Fault injection: the next matching requests get the fault. */
  inject(fault: Fault): void;
  clearFaults(): void;
  /** Deterministic clock. */
  clock: ReferenceClock;
  issueToken(options?: { ttlMs?: number }): string;
  /** `METHOD /path-pattern` of every API request, in order, for request-count tests. */
  requestLog(): string[];
}
