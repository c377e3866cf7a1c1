import { html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolved } from '../../api/settled.js';
import type { InvoiceSummary, Money, Page, Payment } from '../../api/schemas.js';
import { BillingConsumerElement } from '../shared/consumer-element.js';
import { MoneyDialogSlot, payDialogSlot } from '../../money/launch/dialog-slot.js';
import { topUpDialogCode } from '../../money/launch/top-up-code.js';
import type * as TopUpFlowModule from '../../money/top-up-dialog.js';
import type { TopUpFlow } from '../../money/top-up-dialog.js';
import { currencyDigits } from '../../i18n/format.js';
import { paymentTableStyles } from '../shared/payment-table.js';
import { dialogStyles } from '../shared/styles.js';
import { BillingQueryController } from '../shared/query.js';
import { renderConfigError } from '../shared/render.js';
import { renderAccountView } from './account-view.js';
import { upcomingQuery } from '../shared/upcoming.js';
import { overviewStyles } from './billing-overview.styles.js';
import { HistoryPager } from './history-pager.js';
import { renderServiceView } from './service-view.js';
import { supportPanelCode } from '../support/support-code.js';
import { contactStyles } from '../support/support-request.js';
import { LazyPanel } from '../shared/lazy-panel.js';
import type { InvoiceRef, OverviewView } from './view.js';
import { addBundledMessages } from '../../i18n/catalog.js';
import { enOverview } from '../../i18n/en-overview.js';

// The English this element alone shows, in the catalog before it first renders.
addBundledMessages('en', enOverview);

export type BillingOverviewTheme = 'light' | 'dark';

const DEFAULT_PAGE_SIZE = 5;
/** The API's page limit. */
const MAX_PAGE_SIZE = 100;
const EMPTY_PAGE: Page<Payment> = { data: [], next_cursor: null };

/**
 * The billing section at a glance. Without `service-id` (account mode) it shows what needs
 * attention first (overdue invoices, the invoice due soonest, payments still processing),
 * unpaid count and total, the wallet balance, services affected by billing, and the payment
 * history with "Load more" paging through all of it, with an "as of" stamp and a Refresh
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
 * @fires billing-top-up-request - The customer pressed "Top up $19.30" in "Coming up" (the wallet is short for the next 30 days' renewals and the member may top up). `detail.amount` is the amount as `Money` (integer minor units: the shortfall held to the wallet's top-up limits). Cancelable: call `preventDefault()` to run your own top-up flow (the dialog does not open).
 * @fires billing-top-up-completed - A top-up from that dialog reached the wallet: `detail.topUpId`, `detail.amount` (what was credited, `Money` in minor units). The wallet, payments and summary are already reloading.
 * @fires billing-pay-request - The customer pressed "Pay" on an invoice. `detail`: `invoiceId`, `number`, `balanceDue`. Cancelable: the host page may run its own pay flow; otherwise the pay dialog opens.
 * @fires billing-invoice-paid - An invoice paid through the pay dialog settled: `detail.invoiceId`, `detail.paymentId`. Every billing element on the page is already reloading.
 * @fires billing-support-request - "Contact support" about the account: `detail.description`, the prepared `message` (the account's facts attached), and the most urgent invoice's `invoiceId` and `number` when there is one. Cancelable: cancelling it stops the navigation to `support-href`; `detail.respondWith(promise)` takes it over and has the form say "Sent" once the promise fulfils.
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
 * @csspart overdue-alert - The service worst off (suspended or at risk, with the date and the invoices it waits for), then the overdue count and total, with the most overdue invoice.
 * @csspart next-due - The next invoice to pay: "Overdue since <date>" with how late it is, or "Next due" with its date and due wording; its amount, link and pay action.
 * @csspart due-wording - "Due in 3 days", "Overdue by 2 days".
 * @csspart pending-notice - Payments still processing.
 * @csspart all-paid - "You're all paid up".
 * @csspart empty - A new account's welcome text, or an empty list.
 * @csspart figures - The key figures (unpaid, wallet).
 * @csspart unpaid - Unpaid count and total.
 * @csspart unpaid-excluded - Under the unpaid total: the open invoices it leaves out (processing, on hold, disputed), when the server says.
 * @csspart wallet - Wallet balance and pending top-ups.
 * @csspart coming-up - "Coming up" (account mode, with `GET /upcoming`): the next renewals of 30 days and the wallet's coverage; a retry notice when it failed.
 * @csspart coverage - "Your wallet covers renewals until December 21." (or every renewal, or not the next one, or there are none).
 * @csspart shortfall - "Short by $19.30 for renewals in the next 30 days." (only when short).
 * @csspart top-up-button - "Top up $19.30" under the shortfall (only for a member who may top up): opens the top-up dialog with that amount.
 * @csspart upcoming-list - The list of the next renewals (up to 5).
 * @csspart upcoming-charge - One renewal: date, service and amount (`data-charge-id`).
 * @csspart pays-with - How it will be paid: "From your wallet", the method ("Visa ending 4242"), or "You pay it".
 * @csspart services - Services affected by billing.
 * @csspart service - One service affected by billing.
 * @csspart service-date - Its suspension or termination date.
 * @csspart history - The payment history.
 * @csspart history-table - The payment history table.
 * @csspart payment - One payment's row.
 * @csspart failure-reason - Why a payment failed.
 * @csspart load-more - "Load more": adds the next page of the history.
 * @csspart support - "Something looks wrong?": contact support about the account.
 * @csspart contact-support-button - Opens and closes the contact form (`aria-expanded`); its code loads on first use.
 * @csspart support-panel - The contact form's region: placeholder while its code loads, the failure with "Try again", or the form.
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
 * @csspart service-banner - Service mode: the whole banner.
 * @csspart not-found - Service mode: no service with this `service-id`.
 * @csspart banner - The service's billing state: icon and message.
 * @csspart banner-message - The state in words, with its date (while restoring: when the service is expected back).
 * @csspart blocking-table - The invoices blocking the service.
 * @csspart timeline - The open renewal's timeline, an ordered list (issued, due, suspension, termination).
 * @csspart timeline-step - One dated step of the timeline: `data-step` its name, `data-state` past, current (`aria-current="step"`) or next.
 * @csspart timeline-today - "Today", between the steps passed and the next.
 * @csspart invoice-link - A link (or button) opening an invoice.
 * @csspart pay-button - Asks to pay an invoice (`billing-pay-request`).
 * @csspart read-only-reason - Why there is no pay action.
 * @csspart status-badge - A status, as icon and text.
 * @csspart live-region - Announcements ("Updated", "Showing 10 payments").
 * @csspart dialog - The top-up dialog (`<dialog>`) "Top up $19.30" opens.
 * @csspart dialog-header - The top-up dialog's title row.
 * @csspart dialog-title - The top-up dialog's heading.
 * @csspart close-button - Closes the top-up dialog.
 * @csspart form - The top-up form: amount, method and quote.
 * @csspart amount-label - The label of the top-up amount field.
 * @csspart amount-input - The top-up amount field.
 * @csspart amount-hint - The top-up limits under the amount field.
 * @csspart amount-error - Why the typed amount is not accepted.
 * @csspart presets - The group of preset amounts.
 * @csspart preset - One preset amount button (`aria-pressed` when it is the amount).
 * @csspart cover-preset - "Cover the next 30 days ($19.30)", the first preset when the wallet is short.
 * @csspart cover-reason - Why the cover preset is that amount.
 * @csspart methods - The top-up's payment method radio group.
 * @csspart method - One payment method choice.
 * @csspart quote - The top-up's summary: amount, fee, tax, total.
 * @csspart quote-status - "Calculating the total…" or why the quote failed.
 * @csspart notice - Notes in the top-up dialog (an unfinished top-up, a replayed request, popup closed).
 * @csspart unfinished - The offer to continue an unfinished top-up.
 * @csspart unfinished-continue-button - Continues the unfinished top-up.
 * @csspart unfinished-new-button - Starts over with a new top-up instead.
 * @csspart actions - The top-up dialog's buttons.
 * @csspart confirm-button - "Pay <total>" in the top-up dialog.
 * @csspart cancel-button - Closes the top-up dialog from the form.
 * @csspart progress - The top-up step in progress.
 * @csspart checkout-link - "Open the payment page" when the popup was blocked.
 * @csspart result - The top-up's outcome: added, failed, or still processing.
 * @csspart after-top-up - Under "Added …": what the new balance paid or covers.
 * @csspart pay-offer-button - "Pay PL-… from your wallet now" after a top-up: opens the pay dialog.
 * @csspart recheck-button - Checks the top-up again.
 * @csspart try-another-button - Back to the top-up form after a failure.
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
  static override styles = [overviewStyles, paymentTableStyles, dialogStyles, contactStyles];

  /** Show the billing impact of this one service (service mode) instead of the whole account. */
  @property({ attribute: 'service-id', reflect: true })
  serviceId: string | undefined;

  /** How many payments the history shows at first and adds with each "Load more" (1 to 100). */
  @property({ attribute: 'page-size', type: Number })
  pageSize = DEFAULT_PAGE_SIZE;

  /** Forces the light or dark token set; default follows the provider, then `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: BillingOverviewTheme | undefined;

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

  /** "Coming up" (account mode): shares the cache with `<wallet-balance>`'s coverage line. */
  readonly #upcoming = upcomingQuery(this, () => !this.#serviceMode);

  /** The history's pages after the first ("Load more"). */
  readonly #pager = new HistoryPager(this, {
    history: this.#history,
    pageSize: () => this.#pageSize,
    announceShown: (n) => this.#announce(this.msg('overview.history.shown', { n })),
  });

  /** The pay dialog; it also resumes a redirect checkout this element started. */
  readonly #pay = payDialogSlot(this, { starter: 'billing-overview', resume: 'own' });

  /** The top-up dialog of "Top up $19.30" in "Coming up"; it also resumes a redirect checkout this element started. */
  readonly #topUp: MoneyDialogSlot<typeof TopUpFlowModule, TopUpFlow> = new MoneyDialogSlot(this, {
    code: topUpDialogCode,
    create: (module) => new module.TopUpFlow(this),
    flow: 'top_up',
    title: 'topup.dialog_title',
    dialogClass: 'dialog',
    parts: { dialog: 'dialog', header: 'dialog-header', title: 'dialog-title', close: 'close-button' },
  });

  /** The amount "Top up $19.30" opens the dialog with. */
  #topUpAmount: Money | undefined;

  /** Delay before a quote is asked for after the top-up amount or method changes (ms). @internal */
  quoteDelayMs = 300;

  /** "Contact support" about the account, pre-filled with its facts (its most urgent invoice first). */
  readonly #support = new LazyPanel(this, () => supportPanelCode, (module) =>
    new module.SupportContact(this, {
      context: () => module.accountContext(this.#summary.value, this.displayLocale),
      announce: (text) => this.#announce(text),
    }),
  );

  #refreshing = false;

  get #serviceMode(): boolean {
    return Boolean(this.serviceId);
  }

  get #pageSize(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  get #queries() {
    return [this.#summary, this.#history, this.#service] as const;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pager.abort();
  }

  // In update(), after the controllers' hostUpdate: a first page the cache answered
  // synchronously is followed in this very render.
  protected override update(changed: PropertyValues<this>): void {
    this.#pager.follow();
    super.update(changed);
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

  /** The top-up dialog's preset, in major units: the amount of "Top up $19.30" (1930 USD is `1930e-2`, parsed as the decimal 19.3, never divided as a float). @internal */
  get presetAmount(): number | undefined {
    const amount = this.#topUpAmount;
    return amount ? Number(`${amount.amount}e-${currencyDigits(amount.currency)}`) : undefined;
  }

  /** The top-up's offer to pay an invoice from the wallet: the pay dialog replaces the top-up dialog (after `billing-pay-request`). @internal */
  payFromWallet(invoice: InvoiceSummary): void {
    this.#topUp.close();
    this.#requestPay(invoice, this.renderRoot.querySelector<HTMLElement>('[part="top-up-button"]') ?? this);
  }

  #requestTopUp(amount: Money): void {
    const proceed = this.emit('billing-top-up-request', { amount }, { cancelable: true });
    if (!proceed) return;
    this.#topUpAmount = amount;
    this.#topUp.open();
  }

  /** The element as its views see it (account-view.ts, service-view.ts). */
  #view(): OverviewView {
    return {
      locale: this.displayLocale,
      today: this.today,
      invoiceHrefTemplate: this.billingConfig?.invoiceHref,
      announcement: this.announcement,
      summary: this.#summary,
      history: this.#history,
      service: this.#service,
      pager: this.#pager,
      upcoming: this.#upcoming,
      pageSize: this.#pageSize,
      msg: (key, params) => this.msg(key, params),
      selectInvoice: (event, invoice, href) => this.#selectInvoice(event, invoice, href),
      requestPay: (invoice, opener) => this.#requestPay(invoice, opener),
      prefetchPay: this.#pay.prefetch,
      requestTopUp: (amount) => this.#requestTopUp(amount),
      prefetchTopUp: this.#topUp.prefetch,
      refresh: () => void this.#refresh(),
      support: this.#support,
    };
  }

  protected override render(): TemplateResult {
    if (!this.billingClient && !this.waitingForProvider) return renderConfigError(this.displayLocale);
    const view = this.#view();
    return html`${this.#serviceMode ? renderServiceView(view) : renderAccountView(view)}${this.#pay.render()}${this.#topUp.render()}`;
  }
}
