/**
 * The `billing-*` events: `CustomEvent`s that bubble and cross shadow roots, typed here and
 * in `GlobalEventHandlersEventMap` so `addEventListener('billing-invoice-paid', e => e.detail.paymentId)`
 * type-checks in the host page. Every amount in a detail is a `Money`: `{ amount, currency }`
 * with `amount` an integer count of the currency's minor units (cents, yen), as in the API.
 */
import type { BillingErrorCode } from '../../api/errors.js';
import type { Money } from '../../api/schemas.js';

/** The customer chose an invoice. Cancelable: a host page that routes itself calls `preventDefault()`. */
export interface BillingInvoiceSelectDetail {
  invoiceId: string;
  number: string;
  /** The link built from `invoice-href`, when there is one. */
  href?: string | undefined;
}

/** A payment settled an invoice (or part of it). */
export interface BillingInvoicePaidDetail {
  invoiceId: string;
  paymentId: string;
}

/** A top-up reached the wallet. */
export interface BillingTopUpCompletedDetail {
  topUpId: string;
  amount: Money;
}

/**
 * The customer asked support for help: about an invoice (`<invoice-detail>`), or about the
 * account (`<billing-overview>`, with its most urgent invoice when there is one). Cancelable:
 * the host page may run its own support flow instead of `support-href`.
 */
export interface BillingSupportRequestDetail {
  /** The invoice asked about; absent for an account question without an open invoice. */
  invoiceId?: string | undefined;
  number?: string | undefined;
  /** What the customer wrote. */
  description: string;
  /** The whole prepared message: the description and the facts attached (what the customer sees and can copy). */
  message: string;
  /**
   * For a host that sends the request itself: call it while handling the event with a promise
   * that settles when support has the request. It takes the request over (no `support-href`
   * navigation); the widget says "Sent to support" when the promise fulfils and that it could
   * not be sent when it rejects. Without it the widget never claims the request was sent.
   */
  respondWith(sent: Promise<unknown>): void;
}

/**
 * The customer asked to pay an invoice. Cancelable: a host page that runs its own pay flow
 * calls `preventDefault()`.
 */
export interface BillingPayRequestDetail {
  invoiceId: string;
  number: string;
  balanceDue: Money;
}

/**
 * The customer asked to top up the wallet (`<top-up-button>`: a click, `show()` or `open = true`).
 * Cancelable: a host page that runs its own top-up flow calls `preventDefault()`, and the
 * element opens nothing.
 */
export interface BillingTopUpRequestDetail {
  /**
   * The `amount` preset as `Money` (integer minor units of the wallet currency: `amount="19.99"`
   * on a USD wallet is `{ amount: 1999, currency: 'USD' }`). Undefined without a preset, or when
   * the preset is not an amount in that currency (too many decimals, negative).
   */
  amount?: Money | undefined;
}

/** A load or an action failed; for the host page's logging. The element shows the error itself. */
export interface BillingErrorDetail {
  /**
   * Why: a client error code, or for a money action also `unsafe_checkout_url`,
   * `unsupported_next_action`, `quote_changed` (the server's total differs from the confirmed
   * quote) or `configuration` (no provider).
   */
  code: BillingErrorCode | 'unsafe_checkout_url' | 'unsupported_next_action' | 'quote_changed' | 'configuration';
  message: string;
  /** Tag name of the element that failed, e.g. `invoice-list`. */
  element: string;
}

/** Event name to detail type, for `BillingElement.emit`. */
export interface BillingEventDetailMap {
  'billing-invoice-select': BillingInvoiceSelectDetail;
  'billing-invoice-paid': BillingInvoicePaidDetail;
  'billing-top-up-completed': BillingTopUpCompletedDetail;
  'billing-top-up-request': BillingTopUpRequestDetail;
  'billing-support-request': BillingSupportRequestDetail;
  'billing-pay-request': BillingPayRequestDetail;
  'billing-error': BillingErrorDetail;
}

export type BillingEventName = keyof BillingEventDetailMap;

declare global {
  interface GlobalEventHandlersEventMap {
    'billing-invoice-select': CustomEvent<BillingInvoiceSelectDetail>;
    'billing-invoice-paid': CustomEvent<BillingInvoicePaidDetail>;
    'billing-top-up-completed': CustomEvent<BillingTopUpCompletedDetail>;
    'billing-top-up-request': CustomEvent<BillingTopUpRequestDetail>;
    'billing-support-request': CustomEvent<BillingSupportRequestDetail>;
    'billing-pay-request': CustomEvent<BillingPayRequestDetail>;
    'billing-error': CustomEvent<BillingErrorDetail>;
  }
}

/**
 * Dispatches a `billing-*` event from `target`: bubbling, crossing shadow roots, cancelable
 * when asked. Returns false when a listener called `preventDefault()`. Every element and
 * controller emits through this one function.
 */
export function emitBillingEvent<K extends BillingEventName>(
  target: EventTarget,
  name: K,
  detail: BillingEventDetailMap[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }));
}
