/**
 * Stories never leave the page: the checkout navigator (redirect and popup) is replaced by a
 * recorder. A "popup" is a plain object standing in for the gateway's window; play functions
 * settle the checkout with `api.completeCheckout(...)` as the gateway would, or close the
 * window to show what the customer sees then.
 */
import { checkoutNavigator } from '../../src/money/checkout-url.js';
import type { CheckoutWindow } from '../../src/money/checkout-url.js';

/** A simulated checkout window. `location.href` is the checkout page once the POST answered. */
export interface SimulatedCheckoutWindow extends CheckoutWindow {
  closed: boolean;
}

const windows: SimulatedCheckoutWindow[] = [];
const redirects: string[] = [];

/** Installs the recorder (once, from .storybook/preview.ts). */
export function simulateCheckouts(): void {
  checkoutNavigator.assign = (url) => {
    redirects.push(url);
  };
  checkoutNavigator.open = (url) => {
    const simulated: SimulatedCheckoutWindow = {
      closed: false,
      location: { href: url },
      close() {
        this.closed = true;
      },
    };
    windows.push(simulated);
    return simulated;
  };
}

/** The checkout window opened last (the flow reuses one window per attempt). */
export function lastCheckoutWindow(): SimulatedCheckoutWindow | undefined {
  return windows.at(-1);
}

/** Redirect mode: the checkout URLs this page would have gone to. */
export function redirectedTo(): readonly string[] {
  return redirects;
}
