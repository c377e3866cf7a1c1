// Registers <billing-overview>. Import the class from the package root to register it under another name.
import { BillingOverview } from '../components/billing-overview/billing-overview.js';

BillingOverview.define();

declare global {
  interface HTMLElementTagNameMap {
    'billing-overview': BillingOverview;
  }
}

export { BillingOverview };
