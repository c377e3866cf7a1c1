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
  /** The signed-in account (the provider's `account-id`): money attempts of other accounts on this origin stay apart. */
  accountId?: string | undefined;
  /**
   * The origins whose checkout pages (`next_action.url`) this page opens, from the provider's
   * `checkout-origins`: each normalised with `new URL(entry).origin`; an entry that is not an
   * origin is kept as given and matches nothing. Empty: any `https:` page or this page's own
   * origin. Apply it with `isAllowedCheckoutUrl` (components/shared/links.ts); a provider from
   * an older copy of the library on the page may not send it, so read it as `?? []`.
   */
  checkoutOrigins: readonly string[];
  /** `YYYY-MM-DD` override for "today" in "due in N days", for stable tests and stories. */
  today?: string | undefined;
}

/** The client elements load through; `undefined` until a provider has one. */
export const billingClientContext = createContext<BillingClient | undefined>(
  Symbol.for('perlod-billing/client@1'),
);

/** Locale, links, checkout mode and checkout origins. */
export const billingConfigContext = createContext<BillingConfig>(Symbol.for('perlod-billing/config@1'));
