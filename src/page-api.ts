// The package's public API, what semver covers: the package root (index.ts) and the script-tag
// files (script-tag.ts, global `PerLodBilling` in the IIFE) export exactly this and the element
// classes of page-elements.ts (the ES script-tag file: each from its element's own file). What the
// elements are built from (base classes, query controller, tokens, zod schemas, AttemptStore,
// context keys) is in internals.ts, `@perlod/billing-widgets/internals`, outside semver.

/** The API's data types (`Invoice`, `Money`, `Wallet`...), types only: the zod schemas are internals. */
export type * from './api/schemas.js';

export { BillingApiError, ERROR_CODES, isBillingApiError } from './api/errors.js';
export type { BillingApiErrorInit, BillingErrorCode } from './api/errors.js';

export type {
  BillingClient,
  CacheTag,
  InvalidationListener,
  InvoiceQuery,
  MutationOptions,
  PaymentQuery,
  ReadOptions,
  WalletTransactionQuery,
} from './api/client.js';

export { createHttpClient } from './api/http-client.js';
export type { HttpClientOptions, RetryOptions } from './api/http-client.js';

// The client's `cache` option.
export { QueryCache } from './api/cache.js';
export type { CacheListener, QueryCacheOptions, QueryFetchOptions } from './api/cache.js';

export type { BillingConfig, CheckoutMode } from './context.js';

export { BillingProvider, configureBilling } from './components/billing-provider/index.js';
export type { BillingConfiguration, BillingTheme, ConfigureBillingOptions } from './components/billing-provider/index.js';
// The other element classes are in page-elements.ts: the ES script-tag file loads each from a file of its own.

export type {
  BillingErrorDetail,
  BillingEventDetailMap,
  BillingEventName,
  BillingInvoicePaidDetail,
  BillingInvoiceSelectDetail,
  BillingPayRequestDetail,
  BillingTopUpRequestDetail,
  BillingSupportRequestDetail,
  BillingTopUpCompletedDetail,
} from './components/shared/events.js';

// Languages beyond those shipped: `registerCatalog('fr', { ... })`.
export { registerCatalog } from './i18n/index.js';
export type { Catalog, MessageKey } from './i18n/index.js';
