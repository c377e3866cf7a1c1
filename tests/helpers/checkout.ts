/**
 * A stand-in for the payment gateway's window in money tests: `checkoutNavigator` records
 * redirects and opens fake popups instead of navigating, and stored intents are cleared
 * around each test. Call `useFakeCheckout()` at the top of a test file (it adds mocha hooks).
 */
import { checkoutNavigator } from '../../src/money/checkout-url.js';
import type { CheckoutWindow } from '../../src/money/checkout-url.js';

export interface FakeCheckout {
  /** Checkout URLs this tab was sent to (redirect mode). */
  assigned: string[];
  /** Popups opened (popup mode); a test may close one by setting `window.closed`. */
  opened: Array<{ url: string; window: CheckoutWindow & { closed: boolean } }>;
  /** Set to false to play a popup blocker. */
  popupAllowed: boolean;
}

/** Forgets every money attempt and mark this origin keeps, so each test starts afresh. */
export function clearStoredIntents(): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const name of Object.keys(storage)) if (name.startsWith('perlod-billing:')) storage.removeItem(name);
  }
}

/** The money attempts this origin keeps unresolved (each one confirmation whose outcome is not final yet). */
export function storedAttempts(): string[] {
  return Object.keys(localStorage).filter((name) => name.startsWith('perlod-billing:attempt:'));
}

export function useFakeCheckout(): FakeCheckout {
  const fake: FakeCheckout = { assigned: [], opened: [], popupAllowed: true };
  const original = { ...checkoutNavigator };
  let originalUrl = location.href;

  beforeEach(() => {
    clearStoredIntents();
    originalUrl = location.href;
    fake.assigned = [];
    fake.opened = [];
    fake.popupAllowed = true;
    checkoutNavigator.assign = (url) => void fake.assigned.push(url);
    checkoutNavigator.open = (url) => {
      if (!fake.popupAllowed) return null;
      const window = { closed: false, location: { href: url }, close() { this.closed = true; } };
      fake.opened.push({ url, window });
      return window;
    };
  });

  afterEach(() => {
    Object.assign(checkoutNavigator, original);
    history.replaceState(history.state, '', originalUrl);
    clearStoredIntents();
  });

  return fake;
}
