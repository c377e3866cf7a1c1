// Entry of the script-tag build (dist/billing-widgets.js and the IIFE): everything bundled,
// for pages that load one <script> instead of using a bundler; the ES build loads the money
// dialogs, the invoice's support panel and the languages beyond English from files beside it
// when they are first needed (README "Code on first use"). Loading it defines every
// element (a second copy of the library on the page warns instead of throwing) and exposes
// the package's public API (page-api.ts, the same as the package root), `configureBilling()`
// included; the internals (`@perlod/billing-widgets/internals`) are not in it.
import './define/billing-provider.js';
import './define/billing-overview.js';
import './define/invoice-list.js';
import './define/invoice-detail.js';
import './define/wallet-balance.js';
import './define/top-up-button.js';

export * from './page-api.js';

// The files loaded on first use import this script by its plain name: loaded with a query
// string (`billing-widgets.js?v=2`) it would run a second time for them. (The IIFE has no
// such files and no `import.meta`.)
if (import.meta.url && new URL(import.meta.url).search) {
  console.warn(
    'billing widgets: load billing-widgets.js without a query string (put a version in the path instead); the files it loads on first use import it by its plain name.',
  );
}
