/**
 * The support request of `<invoice-detail>`: its limits and the link it opens. Apart from
 * the element and its lazily loaded support panel, so that both use it and neither imports
 * the other.
 */
/** Longest support description the element accepts. */
export const SUPPORT_DESCRIPTION_MAX = 500;

/**
 * The link "Contact support" opens: the invoice number and description added as query
 * parameters (`invoice`, `description`), or for a `mailto:` link as `subject` and `body`.
 * Undefined for an address that is neither http(s) nor mailto (e.g. `javascript:`).
 */
export function supportRequestHref(
  href: string,
  request: { number: string; description: string; subject: string; body: string },
  base: string = globalThis.document?.baseURI ?? 'https://invalid.test/',
): string | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol === 'mailto:') {
    // URLSearchParams writes spaces as "+", which mail clients show literally.
    const query = `subject=${encodeURIComponent(request.subject)}&body=${encodeURIComponent(request.body)}`;
    return `${href}${href.includes('?') ? '&' : '?'}${query}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.searchParams.set('invoice', request.number);
  url.searchParams.set('description', request.description);
  return url.href;
}
