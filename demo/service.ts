// A VPS service page: the service's billing banner (<billing-overview service-id>) at the
// top, a static stand-in for the console and graphs, and the service's invoices below.
import { h, msg, startShell, t } from './shell.js';

const serviceId = new URLSearchParams(location.search).get('id')?.trim() || undefined;
const heading = document.getElementById('service-name');
const provider = document.querySelector('billing-provider');

if (serviceId) {
  // Set before the elements are defined, so the overview starts in service mode.
  for (const id of ['service-billing', 'service-invoices']) document.getElementById(id)?.setAttribute('service-id', serviceId);
  if (heading) heading.textContent = serviceId;
} else {
  // Without an id an overview would fall back to the whole account: show why instead.
  heading?.replaceChildren(t('span', 'service.missing'));
  provider?.replaceWith(h('p', { class: 'notice' }, t('span', 'service.missing_body')));
}

await startShell('service');

if (serviceId) {
  await Promise.all([
    import('../src/define/billing-provider.js'),
    import('../src/define/billing-overview.js'),
    import('../src/define/invoice-list.js'),
  ]);
  // The name comes from the same client (and cache) the banner loads through.
  provider?.activeClient?.getServiceBilling(serviceId).then(
    ({ service }) => {
      if (heading) heading.textContent = service.name;
      document.title = `${service.name} · PerLod Dash`;
    },
    (error: unknown) => {
      // The banner shows the error itself (not found, offline); the heading says it plainly.
      heading?.replaceChildren(t('span', 'service.not_found'));
      document.title = `${msg('service.not_found')} · PerLod Dash`;
      // An unknown service has no invoices to list: an empty list would read "You have no invoices yet".
      if ((error as { code?: unknown } | null)?.code === 'not_found') document.querySelector<HTMLElement>('.service-invoices')?.remove();
    },
  );
}
