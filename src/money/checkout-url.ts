// Which checkout pages may be opened, and how (redirect or popup). Nothing here navigates by
// itself: tests replace `checkoutNavigator.assign` / `.open` to capture the URL.
import { isSafeExternalUrl } from '../components/shared/links.js';
import { UnsafeCheckoutUrlError } from './errors.js';
import type { PageLocation } from './launch/return.js';


/** The window name and features of the checkout popup (one window, reused). */
export const CHECKOUT_WINDOW_NAME = 'perlod-checkout';
export const CHECKOUT_WINDOW_FEATURES = 'popup,width=480,height=720';

/** The parts of a `Window` the popup mode uses; tests hand in a plain object. */
export interface CheckoutWindow {
  readonly closed: boolean;
  close(): void;
  location: { href: string };
  opener?: unknown;
}

/**
 * How checkouts are opened. Replace the methods in tests (and restore them after):
 * `checkoutNavigator.assign = (url) => { captured = url; }`.
 */
export const checkoutNavigator = {
  /** Redirect mode: this tab goes to the checkout. */
  assign(url: string): void {
    globalThis.location.assign(url);
  },
  /** Popup mode: a window, or null when a popup blocker refused it. */
  open(url: string, name: string, features: string): CheckoutWindow | null {
    return globalThis.open(url, name, features);
  },
};

/**
 * The origin a URL is on (`https://pay.example.com`: lower case, no default port, no path),
 * resolved against `base` when given; undefined for a URL that is not `http:` or `https:`.
 * Also how an entry of the provider's `checkout-origins` is read.
 */
export function checkoutOriginOf(url: string, base?: string): string | undefined {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

const warnedOrigins = new Set<string>();

/**
 * Whether a checkout page (`next_action.url`) may be opened. With no origins listed, the rule
 * of `isSafeExternalUrl` (https, or the page's own origin). With origins listed (the provider's
 * `checkout-origins`), only a URL on exactly one of them; an entry that is not an origin
 * matches nothing (warned about once), so a list with none valid refuses every checkout rather
 * than falling back.
 */
export function isAllowedCheckoutUrl(url: string, pageHref: string, allowedOrigins: readonly string[] = []): boolean {
  if (allowedOrigins.length === 0) return isSafeExternalUrl(url, pageHref);
  const origin = checkoutOriginOf(url, pageHref);
  return allowedOrigins.some((entry) => {
    const allowed = checkoutOriginOf(entry);
    if (!allowed && !warnedOrigins.has(entry)) {
      warnedOrigins.add(entry);
      console.warn(`billing widgets: checkout-origins "${entry}" is not an origin`);
    }
    return origin !== undefined && allowed === origin;
  });
}

/**
 * The checkout URL as an absolute `href` when the page accepts it: with `allowedOrigins`
 * (the provider's `checkout-origins`) only those origins, else `https:` or this page's origin
 * (development). Throws `UnsafeCheckoutUrlError` for anything else (`http:` elsewhere,
 * `javascript:`, `data:`, garbage).
 */
export function safeCheckoutUrl(url: string, location: PageLocation = globalThis.location, allowedOrigins: readonly string[] = []): string {
  if (!isAllowedCheckoutUrl(url, location.href, allowedOrigins)) throw new UnsafeCheckoutUrlError(url);
  return new URL(url, location.href).href;
}

/** The checkout URL with `?return=<returnUrl>` (replacing any `return` it had). */
export function withReturnUrl(checkoutUrl: string, returnUrl: string): string {
  const url = new URL(checkoutUrl);
  url.searchParams.set('return', returnUrl);
  return url.href;
}
