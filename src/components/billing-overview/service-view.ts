/**
 * The service view of `<billing-overview service-id>`: a compact banner of one service's
 * billing impact, the invoices blocking it with a pay action each, or that the service does
 * not exist.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ServiceBilling } from '../../api/schemas.js';
import { SERVICE_ALERT_STATES } from '../../domain/status.js';
import { dueWording } from '../../i18n/format.js';
import { toneIcon } from '../shared/icons.js';
import { serviceRestoring } from '../shared/service-alert.js';
import { renderTimeline } from '../shared/timeline.js';
import { liveRegion, money, renderDate, renderMoney, renderQueryFallback, renderQueryNotice, statusLabel, statusTone, unit, unitMsg } from '../shared/render.js';
import { invoiceLink, payAction, readOnlyReason, withDate } from './view.js';
import type { OverviewView } from './view.js';

export function renderServiceView(view: OverviewView): TemplateResult {
  const { locale, service } = view;
  const retry = () => void service.run();
  // The banner, then the table of the invoices blocking the service (heights in the styles).
  const fallback = renderQueryFallback(service, locale, retry, [['banner'], ['blocking']], () => renderNotFound(view));
  const billing = service.value;
  if (fallback || !billing) {
    return html`<div class="service" part="service-banner" data-reserve>${fallback}</div>${liveRegion(view.announcement)}`;
  }
  return html`<section
      class="service"
      part="service-banner"
      aria-labelledby="service-title"
      aria-busy=${service.state === 'refreshing' ? 'true' : 'false'}
      data-state=${billing.state}
    >
      ${renderBanner(view, billing)} ${service.state === 'stale' ? renderQueryNotice(service, locale, retry) : nothing}
      ${billing.timeline ? renderTimeline((k) => view.msg(k), view.locale, billing.timeline) : nothing} ${renderBlocking(view, billing)}
    </section>
    ${liveRegion(view.announcement)}`;
}

/** No such service: retrying will not change that, so no retry; the link is what to check. */
function renderNotFound(view: OverviewView): TemplateResult {
  return html`<div class="notice" part="not-found" data-tone="warning" role="alert">
    ${toneIcon('warning')}
    <div class="notice__body">
      <p class="notice__text emphasis">${view.msg('service.not_found.title')}</p>
      <p class="notice__text">${view.msg('service.not_found.body')}</p>
    </div>
  </div>`;
}

function renderBanner(view: OverviewView, billing: ServiceBilling): TemplateResult {
  const tone = statusTone('service_billing', billing.state);
  // Only at risk and suspended interrupt; the node stays the same across refreshes, so an
  // unchanged message is not announced again.
  const role = SERVICE_ALERT_STATES.has(billing.state) ? 'alert' : 'status';
  return html`<div class="banner" part="banner" data-tone=${tone}>
    ${toneIcon(tone)}
    <div class="banner__body">
      <h2 id="service-title" class="banner__title">${unitMsg(view.locale, 'service.title', { name: billing.service.name })}</h2>
      <p class="banner__message" part="banner-message" role=${role}>${bannerMessage(view, billing)}</p>
      ${view.service.state === 'refreshing' ? renderQueryNotice(view.service, view.locale, () => void view.service.run()) : nothing}
    </div>
  </div>`;
}

function bannerMessage(view: OverviewView, billing: ServiceBilling): unknown {
  const label = statusLabel('service_billing', billing.state, view.locale);
  switch (billing.state) {
    case 'ok':
      return label;
    case 'payment_due': {
      const due = billing.blocking_invoices.map((invoice) => invoice.due_date).sort()[0];
      return due ? withDate(view, 'service.banner.payment_due', due) : label;
    }
    case 'at_risk':
      return billing.suspend_on ? withDate(view, 'service.banner.at_risk', billing.suspend_on) : label;
    case 'suspended':
      return billing.terminate_on ? withDate(view, 'service.banner.suspended', billing.terminate_on) : label;
    case 'terminated':
      return view.msg('service.banner.terminated');
    case 'restoring':
      // Paid after a suspension: when it comes back (the server's estimate, else the usual wait).
      return serviceRestoring((k, p) => view.msg(k, p), view.locale, billing);
    default:
      // A state from a newer server: shown neutrally with its raw label, never as permission.
      return label;
  }
}

function renderBlocking(view: OverviewView, billing: ServiceBilling): TemplateResult | typeof nothing {
  if (billing.blocking_invoices.length === 0) return nothing;
  const { locale } = view;
  const permissions = view.summary.value?.permissions;
  const canPay = permissions?.can_pay === true;
  return html`<div class="table-wrap">
      <table class="table" part="blocking-table">
        <caption>
          ${view.msg('service.blocking')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${view.msg('invoices.col.number')}</th>
            <th scope="col" class="numeric">${view.msg('invoices.col.balance_due')}</th>
            <th scope="col">${view.msg('invoices.col.due')}</th>
            ${canPay ? html`<th scope="col">${view.msg('invoices.col.actions')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${billing.blocking_invoices.map(
            (invoice) => html`<tr data-invoice-id=${invoice.id}>
              <th scope="row">${invoiceLink(view, invoice, unit(invoice.number))}</th>
              <td class="numeric">${renderMoney(invoice.balance_due, locale)}</td>
              <td>
                <span class="cell-stack">
                  <span part="due-wording">${dueWording(invoice, view.today, locale)}</span>
                  <span class="muted">${renderDate(invoice.due_date, locale)}</span>
                </span>
              </td>
              ${canPay ? html`<td>${payAction(view, invoice, permissions, unitMsg(locale, 'service.pay', { amount: money(invoice.balance_due, locale), number: invoice.number }))}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${permissions && !permissions.can_pay ? readOnlyReason(view) : nothing}`;
}
