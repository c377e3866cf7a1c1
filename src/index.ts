// The package's main entry: the public API. Elements are added here as they land; the
// reference billing API stays behind the `./testing` subpath so it never ships to users.

export * from './api/schemas.js';

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
} from './api/client.js';

export { createHttpClient } from './api/http-client.js';
export type { HttpClientOptions, RetryOptions } from './api/http-client.js';

export { QueryCache } from './api/cache.js';
export type { CacheListener, QueryCacheOptions, QueryFetchOptions } from './api/cache.js';

export { IntentKeys } from './api/idempotency.js';
export type { Intent, PendingIntent } from './api/idempotency.js';
