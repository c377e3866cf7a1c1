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

