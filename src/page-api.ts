// What a page uses: the package's public API but `AttemptStore` (index.ts adds it). The
// script-tag files expose exactly this (script-tag.ts).

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

export type { Attempt, Intent } from './money/attempts.js';

export { billingClientContext, billingConfigContext } from './context.js';
export type { BillingConfig, CheckoutMode } from './context.js';

export { BillingProvider, configureBilling } from './components/billing-provider/index.js';
export type { BillingConfiguration, BillingTheme, ConfigureBillingOptions } from './components/billing-provider/index.js';
export { BillingOverview } from './components/billing-overview/billing-overview.js';
export { InvoiceList } from './components/invoice-list/invoice-list.js';
export { InvoiceDetail, supportRequestHref } from './components/invoice-detail/invoice-detail.js';
export { payBlockReason } from './domain/payability.js';
export type { PayBlockReason } from './domain/payability.js';
export { WalletBalance } from './components/wallet-balance/wallet-balance.js';
export { TopUpButton } from './components/top-up-button/top-up-button.js';

export { BillingElement, BillingConsumerElement, BillingQueryController, tokens, palette } from './components/shared/index.js';
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
  QueryViewState,
} from './components/shared/index.js';

export { t, registerCatalog, textDirection } from './i18n/index.js';
