import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BillingClient } from '../../api/client.js';
import { BillingApiError, isBillingApiError } from '../../api/errors.js';
import { isPayable } from '../../domain/payability.js';
import { SERVICE_ALERT_STATES } from '../../domain/status.js';
import { resolved } from '../../api/settled.js';
import type { InvoiceSummary, Page, Payment, Permissions, ServiceBilling, Summary } from '../../api/schemas.js';
import { dueState, dueWording } from '../../i18n/format.js';
import { BillingConsumerElement } from '../shared/consumer-element.js';
import { toneIcon } from '../shared/icons.js';
import { invoiceHref } from '../shared/links.js';
import { payDialogSlot } from '../../money/launch/dialog-slot.js';
import { dialogStyles } from '../shared/styles.js';
import { BillingQueryController } from '../shared/query.js';
import {
  liveRegion,
  money,
  openLabel,
  renderAsOf,
  renderConfigError,
  renderDate,
  renderError,
  renderInstant,
  renderQueryFallback,
  renderQueryNotice,
  statusBadge,
  statusLabel,
  statusTone,
} from '../shared/render.js';
import { overviewStyles } from './billing-overview.styles.js';

export type BillingOverviewTheme = 'light' | 'dark';

const DEFAULT_HISTORY_SIZE = 5;
/** The API's page limit. */
const MAX_HISTORY_SIZE = 100;
const EMPTY_PAGE: Page<Payment> = { data: [], next_cursor: null };

/** Service billing states whose banner is an alert; the others are a polite status. */

type InvoiceRef = Pick<InvoiceSummary, 'id' | 'number'>;

/** Payments in order, each id once (a page boundary can shift when new payments arrive). */
function uniquePayments(...lists: readonly (readonly Payment[])[]): Payment[] {
  const byId = new Map<string, Payment>();
  for (const list of lists) for (const payment of list) if (!byId.has(payment.id)) byId.set(payment.id, payment);
  return [...byId.values()];
}

/**
 * The billing section at a glance. Without `service-id` (account mode) it shows what needs
 * attention first (overdue invoices, the invoice due soonest, payments still processing),
 * unpaid count and total, the wallet balance, services affected by billing, and the payment
 * history with "Show more" paging through all of it, with an "as of" stamp and a Refresh
 * action that reloads every billing element on the page.
 *
 * With `service-id` (service mode) it is a compact banner of that service's billing impact
 * (no issues, payment due, at risk with the suspension date, suspended with the termination
 * date) with the invoices blocking it and a pay action for each.
 *
 * ```html
 * <billing-provider api-base="/api/billing/v1" invoice-href="/billing/invoices/{id}">
 *   <billing-overview></billing-overview>
 *   <billing-overview service-id="srv_vps_fra1"></billing-overview>
 * </billing-provider>
 * ```
 *
 * @summary Account billing overview with payment history, or one service's billing banner.
 * @tag billing-overview
 *
 * @fires billing-invoice-select - An invoice was chosen (next due, a blocking invoice). `detail`: `invoiceId`, `number`, `href` (when `invoice-href` is set). Cancelable: `preventDefault()` stops the link so the host page can route itself.
 * @fires billing-pay-request - The customer pressed "Pay" on an invoice. `detail`: `invoiceId`, `number`, `balanceDue`. Cancelable: the host page may run its own pay flow; otherwise the pay dialog opens.
 * @fires billing-invoice-paid - An invoice paid through the pay dialog settled: `detail.invoiceId`, `detail.paymentId`. Every billing element on the page is already reloading.
 * @fires billing-error - A load failed, or a payment in its pay dialog failed (the request, or checking its status); `detail.code` says why. The element shows the error itself, with its next step.
 *
 * @csspart overview - Account mode: the whole overview.
 * @csspart header - Title, "as of" stamp and Refresh.
 * @csspart title - The heading.
 * @csspart toolbar - The "as of" stamp and the Refresh button.
 * @csspart as-of - The "as of" stamp.
 * @csspart refresh-button - Reloads every billing element on the page.
 * @csspart updating - "Updating…" while data reloads.
 * @csspart stale-notice - The last refresh failed; older data is shown, with a retry.
 * @csspart retry-button - Loads again after a failure.
 * @csspart error - The error panel (message, next step, retry).
 * @csspart config-error - No `<billing-provider>` above the element.
 * @csspart skeleton - Placeholder while the first load runs.
 * @csspart attention - What needs attention first.
 * @csspart overdue-alert - Overdue count and total, with the most overdue invoice.
 * @csspart next-due - The unpaid invoice due soonest: date, due wording, amount, link and pay action.
 * @csspart due-wording - "Due in 3 days", "Overdue by 2 days".
 * @csspart pending-notice - Payments still processing.
 * @csspart all-paid - "You're all paid up".
 * @csspart empty - A new account's welcome text, or an empty list.
 * @csspart figures - The key figures (unpaid, wallet).
 * @csspart unpaid - Unpaid count and total.
 * @csspart wallet - Wallet balance and pending top-ups.
 * @csspart services - Services affected by billing.
 * @csspart service - One service affected by billing.
 * @csspart service-date - Its suspension or termination date.
 * @csspart history - The payment history.
 * @csspart history-table - The payment history table.
 * @csspart failure-reason - Why a payment failed.
 * @csspart show-more-button - Loads the next page of the history.
 * @csspart service-banner - Service mode: the whole banner.
 * @csspart banner - The service's billing state: icon and message.
 * @csspart banner-message - The state in words, with its date.
 * @csspart blocking-table - The invoices blocking the service.
 * @csspart invoice-link - A link (or button) opening an invoice.
 * @csspart pay-button - Asks to pay an invoice (`billing-pay-request`).
 * @csspart read-only-reason - Why there is no pay action.
 * @csspart status-badge - A status, as icon and text.
 * @csspart live-region - Announcements ("Updated", "Showing 10 payments").
 * @csspart pay-dialog - The pay dialog (`<dialog>`); its inner parts are those of shared/pay-flow.ts: `pay-dialog-header`, `pay-dialog-title`, `pay-close-button`, `pay-live-region`, `pay-form`, `pay-facts`, `pay-methods`, `pay-method`, `pay-apply-wallet`, `pay-summary`, `pay-split`, `pay-notice`, `pay-actions`, `pay-cancel-button`, `pay-confirm-button`, `pay-progress`, `pay-checkout-link`, `pay-result`, `pay-error`, `pay-retry-button`, `pay-recheck-button`, `pay-refresh-button`, `pay-try-another-button`.
 *
 * @cssproperty --billing-color-surface - Background.
 * @cssproperty --billing-color-surface-subtle - Background of the next-due card.
 * @cssproperty --billing-color-text - Text.
 * @cssproperty --billing-color-text-muted - Labels and secondary text.
 * @cssproperty --billing-color-border - Card and table lines.
 * @cssproperty --billing-color-border-strong - Button edges, neutral service marker.
 * @cssproperty --billing-color-link - Links and quiet buttons.
 * @cssproperty --billing-color-accent - Pay button background.
 * @cssproperty --billing-color-accent-text - Pay button text.
 * @cssproperty --billing-color-focus-ring - Focus outline.
 * @cssproperty --billing-color-ok-bg - "All paid up" and "no billing issues" background.
 * @cssproperty --billing-color-ok-text - Their text.
 * @cssproperty --billing-color-warning-bg - Payment due, stale notice background.
 * @cssproperty --billing-color-warning-text - Their text.
 * @cssproperty --billing-color-danger-bg - Overdue alert, at risk, suspended, error background.
 * @cssproperty --billing-color-danger-text - Their text.
 * @cssproperty --billing-color-info-bg - Processing notice background.
 * @cssproperty --billing-color-info-text - Its text.
 * @cssproperty --billing-color-neutral-bg - Unknown state background.
 * @cssproperty --billing-color-neutral-text - Its text.
 * @cssproperty --billing-color-skeleton - Loading placeholder.
 * @cssproperty --billing-radius - Corner radius.
 * @cssproperty --billing-space-s - Small gaps.
 * @cssproperty --billing-space-m - Medium gaps.
 * @cssproperty --billing-space-l - Padding.
 * @cssproperty --billing-font-size-large - Title and key figures.
 */
export class BillingOverview extends BillingConsumerElement {
  static override tagName = 'billing-overview';
  // The pay dialog's frame; its own styles come with its code.
  static override styles = [overviewStyles, dialogStyles];

  /** Show the billing impact of this one service (service mode) instead of the whole account. */
  @property({ attribute: 'service-id', reflect: true })
  serviceId: string | undefined;

  /** How many payments the history shows at first and adds with each "Show more" (1 to 100). */
  @property({ attribute: 'history-size', type: Number })
  historySize = DEFAULT_HISTORY_SIZE;

  /** Forces the light or dark token set; default follows the provider, then `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: BillingOverviewTheme | undefined;

  /** Payments added by "Show more", after the first page. */
  @state() private moreHistory: Payment[] = [];
  @state() private moreCursor: string | null | undefined;
  @state() private loadingMore = false;
  @state() private moreError: BillingApiError | undefined;
  @state() private announcement = '';

  readonly #summary = new BillingQueryController(this, {
    tags: () => ['summary'],
    args: () => [] as const,
    task: (client, _args, options) => client.getSummary(options),
  });

  readonly #history = new BillingQueryController(this, {
    tags: () => (this.#serviceMode ? [] : ['payments']),
    // 0 in service mode: the banner needs no history, so no request is made.
    args: () => [this.#serviceMode ? 0 : this.#pageSize] as const,
    task: (client, [limit], options) =>
      limit === 0 ? resolved(EMPTY_PAGE) : client.listPayments({ limit }, options),
  });

  readonly #service = new BillingQueryController(this, {
    tags: () => (this.serviceId ? [`service:${this.serviceId}`] : []),
    args: () => [this.serviceId || null] as const,
    task: (client, [serviceId], options) =>
      serviceId === null ? Promise.resolve(null) : client.getServiceBilling(serviceId, options),
  });

  /** The pay dialog; it also resumes a redirect checkout this element started. */
  readonly #pay = payDialogSlot(this, { starter: 'billing-overview', resume: 'own' });

  /** The first page the "Show more" pages follow, and what they were loaded with. */
  #firstPage: Page<Payment> | undefined;
  #moreSource: { client: BillingClient; size: number } | undefined;
  #moreAbort: AbortController | undefined;
  #refreshing = false;

  get #serviceMode(): boolean {
    return Boolean(this.serviceId);
  }

  get #pageSize(): number {
    const size = Math.trunc(Number(this.historySize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_HISTORY_SIZE) : DEFAULT_HISTORY_SIZE;
  }

  get #queries() {
    return [this.#summary, this.#history, this.#service] as const;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#moreAbort?.abort();
  }

  // In update(), after the controllers' hostUpdate: a first page the cache answered
  // synchronously is followed in this very render.
  protected override update(changed: PropertyValues<this>): void {
    this.#followFirstPage();
    super.update(changed);
  }

  /**
   * Keeps the "Show more" pages in step with the first page: dropped when the history now
   * comes from another client or page size, reloaded (kept on screen meanwhile) when the
   * first page was refreshed.
   */
  #followFirstPage(): void {
    const first = this.#history.value;
    if (first === this.#firstPage) return;
    const previous = this.#firstPage;
    this.#firstPage = first;
    const source = this.#moreSource;
    const sameSource = source !== undefined && source.client === this.billingClient && source.size === this.#pageSize;
    if (!first || !sameSource) {
      this.#clearMore();
    } else if (previous && this.moreHistory.length > 0) {
      void this.#reloadMore(first, this.moreHistory.length);
    }
  }

  #clearMore(): void {
    this.#moreAbort?.abort();
    this.#moreAbort = undefined;
    this.#moreSource = undefined;
    this.moreHistory = [];
    this.moreCursor = undefined;
    this.loadingMore = false;
    this.moreError = undefined;
  }

  /** The cursor of the next page to show; null when everything is shown. */
  get #nextCursor(): string | null {
    if (this.moreCursor !== undefined) return this.moreCursor;
    return this.#history.value?.next_cursor ?? null;
  }

  async #showMore(): Promise<void> {
    const client = this.billingClient;
    const cursor = this.#nextCursor;
    if (!client || cursor === null || this.loadingMore) return;
    this.#moreAbort?.abort();
    const abort = (this.#moreAbort = new AbortController());
    const size = this.#pageSize;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await client.listPayments({ cursor, limit: size }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.#moreSource = { client, size };
      this.moreHistory = uniquePayments(this.moreHistory, page.data);
      this.moreCursor = page.next_cursor;
      this.#announce(this.msg('overview.history.shown', { n: this.#shownPayments.length }));
      if (page.next_cursor === null) {
        // The button is gone: keep focus in the history rather than losing it to the page.
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[part="history-table"]')?.focus();
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      this.moreError = isBillingApiError(error) ? error : new BillingApiError('bad_response', String(error), { cause: error });
      this.emit('billing-error', { code: this.moreError.code, message: this.moreError.message, element: this.localName });
    } finally {
      if (this.#moreAbort === abort) this.loadingMore = false;
    }
  }

  /** After a refresh: loads again as many payments as were shown, following the new first page. */
  async #reloadMore(first: Page<Payment>, count: number): Promise<void> {
    const client = this.billingClient;
    if (!client) return;
    this.#moreAbort?.abort();
    const abort = (this.#moreAbort = new AbortController());
    const size = this.#pageSize;
    let cursor = first.next_cursor;
    let loaded: Payment[] = [];
    try {
      while (cursor !== null && loaded.length < count) {
        const page = await client.listPayments({ cursor, limit: size }, { signal: abort.signal });
        loaded = uniquePayments(loaded, page.data);
        cursor = page.next_cursor;
      }
    } catch {
      // The pages already shown stay; the history's own stale notice tells about the failure.
      return;
    }
    if (abort.signal.aborted) return;
    this.moreHistory = loaded;
    this.moreCursor = cursor;
  }

  get #shownPayments(): Payment[] {
    return uniquePayments(this.#history.value?.data ?? [], this.moreHistory);
  }

  /** Refresh: every billing element on the page reloads (the cache tells them all); "Updated" when done. */
  async #refresh(): Promise<void> {
    const client = this.billingClient;
    if (!client || this.#refreshing) return;
    this.#refreshing = true;
    this.announcement = '';
    client.refreshAll();
    // A failed first load has nothing cached to invalidate: run it again directly.
    for (const query of this.#queries) if (query.state === 'error') void query.run();
    await Promise.all(this.#queries.map((query) => query.settled()));
    this.#refreshing = false;
    const failed = this.#queries.some((query) => query.state === 'stale' || query.state === 'error');
    this.#announce(this.msg(failed ? 'overview.refresh_failed' : 'overview.updated'));
  }

  /** Sets the live region's text; cleared first so the same words are announced again. */
  #announce(message: string): void {
    if (this.announcement === message) {
      this.announcement = '';
      void this.updateComplete.then(() => {
        this.announcement = message;
      });
    } else {
      this.announcement = message;
    }
  }

  #selectInvoice(event: MouseEvent, invoice: InvoiceRef, href: string | undefined): void {
    // New-tab and download clicks are the browser's business, not a selection in this page.
    if (href && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
    const proceed = this.emit(
      'billing-invoice-select',
      { invoiceId: invoice.id, number: invoice.number, href },
      { cancelable: true },
    );
    if (!proceed) event.preventDefault();
  }

  #requestPay(invoice: InvoiceSummary, opener: HTMLElement): void {
    // A host page that runs its own pay flow cancels the request; otherwise the dialog opens.
    const proceed = this.emit(
      'billing-pay-request',
      { invoiceId: invoice.id, number: invoice.number, balanceDue: invoice.balance_due },
      { cancelable: true },
    );
    if (proceed) this.#pay.open(invoice.id, opener);
  }

  protected override render(): TemplateResult {
    if (!this.billingClient) return renderConfigError(this.displayLocale);
    return html`${this.#serviceMode ? this.#renderServiceMode() : this.#renderAccountMode()}${this.#pay.render()}`;
  }

  // ---- shared pieces ----

  /** A real link when `invoice-href` is configured, else a button; both emit `billing-invoice-select`. */
  #invoiceLink(invoice: InvoiceRef, label: string): TemplateResult {
    const href = invoiceHref(this.billingConfig?.invoiceHref, invoice);
    if (href) {
      return html`<a part="invoice-link" href=${href} @click=${(e: MouseEvent) => this.#selectInvoice(e, invoice, href)}
        >${label}</a
      >`;
    }
    return html`<button
      class="button button--quiet"
      part="invoice-link"
      type="button"
      @click=${(e: MouseEvent) => this.#selectInvoice(e, invoice, undefined)}
    >
      ${label}
    </button>`;
  }

  #readOnlyReason(): TemplateResult {
    return html`<p class="reason" part="read-only-reason">${this.msg('pay.disabled.read_only')}</p>`;
  }

  #payButton(invoice: InvoiceSummary, label: string): TemplateResult {
    return html`<button
      class="button button--primary"
      part="pay-button"
      type="button"
      data-invoice-id=${invoice.id}
      @pointerenter=${this.#pay.prefetch}
      @focus=${this.#pay.prefetch}
      @click=${(event: MouseEvent) => this.#requestPay(invoice, event.currentTarget as HTMLElement)}
    >
      ${label}
    </button>`;
  }

  /** The pay action for an invoice under these permissions; the reason instead when paying is not allowed. */
  #payAction(invoice: InvoiceSummary, permissions: Permissions | undefined, label: string): TemplateResult | typeof nothing {
    if (!permissions) return nothing;
    if (!permissions.can_pay) return this.#readOnlyReason();
    return isPayable(invoice, permissions) ? this.#payButton(invoice, label) : nothing;
  }

  // ---- account mode ----

  #renderAccountMode(): TemplateResult {
    const locale = this.displayLocale;
    const summary = this.#summary;
    const busy = this.#queries.some((query) => query.state === 'refreshing');
    const retry = () => void summary.run();
    return html`<section class="overview" part="overview" aria-labelledby="overview-title" aria-busy=${busy ? 'true' : 'false'}>
        <header class="header" part="header">
          <h2 id="overview-title" part="title">${this.msg('overview.title')}</h2>
          <div class="toolbar" part="toolbar">
            ${summary.value ? renderAsOf(summary.value.as_of, locale) : nothing}
            ${busy ? html`<span class="as-of" part="updating">${this.msg('common.updating')}</span>` : nothing}
            <button class="button" part="refresh-button" type="button" @click=${() => void this.#refresh()}>
              ${this.msg('common.refresh')}
            </button>
          </div>
        </header>
        ${summary.state === 'stale' ? renderQueryNotice(summary, locale, retry) : nothing}
        ${renderQueryFallback(summary, locale, retry, 9) ?? this.#renderSummary(summary.value as Summary)}
        ${this.#renderHistory()}
      </section>
      ${liveRegion(this.announcement)}`;
  }

  #renderSummary(summary: Summary): TemplateResult {
    const locale = this.displayLocale;
    const newAccount = summary.unpaid.count === 0 && summary.next_due === null && summary.recent_payments.length === 0;
    const processing = summary.recent_payments.filter((payment) => payment.status === 'pending').length;
    return html`
      <div class="attention" part="attention">
        ${summary.overdue.count > 0 ? this.#renderOverdueAlert(summary) : nothing}
        ${summary.next_due ? this.#renderNextDue(summary.next_due, summary.permissions) : nothing}
        ${processing > 0
          ? html`<div class="notice" part="pending-notice" data-tone="info">
              ${toneIcon('info')}
              <p class="notice__text">${this.msg('overview.pending_payments', { n: processing })}</p>
            </div>`
          : nothing}
        ${newAccount
          ? html`<div class="notice" part="empty" data-tone="neutral">
              ${toneIcon('neutral')}
              <p class="notice__text">${this.msg('overview.new_account')}</p>
            </div>`
          : summary.unpaid.count === 0
            ? html`<div class="notice" part="all-paid" data-tone="ok">
                ${toneIcon('ok')}
                <div class="notice__body">
                  <p class="notice__text emphasis">${this.msg('overview.all_paid_up')}</p>
                  <p class="notice__text">${this.msg('overview.all_paid')}</p>
                </div>
              </div>`
            : nothing}
      </div>
      <dl class="figures" part="figures">
        <div class="figure" part="unpaid">
          <dt>${this.msg('overview.unpaid')}</dt>
          <dd>
            <span class="figure__value">${money(summary.unpaid.total, locale)}</span>
            ${summary.unpaid.count > 0
              ? this.msg('overview.unpaid_summary', { n: summary.unpaid.count, amount: money(summary.unpaid.total, locale) })
              : this.msg('overview.all_paid')}
          </dd>
        </div>
        <div class="figure" part="wallet">
          <dt>${this.msg('overview.wallet')}</dt>
          <dd>
            <span class="figure__value">${money(summary.wallet.balance, locale)}</span>
            ${summary.wallet.pending_top_ups.amount > 0
              ? this.msg('overview.wallet_pending', { amount: money(summary.wallet.pending_top_ups, locale) })
              : this.msg('wallet.pending_none')}
          </dd>
        </div>
      </dl>
      ${this.#renderServicesAtRisk(summary.services_at_risk)}
    `;
  }

  /** Overdue count and total first, then how late the most overdue invoice is. */
  #renderOverdueAlert(summary: Summary): TemplateResult {
    const locale = this.displayLocale;
    const oldest = summary.next_due;
    const late = oldest && dueState(oldest, this.today).kind === 'overdue' ? oldest : undefined;
    return html`<div class="error-panel" part="overdue-alert" role="alert">
      ${toneIcon('danger')}
      <div class="error-panel__body">
        <p class="error-panel__title">
          ${this.msg('overview.overdue_alert', { n: summary.overdue.count, amount: money(summary.overdue.total, locale) })}
        </p>
        ${late
          ? html`<p>
              ${this.msg('overview.most_overdue', { number: late.number })}:
              <span class="emphasis">${dueWording(late, this.today, locale)}</span>
            </p>`
          : nothing}
      </div>
    </div>`;
  }

  #renderNextDue(invoice: InvoiceSummary, permissions: Permissions): TemplateResult {
    const locale = this.displayLocale;
    return html`<section class="card" part="next-due" aria-labelledby="next-due-title">
      <h3 id="next-due-title">${this.msg('overview.next_due')}</h3>
      <p class="card__line">
        <span class="emphasis">${renderDate(invoice.due_date, locale, 'long')}</span>
        <span part="due-wording">${dueWording(invoice, this.today, locale)}</span>
      </p>
      <p class="card__line">
        <span>${this.msg('overview.next_due_invoice', { number: invoice.number, amount: money(invoice.balance_due, locale) })}</span>
        ${statusBadge('invoice', invoice.status, locale)}
      </p>
      <div class="actions">
        ${this.#invoiceLink(invoice, this.msg('overview.view_invoice', { number: invoice.number }))}
        ${this.#payAction(invoice, permissions, this.msg('pay.button', { amount: money(invoice.balance_due, locale) }))}
      </div>
    </section>`;
  }

  #renderServicesAtRisk(services: readonly ServiceBilling[]): TemplateResult {
    const locale = this.displayLocale;
    return html`<section class="section" part="services" aria-labelledby="services-title">
      <h3 id="services-title">${this.msg('overview.services_at_risk')}</h3>
      ${services.length === 0
        ? html`<p class="muted">${this.msg('overview.no_services_at_risk')}</p>`
        : html`<ul class="service-list">
            ${services.map(
              (impact) => html`<li
                class="service-item"
                part="service"
                data-service-id=${impact.service.id}
                data-tone=${statusTone('service_billing', impact.state)}
              >
                <span class="card__line">
                  <span class="service-name">${impact.service.name}</span>
                  ${statusBadge('service_billing', impact.state, locale)}
                </span>
                ${this.#serviceDate(impact)}
                ${impact.blocking_invoices.length > 0
                  ? html`<span class="card__line">
                      <span class="muted">${this.msg('service.blocking')}:</span>
                      <ul class="blocking">
                        ${impact.blocking_invoices.map(
                          (invoice) => html`<li>${this.#invoiceLink(invoice, invoice.number)}</li>`,
                        )}
                      </ul>
                    </span>`
                  : nothing}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  /** At risk: when suspension comes. Suspended: when termination comes. */
  #serviceDate(impact: ServiceBilling): TemplateResult | typeof nothing {
    if (impact.state === 'at_risk' && impact.suspend_on) {
      return html`<span part="service-date">${this.#withDate('overview.suspension_on', impact.suspend_on)}</span>`;
    }
    if (impact.state === 'suspended' && impact.terminate_on) {
      return html`<span part="service-date">${this.#withDate('overview.termination_on', impact.terminate_on)}</span>`;
    }
    return nothing;
  }

  /** A message with a `{date}` placeholder, the date in a `<time>` element. */
  #withDate(
    key: 'overview.suspension_on' | 'overview.termination_on' | 'service.banner.payment_due' | 'service.banner.at_risk' | 'service.banner.suspended',
    date: string,
  ): TemplateResult {
    // Split around a marker so translators keep the date's position in the sentence.
    const [before = '', after = ''] = this.msg(key, { date: '\u0000' }).split('\u0000');
    return html`${before}${renderDate(date, this.displayLocale, 'long')}${after}`;
  }

  // ---- payment history ----

  #renderHistory(): TemplateResult {
    const locale = this.displayLocale;
    const history = this.#history;
    const retry = () => void history.run();
    const fallback = renderQueryFallback(history, locale, retry, this.#pageSize + 1);
    return html`<section class="section" part="history" aria-labelledby="history-title">
      <h3 id="history-title">${this.msg('payments.title')}</h3>
      ${history.state === 'stale' ? renderQueryNotice(history, locale, retry) : nothing}
      ${fallback ?? this.#renderHistoryTable()}
    </section>`;
  }

  #renderHistoryTable(): TemplateResult {
    const locale = this.displayLocale;
    const payments = this.#shownPayments;
    if (payments.length === 0) return html`<p class="muted" part="empty">${this.msg('payments.empty')}</p>`;
    const cursor = this.#nextCursor;
    return html`<div class="table-wrap">
        <table class="table" part="history-table" tabindex="-1">
          <caption>
            ${this.msg('payments.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.msg('payments.col.date')}</th>
              <th scope="col">${this.msg('payments.col.kind')}</th>
              <th scope="col">${this.msg('payments.col.method')}</th>
              <th scope="col">${this.msg('payments.col.reference')}</th>
              <th scope="col" class="numeric">${this.msg('payments.col.amount')}</th>
              <th scope="col">${this.msg('payments.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            ${payments.map(
              (payment) => html`<tr part="payment" data-payment-id=${payment.id} data-kind=${payment.kind}>
                <th scope="row">${renderInstant(payment.created_at, locale)}</th>
                <td>${openLabel('kind.payment', payment.kind, locale)}</td>
                <td>${payment.method.label || openLabel('method', payment.method.type, locale)}</td>
                <td>
                  ${payment.reference
                    ? payment.reference
                    : html`<span aria-hidden="true">—</span><span class="visually-hidden">${this.msg('common.none')}</span>`}
                </td>
                <td class="numeric">${money(payment.amount, locale)}</td>
                <td>
                  <span class="cell-stack">
                    ${statusBadge('payment', payment.status, locale)}
                    ${payment.failure_reason
                      ? html`<span class="reason" part="failure-reason"
                          >${this.msg('overview.history.failure', { reason: payment.failure_reason })}</span
                        >`
                      : nothing}
                  </span>
                </td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="history-footer">
        ${cursor !== null
          ? html`<button
              class="button"
              part="show-more-button"
              type="button"
              aria-disabled=${this.loadingMore ? 'true' : 'false'}
              @click=${() => void this.#showMore()}
            >
              ${this.msg(this.loadingMore ? 'common.loading_more' : 'overview.history.show_more')}
            </button>`
          : this.moreHistory.length > 0
            ? html`<p class="muted">${this.msg('common.all_loaded')}</p>`
            : nothing}
        ${this.moreError ? renderError(this.moreError, locale, () => void this.#showMore()) : nothing}
      </div>`;
  }

  // ---- service mode ----

  #renderServiceMode(): TemplateResult {
    const locale = this.displayLocale;
    const service = this.#service;
    const retry = () => void service.run();
    const fallback = renderQueryFallback(service, locale, retry, 3);
    const billing = service.value;
    if (fallback || !billing) {
      return html`<div class="service" part="service-banner">${fallback}</div>${liveRegion(this.announcement)}`;
    }
    return html`<section
        class="service"
        part="service-banner"
        aria-labelledby="service-title"
        aria-busy=${service.state === 'refreshing' ? 'true' : 'false'}
        data-state=${billing.state}
      >
        ${this.#renderBanner(billing)} ${service.state === 'stale' ? renderQueryNotice(service, locale, retry) : nothing}
        ${this.#renderBlocking(billing)}
      </section>
      ${liveRegion(this.announcement)}`;
  }

  #renderBanner(billing: ServiceBilling): TemplateResult {
    const locale = this.displayLocale;
    const tone = statusTone('service_billing', billing.state);
    // Only at risk and suspended interrupt; the node stays the same across refreshes, so an
    // unchanged message is not announced again.
    const role = SERVICE_ALERT_STATES.has(billing.state) ? 'alert' : 'status';
    return html`<div class="banner" part="banner" data-tone=${tone}>
      ${toneIcon(tone)}
      <div class="banner__body">
        <h2 id="service-title" class="banner__title">${this.msg('service.title', { name: billing.service.name })}</h2>
        <p class="banner__message" part="banner-message" role=${role}>${this.#bannerMessage(billing)}</p>
        ${this.#service.state === 'refreshing'
          ? renderQueryNotice(this.#service, locale, () => void this.#service.run())
          : nothing}
      </div>
    </div>`;
  }

  #bannerMessage(billing: ServiceBilling): TemplateResult | string {
    const label = statusLabel('service_billing', billing.state, this.displayLocale);
    switch (billing.state) {
      case 'ok':
        return label;
      case 'payment_due': {
        const due = billing.blocking_invoices.map((invoice) => invoice.due_date).sort()[0];
        return due ? this.#withDate('service.banner.payment_due', due) : label;
      }
      case 'at_risk':
        return billing.suspend_on ? this.#withDate('service.banner.at_risk', billing.suspend_on) : label;
      case 'suspended':
        return billing.terminate_on ? this.#withDate('service.banner.suspended', billing.terminate_on) : label;
      case 'terminated':
        return this.msg('service.banner.terminated');
      default:
        // A state from a newer server: shown neutrally with its raw label, never as permission.
        return label;
    }
  }

  #renderBlocking(billing: ServiceBilling): TemplateResult | typeof nothing {
    if (billing.blocking_invoices.length === 0) return nothing;
    const locale = this.displayLocale;
    const permissions = this.#summary.value?.permissions;
    const canPay = permissions?.can_pay === true;
    return html`<div class="table-wrap">
        <table class="table" part="blocking-table">
          <caption>
            ${this.msg('service.blocking')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.msg('invoices.col.number')}</th>
              <th scope="col" class="numeric">${this.msg('invoices.col.balance_due')}</th>
              <th scope="col">${this.msg('invoices.col.due')}</th>
              ${canPay ? html`<th scope="col">${this.msg('invoices.col.actions')}</th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${billing.blocking_invoices.map(
              (invoice) => html`<tr data-invoice-id=${invoice.id}>
                <th scope="row">${this.#invoiceLink(invoice, invoice.number)}</th>
                <td class="numeric">${money(invoice.balance_due, locale)}</td>
                <td>
                  <span class="cell-stack">
                    <span part="due-wording">${dueWording(invoice, this.today, locale)}</span>
                    <span class="muted">${renderDate(invoice.due_date, locale)}</span>
                  </span>
                </td>
                ${canPay
                  ? html`<td>${this.#payAction(invoice, permissions, this.msg('service.pay', { number: invoice.number }))}</td>`
                  : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${permissions && !permissions.can_pay ? this.#readOnlyReason() : nothing}`;
  }
}
