// The invoice page: <invoice-detail> for the `id` in the query string. Without an id the
// element gets none and shows its "not found" state, like an unknown id does.
import { startShell } from './shell.js';

const invoiceId = new URLSearchParams(location.search).get('id')?.trim() || undefined;
const detail = document.querySelector('invoice-detail');
if (invoiceId) detail?.setAttribute('invoice-id', invoiceId);

await startShell('invoice');
await Promise.all([import('../src/define/billing-provider.js'), import('../src/define/invoice-detail.js')]);

// The tab title names the invoice. Same client and cache as the element: no second request.
const client = document.querySelector('billing-provider')?.activeClient;
if (client && invoiceId) {
  client.getInvoice(invoiceId).then(
    (invoice) => {
      document.title = `${invoice.number} · PerLod Dash`;
    },
    // The element shows why (not found, offline); the title just stays generic.
    () => undefined,
  );
}
