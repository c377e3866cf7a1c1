import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { payBlockReason, pendingTransfer } from '../../domain/payability.js';
import type { PayBlockReason } from '../../domain/payability.js';
import { resolved } from '../../api/settled.js';
import type { Invoice, InvoiceLine } from '../../api/schemas.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { dueState, dueWording, formatCalendarDate } from '../../i18n/format.js';
import { BillingConsumerElement } from '../shared/consumer-element.js';
import { isSafeExternalUrl } from '../shared/links.js';
import { payDialogCode, payDialogSlot } from '../../money/launch/dialog-slot.js';
import type * as PayFlowModule from '../../money/pay-dialog.js';
import type { LazyModule } from '../shared/lazy-module.js';
import { dialogStyles } from '../shared/styles.js';
import { moneyBack, paymentTableStyles, refundedTotal, renderPaymentTable } from '../shared/payment-table.js';
import { BillingQueryController } from '../shared/query.js';
import { errorPanel, liveRegion, money, openLabel, renderDate, renderMoney, renderQueryFallback, renderQueryNotice, renderSkeleton, statusBadge, unit, unitMsg, unitName } from '../shared/render.js';
import { toneIcon } from '../shared/icons.js';
import { serviceImpact, serviceRestoring, worstService } from '../shared/service-alert.js';
import { renderTimeline } from '../shared/timeline.js';
import { invoiceDetailStyles } from './invoice-detail.styles.js';
import type { SkeletonShape } from '../shared/render.js';
import type * as SupportPanelModule from '../support/support-panel.js';
import type { SupportPanel } from '../support/support-panel.js';

/** The loading layout: header, what it is for, line items, transactions, support. */
const DETAIL_SKELETON: SkeletonShape = [['header'], ['purpose'], ['lines'], ['transactions'], ['support']];

/** Reasons of an invoice with nothing to pay for good, or held until support settles it: no greyed pay button, only the reason. */
const SETTLED_REASONS: readonly (MessageKey | undefined)[] = [
  'invoice_detail.pay_disabled.unknown',
  'invoice_detail.pay_disabled.paid',
  'invoice_detail.pay_disabled.refunded',
  'invoice_detail.pay_disabled.cancelled',
  'invoice_detail.pay_disabled.nothing_due',
];

export { SUPPORT_DESCRIPTION_MAX, supportRequestHref } from '../support/support-request.js';

import { supportPanelCode } from '../support/support-code.js';
import { addBundledMessages } from '../../i18n/catalog.js';
import { enDetail } from '../../i18n/en-detail.js';

// The English this element alone shows, in the catalog before it first renders.
addBundledMessages('en', enDetail);

/** The support panel's module (support-panel.ts), loaded when the panel first opens. @internal */
export { supportPanelCode };

/**
 * One invoice in full: the header (number, status, issue and due dates with the due wording,
 * total, amount paid, balance due), what it is for (kind and service), line items,
 * transactions, the PDF link, the pay action, and a "Something looks wrong?" panel to re-check
 * the invoice, compare it with its service and contact support.
 *
 * ```html
 * <billing-provider api-base="/api/billing/v1" support-href="/support/new">
 *   <invoice-detail invoice-id="inv_1001" back-href="/billing/invoices"></invoice-detail>
 * </billing-provider>
 * ```
 *
 * The pay button is enabled only when `isPayable(invoice, permissions)`; otherwise it stays
 * focusable with `aria-disabled="true"` and the reason is shown beside it. The account's
 * permissions come from the summary (cached and shared with the other billing elements).
 * A paid, refunded or cancelled invoice (or one with nothing left to pay) has no pay button,
 * only the reason; after paying it here, focus goes to that reason.
 * The service comparison loads when the "Something looks wrong?" panel is first opened.
 *
 * @summary One invoice with its lines, payments, PDF, pay action and a "something looks wrong?" panel.
 * @tag invoice-detail
 *
 * @attr {string} invoice-id - The id of the invoice to show. Changing it loads the new invoice and aborts the old request.
 * @attr {string} back-href - Link back to the invoice list, shown above the invoice and on "not found".
 * @attr {'light' | 'dark'} theme - Forces the light or dark token set; default follows the provider, else `prefers-color-scheme`.
 *
 * @fires {CustomEvent<BillingPayRequestDetail>} billing-pay-request - The customer pressed "Pay" on a payable invoice. Cancelable: cancelling it keeps the pay dialog closed so the host page can run its own pay flow.
 * @fires {CustomEvent<BillingInvoicePaidDetail>} billing-invoice-paid - A payment made in the pay dialog settled the invoice: `detail.invoiceId`, `detail.paymentId`. Every billing element on the page is already reloading.
 * @fires {CustomEvent<BillingSupportRequestDetail>} billing-support-request - The customer asked support about this invoice: `detail.invoiceId`, `number`, `description` and the prepared `message`. Cancelable: cancelling it stops the navigation to `support-href`; `detail.respondWith(promise)` takes it over and has the panel say "Sent" once the promise fulfils. The prepared message stays on screen, copyable, either way.
 * @fires {CustomEvent<BillingErrorDetail>} billing-error - Loading the invoice, the permissions or the service failed, or a payment in the pay dialog failed (the request, or checking its status); `detail.code` says why.
 *
 * @csspart base - The element's content box.
 * @csspart back-link - The link back to the invoice list.
 * @csspart back-button - "Go back" on the not-found notice when there is no `back-href` but a page to go back to.
 * @csspart header - Number, status, dates, amounts and actions.
 * @csspart title - The invoice number heading.
 * @csspart status-badge - A status badge (invoice, service, payment).
 * @csspart facts - The list of dates and amounts.
 * @csspart due-wording - "Due in 3 days", "Overdue by 2 days".
 * @csspart service-restoring - On a paid invoice whose service is coming back from a suspension: when it will be back.
 * @csspart refunded-total - "Refunded −$35.00" among the line items' totals when money went back on the invoice.
 * @csspart service-alert - Above the pay action when this invoice keeps a service suspended or at risk: which service, and what happens on which date unless it is paid.
 * @csspart timeline - The open renewal's timeline, an ordered list (issued, due, suspension, termination).
 * @csspart timeline-step - One dated step of the timeline: `data-step` its name, `data-state` past, current (`aria-current="step"`) or next.
 * @csspart timeline-today - "Today", between the steps passed and the next.
 * @csspart actions - The pay action and the PDF link.
 * @csspart pay-button - The "Pay <balance due>" button; none on a settled invoice (paid, refunded, cancelled, nothing left to pay).
 * @csspart pay-reason - Why paying is not possible now.
 * @csspart transfer-pending - "A bank transfer of $149.00 (reference PL-2026-0145) is on its way": the pay button then reads "Pay another way".
 * @csspart transfer-details-button - Opens the pay dialog at the pending transfer's details (beneficiary, IBAN, reference…) with copy buttons.
 * @csspart contact-support-button - Beside the reason of an invoice on hold: opens the "Something looks wrong?" panel at its contact form.
 * @csspart pdf-link - The PDF link (only for an https: or same-origin address).
 * @csspart pdf-note - Shown instead of the PDF link when there is none or it was refused.
 * @csspart purpose - What the invoice is for: kind and service.
 * @csspart lines - The line items section.
 * @csspart lines-table - The line items table, with the totals in its footer.
 * @csspart line-period - The service period under a line's description.
 * @csspart transactions - The transactions section.
 * @csspart transactions-table - The payments on this invoice.
 * @csspart payment - One payment's row.
 * @csspart failure-reason - Why a payment failed.
 * @csspart empty - An empty list's message.
 * @csspart support-panel - The "Something looks wrong?" `<details>`.
 * @csspart recheck-button - "Re-check this invoice".
 * @csspart recheck-result - "Checked just now: <status>".
 * @csspart comparison - The invoice's status beside the service's status and billing state.
 * @csspart comparison-hint - What to do when the two disagree.
 * @csspart support-form - The contact support form.
 * @csspart support-description - The description textarea.
 * @csspart support-counter - The character counter.
 * @csspart support-error - The inline validation error.
 * @csspart support-button - The "Contact support" button.
 * @csspart support-prepared - After "Contact support", whatever the channel: the prepared message, where it goes and what happens next (`data-channel`: `mail`, `page`, `host` or `none`).
 * @csspart support-next - What happens next: the mail app should open (else copy and send to the address), the support page opens, sending, sent (only when the host page confirms it through `detail.respondWith`), not sent, or copy and send it.
 * @csspart support-link - Opens the mail link or support page again.
 * @csspart support-prepared-text - The prepared message, read-only: the description with the facts attached.
 * @csspart support-copy-button - Copies the prepared message (selects it where the clipboard is refused).
 * @csspart support-copy-status - "Copied", or how to copy the selected text.
 * @csspart not-found - The "invoice not found" message.
 * @csspart skeleton - The loading placeholder.
 * @csspart error - The error panel.
 * @csspart retry-button - A retry button.
 * @csspart config-error - Shown without a `<billing-provider>`.
 * @csspart updating - "Updating…" while refreshing.
 * @csspart stale-notice - "Could not refresh" with a retry.
 * @csspart as-of - The "as of" stamp.
 * @csspart live-region - The polite live region.
 * @csspart pay-dialog - The pay dialog (`<dialog>`).
 * @csspart pay-dialog-header - The pay dialog's title bar.
 * @csspart pay-dialog-title - The pay dialog's heading.
 * @csspart pay-close-button - Closes the pay dialog.
 * @csspart pay-live-region - The pay dialog's announcements.
 * @csspart pay-form - The pay form: facts, methods, wallet option, summary and buttons.
 * @csspart pay-facts - The invoice number and balance due in the pay dialog.
 * @csspart pay-methods - The payment method choices.
 * @csspart pay-method - One payment method choice.
 * @csspart pay-apply-wallet - "Use my wallet balance first".
 * @csspart pay-summary - What is charged to the wallet and to the method.
 * @csspart pay-split - The wallet and method split, or why the wallet cannot cover it; a bank transfer's warning when it may arrive after the service is suspended.
 * @csspart pay-transfer - A bank transfer's details (beneficiary, IBAN or account number, BIC, bank, reference, amount).
 * @csspart pay-copy-button - Copies one of the transfer's details.
 * @csspart pay-copy-status - "IBAN copied." (or selected, to copy by keyboard), announced politely.
 * @csspart pay-notice - A notice in the pay dialog (not payable, no methods, popup blocked, an earlier payment).
 * @csspart pay-in-progress - The notice that a payment of this invoice is already under way.
 * @csspart pay-continue-button - Continues the payment already under way.
 * @csspart pay-start-over-button - Starts a new payment instead.
 * @csspart pay-actions - The pay dialog's buttons.
 * @csspart pay-cancel-button - Cancels, or closes the dialog after the outcome.
 * @csspart pay-confirm-button - Confirms the payment.
 * @csspart pay-progress - Paying, or waiting for the checkout to finish.
 * @csspart pay-checkout-link - Opens the checkout page when the popup was blocked.
 * @csspart pay-result - The outcome: paid, processing, failed.
 * @csspart pay-error - Why the payment failed, with the next step.
 * @csspart pay-retry-button - Tries the payment again.
 * @csspart pay-recheck-button - Checks the payment's status again.
 * @csspart pay-refresh-button - Reloads the invoice.
 * @csspart pay-try-another-button - Pays with another method.
 *
 * @cssproperty --billing-color-surface - Background.
 * @cssproperty --billing-color-surface-subtle - Background of the "Something looks wrong?" panel.
 * @cssproperty --billing-color-text - Text.
 * @cssproperty --billing-color-text-muted - Labels, hints, the due wording.
 * @cssproperty --billing-color-border - Table rules and the panel's edge.
 * @cssproperty --billing-color-border-strong - The description field's edge.
 * @cssproperty --billing-color-accent - The pay button.
 * @cssproperty --billing-color-accent-text - Text on the pay button.
 * @cssproperty --billing-color-link - Links.
 * @cssproperty --billing-color-danger-text - Overdue wording, failure reasons, validation errors.
 * @cssproperty --billing-color-focus-ring - Focus outline.
 * @cssproperty --billing-font-size-large - The title and the balance due.
 * @cssproperty --billing-font-size-small - Labels and notes.
 * @cssproperty --billing-space-m - Spacing.
 * @cssproperty --billing-radius - Corner radius of the panel and fields.
 */
export class InvoiceDetail extends BillingConsumerElement {
  static override tagName = 'invoice-detail';
  // The pay dialog's frame; its own styles come with its code.
  static override styles = [invoiceDetailStyles, paymentTableStyles, dialogStyles];

  /** Where the pay dialog's code loads from; a subclass may load it otherwise (stories show its failure so). @internal */
  static payDialogCode: LazyModule<typeof PayFlowModule> = payDialogCode;
  /** Where the support panel's code loads from; a subclass may load it otherwise. @internal */
  static supportPanelCode: LazyModule<typeof SupportPanelModule> = supportPanelCode;

  /** The id of the invoice to show. */
  @property({ attribute: 'invoice-id' })
  invoiceId: string | undefined;

  /** Link back to the invoice list, e.g. `/billing/invoices`. Without it, "not found" offers the browser's back. */
  @property({ attribute: 'back-href' })
  backHref: string | undefined;

  /** Forces the light or dark token set; default follows the provider, else `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: 'light' | 'dark' | undefined;

  readonly #invoice = new BillingQueryController(this, {
    tags: () => [`invoice:${this.invoiceId ?? ''}`],
    args: () => [this.invoiceId ?? ''] as const,
    // A missing id is a missing invoice; no request for it.
    task: (client, [id], options) => (id ? client.getInvoice(id, options) : resolved(null)),
  });

  /** Permissions for the pay action; the summary is cached and shared, so this is one request per page. */
  readonly #summary = new BillingQueryController(this, {
    tags: () => ['summary'],
    args: () => [] as const,
    task: (client, _args, options) => client.getSummary(options),
  });

  /**
   * The pay dialog, its code loaded on first use; on connect it resumes a redirect checkout
   * this page came back from. Tests and stories shorten `payFlow.flow.timing`.
   * @internal
   */
  readonly payFlow = payDialogSlot(this, { starter: 'invoice-detail', resume: 'any', pageInvoiceId: () => this.invoiceId ?? undefined }, (this.constructor as typeof InvoiceDetail).payDialogCode);

  @state() private panelOpened = false;
  @state() private announcement = '';
  /** The support panel's load failed (it offers "Try again"). */
  @state() private supportFailed = false;

  /** The pay dialog was opened from the pay button (focus comes back when it closes). */
  #paying = false;

  /** The support panel, once its code has loaded (at once when it already had). */
  #support: SupportPanel | undefined;
  /** The support panel's code while it loads. */
  #supportLoad: Promise<unknown> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('invoiceId') && changed.get('invoiceId') !== undefined) {
      // Another invoice: nothing typed or checked for the old one carries over.
      this.announcement = '';
      this.#support?.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#paying && !this.payFlow.isOpen) {
      this.#paying = false;
      // Paid here: the pay button that had focus is gone, so focus goes to why there is none.
      void this.updateComplete.then(() => this.shadowRoot!.activeElement ?? this.renderRoot.querySelector<HTMLElement>('[part="pay-reason"][tabindex]')?.focus());
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const module = this.#supportCode.value;
    if (module) this.#createSupport(module);
  }

  /** Resolves once the invoice, permission and service loads (and the support panel's code, once asked for) have settled (for tests and stories). */
  async settled(): Promise<void> {
    await this.updateComplete;
    await this.#supportLoad;
    await Promise.all([this.#invoice.settled(), this.#summary.settled(), this.#support?.settled()]);
    await this.updateComplete;
  }

  /**
   * Opens the support page. Separate so an embedder (or a test) can route it differently by
   * subclassing; the default replaces this page, as a link would.
   */
  protected openSupport(href: string): void {
    window.location.assign(href);
  }

  protected override render(): TemplateResult {
    const refreshing = this.#invoice.state === 'refreshing';
    // Until the invoice is here (loading, or an error to retry) the box keeps the loaded height; a short invoice is then as tall as it is.
    const waiting = this.#invoice.state === 'loading' || this.#invoice.state === 'error' || this.#summary.state === 'loading';
    return html`<div class="detail" part="base" aria-busy=${refreshing ? 'true' : 'false'} ?data-reserve=${waiting}>
      ${liveRegion(this.announcement)} ${this.#renderBody()}
    </div>${this.payFlow.render()}`;
  }

  #renderBody(): TemplateResult {
    const query = this.#invoice;
    // The loaded layout's sections, heights in the styles: the content replaces it without a jump.
    const fallback = renderQueryFallback(query, this.displayLocale, this.#retry, DETAIL_SKELETON, () => this.#renderNotFound());
    if (fallback) return fallback;
    // The sections appear together: the summary (the service's alert above the pay button, the
    // permission to pay) is in the same first frame, not pushing the page down a moment later.
    // A summary that fails does not hold the invoice back.
    if (this.#summary.state === 'loading') return renderSkeleton(DETAIL_SKELETON, this.displayLocale);
    const invoice = query.value;
    if (!invoice) return this.#renderNotFound();
    return html`
      ${this.#renderBackLink()} ${this.#renderHeader(invoice)} ${this.#renderPurpose(invoice)}
      ${this.#renderLines(invoice)} ${this.#renderTransactions(invoice)} ${this.#renderSupportPanel(invoice)}
    `;
  }

  #renderBackLink(): TemplateResult | typeof nothing {
    if (!this.backHref) return nothing;
    return html`<a part="back-link" href=${this.backHref}>${this.msg('invoice_detail.back')}</a>`;
  }

  #renderNotFound(): TemplateResult {
    const canGoBack = !this.backHref && typeof history !== 'undefined' && history.length > 1;
    return html`<div class="notice" part="not-found" data-tone="warning">
      <div class="notice__body">
        <h2 class="notice__text">${this.msg('invoice_detail.not_found.title')}</h2>
        <p class="notice__text">${this.msg('invoice_detail.not_found.body')}</p>
        ${this.backHref
          ? html`<a part="back-link" href=${this.backHref}>${this.msg('invoice_detail.back')}</a>`
          : canGoBack
            ? html`<button class="button" part="back-button" type="button" @click=${() => history.back()}>
                ${this.msg('invoice_detail.go_back')}
              </button>`
            : nothing}
      </div>
    </div>`;
  }

  #renderHeader(invoice: Invoice): TemplateResult {
    const locale = this.displayLocale;
    const due = dueState(invoice, this.today);
    const impact = this.#serviceImpact(invoice);
    return html`<header class="header" part="header">
      <div class="title-row">
        <h2 part="title">${unitMsg(locale, 'invoice.title', { number: invoice.number })}</h2>
        ${statusBadge('invoice', invoice.status, locale)}
      </div>
      ${renderQueryNotice(this.#invoice, locale, this.#retry)}
      <dl class="facts" part="facts">
        <div class="fact">
          <dt>${this.msg('invoice.issue_date')}</dt>
          <dd>${renderDate(invoice.issue_date, locale)}</dd>
        </div>
        <div class="fact">
          <dt>${this.msg('invoice.due_date')}</dt>
          <dd>
            ${renderDate(invoice.due_date, locale)}
            ${due.kind === 'none'
              ? nothing
              : html`<span class="due-wording" part="due-wording" data-due=${due.kind}
                  >${dueWording(invoice, this.today, locale)}</span
                >`}
          </dd>
        </div>
        <div class="fact">
          <dt>${this.msg('invoice.total')}</dt>
          <dd data-amount="total">${renderMoney(invoice.total, locale)}</dd>
        </div>
        <div class="fact">
          <dt>${this.msg('invoice.amount_paid')}</dt>
          <dd data-amount="amount_paid">${renderMoney(invoice.amount_paid, locale)}</dd>
        </div>
        <div class="fact fact--strong">
          <dt>${this.msg('invoice.balance_due')}</dt>
          <dd data-amount="balance_due">${renderMoney(invoice.balance_due, locale)}</dd>
        </div>
      </dl>
      ${this.#renderTimeline(invoice)}
      ${impact
        ? html`<div class="notice" part="service-alert" data-tone="warning">
            ${toneIcon('warning')}
            <p class="notice__text" id="service-alert">${impact}</p>
          </div>`
        : nothing}
      ${this.#renderRestoring(invoice)}
      <div class="actions" part="actions">${this.#renderPay(invoice, !!impact)} ${this.#renderPdf(invoice)}</div>
    </header>`;
  }

  /** The service this invoice keeps suspended or at risk, from the summary (no request of its own). */
  #serviceImpact(invoice: Invoice): unknown[] | undefined {
    const services = this.#summary.value?.services_at_risk.filter((s) => s.blocking_invoices.some((i) => i.id === invoice.id));
    const worst = services && worstService(services);
    return worst && serviceImpact((key, params) => this.msg(key, params), this.displayLocale, worst);
  }

  /** A renewal's timeline, from its service's billing in the summary (no request of its own). */
  #renderTimeline(invoice: Invoice): TemplateResult | typeof nothing {
    const timeline = invoice.kind === 'renewal' ? this.#summary.value?.services_at_risk.find((s) => s.timeline?.invoice_id === invoice.id)?.timeline : undefined;
    return timeline ? renderTimeline((key) => this.msg(key), this.displayLocale, timeline) : nothing;
  }

  /** Paid, and its service is coming back from a suspension: say when (from the summary, no request of its own). */
  #renderRestoring(invoice: Invoice): TemplateResult | typeof nothing {
    const id = invoice.status === 'paid' ? invoice.service?.id : undefined;
    const billing = id && this.#summary.value?.services_at_risk.find((s) => s.state === 'restoring' && s.service.id === id);
    if (!billing) return nothing;
    return html`<div class="notice" part="service-restoring" data-tone="info" role="status">
      ${toneIcon('info')}
      <p class="notice__text">${serviceRestoring((key, params) => this.msg(key, params), this.displayLocale, billing)}</p>
    </div>`;
  }

  #payBlock(invoice: Invoice): PayBlockReason {
    const summary = this.#summary;
    return payBlockReason(invoice, summary.value?.permissions, summary.state === 'error');
  }

  #renderPay(invoice: Invoice, impact: boolean): TemplateResult {
    const reason = this.#payBlock(invoice);
    const blocked = reason !== undefined;
    // Settled (or nothing left to pay): no greyed "Pay $0.00", only why (focusable, for focus after paying here).
    const settled = SETTLED_REASONS.includes(reason?.key);
    // A bank transfer on its way locks nothing: its details stay at hand, and the invoice can be paid another way.
    const transfer = blocked ? undefined : pendingTransfer(invoice);
    return html`<div class="pay">
      ${transfer
        ? html`<p class="pay-reason" part="transfer-pending" id="transfer-pending">
              ${this.msg('invoice_detail.transfer_pending', { amount: money(transfer.amount, this.displayLocale), reference: transfer.reference ?? invoice.number })}
            </p>
            <button class="button button--quiet" part="transfer-details-button" type="button" @click=${this.#onPayClick}>
              ${this.msg('invoice_detail.transfer_details')}
            </button>`
        : nothing}
      ${settled
        ? nothing
        : html`<button
            class="button button--primary"
            part="pay-button"
            type="button"
            aria-disabled=${blocked ? 'true' : 'false'}
            aria-describedby=${[impact && 'service-alert', blocked && 'pay-reason', transfer && 'transfer-pending'].filter(Boolean).join(' ') || nothing}
            @pointerenter=${blocked ? nothing : this.payFlow.prefetch}
            @focus=${blocked ? nothing : this.payFlow.prefetch}
            @click=${this.#onPayClick}
          >
            ${transfer ? this.msg('invoice_detail.pay_another_way') : this.msg('pay.button', { amount: money(invoice.balance_due, this.displayLocale) })}
          </button>`}
      ${reason
        ? html`<span class="pay-reason" part="pay-reason" id="pay-reason" data-reason=${reason.key} tabindex=${settled ? '-1' : nothing}
            >${this.msg(reason.key, reason.label === undefined ? {} : { label: reason.label })}</span
          >`
        : nothing}
      ${reason?.key === 'invoice_detail.pay_disabled.unknown'
        ? html`<button class="button button--quiet" part="contact-support-button" type="button" @click=${this.#openContact}>
            ${this.msg('invoice_detail.contact_support')}
          </button>`
        : nothing}
      ${reason?.key === 'invoice_detail.pay_disabled.permissions_failed'
        ? html`<button class="button button--quiet" part="retry-button" type="button" @click=${() => void this.#summary.run()}>
            ${this.msg('common.retry')}
          </button>`
        : nothing}
    </div>`;
  }

  #renderPdf(invoice: Invoice): TemplateResult {
    const url = invoice.pdf_url;
    if (url && isSafeExternalUrl(url)) {
      return html`<a part="pdf-link" href=${url} rel="noopener">${this.msg('invoice.pdf')}</a>`;
    }
    const key: MessageKey = url ? 'invoice_detail.pdf_refused' : 'invoice.pdf_unavailable';
    return html`<p class="muted" part="pdf-note" data-reason=${url ? 'refused' : 'none'}>${this.msg(key)}</p>`;
  }

  #renderPurpose(invoice: Invoice): TemplateResult {
    const locale = this.displayLocale;
    return html`<section part="purpose" aria-labelledby="purpose-title">
      <h3 id="purpose-title">${this.msg('invoice.purpose')}</h3>
      <dl class="facts">
        <div class="fact">
          <dt>${this.msg('invoice.kind')}</dt>
          <dd data-kind=${invoice.kind}>${openLabel('kind.invoice', invoice.kind, locale)}</dd>
        </div>
        <div class="fact">
          <dt>${this.msg('invoice.service')}</dt>
          <dd data-service=${invoice.service?.id ?? nothing}>
            ${invoice.service
              ? html`${unitName(invoice.service.name)} ${statusBadge('service', invoice.service.status, locale)}`
              : this.msg('invoice.no_service')}
          </dd>
        </div>
      </dl>
    </section>`;
  }

  #renderLines(invoice: Invoice): TemplateResult {
    const locale = this.displayLocale;
    if (invoice.lines.length === 0) {
      return html`<section part="lines" aria-labelledby="lines-title">
        <h3 id="lines-title">${this.msg('invoice.lines')}</h3>
        <p class="muted" part="empty">${this.msg('invoice_detail.lines_empty')}</p>
      </section>`;
    }
    const quantity = new Intl.NumberFormat(locale);
    const labels = {
      quantity: this.msg('invoice.line.quantity'),
      unitPrice: this.msg('invoice.line.unit_price'),
      amount: this.msg('invoice.line.amount'),
    };
    // Explicit roles keep the table semantics when a narrow container turns the rows into cards.
    return html`<section part="lines">
      <div class="table-scroll" role="region" aria-labelledby="lines-caption" tabindex="0">
        <table class="table lines" part="lines-table" role="table">
          <caption id="lines-caption">
            ${this.msg('invoice.lines')}
          </caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">${this.msg('invoice.line.description')}</th>
              <th scope="col" role="columnheader" class="numeric">${labels.quantity}</th>
              <th scope="col" role="columnheader" class="numeric">${labels.unitPrice}</th>
              <th scope="col" role="columnheader" class="numeric">${labels.amount}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${invoice.lines.map(
              (line) => html`<tr role="row">
                <th scope="row" role="rowheader">${line.description} ${this.#renderPeriod(line)}</th>
                <td role="cell" class="numeric" data-label=${labels.quantity}>${quantity.format(line.quantity)}</td>
                <td role="cell" class="numeric" data-label=${labels.unitPrice}>${renderMoney(line.unit_price, locale)}</td>
                <td role="cell" class="numeric" data-label=${labels.amount} data-amount="amount">${renderMoney(line.amount, locale)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot role="rowgroup">
            ${this.#totalRow(this.msg('invoice.total'), renderMoney(invoice.total, locale))}
            ${this.#totalRow(this.msg('invoice.amount_paid'), renderMoney(invoice.amount_paid, locale))}
            ${this.#renderRefunded(invoice)}
            ${this.#totalRow(this.msg('invoice.balance_due'), renderMoney(invoice.balance_due, locale))}
          </tfoot>
        </table>
      </div>
    </section>`;
  }

  /** One of the line items' totals: its name under the three first columns, its amount under "Amount". */
  #totalRow(label: string, amount: unknown, part?: string): TemplateResult {
    return html`<tr role="row" part=${part ?? nothing}>
      <th scope="row" role="rowheader" colspan="3">${label}</th>
      <td role="cell" class="numeric">${amount}</td>
    </tr>`;
  }

  /** "Refunded −$35.00" among the totals when money went back on this invoice. */
  #renderRefunded(invoice: Invoice): TemplateResult | typeof nothing {
    const refunded = refundedTotal(invoice.transactions);
    if (!refunded) return nothing;
    return this.#totalRow(this.msg('status.invoice.refunded'), unit(moneyBack(refunded, this.displayLocale)), 'refunded-total');
  }

  #renderPeriod(line: InvoiceLine): TemplateResult | typeof nothing {
    if (!line.period_start) return nothing;
    const locale = this.displayLocale;
    const start = formatCalendarDate(line.period_start, locale);
    const text = line.period_end
      ? this.msg('invoice.line.period_range', { start, end: formatCalendarDate(line.period_end, locale) })
      : start;
    return html`<span class="line-period" part="line-period"
      ><span class="visually-hidden">${this.msg('invoice.line.period')}: </span>${text}</span
    >`;
  }

  #renderTransactions(invoice: Invoice): TemplateResult {
    const payments = invoice.transactions;
    if (payments.length === 0) {
      return html`<section part="transactions" aria-labelledby="transactions-title">
        <h3 id="transactions-title">${this.msg('invoice.transactions')}</h3>
        <p class="muted" part="empty">
          ${this.msg(invoice.status === 'cancelled' ? 'invoice.transactions_cancelled' : 'invoice.transactions_empty')}
        </p>
      </section>`;
    }
    return html`<section part="transactions">
      ${renderPaymentTable(payments, this.displayLocale, {
        part: 'transactions-table',
        caption: this.msg('invoice.transactions'),
        captionId: 'transactions-caption',
      })}
    </section>`;
  }

  #renderSupportPanel(invoice: Invoice): TemplateResult {
    return html`<details
      class="panel"
      part="support-panel"
      ?open=${this.panelOpened}
      @toggle=${this.#onPanelToggle}
      @pointerenter=${this.#prefetchSupport}
      @focusin=${this.#prefetchSupport}
    >
      <summary>${this.msg('support.title')}</summary>
      <div class="panel__body">${this.#renderSupportBody(invoice)}</div>
    </details>`;
  }

  /** The panel's body once its code is here; while it loads, a placeholder; if it cannot load, why, with "Try again". */
  #renderSupportBody(invoice: Invoice): TemplateResult | typeof nothing {
    if (this.#support) return this.#support.render(invoice);
    if (!this.panelOpened) return nothing;
    if (!this.supportFailed) return renderSkeleton(3, this.displayLocale);
    return errorPanel({
      code: 'load_failed',
      title: this.msg('support.load_failed'),
      retry: { label: this.msg('common.retry'), onClick: this.#loadSupport },
    });
  }

  #retry = (): void => {
    void this.#invoice.run();
  };

  #onPanelToggle = (event: Event): void => {
    const open = (event.currentTarget as HTMLDetailsElement).open;
    // Opening once is enough to load the comparison; keep it loaded (and current) after.
    if (open && !this.panelOpened) {
      this.panelOpened = true;
      this.#loadSupport();
    }
  };

  get #supportCode(): LazyModule<typeof SupportPanelModule> {
    return (this.constructor as typeof InvoiceDetail).supportPanelCode;
  }

  #prefetchSupport = (): void => {
    if (!this.#support) void this.#supportCode.load().catch(() => undefined);
  };

  #loadSupport = (): void => {
    this.supportFailed = false;
    this.#supportLoad = this.#supportCode.load().then(
      (module) => {
        this.#createSupport(module);
        this.requestUpdate();
      },
      () => {
        this.supportFailed = true;
      },
    );
  };

  /** "Contact support" beside an on-hold reason: opens the panel and takes focus to its form. */
  #openContact = async (): Promise<void> => {
    if (!this.panelOpened) {
      this.panelOpened = true;
      this.#loadSupport();
    }
    await this.#supportLoad;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#support-description')?.focus();
  };

  #createSupport(module: typeof SupportPanelModule): void {
    this.#support ??= new module.SupportPanel(this, {
      invoice: this.#invoice,
      opened: () => this.panelOpened,
      announce: (text) => (this.announcement = text),
      openSupport: (href) => this.openSupport(href),
    });
  }

  #onPayClick = (): void => {
    const invoice = this.#invoice.value;
    if (!invoice || this.#payBlock(invoice) !== undefined) return;
    this.#startPayment(invoice);
  };

  /** Starts paying a payable invoice: asks the host page first (`billing-pay-request`), then opens the pay dialog. */
  #startPayment(invoice: Invoice): void {
    const proceed = this.emit(
      'billing-pay-request',
      { invoiceId: invoice.id, number: invoice.number, balanceDue: invoice.balance_due },
      { cancelable: true },
    );
    if (proceed) {
      this.payFlow.open(invoice.id, this.renderRoot.querySelector<HTMLElement>('[part="pay-button"]'));
      this.#paying = true;
    }
  }

}

