/**
 * The two context keys every billing element consumes. Keys are made with `Symbol.for` so
 * two copies of the library on one page (e.g. a dashboard bundle and a script-tag widget)
 * still find each other's provider; a plain `Symbol()` would not match across copies.
 */
import { createContext } from '@lit/context';
import type { BillingClient } from './api/client.js';

/** How an element opens a checkout page: replace this page, or open a popup window. */
export type CheckoutMode = 'redirect' | 'popup';

/** Page-level settings the provider hands to every element below it. */
export interface BillingConfig {
  /** BCP 47 locale for text, amounts and dates, e.g. `en`, `de-DE`, `fa`. */
  locale: string;
  /** Link template for one invoice, `{id}` (and `{number}`) replaced: `/billing/invoices/{id}`. */
  invoiceHref?: string | undefined;
  /** Where "contact support" goes: a URL (`mailto:` allowed); without it the element emits `billing-support-request` only. */
  supportHref?: string | undefined;
  checkoutMode: CheckoutMode;
  /** `YYYY-MM-DD` override for "today" in "due in N days", for stable tests and stories. */
  today?: string | undefined;
}

/** The client elements load through; `undefined` until a provider has one. */
export const billingClientContext = createContext<BillingClient | undefined>(
  Symbol.for('perlod-billing/client@1'),
);

/** Locale, links and checkout mode. */
export const billingConfigContext = createContext<BillingConfig>(Symbol.for('perlod-billing/config@1'));
