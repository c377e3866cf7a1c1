/**
 * `@perlod/billing-widgets/internals`: what the elements are built from, for writing an element
 * of your own in the same conventions, or testing at a lower level. NOT covered by semver: any
 * of it may change or go away in a minor or patch release; pin an exact version if you use it.
 * The public API is the package root (page-api.ts).
 *
 * @packageDocumentation
 */

// The zod schemas every response is parsed with, and the status lists (the types are public).
export * from './api/schemas.js';

export { BillingElement, BillingConsumerElement, BillingQueryController, tokens, palette } from './components/shared/index.js';
export type { BillingQueryHost, BillingQueryOptions, QueryCallOptions, QueryViewState } from './components/shared/index.js';

export { billingClientContext, billingConfigContext } from './context.js';

// The building block of a money flow on the client: one idempotency key per customer attempt.
export { AttemptStore } from './money/attempts.js';
export type { Attempt, Intent } from './money/attempts.js';

export { payBlockReason } from './domain/payability.js';
export type { PayBlockReason } from './domain/payability.js';
export { supportRequestHref } from './components/invoice-detail/invoice-detail.js';

export { t, textDirection } from './i18n/index.js';
