/**
 * The support request (`<invoice-detail>`, `<billing-overview>`): its limits, the link it opens and the contact form's styles. Apart from
 * the element and its lazily loaded support panel, so that both use it and neither imports
 * the other.
 */
import { css } from 'lit';
import { tokens } from '../shared/tokens.js';

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

/**
 * The contact form's and the prepared request's rules (support-contact.ts renders them in
 * `<invoice-detail>` and `<billing-overview>`), with the steps of the support panel.
 */
export const contactStyles = css`
  .step,
  form,
  [part~='support-prepared'] {
    display: grid;
    gap: ${tokens.spaceS};
  }
  .step {
    padding-block-start: ${tokens.spaceM};
    border-block-start: 1px solid ${tokens.border};
  }
  .step .button,
  [part~='support-link'] {
    justify-self: start;
  }
  label {
    font-weight: ${tokens.fontWeightStrong};
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    padding: ${tokens.spaceS};
    border: 1px solid ${tokens.borderStrong};
    border-radius: ${tokens.radius};
    background: ${tokens.surface};
    color: ${tokens.text};
    font: inherit;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: ${tokens.dangerText};
  }
  .field-error {
    color: ${tokens.dangerText};
    font-weight: ${tokens.fontWeightStrong};
  }
  .counter {
    justify-self: end;
  }
`;
