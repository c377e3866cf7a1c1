/** Links built from the provider's templates, and the check every redirect target passes. */

/**
 * Fills `{name}` placeholders of a link template, each value URI-encoded:
 * `fillTemplate('/billing/invoices/{id}', { id: 'inv 1' })` is `/billing/invoices/inv%201`.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    return value === undefined ? placeholder : encodeURIComponent(value);
  });
}

/** The link to one invoice from the `invoice-href` template; undefined without a template. */
export function invoiceHref(
  template: string | undefined,
  invoice: { readonly id: string; readonly number: string },
): string | undefined {
  return template ? fillTemplate(template, { id: invoice.id, number: invoice.number }) : undefined;
}

/**
 * Whether a URL from the API (checkout `next_action.url`, a PDF link) may be opened: `https:`,
 * or the page's own origin (development). `javascript:`, `data:` and plain `http:` elsewhere are refused.
 */
export function isSafeExternalUrl(url: string, pageUrl: string = globalThis.location?.href ?? 'https://invalid.test/'): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, pageUrl);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.origin === new URL(pageUrl).origin && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

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

/**
 * Whether a checkout page (`next_action.url`) may be opened. With no origins listed, the rule
 * of `isSafeExternalUrl` (https, or the page's own origin). With origins listed (the provider's
 * `checkout-origins`), only a URL on exactly one of them; entries that are not origins match
 * nothing, so a list with none valid refuses every checkout rather than falling back.
 */
export function isAllowedCheckoutUrl(url: string, pageHref: string, allowedOrigins: readonly string[] = []): boolean {
  if (allowedOrigins.length === 0) return isSafeExternalUrl(url, pageHref);
  const origin = checkoutOriginOf(url, pageHref);
  return origin !== undefined && allowedOrigins.some((entry) => checkoutOriginOf(entry) === origin);
}
