// The dashboard's billing page: overview, wallet with top-up, invoice list, and a link to
// each service's page.
import type { BillingClient } from '../src/api/client.js';
import { h, msg, startShell, t } from './shell.js';

await startShell('billing');
await Promise.all([
  import('../src/define/billing-provider.js'),
  import('../src/define/billing-overview.js'),
  import('../src/define/wallet-balance.js'),
  import('../src/define/invoice-list.js'),
]);

interface ServiceLink {
  id: string;
  name: string;
  /** Billing affects it now (payment due, at risk, suspended). */
  needsAttention: boolean;
}

/**
 * The services the account has: those billing affects (from the summary) first, then any
 * other service an invoice names. There is no service list endpoint; the first page of
 * invoices is enough for a demo.
 */
async function loadServices(client: BillingClient): Promise<ServiceLink[]> {
  const [summary, invoices] = await Promise.all([client.getSummary(), client.listInvoices({ limit: 100 })]);
  const services = new Map<string, ServiceLink>();
  for (const { service } of summary.services_at_risk) {
    services.set(service.id, { id: service.id, name: service.name, needsAttention: true });
  }
  for (const { service } of invoices.data) {
    if (service && !services.has(service.id)) services.set(service.id, { id: service.id, name: service.name, needsAttention: false });
  }
  return [...services.values()];
}

function serviceItem(service: ServiceLink): HTMLLIElement {
  const link = h('a', { href: `/service.html?id=${encodeURIComponent(service.id)}` }, service.name);
  const item = h('li', { 'data-service-id': service.id }, link);
  if (service.needsAttention) item.append(' ', t('span', 'services.attention', { class: 'tag tag--danger' }));
  return item;
}

async function showServices(list: HTMLElement, client: BillingClient): Promise<void> {
  list.setAttribute('aria-busy', 'true');
  try {
    const services = await loadServices(client);
    list.replaceChildren(
      ...(services.length > 0 ? services.map(serviceItem) : [t('li', 'services.none', { class: 'muted' })]),
    );
  } catch {
    list.replaceChildren(t('li', 'services.error', { class: 'muted' }));
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

const list = document.getElementById('services');
const client = document.querySelector('billing-provider')?.activeClient;
if (list && client) {
  list.replaceChildren(t('li', 'services.loading', { class: 'muted' }));
  void showServices(list, client);
  // A payment can take a service out of danger: follow the same invalidations the widgets do.
  client.subscribe((tags) => {
    if (tags.has('summary') || tags.has('invoices')) void showServices(list, client);
  });
} else if (list) {
  list.replaceChildren(h('li', { class: 'muted' }, msg('services.error')));
}
