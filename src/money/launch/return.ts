// Where a redirect checkout comes back to: `billing_return=<flow>:<id>` on this page's URL.
// Kept apart from checkout.ts so an element can see a return on connecting (and load the
// money dialogs for it) without loading the checkout code itself.

/** Which flow a checkout belongs to: the `<flow>` of `billing_return=<flow>:<id>`. */
export type MoneyFlowKind = 'top_up' | 'pay';

/** The page location parts the helpers read (`window.location` fits). */
export type PageLocation = Pick<Location, 'href'>;

/** The query parameter that tells the page, on its next load, which checkout it came back from. */
export const CHECKOUT_RETURN_PARAM = 'billing_return';

/** This page with `billing_return=<flow>:<id>` added: where the checkout sends the customer back. */
export function checkoutReturnUrl(flow: MoneyFlowKind, id: string, location: PageLocation = globalThis.location): string {
  const url = new URL(location.href);
  url.searchParams.set(CHECKOUT_RETURN_PARAM, `${flow}:${id}`);
  url.hash = '';
  return url.href;
}

/** The id of the `flow` checkout this page came back from, if the URL says so; the URL is left alone. */
export function readCheckoutReturn(flow: MoneyFlowKind, location: PageLocation = globalThis.location): string | undefined {
  let value: string | null;
  try {
    value = new URL(location.href).searchParams.get(CHECKOUT_RETURN_PARAM);
  } catch {
    return undefined;
  }
  const prefix = `${flow}:`;
  return value?.startsWith(prefix) && value.length > prefix.length ? value.slice(prefix.length) : undefined;
}

/**
 * Reads the `flow` return parameter and removes it from the address bar (`history.replaceState`),
 * so a second element, a reload or a bookmark does not resume the same checkout again.
 */
export function takeCheckoutReturn(
  flow: MoneyFlowKind,
  location: PageLocation = globalThis.location,
  history: Pick<History, 'replaceState' | 'state'> = globalThis.history,
): string | undefined {
  const id = readCheckoutReturn(flow, location);
  if (id === undefined) return undefined;
  const url = new URL(location.href);
  url.searchParams.delete(CHECKOUT_RETURN_PARAM);
  try {
    history.replaceState(history.state, '', url.href);
  } catch {
    // A sandboxed frame may refuse: the parameter stays, the flow still resumes once per element.
  }
  return id;
}
