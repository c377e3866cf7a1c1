/**
 * What the account view and the service view of `<billing-overview>` take from the element
 * (its queries, state and actions), and the pieces both render: invoice links, pay actions,
 * sentences with a date.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { InvoiceSummary, Money, Page, Payment, Permissions, ServiceBilling, Summary } from '../../api/schemas.js';
import { isPayable } from '../../domain/payability.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/types.js';
import type { BillingQueryController } from '../shared/query.js';
import { invoiceHref } from '../shared/links.js';
import { renderDate } from '../shared/render.js';
import { richMsg } from '../shared/service-alert.js';
import type { HistoryPager } from './history-pager.js';
import type { UpcomingQuery } from '../shared/upcoming.js';
import type { LazyPanel } from '../shared/lazy-panel.js';
import type * as SupportPanelModule from '../support/support-panel.js';

export type InvoiceRef = Pick<InvoiceSummary, 'id' | 'number'>;

/** The element as its views see it. */
export interface OverviewView {
  readonly locale: string;
  /** "Today" for due wording (`YYYY-MM-DD`). */
  readonly today: string;
  /** The `invoice-href` template of the provider, if any. */
  readonly invoiceHrefTemplate: string | undefined;
  readonly announcement: string;
  readonly summary: BillingQueryController<readonly [], Summary>;
  readonly history: BillingQueryController<readonly [number], Page<Payment>>;
  readonly service: BillingQueryController<readonly [string | null], ServiceBilling | null>;
  readonly pager: HistoryPager;
  /** "Coming up": `GET /upcoming?days=30` in account mode (null in service mode or without the route). */
  readonly upcoming: UpcomingQuery;
  /** How many payments a history page holds (the skeleton's height). */
  readonly pageSize: number;
  msg(key: MessageKey, params?: MessageParams): string;
  /** Emits `billing-invoice-select`; a cancelled event keeps the link from navigating. */
  selectInvoice(event: MouseEvent, invoice: InvoiceRef, href: string | undefined): void;
  /** Emits `billing-pay-request`, then opens the pay dialog unless cancelled. */
  requestPay(invoice: InvoiceSummary, opener: HTMLElement): void;
  /** Starts loading the pay dialog's code (pointer over or focus on a pay button). */
  readonly prefetchPay: () => void;
  /** "Top up $19.30" in "Coming up": emits `billing-top-up-request`, then opens the top-up dialog with `amount` unless cancelled. */
  requestTopUp(amount: Money): void;
  /** Starts loading the top-up dialog's code (pointer over or focus on the top-up button). */
  readonly prefetchTopUp: () => void;
  /** Refresh: every billing element on the page reloads. */
  refresh(): void;
  /** "Contact support" about the account: the support panel's contact form, its code loaded on first use. */
  readonly support: LazyPanel<typeof SupportPanelModule, SupportPanelModule.SupportContact>;
}

/** A real link when `invoice-href` is configured, else a button; both emit `billing-invoice-select`. `label`: text or `unitMsg` parts. */
export function invoiceLink(view: OverviewView, invoice: InvoiceRef, label: unknown): TemplateResult {
  const href = invoiceHref(view.invoiceHrefTemplate, invoice);
  if (href) {
    return html`<a part="invoice-link" href=${href} @click=${(e: MouseEvent) => view.selectInvoice(e, invoice, href)}>${label}</a>`;
  }
  return html`<button
    class="button button--quiet"
    part="invoice-link"
    type="button"
    @click=${(e: MouseEvent) => view.selectInvoice(e, invoice, undefined)}
  >
    ${label}
  </button>`;
}

export function readOnlyReason(view: OverviewView): TemplateResult {
  return html`<p class="reason" part="read-only-reason">${view.msg('pay.disabled.read_only')}</p>`;
}

/** The pay action for an invoice under these permissions; the reason instead when paying is not allowed. */
export function payAction(
  view: OverviewView,
  invoice: InvoiceSummary,
  permissions: Permissions | undefined,
  label: unknown,
): TemplateResult | typeof nothing {
  if (!permissions) return nothing;
  if (!permissions.can_pay) return readOnlyReason(view);
  if (!isPayable(invoice, permissions)) return nothing;
  return html`<button
    class="button button--primary"
    part="pay-button"
    type="button"
    data-invoice-id=${invoice.id}
    @pointerenter=${view.prefetchPay}
    @focus=${view.prefetchPay}
    @click=${(event: MouseEvent) => view.requestPay(invoice, event.currentTarget as HTMLElement)}
  >
    ${label}
  </button>`;
}

/** A message with a `{date}` placeholder, the date in a `<time>` element. */
export function withDate(
  view: OverviewView,
  key: 'overview.suspension_on' | 'overview.termination_on' | 'service.banner.payment_due' | 'service.banner.at_risk' | 'service.banner.suspended',
  date: string,
): unknown[] {
  return richMsg((k, p) => view.msg(k, p), key, { date: renderDate(date, view.locale, 'long') });
}
