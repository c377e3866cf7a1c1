// What a money flow can fail with, and each failure in the customer's words with its next step.
import { BillingApiError } from '../api/errors.js';
import type { BillingErrorCode } from '../api/errors.js';
import type { Money } from '../api/schemas.js';
import { isMessageKey, t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoney } from '../i18n/format.js';

/**
 * Refused redirect target: a checkout URL that is neither `https:` nor this page's own origin.
 * Nothing was charged: the customer never reached the gateway.
 */
export class UnsafeCheckoutUrlError extends Error {
  override readonly name = 'UnsafeCheckoutUrlError';
  readonly code = 'unsafe_checkout_url' as const;
  /** The message the UI shows ("The payment page address is not secure; nothing was charged. Contact support."). */
  readonly messageKey = 'checkout.unsafe_url' satisfies MessageKey;
  readonly url: string;

  constructor(url: string) {
    super(`Refused to open the checkout page ${url}: only https: (or this page's origin) is allowed`);
    this.url = url;
  }
}

/**
 * The gateway asked for a step this page cannot take (`next_action.type` other than
 * `redirect`, from a newer server). Nothing was charged by this page.
 */
export class UnsupportedNextActionError extends Error {
  override readonly name = 'UnsupportedNextActionError';
  readonly code = 'unsupported_next_action' as const;
  readonly type: string;

  constructor(type: string) {
    super(`The payment needs a step of type '${type}', which this page cannot take`);
    this.type = type;
  }
}

/** A money dialog with no `<billing-provider>` (or client) above it: nothing was sent. */
export class MoneyConfigurationError extends Error {
  override readonly name = 'MoneyConfigurationError';
  readonly code = 'configuration' as const;

  constructor() {
    super('Billing is not set up on this page (no <billing-provider> with a client above the element)');
  }
}

/**
 * The server created a top-up whose total differs from the quote the customer confirmed:
 * nothing is opened until the customer has seen the new total and confirmed again.
 */
export class QuoteChangedError extends Error {
  override readonly name = 'QuoteChangedError';
  readonly code = 'quote_changed' as const;
  /** What the customer confirmed, and what the server asks now. */
  readonly confirmed: Money;
  readonly total: Money;

  constructor(confirmed: Money, total: Money) {
    super(`The total changed from ${confirmed.amount} to ${total.amount} ${total.currency} after it was confirmed`);
    this.confirmed = confirmed;
    this.total = total;
  }
}

/** What a money flow can fail with. */
export type MoneyFlowError = BillingApiError | UnsafeCheckoutUrlError | UnsupportedNextActionError | MoneyConfigurationError | QuoteChangedError;
export type MoneyFlowErrorCode = BillingErrorCode | Exclude<MoneyFlowError, BillingApiError>['code'];


/**
 * The next step an error's panel offers: `retry` (the same intent again: same key, safe),
 * `recheck` (look at the record / ask again whether the in-flight request went through),
 * `change` (edit the form: amount, method), `refresh` (reload the data), `sign_in`,
 * `support`, or `none` (nothing this widget can do; the text says what to do).
 */
export type MoneyErrorNextStep = 'retry' | 'recheck' | 'change' | 'refresh' | 'sign_in' | 'support' | 'none';

export interface MoneyErrorMessage {
  code: MoneyFlowErrorCode;
  /** What happened. */
  title: string;
  /** The next step in words; empty when the title says it all. */
  action: string;
  /** The server's own explanation (problem `detail`) for a validation failure, as text. */
  detail?: string | undefined;
  next: MoneyErrorNextStep;
}

const NEXT_STEP: Partial<Record<MoneyFlowErrorCode, MoneyErrorNextStep>> = {
  network: 'retry',
  timeout: 'retry',
  server_error: 'retry',
  rate_limited: 'retry',
  bad_response: 'recheck',
  aborted: 'retry',
  idempotency_conflict: 'recheck',
  validation_failed: 'change',
  insufficient_funds: 'change',
  invoice_not_payable: 'refresh',
  not_found: 'refresh',
  unauthorized: 'sign_in',
  forbidden: 'none',
  unsafe_checkout_url: 'support',
  unsupported_next_action: 'change',
  quote_changed: 'change',
  configuration: 'none',
};

/**
 * An error of a money action in words, with the next step. Network failures and timeouts say
 * that retrying is safe (the same key is sent); a key conflict says to wait and re-check.
 */
export function moneyErrorMessage(error: MoneyFlowError | { code: BillingErrorCode; retryAfterMs?: number | undefined }, locale: string): MoneyErrorMessage {
  const code: MoneyFlowErrorCode = error.code;
  const next = NEXT_STEP[code] ?? 'retry';
  const own = (suffix: 'title' | 'action'): string | undefined => {
    const key = `checkout.error.${code}.${suffix}`;
    return isMessageKey(key) ? t(locale, key) : undefined;
  };
  if (code === 'unsafe_checkout_url') return { code, title: t(locale, 'checkout.unsafe_url'), action: '', next };
  if (code === 'unsupported_next_action') return { code, title: t(locale, 'checkout.unsupported_action'), action: t(locale, 'checkout.unsupported_action_hint'), next };
  if (code === 'configuration') return { code, title: t(locale, 'common.config_error.title'), action: t(locale, 'common.config_error.body'), next };
  if (error instanceof QuoteChangedError) {
    const title = t(locale, 'topup_dialog.total_changed', { total: formatMoney(error.total, locale), confirmed: formatMoney(error.confirmed, locale) });
    return { code, title, action: t(locale, 'topup_dialog.total_changed_hint'), next };
  }
  const generic: BillingErrorCode = isMessageKey(`error.${code}.title`) ? (code as BillingErrorCode) : 'server_error';
  let action = own('action') ?? t(locale, `error.${generic}.action`);
  const wait = 'retryAfterMs' in error && error.retryAfterMs !== undefined ? Math.ceil(error.retryAfterMs / 1000) : undefined;
  if (wait) action = `${action} ${t(locale, 'error.retry_after', { n: wait })}`;
  const detail = code === 'validation_failed' && error instanceof BillingApiError ? error.problem?.detail : undefined;
  return { code, title: own('title') ?? t(locale, `error.${generic}.title`), action, detail, next };
}
