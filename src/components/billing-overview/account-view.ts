/**
 * The account view of `<billing-overview>` (no `service-id`): what needs attention first, the
 * key figures, services affected by billing, and the payment history with "Load more".
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { InvoiceSummary, Permissions, ServiceBilling, Summary } from '../../api/schemas.js';
import { dueState, dueWording, formatAsOf } from '../../i18n/format.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/types.js';
import { toneIcon } from '../shared/icons.js';
import { richMsg, serviceImpact, worstService } from '../shared/service-alert.js';
import { renderPaymentTable } from '../shared/payment-table.js';
import {
  liveRegion,
  money,
  renderAsOf,
  renderMoney,
  unit,
  unitMsg,
  renderDate,
  renderError,
  renderQueryFallback,
  renderQueryNotice,
  renderSkeleton,
  statusBadge,
  statusTone,
} from '../shared/render.js';
import type { SkeletonShape } from '../shared/render.js';
import { renderUnpaidExcluded } from './unpaid-excluded.js';
import { renderComingUp, upcomingLoading } from './coming-up.js';
import { invoiceLink, payAction, withDate } from './view.js';
import type { OverviewView } from './view.js';

/**
 * The loading layout, block by block as the loaded one (heights in the styles): the summary's
 * attention, figures and services, the history with a row per payment of a page, the support.
 */
const skeleton = (pageSize: number): SkeletonShape => [['attention'], ['figures'], ['services'], ['coming-up'], ['history-head'], ['history', pageSize], ['support']];

/**
 * The "As of" stamp's room while there is no stamp to show (loading, or an error): the same
 * sentence at this minute, hidden. On a phone the stamp and the Refresh button do not fit beside
 * the title, so the toolbar takes a row of its own; held from the first frame, that row does not
 * appear when the data does, pushing everything below it down. The stamp itself comes with the
 * sections, not before them.
 */
function asOfPlaceholder(view: OverviewView): TemplateResult {
  return html`<span class="as-of as-of--placeholder" aria-hidden="true">${view.msg('common.as_of', { time: formatAsOf(Date.now(), view.locale) })}</span>`;
}

export function renderAccountView(view: OverviewView): TemplateResult {
  const { locale, summary, history } = view;
  const busy = [view.summary, view.history, view.service].some((query) => query.state === 'refreshing');
  const retry = () => void summary.run();
  // The sections appear together: one skeleton until both the summary and the history are in.
  const loading = summary.state === 'loading' || history.state === 'loading' || upcomingLoading(view.upcoming);
  // Until there is data (loading, or an error to retry) the box keeps the loaded height; the data,
  // a new account's short overview included, is as tall as it is: no blank space under it.
  return html`<section
      class="overview"
      part="overview"
      aria-labelledby="overview-title"
      aria-busy=${busy ? 'true' : 'false'}
      ?data-reserve=${loading || summary.state === 'error'}
      .style=${`--rows: ${view.pageSize}`}
    >
      <header class="header" part="header">
        <h2 id="overview-title" part="title">${view.msg('overview.title')}</h2>
        <div class="toolbar" part="toolbar">
          ${summary.value && !loading ? renderAsOf(summary.value.as_of, locale) : asOfPlaceholder(view)}
          ${busy ? html`<span class="as-of" part="updating">${view.msg('common.updating')}</span>` : nothing}
          <button class="button" part="refresh-button" type="button" @click=${() => view.refresh()}>
            ${view.msg('common.refresh')}
          </button>
        </div>
      </header>
      ${summary.state === 'stale' ? renderQueryNotice(summary, locale, retry) : nothing}
      ${loading
        ? renderSkeleton(skeleton(view.pageSize), locale)
        : html`${renderQueryFallback(summary, locale, retry) ?? renderSummary(view, summary.value as Summary)}
          ${renderHistory(view)} ${summary.value ? renderSupport(view) : nothing}`}
    </section>
    ${liveRegion(view.announcement)}`;
}

function renderSummary(view: OverviewView, summary: Summary): TemplateResult {
  const { locale } = view;
  const newAccount = summary.unpaid.count === 0 && summary.next_due === null && summary.recent_payments.length === 0;
  const processing = summary.recent_payments.filter((payment) => payment.status === 'pending').length;
  // Invoices the total leaves out (held, a payment clearing) are not paid: never say "all paid" over them.
  const allPaid = summary.unpaid.count === 0 && !summary.unpaid.excluded?.length;
  return html`
    <div class="attention" part="attention">
      ${renderOverdueAlert(view, summary)}
      ${summary.next_due ? renderNextDue(view, summary.next_due, summary.permissions) : nothing}
      ${processing > 0
        ? html`<div class="notice" part="pending-notice" data-tone="info">
            ${toneIcon('info')}
            <p class="notice__text">${view.msg('overview.pending_payments', { n: processing })}</p>
          </div>`
        : nothing}
      ${newAccount
        ? html`<div class="notice" part="empty" data-tone="neutral">
            ${toneIcon('neutral')}
            <p class="notice__text">${view.msg('overview.new_account')}</p>
          </div>`
        : allPaid
          ? html`<div class="notice" part="all-paid" data-tone="ok">
              ${toneIcon('ok')}
              <div class="notice__body">
                <p class="notice__text emphasis">${view.msg('overview.all_paid_up')}</p>
                <p class="notice__text">${view.msg('overview.all_paid')}</p>
              </div>
            </div>`
          : nothing}
    </div>
    <dl class="figures" part="figures">
      <div class="figure" part="unpaid">
        <dt>${view.msg('overview.unpaid')}</dt>
        <dd>
          <span class="figure__value">${renderMoney(summary.unpaid.total, locale)}</span>
          ${summary.unpaid.count > 0
            ? view.msg('overview.unpaid_summary', { n: summary.unpaid.count, amount: money(summary.unpaid.total, locale) })
            : allPaid
              ? view.msg('overview.all_paid')
              : nothing}
          ${renderUnpaidExcluded(view, summary.unpaid.excluded)}
        </dd>
      </div>
      <div class="figure" part="wallet">
        <dt>${view.msg('overview.wallet')}</dt>
        <dd>
          <span class="figure__value">${renderMoney(summary.wallet.balance, locale)}</span>
          ${summary.wallet.pending_top_ups.amount > 0
            ? view.msg('overview.wallet_pending', { amount: money(summary.wallet.pending_top_ups, locale) })
            : view.msg('wallet.pending_none')}
        </dd>
      </div>
    </dl>
    ${renderServicesAtRisk(view, summary.services_at_risk)} ${renderComingUp(view)}
  `;
}

/**
 * The worst true thing first: the service worst off (suspended, with its termination date, or at
 * risk, with its suspension date), the invoices it waits for and how many more services are
 * affected; then (or else) the overdue count and total, and how late the most overdue invoice
 * is. A member who cannot pay is told who can, never to pay.
 */
function renderOverdueAlert(view: OverviewView, summary: Summary): TemplateResult | typeof nothing {
  const { locale } = view;
  const msg = (key: MessageKey, params?: MessageParams) => view.msg(key, params);
  const oldest = summary.next_due;
  const late = oldest && dueState(oldest, view.today).kind === 'overdue' ? oldest : undefined;
  const services = summary.services_at_risk;
  const worst = worstService(services);
  const impact = worst && serviceImpact(msg, locale, worst);
  const canPay = summary.permissions.can_pay;
  const { count, total } = summary.overdue;
  if (!impact && count === 0) return nothing;
  const overdue = count ? msg(impact || !canPay ? 'overview.overdue_count' : 'overview.overdue_alert', { n: count, amount: money(total, locale) }) : '';
  return html`<div class="error-panel" part="overdue-alert" role="alert">
    ${toneIcon('danger')}
    <div class="error-panel__body">
      <p class="error-panel__title">
        ${impact ? [impact, services.length > 1 ? ' ' + msg('overview.alert.more', { n: services.length - 1 }) : ''] : overdue}
      </p>
      ${impact && overdue ? html`<p>${overdue}</p>` : nothing}
      ${late
        ? html`<p>
            ${unitMsg(locale, 'overview.most_overdue', { number: late.number })}:
            <span class="emphasis">${dueWording(late, view.today, locale)}</span>
          </p>`
        : nothing}
      ${canPay ? nothing : html`<p>${msg('overview.alert.owner')}</p>`}
    </div>
  </div>`;
}

/**
 * The invoice due soonest; when its date has passed (the most overdue one), "Overdue since
 * November 21" instead of "Next due", so a past date never reads as coming.
 */
function renderNextDue(view: OverviewView, invoice: InvoiceSummary, permissions: Permissions): TemplateResult {
  const { locale } = view;
  const date = renderDate(invoice.due_date, locale, 'long');
  const overdue = dueState(invoice, view.today).kind === 'overdue';
  return html`<section class="card" part="next-due" aria-labelledby="next-due-title">
    <h3 id="next-due-title">
      ${overdue ? richMsg((k, p) => view.msg(k, p), 'overview.overdue_since', { date }) : view.msg('overview.next_due')}
    </h3>
    <p class="card__line">
      ${overdue ? nothing : html`<span class="emphasis">${date}</span>`}
      <span part="due-wording">${dueWording(invoice, view.today, locale)}</span>
    </p>
    <p class="card__line">
      <span>${unitMsg(locale, 'overview.next_due_invoice', { number: invoice.number, amount: money(invoice.balance_due, locale) })}</span>
      ${statusBadge('invoice', invoice.status, locale)}
    </p>
    <div class="actions">
      ${invoiceLink(view, invoice, unitMsg(locale, 'overview.view_invoice', { number: invoice.number }))}
      ${payAction(view, invoice, permissions, view.msg('pay.button', { amount: money(invoice.balance_due, locale) }))}
    </div>
  </section>`;
}

function renderServicesAtRisk(view: OverviewView, services: readonly ServiceBilling[]): TemplateResult {
  const { locale } = view;
  return html`<section class="section" part="services" aria-labelledby="services-title">
    <h3 id="services-title">${view.msg('overview.services_at_risk')}</h3>
    ${services.length === 0
      ? html`<p class="muted">${view.msg('overview.no_services_at_risk')}</p>`
      : html`<ul class="service-list">
          ${services.map(
            (impact) => html`<li
              class="service-item"
              part="service"
              data-service-id=${impact.service.id}
              data-tone=${statusTone('service_billing', impact.state)}
            >
              <span class="card__line">
                <bdi class="service-name">${impact.service.name}</bdi>
                ${statusBadge('service_billing', impact.state, locale)}
              </span>
              ${serviceDate(view, impact)}
              ${impact.blocking_invoices.length > 0
                ? html`<span class="card__line">
                    <span class="muted">${view.msg('service.blocking')}:</span>
                    <ul class="blocking">
                      ${impact.blocking_invoices.map((invoice) => html`<li>${invoiceLink(view, invoice, unit(invoice.number))}</li>`)}
                    </ul>
                  </span>`
                : nothing}
            </li>`,
          )}
        </ul>`}
  </section>`;
}

/** At risk: when suspension comes. Suspended: when termination comes. */
function serviceDate(view: OverviewView, impact: ServiceBilling): TemplateResult | typeof nothing {
  if (impact.state === 'at_risk' && impact.suspend_on) {
    return html`<span part="service-date">${withDate(view, 'overview.suspension_on', impact.suspend_on)}</span>`;
  }
  if (impact.state === 'suspended' && impact.terminate_on) {
    return html`<span part="service-date">${withDate(view, 'overview.termination_on', impact.terminate_on)}</span>`;
  }
  return nothing;
}

// ---- payment history ----

function renderHistory(view: OverviewView): TemplateResult {
  const { locale, history } = view;
  const retry = () => void history.run();
  const fallback = renderQueryFallback(history, locale, retry, [['history', view.pageSize]]);
  return html`<section class="section" part="history" aria-labelledby="history-title">
    <h3 id="history-title">${view.msg('payments.title')}</h3>
    ${history.state === 'stale' ? renderQueryNotice(history, locale, retry) : nothing}
    ${fallback ?? renderHistoryTable(view)}
  </section>`;
}

function renderHistoryTable(view: OverviewView): TemplateResult {
  const { locale, pager } = view;
  const payments = pager.payments;
  if (payments.length === 0) return html`<p class="muted" part="empty">${view.msg('payments.empty')}</p>`;
  const loadMore = () => void pager.loadMore();
  return html`${renderPaymentTable(payments, locale, {
      part: 'history-table',
      caption: view.msg('payments.caption'),
      captionId: 'history-caption',
    })}
    <div class="history-footer">
      ${pager.nextCursor !== null
        ? html`<button
            class="button"
            part="load-more"
            type="button"
            aria-disabled=${pager.loading ? 'true' : 'false'}
            @click=${loadMore}
          >
            ${view.msg(pager.loading ? 'common.loading_more' : 'common.load_more')}
          </button>`
        : pager.hasMore
          ? html`<p class="muted">${view.msg('common.all_loaded')}</p>`
          : nothing}
      ${pager.error ? renderError(pager.error, locale, loadMore) : nothing}
    </div>`;
}

/** "Contact support" about the account: opens the support panel's form, its facts attached (the code loads on first use). */
function renderSupport(view: OverviewView): TemplateResult {
  return html`<section class="section" part="support" aria-labelledby="support-title">
    <h3 id="support-title">${view.msg('support.title')}</h3>
    ${view.support.renderDisclosure({
      id: 'support-region',
      button: 'contact-support-button',
      region: 'support-panel',
      label: view.msg('invoice_detail.contact_support'),
      locale: view.locale,
      body: (contact) => contact.render('invoice_detail.contact_support'),
    })}
  </section>`;
}
