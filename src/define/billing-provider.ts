// Registers <billing-provider>. Import the class from the package root to register it under another name.
import { BillingProvider } from '../components/billing-provider/billing-provider.js';

BillingProvider.define();

declare global {
  interface HTMLElementTagNameMap {
    'billing-provider': BillingProvider;
  }
}

export { BillingProvider };
