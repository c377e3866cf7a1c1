export { BillingProvider } from './billing-provider.js';
export type { BillingTheme } from './billing-provider.js';
export { configureBilling } from './configure-billing.js';
export type { BillingConfiguration, ConfigureBillingOptions } from './configure-billing.js';
