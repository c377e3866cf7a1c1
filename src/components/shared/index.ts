// Everything an element author needs, in one import: `from './index.js'`.
export { BillingElement, nearestLang } from './base-element.js';
export { BillingConsumerElement } from './consumer-element.js';
export { ensureContextRoot } from './context-root.js';
export { BillingQueryController } from './query.js';
export type { BillingQueryHost, BillingQueryOptions, QueryCallOptions, QueryViewState } from './query.js';
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
} from './events.js';
export { toneIcon } from './icons.js';
export type { Tone } from './icons.js';
export { fillTemplate, invoiceHref, isSafeExternalUrl } from './links.js';
export {
  liveRegion,
  money,
  openLabel,
  renderAsOf,
  renderConfigError,
  renderDate,
  renderError,
  renderInstant,
  renderMoney,
  renderQueryFallback,
  renderQueryNotice,
  renderSkeleton,
  statusBadge,
  statusLabel,
  statusTone,
  unit,
  unitMsg,
} from './render.js';
export type { ErrorLike, StatusKind } from './render.js';
export { baseStyles } from './styles.js';
export { colorTokenName, palette, themeStyles, tokens } from './tokens.js';
export type { ColorToken, MetricToken } from './tokens.js';
