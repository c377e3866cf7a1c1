// Entry of the ES script-tag build (dist/billing-widgets.js), for pages that load one
// <script type="module"> instead of using a bundler. It holds what every page needs (Lit, the
// client and cache, the English messages, the shared rendering, <billing-provider> and
// `configureBilling()`), exposes the package's page API (page-api.ts; the element classes are
// exported by their own files) and loads each other element's file from beside itself when its
// tag first appears in the document (script-tag/autoload.ts). The money dialogs, the support
// panel, the wallet activity and the languages beyond English load from files beside it on
// first use (README "Code on first use"). A second copy of the library on the page keeps its
// definitions (a define warns instead of throwing). The classic-script build is
// script-tag/iife.ts; the internals (`@perlod/billing-widgets/internals`) are in neither.
import './define/billing-provider.js';
import { autoloadElements } from './script-tag/autoload.js';
import type { BillingOverview, InvoiceDetail, InvoiceList, TopUpButton, WalletBalance } from './page-elements.js';

// The tags this script defines when they appear, typed for the page as the define entries type them.
declare global {
  interface HTMLElementTagNameMap {
    'billing-overview': BillingOverview;
    'invoice-list': InvoiceList;
    'invoice-detail': InvoiceDetail;
    'wallet-balance': WalletBalance;
    'top-up-button': TopUpButton;
  }
}

export * from './page-api.js';

// A plain call, not an import for its side effect: package.json "sideEffects" would drop that.
autoloadElements();

// The files loaded on first use import this script by its plain name: loaded with a query
// string (`billing-widgets.js?v=2`) it would run a second time for them.
if (new URL(import.meta.url).search) {
  console.warn(
    'billing widgets: load billing-widgets.js without a query string (put a version in the path instead); the files it loads on first use import it by its plain name.',
  );
}
