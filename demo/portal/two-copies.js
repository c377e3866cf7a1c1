// The newer copy: the ES module build. Importing it runs its defines, which warn (every tag is
// already taken by the script tag's copy) instead of throwing. Its classes are then registered
// under names of their own, so the page holds elements of both copies.
import { BillingProvider, InvoiceList } from '/billing-widgets.js';

BillingProvider.define('newer-billing-provider');
InvoiceList.define('newer-invoice-list');
