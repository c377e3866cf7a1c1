// The element classes of the public API (page-api.ts has the rest, `BillingProvider` included).
// The package root and the IIFE export them with the page API; the ES script-tag file cannot
// without carrying every element, so each is exported by its own file beside it
// (`billing-widgets.invoice-list.js` exports `InvoiceList`).
export { BillingOverview } from './components/billing-overview/billing-overview.js';
export { InvoiceList } from './components/invoice-list/invoice-list.js';
export { InvoiceDetail } from './components/invoice-detail/invoice-detail.js';
export { WalletBalance } from './components/wallet-balance/wallet-balance.js';
export { TopUpButton } from './components/top-up-button/top-up-button.js';
