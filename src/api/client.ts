import type {
  Invoice,
  InvoiceStatus,
  InvoiceSummary,
  Page,
  PayRequest,
  PayResult,
  Payment,
  PaymentMethod,
  ServiceBilling,
  Summary,
  TopUp,
  TopUpQuote,
  TopUpQuoteRequest,
  TopUpRequest,
  Upcoming,
  Wallet,
  WalletTransaction,
} from './schemas.js';

/** Options every read takes. */
export interface ReadOptions {
  /** Aborts the request; passed through to `fetch`. */
  signal?: AbortSignal | undefined;
  /** Skip the cache and ask the server (a re-check). The fresh result is cached. */
  fresh?: boolean | undefined;
}

/** Options every money-moving request takes. */
export interface MutationOptions {
  signal?: AbortSignal | undefined;
  /**
   * One key per attempt (one confirmation by the customer), the same for every retry of it
   * (see `AttemptStore`). The server replays the first result for a key instead of charging again.
   */
  idempotencyKey: string;
}

export interface InvoiceQuery {
  status?: InvoiceStatus | undefined;
  service_id?: string | undefined;
  /** Search by invoice number. */
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface PaymentQuery {
  invoice_id?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface WalletTransactionQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * Cache tags. A read is tagged with what it shows; a mutation invalidates what it changed,
 * and every element subscribed to any of those tags refetches.
 */
export type CacheTag =
  | 'summary'
  | 'invoices'
  | 'wallet'
  | 'payments'
  | 'payment-methods'
  | 'upcoming'
  | `invoice:${string}`
  | `service:${string}`
  | `payment:${string}`
  | `top-up:${string}`;

export type InvalidationListener = (tags: ReadonlySet<string>) => void;

/**
 * The only thing components depend on. `createHttpClient` makes the real one; tests and
 * embedders may hand any object of this shape to `<billing-provider>`'s `client` property.
 */
export interface BillingClient {
  getSummary(options?: ReadOptions): Promise<Summary>;
  listInvoices(query?: InvoiceQuery, options?: ReadOptions): Promise<Page<InvoiceSummary>>;
  getInvoice(id: string, options?: ReadOptions): Promise<Invoice>;
  listPayments(query?: PaymentQuery, options?: ReadOptions): Promise<Page<Payment>>;
  getPayment(id: string, options?: ReadOptions): Promise<Payment>;
  listPaymentMethods(options?: ReadOptions): Promise<PaymentMethod[]>;
  getWallet(options?: ReadOptions): Promise<Wallet>;
  getServiceBilling(serviceId: string, options?: ReadOptions): Promise<ServiceBilling>;
  getTopUp(id: string, options?: ReadOptions): Promise<TopUp>;
  /**
   * The wallet's ledger, newest first: every credit and debit with the balance it left
   * (`GET /wallet/transactions`). Optional, so a client written before it still fits; the
   * wallet's activity view says it is not available without it. Tagged `wallet`: whatever
   * changes the wallet (a top-up, a payment from it) reloads it.
   */
  listWalletTransactions?(query?: WalletTransactionQuery, options?: ReadOptions): Promise<Page<WalletTransaction>>;
  /**
   * The scheduled charges of the next `days` days (1 to 90, default 30) and how the wallet
   * covers them (`GET /upcoming`). Optional, so a client written before it still fits. Tagged
   * `upcoming` and `wallet`: whatever moves money (a payment, a top-up) reloads it.
   */
  getUpcoming?(days?: number, options?: ReadOptions): Promise<Upcoming>;

  quoteTopUp(request: TopUpQuoteRequest, options?: { signal?: AbortSignal | undefined }): Promise<TopUpQuote>;
  payInvoice(invoiceId: string, request: PayRequest, options: MutationOptions): Promise<PayResult>;
  createTopUp(request: TopUpRequest, options: MutationOptions): Promise<TopUp>;

  /** Marks everything under these tags stale and tells every subscriber (and other tabs). */
  invalidate(tags: Iterable<CacheTag | (string & {})>): void;
  /** Marks everything stale: the "refresh" action. */
  refreshAll(): void;
  /** Called with the invalidated tags on every invalidation, local or from another tab. Returns an unsubscribe function. */
  subscribe(listener: InvalidationListener): () => void;
  /** When the cached value for these tags was fetched (ms since epoch), for "as of" stamps; undefined when not cached. */
  fetchedAt?(tag: CacheTag | (string & {})): number | undefined;
  /**
   * The server's clock at its latest answer (ms since epoch), from the HTTP `Date` header (or a
   * body's `as_of` when CORS hides `Date`); undefined before any. "Due in 3 days" counts from
   * this day, as the server's statuses do, so a browser with a wrong clock never says "Overdue"
   * beside "Unpaid". Other clients may leave it out: the user's own date is used then.
   */
  serverTime?(): number | undefined;
  /**
   * What this client's money attempts (idempotency keys, checkouts this browser started) are
   * kept under in the origin's storage: the API base and the account. Two clients with
   * different scopes on one origin (a portal serving several APIs or accounts) never resume or
   * continue each other's payments. `createHttpClient` sets it; other clients may leave it out.
   */
  readonly storageScope?: string | undefined;
}
