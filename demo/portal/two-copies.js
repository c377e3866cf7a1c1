// The newer copy: the ES module build. Its script finds every tag taken by the script tag's
// copy and loads no element for them; importing an element's file runs its define, which warns
// (the tag is taken) instead of throwing. Its classes are then registered under names of their
// own, so the page holds elements of both copies.
import { BillingProvider } from '/billing-widgets.js';
import { InvoiceList } from '/billing-widgets.invoice-list.js';

BillingProvider.define('newer-billing-provider');
InvoiceList.define('newer-invoice-list');
