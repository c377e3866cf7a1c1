/**
 * The pay dialog: paying one invoice exactly once per confirmation, shared by `<invoice-detail>` and
 * `<billing-overview>` (and any element that wants a pay action).
 *
 * Shape: a reactive controller (`PayFlow`) plus its `render()` and `payFlowStyles`, not an
 * element of its own. The dialog then lives in the host's shadow root: it reads the host's
 * client, config and locale directly, its parts (`pay-*`) are the host's parts
 * (`invoice-detail::part(pay-dialog)`), and no extra tag has to be registered (or clash) on
 * the embedding page. Every class is prefixed `pf-` and every id `pay-flow-`, so it never
 * collides with the host's own styles and ids.
 *
 * ```ts
 * static override styles = [myStyles, payFlowStyles];
 * readonly #pay = new PayFlow(this, { starter: 'invoice-detail', resume: 'any' });
 * // on "Pay", after a non-cancelled `billing-pay-request`:
 * this.#pay.open(invoice.id);
 * // in render():
 * html`...${this.#pay.render()}`;
 * ```
 *
 * The steps (see `MoneyFlowController` in `checkout.ts`): the form (balance due, methods from
 * `GET /payment-methods`, the wallet from `GET /wallet` and how much of the invoice it covers,
 * "use my wallet" and the final amount to be charged) → confirm (`POST /invoices/{id}/payments`
 * with the attempt's `Idempotency-Key`) → paid at once (wallet), or the checkout (redirect or
 * popup) and polling with backoff → paid, failed (with the reason and "Try another method"), or
 * "still processing" with a re-check; never a false success. Every request error has its own
 * message and next step (`moneyErrorMessage`).
 *
 * After settling it invalidates the invoice, the list, the wallet, payments, the summary and the
 * invoice's service, so every element on the page (and in other tabs) shows the new state, and
 * dispatches `billing-invoice-paid` from the host on success.
 *
 * Redirect checkouts: the page comes back with `billing_return=pay:<paymentId>`. Only an attempt
 * this browser started (stored with the payment it created and the element that started it) is
 * resumed, by the first such element to take the return from the address; a crafted link
 * resumes and announces nothing.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { BillingClient } from '../api/client.js';
import { isBillingApiError } from '../api/errors.js';
import { mapSettled, resolved } from '../api/settled.js';
import { isOpenForPayment } from '../domain/payability.js';
import { paySplit } from '../domain/split.js';
import type { PaySplit } from '../domain/split.js';
import type { Invoice, Money, Payment, PaymentMethod, Wallet } from '../api/schemas.js';
import type { BillingConfig } from '../context.js';
import { t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { MessageParams } from '../i18n/types.js';
import { formatInstant } from '../i18n/format.js';
import { MoneyConfigurationError, moneyErrorMessage } from './errors.js';
import { MoneyFlowController, attemptScope } from './controller.js';
import { moneyDialogView } from './steps.js';
import { readCheckoutReturn, takeCheckoutReturn } from './launch/return.js';
import type { Attempt, Intent } from './attempts.js';
import type { MoneyFlowError } from './errors.js';
import type { MoneyFlowStep, MoneyProgressStep, MoneyResultStep } from './steps.js';
import type { MoneyFlowSubmit } from './controller.js';
import { emitBillingEvent } from '../components/shared/events.js';
import type { BillingEventDetailMap, BillingEventName } from '../components/shared/events.js';
import { toneIcon } from '../components/shared/icons.js';
import type { Tone } from '../components/shared/icons.js';
import { BillingQueryController } from '../components/shared/query.js';
import { UnfinishedOffer } from './unfinished-offer.js';
import { money, openLabel, renderQueryFallback, statusLabel } from '../components/shared/render.js';
import { addStyles } from './adopt-styles.js';
import { payDialogStyles } from './pay-dialog.styles.js';
import { dialogStyles } from '../components/shared/styles.js';

/**
 * What a host lists in its `static styles`: the dialog's frame, so it looks right while its
 * code loads. The dialog's own styles come with its code (`PayFlow` adds them).
 */
export const payFlowStyles = [dialogStyles];

/** What the customer confirmed to pay an invoice (each confirmation is an attempt with its own key). */
export interface PayIntent extends Intent {
  readonly action: 'pay';
  readonly invoiceId: string;
  readonly methodId: string;
  readonly applyWallet: boolean;
  /** The balance due the customer confirmed paying, for "A payment of $X is in progress". */
  readonly amount: Money;
  /** The part the wallet was to pay: with `amount`, the split the outcome describes after a return from the gateway. */
  readonly wallet?: Money | undefined;
}

/** The split an attempt confirmed, from what it stored (a return from the gateway, a continued attempt). */
function confirmedSplit(intent: PayIntent): PaySplit {
  const balanceDue = intent.amount;
  const wallet = intent.wallet?.currency === balanceDue.currency ? intent.wallet : { amount: 0, currency: balanceDue.currency };
  const charged = { amount: Math.max(0, balanceDue.amount - wallet.amount), currency: balanceDue.currency };
  const kind = wallet.amount === 0 ? 'method-only' : charged.amount === 0 ? 'covers-all' : 'covers-part';
  return { kind, balanceDue, wallet, charged };
}

/** Method types that can pay an invoice; anything else (incl. unknown types) is not offered. */
export const INVOICE_PAYMENT_METHOD_TYPES: ReadonlySet<string> = new Set(['wallet', 'card', 'crypto', 'bank_transfer']);


/** What the controller needs from its element: a `BillingConsumerElement` fits. */
export interface PayFlowHost extends ReactiveControllerHost, HTMLElement {
  readonly billingClient: BillingClient | undefined;
  readonly billingConfig: BillingConfig | undefined;
  readonly displayLocale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface PayFlowOptions {
  /** Who starts payments here (the host's tag), remembered with a redirect checkout. */
  starter: string;
  /**
   * Which returns from a redirect checkout this host resumes. Either way only a payment this
   * browser started, from an element with this `starter`: `own` any such payment; `any` also
   * resumes one whose invoice is not `pageInvoiceId` (kept for pages that show another invoice).
   */
  resume: 'own' | 'any';
  /** The invoice the page is about (`<invoice-detail>`'s): a return for a payment of another invoice is not resumed. */
  pageInvoiceId?: (() => string | undefined) | undefined;
}

/**
 * The pay dialog of one host element. Create it once in a field; call `open(invoiceId)` and put
 * `render()` in the host's template, `payFlowStyles` in its styles.
 */
export class PayFlow implements ReactiveController {
  /**
   * The money flow (a key per attempt, checkout, polling). Tests shorten `flow.timing`.
   * @internal
   */
  readonly flow: MoneyFlowController<Payment>;

  /** The invoice in the dialog, loaded fresh through the cache while it is open. @internal */
  readonly invoice: BillingQueryController<readonly [string | null], Invoice | null>;
  /** The wallet balance, while the dialog is open. @internal */
  readonly wallet: BillingQueryController<readonly [boolean], Wallet | null>;
  /** The methods that can pay an invoice, while the dialog is open. @internal */
  readonly methods: BillingQueryController<readonly [boolean], PaymentMethod[] | null>;

  readonly #host: PayFlowHost;
  readonly #options: PayFlowOptions;
  #open = false;
  #invoiceId: string | undefined;
  #methodId: string | undefined;
  #applyWallet = true;
  /** An earlier attempt of this browser for the invoice: still open (continue or start over), or completed meanwhile. */
  readonly #unfinished: UnfinishedOffer<Payment>;
  /** The split shown when the customer confirmed, for the outcome's wording. */
  #submitted: { invoiceId: string; number: string; split: PaySplit } | undefined;
  /** The payment id of a return from a redirect checkout, checked and resumed once the client is there. */
  #resumeId: string | undefined;
  #opener: HTMLElement | undefined;
  /** The step whose outcome took focus last, so focus moves once per outcome. */
  #focusedStep: MoneyFlowStep | undefined;

  constructor(host: PayFlowHost, options: PayFlowOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.invoice = new BillingQueryController(host, {
      tags: () => (this.invoiceId ? [`invoice:${this.invoiceId}`] : []),
      args: () => [this.#open ? (this.invoiceId ?? null) : null] as const,
      task: (client, [id], options) => (id ? client.getInvoice(id, options) : resolved(null)),
    });
    this.wallet = new BillingQueryController(host, {
      tags: () => ['wallet'],
      args: () => [this.#open] as const,
      task: (client, [open], options) => (open ? client.getWallet(options) : resolved(null)),
    });
    this.methods = new BillingQueryController(host, {
      tags: () => ['payment-methods'],
      args: () => [this.#open] as const,
      task: (client, [open], options) =>
        open
          ? mapSettled(client.listPaymentMethods(options), (list) => list.filter((method) => INVOICE_PAYMENT_METHOD_TYPES.has(method.type)))
          : resolved(null),
    });
    this.flow = new MoneyFlowController<Payment>(host, {
      flow: 'pay',
      starter: options.starter,
      scope: () => attemptScope(this.#client(), host.billingConfig?.accountId),
      checkoutOrigins: () => host.billingConfig?.checkoutOrigins ?? [],
      load: (id, signal) => this.#client().getPayment(id, { signal, fresh: true }),
      // A payment is this attempt's only if it pays the attempt's invoice.
      matches: (payment, intent) => payment.kind === 'invoice_payment' && payment.invoice_id === (intent as Partial<PayIntent>).invoiceId,
      announce: (flow) => this.#announce(flow.step),
      onSettled: (payment, outcome, info) => this.#onSettled(payment, outcome, info.announce),
      onError: (error) => this.#emitError(error),
    });
    this.#unfinished = new UnfinishedOffer(host, this.flow, {
      notice: 'in-progress',
      noticePart: 'pay-notice pay-in-progress',
      actionsClass: 'pf-actions',
      actionsPart: 'pay-actions',
      continuePart: 'pay-continue-button',
      startOverPart: 'pay-start-over-button',
      onContinue: (attempt) => this.#continueUnfinished(attempt),
      onStartOver: () => void this.#focusMethod(),
    });
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** The invoice being paid: the one opened, else the one of the intent or payment being resumed. */
  get invoiceId(): string | undefined {
    return this.#invoiceId ?? (this.flow.intent as Partial<PayIntent> | undefined)?.invoiceId ?? this.flow.record?.invoice_id ?? undefined;
  }

  /** The method chosen in the form. @internal */
  get methodId(): string | undefined {
    return this.#methodId;
  }

  /**
   * Opens the dialog to pay `invoiceId`. `opener` gets focus back when it closes (default: what
   * has focus now). Ignored while a request is in flight.
   */
  open(invoiceId: string, opener?: HTMLElement | null): void {
    if (this.flow.busy) return;
    if (this.#open && invoiceId === this.invoiceId) return;
    this.#opener = opener ?? this.#activeElement() ?? undefined;
    const running = this.flow.step === 'awaiting_checkout' || this.flow.step === 'processing';
    // A payment still checking in the background (dialog closed mid-checkout) is shown as it is.
    if (running && this.invoiceId === invoiceId) {
      this.#invoiceId = invoiceId;
    } else {
      this.#invoiceId = invoiceId;
      this.#resetForm();
      this.flow.choose();
      void this.#checkUnfinished(invoiceId);
    }
    this.#open = true;
    this.#focusedStep = undefined;
    this.#host.requestUpdate();
  }

  /** Closes the dialog (as its Close button does); ignored while a request is in flight. */
  close(): void {
    if (this.flow.busy) return;
    const dialog = this.#dialog();
    if (dialog?.open) dialog.close();
    else this.#closed();
  }

  hostConnected(): void {
    addStyles(this.#host.renderRoot, [payDialogStyles]);
    this.#resumeId ??= readCheckoutReturn('pay');
  }

  hostDisconnected(): void {
    this.#unfinished.cancel();
  }

  hostUpdate(): void {
    if (this.#resumeId !== undefined && this.#host.billingClient) {
      const id = this.#resumeId;
      this.#resumeId = undefined;
      this.#resumeReturn(id);
    }
    this.#fillDefaults();
  }

  /**
   * Back from a redirect checkout: resumes only a payment this browser started from this kind
   * of element, for the page's invoice. A crafted or foreign link resumes and announces nothing.
   */
  #resumeReturn(id: string): void {
    // The first element to take the return from the address resumes it; the others leave it.
    if (readCheckoutReturn('pay') !== id) return;
    const attempt = this.flow.returnAttempt(id, this.#options.starter);
    if (!attempt) return;
    const invoiceId = (attempt.intent as Partial<PayIntent>).invoiceId;
    const page = this.#options.pageInvoiceId?.();
    if (typeof invoiceId !== 'string' || (page !== undefined && page !== invoiceId && this.#options.resume !== 'any')) return;
    takeCheckoutReturn('pay');
    this.#invoiceId = invoiceId;
    this.#rememberSplit(attempt);
    this.#open = true;
    this.#focusedStep = undefined;
    void this.flow.resume(attempt);
  }

  hostUpdated(): void {
    const dialog = this.#dialog();
    // A host removed mid-update (a reload, a route change) cannot show a modal dialog.
    if (this.#open && dialog && !dialog.open && dialog.isConnected) {
      dialog.showModal();
      this.#focusInitial();
    }
    this.#focusOutcome();
  }

  // ---- rendering ----

  /** The dialog while open; nothing otherwise. */
  render(): TemplateResult | typeof nothing {
    if (!this.#open) return nothing;
    const step = this.flow.step;
    const busy = this.flow.busy;
    const number = this.invoice.value?.number ?? this.#submitted?.number;
    return html`<dialog
      class="pf-dialog money-dialog"
      part="pay-dialog"
      aria-labelledby="pay-flow-title"
      data-step=${step}
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
    >
      <div class="money-dialog__header" part="pay-dialog-header">
        <h2 class="money-dialog__title" part="pay-dialog-title" id="pay-flow-title">
          ${number ? this.#msg('pay.dialog_title', { number }) : this.#msg('pay_dialog.title_generic')}
        </h2>
        <button
          class="button button--quiet"
          part="pay-close-button"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.#requestClose}
        >
          ${this.#msg('common.close')}
        </button>
      </div>
      <div class="live-region" part="pay-live-region" role="status" aria-live="polite" aria-atomic="true">${this.flow.announcement}</div>
      ${this.#renderBody(step)}
    </dialog>`;
  }

  #renderBody(step: MoneyFlowStep): TemplateResult {
    const shown = moneyDialogView(step, this.flow.record !== undefined);
    switch (shown.view) {
      case 'progress':
        return this.#renderProgress(shown.step);
      case 'result':
        return this.#renderResult(shown.step);
      case 'check-error':
        return this.#renderFlowError();
      default:
        return this.#renderForm();
    }
  }

  #renderForm(): TemplateResult {
    const locale = this.#host.displayLocale;
    const fallback =
      renderQueryFallback(this.invoice, locale, () => void this.invoice.run(), 3) ??
      renderQueryFallback(this.wallet, locale, () => void this.wallet.run(), 3) ??
      renderQueryFallback(this.methods, locale, () => void this.methods.run(), 4);
    if (fallback) return html`${fallback}${this.#renderCloseActions()}`;
    const invoice = this.invoice.value;
    const wallet = this.wallet.value;
    const methods = this.methods.value;
    if (!invoice || !wallet || !methods) return html`${this.#renderCloseActions()}`;
    if (!isOpenForPayment(invoice)) {
      // Paid (or cancelled) meanwhile: elsewhere, in another tab, or just now by this dialog's retry.
      return html`${this.flow.step === 'error' ? this.#renderFlowError() : nothing}
        <p class="notice" part="pay-notice" data-notice="not-payable" data-tone="info">
          ${toneIcon('info')}<span>${this.#msg('pay_dialog.not_payable', { status: statusLabel('invoice', invoice.status, locale) })}</span>
        </p>
        ${this.#renderCloseActions()}`;
    }
    if (methods.length === 0) {
      return html`<p class="notice" part="pay-notice" data-tone="warning">${toneIcon('warning')}<span>${this.#msg('pay.no_methods')}</span></p>
        ${this.#renderCloseActions()}`;
    }
    const earlier = this.#unfinished.open;
    if (earlier) {
      // One unresolved payment per invoice: an earlier attempt still open is continued (same key) or set aside, never doubled silently.
      const amount = earlier.record?.amount ?? (earlier.attempt.intent as Partial<PayIntent>).amount;
      const lines = [...(amount ? [this.#msg('pay_dialog.in_progress', { amount: money(amount, locale) })] : []), this.#msg('pay_dialog.in_progress_hint')];
      return this.#unfinished.render(lines, { continue: this.#msg('pay_dialog.continue'), startOver: this.#msg('pay_dialog.start_over') });
    }
    const completed = this.#unfinished.completed;
    const busy = this.flow.busy;
    const method = methods.find((m) => m.id === this.#methodId);
    const split = method ? paySplit(invoice.balance_due, wallet.balance, method.type, this.#applyWallet) : undefined;
    const canConfirm = !busy && split !== undefined && split.kind !== 'wallet-short';
    const offerWallet = method !== undefined && method.type !== 'wallet' && wallet.balance.amount > 0 && wallet.balance.currency === invoice.balance_due.currency;
    // Money moves only when the confirm button is activated: Enter in the form submits nothing.
    return html`<form class="pf-form" part="pay-form" novalidate @submit=${this.#onFormSubmit}>
      ${completed
        ? html`<p class="notice" part="pay-notice" data-notice="earlier-completed">${toneIcon('info')}<span>${this.#earlierCompleted(completed)}</span></p>`
        : nothing}
      <dl class="pf-facts" part="pay-facts">
        <div>
          <dt>${this.#msg('invoice.balance_due')}</dt>
          <dd data-amount="balance_due">${money(invoice.balance_due, locale)}</dd>
        </div>
      </dl>
      <fieldset class="pf-methods" part="pay-methods" ?disabled=${busy}>
        <legend class="pf-label">${this.#msg('pay.method')}</legend>
        ${methods.map(
          (m) => html`<label class="pf-method" part="pay-method" data-method-id=${m.id} data-method-type=${m.type}>
            <input type="radio" name="pay-flow-method" .value=${m.id} .checked=${m.id === this.#methodId} @change=${() => this.#chooseMethod(m.id)} />
            <span>${m.label}</span>
            <span class="pf-method__type"
              >${m.type === 'wallet' ? this.#msg('pay_dialog.wallet_available', { amount: money(wallet.balance, locale) }) : openLabel('method', m.type, locale)}</span
            >
          </label>`,
        )}
      </fieldset>
      ${offerWallet
        ? html`<label class="pf-check" part="pay-apply-wallet">
            <input type="checkbox" .checked=${this.#applyWallet} ?disabled=${busy} @change=${this.#onApplyWallet} />
            <span>${this.#msg('pay.apply_wallet', { amount: money(wallet.balance, locale) })}</span>
          </label>`
        : nothing}
      ${method && split ? this.#renderSummary(method, split, wallet) : nothing}
      ${this.flow.step === 'error' ? this.#renderFlowError() : nothing}
      ${busy ? html`<p class="pf-progress" part="pay-progress" data-step="submitting">${this.#msg('pay.paying')}</p>` : nothing}
      <div class="pf-actions" part="pay-actions">
        <button class="button" part="pay-cancel-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#requestClose}>
          ${this.#msg('common.cancel')}
        </button>
        <button
          class="button button--primary"
          part="pay-confirm-button"
          type="button"
          aria-disabled=${canConfirm ? 'false' : 'true'}
          @click=${this.#onConfirm}
          aria-describedby=${split?.kind === 'wallet-short' ? 'pay-flow-split' : nothing}
        >
          ${this.#msg('pay.confirm', { amount: money(invoice.balance_due, locale) })}
        </button>
      </div>
    </form>`;
  }

  #earlierCompleted(payment: Payment): string {
    const locale = this.#host.displayLocale;
    const number = this.invoice.value?.number ?? this.#submitted?.number ?? '';
    return this.#msg('pay_dialog.earlier_completed', { amount: money(payment.amount, locale), number, date: formatInstant(payment.created_at, locale) });
  }

  /** The split in words ("Wallet covers $12.50 of $31.80; $19.30 by Visa") and as lines, ending with what is charged. */
  #renderSummary(method: PaymentMethod, split: PaySplit, wallet: Wallet): TemplateResult {
    const locale = this.#host.displayLocale;
    const total = money(split.balanceDue, locale);
    let words: string | undefined;
    switch (split.kind) {
      case 'wallet-pays':
        words = this.#msg('pay_dialog.wallet_pays', {
          total,
          left: money({ amount: wallet.balance.amount - split.balanceDue.amount, currency: wallet.balance.currency }, locale),
        });
        break;
      case 'wallet-short':
        words = this.#msg('pay_dialog.wallet_short', { balance: money(wallet.balance, locale), total });
        break;
      case 'covers-all':
        words = this.#msg('pay_dialog.wallet_covers_all', { total, method: method.label });
        break;
      case 'covers-part':
        words = this.#msg('pay_dialog.wallet_covers_part', {
          wallet: money(split.wallet, locale),
          total,
          rest: money(split.charged, locale),
          method: method.label,
        });
        break;
      default:
        words = undefined;
    }
    const short = split.kind === 'wallet-short';
    return html`<div class="pf-summary" part="pay-summary" data-split=${split.kind}>
      <h3 class="pf-summary__title">${this.#msg('pay_dialog.summary')}</h3>
      ${words
        ? html`<p class="pf-split" part="pay-split" id="pay-flow-split" data-tone=${short ? 'warning' : 'info'}>
            ${short ? toneIcon('warning') : nothing}<span>${words}</span>
          </p>`
        : nothing}
      ${short
        ? nothing
        : html`<dl class="pf-lines">
            ${split.wallet.amount > 0
              ? html`<div>
                  <dt>${this.#msg('pay_dialog.from_wallet')}</dt>
                  <dd data-amount="wallet">${money(split.wallet, locale)}</dd>
                </div>`
              : nothing}
            ${method.type === 'wallet'
              ? nothing
              : html`<div class="pf-lines__total">
                  <dt>${this.#msg('pay_dialog.charged_to', { method: method.label })}</dt>
                  <dd data-amount="charged">${money(split.charged, locale)}</dd>
                </div>`}
          </dl>`}
    </div>`;
  }

  #renderProgress(step: MoneyProgressStep): TemplateResult {
    const flow = this.flow;
    const key: MessageKey = step === 'redirecting' ? 'checkout.redirecting' : step === 'awaiting_checkout' ? 'checkout.awaiting' : 'checkout.processing';
    return html`<div class="pf-status" part="pay-progress" data-step=${step} tabindex="-1" data-focus-target>
        ${this.#renderReplayed()}
        <p class="pf-status__text">${toneIcon('info')}<span>${this.#msg(key)}</span></p>
        ${this.#renderBankTransfer()}
        ${step === 'processing' && flow.popupClosed
          ? html`<p class="notice" part="pay-notice" data-notice="popup-closed">${toneIcon('info')}<span>${this.#msg('checkout.popup_closed')}</span></p>`
          : nothing}
        ${flow.popupBlocked && flow.checkoutUrl
          ? html`<p class="notice" part="pay-notice" data-tone="warning" data-notice="popup-blocked">
              ${toneIcon('warning')}
              <span
                >${this.#msg('checkout.popup_blocked')}
                <a part="pay-checkout-link" href=${flow.checkoutUrl} target="_blank" rel="noopener noreferrer"
                  >${this.#msg('checkout.open_page')} <span class="visually-hidden">${this.#msg('common.opens_new_window')}</span></a
                ></span
              >
            </p>`
          : nothing}
      </div>
      ${step === 'redirecting' ? nothing : this.#renderCloseActions()}`;
  }

  /** A bank transfer waits for the money, not for a checkout: say what to transfer. */
  #renderBankTransfer(): TemplateResult | typeof nothing {
    const payment = this.flow.record;
    if (payment?.method.type !== 'bank_transfer' || payment.status !== 'pending' || !payment.reference) return nothing;
    return html`<p class="pf-status__detail" data-notice="bank-transfer">
      ${this.#msg('pay_dialog.bank_transfer', { amount: money(payment.amount, this.#host.displayLocale), reference: payment.reference })}
    </p>`;
  }

  #renderResult(step: MoneyResultStep): TemplateResult {
    const locale = this.#host.displayLocale;
    const payment = this.flow.record;
    const submitted = this.#submitted;
    let tone: Tone;
    let title: string;
    const details: string[] = [];
    let actions: TemplateResult;
    const close = html`<button class="button" part="pay-cancel-button" type="button" @click=${this.#requestClose}>${this.#msg('common.close')}</button>`;
    if (step === 'succeeded' && payment && this.flow.earlier) {
      // Continued from earlier and already completed then: nothing was paid now.
      tone = 'info';
      title = this.#earlierCompleted(payment);
      actions = html`<button class="button button--primary" part="pay-cancel-button" type="button" @click=${this.#requestClose}>
        ${this.#msg('common.close')}
      </button>`;
    } else if (step === 'succeeded') {
      tone = 'ok';
      const number = this.invoice.value?.number ?? submitted?.number;
      title = number ? this.#msg('pay_dialog.succeeded', { number }) : this.#msg('status.payment.completed');
      const amount = submitted?.split.balanceDue ?? payment?.amount;
      if (amount) details.push(this.#msg('pay_dialog.succeeded_amount', { amount: money(amount, locale) }));
      actions = html`<button class="button button--primary" part="pay-cancel-button" type="button" @click=${this.#requestClose}>
        ${this.#msg('common.close')}
      </button>`;
    } else if (step === 'failed') {
      tone = 'danger';
      title = payment?.failure_reason ? this.#msg('invoice.payment_failed', { reason: payment.failure_reason }) : this.#msg('invoice.payment_failed_generic');
      details.push(this.#msg('pay_dialog.failed_hint'));
      if (submitted && submitted.split.wallet.amount > 0 && submitted.split.charged.amount > 0) {
        details.push(this.#msg('pay_dialog.failed_wallet_kept', { amount: money(submitted.split.wallet, locale) }));
      }
      actions = html`${close}
        <button class="button button--primary" part="pay-try-another-button" type="button" @click=${this.#tryAnother}>
          ${this.#msg('pay_dialog.try_another')}
        </button>`;
    } else {
      tone = 'info';
      title = this.#msg('pay_dialog.still_processing');
      details.push(this.#msg('pay_dialog.still_processing_hint'));
      actions = html`${close}
        <button class="button button--primary" part="pay-recheck-button" type="button" @click=${this.#recheck}>
          ${this.#msg('common.recheck')}
        </button>`;
    }
    return html`<div class="pf-result" part="pay-result" data-outcome=${step} data-tone=${tone} tabindex="-1" data-focus-target>
        ${this.#renderReplayed()}
        <p class="pf-result__title">${toneIcon(tone)}<span>${title}</span></p>
        ${details.map((detail) => html`<p class="pf-result__detail">${detail}</p>`)}
        ${step === 'still_processing' ? this.#renderBankTransfer() : nothing}
      </div>
      <div class="pf-actions" part="pay-actions">${actions}</div>`;
  }

  #renderReplayed(): TemplateResult | typeof nothing {
    // An earlier completion says so itself.
    if (!this.flow.replayed || this.flow.earlier) return nothing;
    return html`<p class="notice" part="pay-notice" data-notice="replayed">${toneIcon('info')}<span>${this.#msg('checkout.replayed')}</span></p>`;
  }

  /** A failure of the POST or of a check, with its own message and next step. */
  #renderFlowError(): TemplateResult {
    const error = this.flow.error;
    if (!error) return html``;
    const message = moneyErrorMessage(error, this.#host.displayLocale);
    let button: TemplateResult | typeof nothing = nothing;
    if (message.next === 'retry' || message.next === 'sign_in') {
      button = html`<button class="button" part="pay-retry-button" type="button" @click=${this.#retryFlow}>${this.#msg('common.retry')}</button>`;
    } else if (message.next === 'recheck') {
      button = html`<button class="button" part="pay-recheck-button" type="button" @click=${this.#recheck}>${this.#msg('common.recheck')}</button>`;
    } else if (message.next === 'refresh') {
      button = html`<button class="button" part="pay-refresh-button" type="button" @click=${this.#refreshInvoice}>${this.#msg('common.refresh')}</button>`;
    } else if (message.next === 'change' && this.flow.record !== undefined) {
      button = html`<button class="button" part="pay-try-another-button" type="button" @click=${this.#tryAnother}>${this.#msg('pay_dialog.try_another')}</button>`;
    }
    const standalone = this.flow.record !== undefined;
    return html`<div class="error-panel" part="pay-error" role="alert" data-code=${message.code} tabindex="-1" ?data-focus-target=${standalone}>
        ${toneIcon('danger')}
        <div class="error-panel__body">
          <p class="error-panel__title">${message.title}</p>
          ${message.detail ? html`<p class="error-panel__action" data-detail>${message.detail}</p>` : nothing}
          ${message.action ? html`<p class="error-panel__action">${message.action}</p>` : nothing} ${button}
        </div>
      </div>
      ${standalone ? this.#renderCloseActions() : nothing}`;
  }

  #renderCloseActions(): TemplateResult {
    return html`<div class="pf-actions" part="pay-actions">
      <button class="button" part="pay-cancel-button" type="button" aria-disabled=${this.flow.busy ? 'true' : 'false'} @click=${this.#requestClose}>
        ${this.#msg('common.close')}
      </button>
    </div>`;
  }

  // ---- the form ----

  #resetForm(): void {
    this.#methodId = undefined;
    this.#applyWallet = true;
    this.#unfinished.clear();
    this.#submitted = undefined;
  }

  /** Once the invoice, wallet and methods are there: the wallet if it covers the invoice, else the first other method. */
  #fillDefaults(): void {
    const invoice = this.invoice.value;
    const wallet = this.wallet.value;
    const methods = this.methods.value;
    if (!this.#open || !invoice || !wallet || !methods || this.flow.step !== 'choosing' || this.#methodId !== undefined) return;
    if (invoice.id !== this.invoiceId || methods.length === 0) return;
    const active = this.#activeElement();
    const moveFocus = active === null || active.getAttribute('part') === 'pay-close-button';
    const walletMethod = methods.find((m) => m.type === 'wallet');
    const covers = walletMethod && paySplit(invoice.balance_due, wallet.balance, 'wallet', true).kind === 'wallet-pays';
    this.#methodId = (covers ? walletMethod : (methods.find((m) => m.type !== 'wallet') ?? methods[0]))?.id;
    this.#applyWallet = wallet.balance.amount > 0;
    if (moveFocus) void this.#host.updateComplete.then(() => this.#focusInitial());
  }

  /** Earlier attempts of this browser for the invoice, checked with the server: one still open is offered before the form. */
  async #checkUnfinished(invoiceId: string): Promise<void> {
    if (!this.#host.billingClient) return;
    const found = await this.#unfinished.check(
      (intent) => (intent as Partial<PayIntent>).invoiceId === invoiceId,
      () => this.#open && this.invoiceId === invoiceId,
    );
    // Completed while the page was away: every element shows it now (no success event: this page did not see it happen).
    if (found?.state === 'completed') this.#invalidate(invoiceId, this.invoice.value?.service?.id, found.record.id);
  }

  /** "Continue this payment": the attempt's own request again, with its key. */
  #continueUnfinished(attempt: Attempt): void {
    const intent = attempt.intent as PayIntent;
    this.#rememberSplit(attempt);
    const client = this.#host.billingClient;
    void this.flow.submit({
      intent,
      attempt,
      mode: this.#host.billingConfig?.checkoutMode ?? 'redirect',
      create: async (idempotencyKey, signal) => {
        if (!client) throw new MoneyConfigurationError();
        const result = await client.payInvoice(intent.invoiceId, { method_id: intent.methodId, apply_wallet: intent.applyWallet }, { idempotencyKey, signal });
        return { record: result.payment, nextAction: result.next_action };
      },
    });
  }

  /** The outcome of an attempt confirmed on an earlier page describes the split it confirmed: wallet part and charged part. */
  #rememberSplit(attempt: Attempt): void {
    const intent = attempt.intent as Partial<PayIntent>;
    if (typeof intent.invoiceId !== 'string' || typeof intent.amount?.amount !== 'number') return;
    this.#submitted = { invoiceId: intent.invoiceId, number: '', split: confirmedSplit(intent as PayIntent) };
  }

  #chooseMethod(methodId: string): void {
    this.#methodId = methodId;
    this.#afterFormChange();
  }

  #onApplyWallet = (event: Event): void => {
    this.#applyWallet = (event.target as HTMLInputElement).checked;
    this.#afterFormChange();
  };

  #afterFormChange(): void {
    // A changed form is a new intent: the old error no longer describes it.
    if (this.flow.step === 'error') this.flow.choose();
    this.#host.requestUpdate();
  }

  // ---- paying ----

  /** Implicit submission (Enter on a method) moves no money. */
  #onFormSubmit = (event: Event): void => {
    event.preventDefault();
  };

  #onConfirm = (): void => {
    if (this.flow.busy) return;
    const invoice = this.invoice.value;
    const wallet = this.wallet.value;
    const method = this.methods.value?.find((m) => m.id === this.#methodId);
    if (!invoice || !wallet || !method || !isOpenForPayment(invoice)) return;
    const split = paySplit(invoice.balance_due, wallet.balance, method.type, this.#applyWallet);
    if (split.kind === 'wallet-short') return;
    const client = this.#host.billingClient;
    const invoiceId = invoice.id;
    // One unresolved payment per invoice: one started since the dialog opened (another tab) is offered, not doubled.
    if (client && this.#unfinished.offerAtConfirm((intent) => (intent as Partial<PayIntent>).invoiceId === invoiceId)) return;
    // The wallet method always pays from the wallet; the box only matters for the others.
    const applyWallet = method.type === 'wallet' ? true : this.#applyWallet;
    const intent: PayIntent = { action: 'pay', invoiceId, methodId: method.id, applyWallet, amount: invoice.balance_due, wallet: split.wallet };
    const mode = this.#host.billingConfig?.checkoutMode ?? 'redirect';
    this.#submitted = { invoiceId, number: invoice.number, split };
    // The methods are disabled while submitting: focus on one of them would fall out of the dialog (and Escape with it).
    if (this.#activeElement()?.closest('fieldset')) this.#dialog()?.querySelector<HTMLElement>('[part~="pay-confirm-button"]')?.focus();
    const request: MoneyFlowSubmit<Payment> = {
      intent,
      mode,
      create: async (idempotencyKey, signal) => {
        if (!client) throw new MoneyConfigurationError();
        try {
          const result = await client.payInvoice(invoiceId, { method_id: method.id, apply_wallet: applyWallet }, { idempotencyKey, signal });
          return { record: result.payment, nextAction: result.next_action };
        } catch (error) {
          // The wallet changed under the form: show its real balance next to the message.
          if (isBillingApiError(error) && error.code === 'insufficient_funds') client.invalidate(['wallet', 'summary']);
          throw error;
        }
      },
    };
    // Synchronous up to the POST: in popup mode the window opens in this click's turn.
    void this.flow.submit(request);
  };

  #retryFlow = (): void => {
    void this.flow.retry();
  };

  #recheck = (): void => {
    void this.flow.recheck();
  };

  /** "Refresh" after `invoice_not_payable`: reload what the page shows of this invoice; the form then says why it cannot be paid. */
  #refreshInvoice = (): void => {
    const id = this.invoiceId;
    this.flow.choose();
    if (id) this.#invalidate(id, this.invoice.value?.service?.id);
  };

  #tryAnother = (): void => {
    this.flow.reset('choosing');
    this.#focusedStep = 'choosing';
    this.#unfinished.clear();
    void this.#host.updateComplete.then(() => this.#focusMethod());
  };

  #onSettled(payment: Payment, outcome: 'succeeded' | 'failed', announce: boolean): void {
    const invoiceId = payment.invoice_id ?? this.invoiceId;
    if (invoiceId) {
      const loaded = this.invoice.value;
      const serviceId = loaded?.id === invoiceId ? loaded.service?.id : undefined;
      this.#invalidate(invoiceId, serviceId, payment.id);
      if (loaded?.id !== invoiceId) {
        // Resumed before the invoice loaded: find its service to tell the service banners too.
        void this.#host.billingClient
          ?.getInvoice(invoiceId)
          .then((invoice) => invoice.service && this.#host.billingClient?.invalidate([`service:${invoice.service.id}`]))
          .catch(() => undefined);
      }
    }
    if (outcome === 'succeeded' && announce && invoiceId) this.#emit('billing-invoice-paid', { invoiceId, paymentId: payment.id });
  }

  #emitError(error: MoneyFlowError): void {
    this.#emit('billing-error', { code: error.code, message: error.message, element: this.#host.localName });
  }

  /** Everything a payment changes; the client did this for the POST, a settled checkout changes it again. */
  #invalidate(invoiceId: string, serviceId: string | undefined, paymentId?: string): void {
    const tags = [`invoice:${invoiceId}`, 'invoices', 'wallet', 'payments', 'summary'];
    if (serviceId) tags.push(`service:${serviceId}`);
    if (paymentId) tags.push(`payment:${paymentId}`);
    this.#host.billingClient?.invalidate(tags);
  }

  #announce(step: MoneyFlowStep): string {
    const locale = this.#host.displayLocale;
    const payment = this.flow.record;
    switch (step) {
      case 'submitting':
        return this.#msg('pay.paying');
      case 'redirecting':
        return this.#msg('checkout.redirecting');
      case 'awaiting_checkout':
        return this.flow.popupBlocked ? this.#msg('checkout.popup_blocked') : this.#msg('checkout.awaiting');
      case 'processing':
        return this.flow.popupClosed ? this.#msg('checkout.popup_closed') : this.#msg('checkout.processing');
      case 'succeeded': {
        const number = this.invoice.value?.number ?? this.#submitted?.number;
        return number ? this.#msg('pay_dialog.succeeded', { number }) : this.#msg('status.payment.completed');
      }
      case 'failed':
        return payment?.failure_reason ? this.#msg('invoice.payment_failed', { reason: payment.failure_reason }) : this.#msg('invoice.payment_failed_generic');
      case 'still_processing':
        return this.#msg('pay_dialog.still_processing');
      case 'error':
        return this.flow.error ? moneyErrorMessage(this.flow.error, locale).title : '';
      default:
        return '';
    }
  }

  // ---- opening, closing, focus ----

  #requestClose = (): void => {
    this.close();
  };

  /** Escape closes the dialog, except while a payment is being submitted (the keydown too: Chrome may not let `cancel` be cancelled). */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.flow.busy) event.preventDefault();
  };

  #onCancel = (event: Event): void => {
    if (this.flow.busy) event.preventDefault();
  };

  #onClose = (): void => {
    this.#closed();
  };

  #closed(): void {
    if (!this.#open) return;
    this.#open = false;
    // A payment on its way keeps being checked (never abort a money POST); anything else starts over.
    const step = this.flow.step;
    if (!this.flow.busy && step !== 'awaiting_checkout' && step !== 'processing') {
      this.flow.reset('idle');
      this.#invoiceId = undefined;
    }
    const opener = this.#opener;
    this.#opener = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const target = opener?.isConnected ? opener : this.#host.renderRoot.querySelector<HTMLElement>('[part~="pay-button"]');
      target?.focus();
    });
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog.pf-dialog');
  }

  #activeElement(): HTMLElement | null {
    const root = this.#host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
    return active instanceof HTMLElement ? active : null;
  }

  #focusMethod(): boolean {
    const dialog = this.#dialog();
    const radio = dialog?.querySelector<HTMLInputElement>('input[name="pay-flow-method"]:checked') ?? dialog?.querySelector<HTMLInputElement>('input[name="pay-flow-method"]');
    radio?.focus();
    return Boolean(radio);
  }

  #focusInitial(): void {
    const next = this.#unfinished.continueButton();
    if (next) {
      next.focus();
      return;
    }
    if (this.#focusMethod()) return;
    const dialog = this.#dialog();
    const target = dialog?.querySelector<HTMLElement>('[data-focus-target]') ?? dialog?.querySelector<HTMLElement>('[part="pay-close-button"]');
    target?.focus();
  }

  /** After an outcome replaces the form, focus goes to it so keyboard and screen reader users land on the news. */
  #focusOutcome(): void {
    const step = this.flow.step;
    if (!this.#open || step === this.#focusedStep) return;
    if (step === 'choosing' || step === 'submitting' || step === 'idle') {
      this.#focusedStep = step;
      return;
    }
    const target = this.#dialog()?.querySelector<HTMLElement>('[data-focus-target]');
    if (target) {
      this.#focusedStep = step;
      target.focus();
    }
  }

  // ---- helpers ----

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }

  #emit<K extends BillingEventName>(name: K, detail: BillingEventDetailMap[K]): void {
    emitBillingEvent(this.#host, name, detail);
  }

  #client(): BillingClient {
    const client = this.#host.billingClient;
    if (!client) throw new MoneyConfigurationError();
    return client;
  }
}
