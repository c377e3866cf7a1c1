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
 * The steps (see `MoneyFlowController` in `controller.ts`): the form (balance due, methods from
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
import type { ReactiveController, TemplateResult } from 'lit';
import { isBillingApiError } from '../api/errors.js';
import { resolved } from '../api/settled.js';
import { isOpenForPayment, pendingTransfer } from '../domain/payability.js';
import { paySplit } from '../domain/split.js';
import type { PaySplit } from '../domain/split.js';
import { DEFAULT_TRANSFER_DAYS, transferRisk } from './transfer.js';
import type { Invoice, Money, Payment, PaymentMethod, Summary, Wallet } from '../api/schemas.js';
import { t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { MessageParams } from '../i18n/types.js';
import { formatCalendarDate, formatInstant } from '../i18n/format.js';
import type { MoneyFlowController } from './controller.js';
import { readCheckoutReturn, takeCheckoutReturn } from './launch/return.js';
import type { Attempt, Intent } from './attempts.js';
import { MoneyDialogShell, methodsWhileOpen, walletWhileOpen } from './dialog-shell.js';
import type { MoneyDialogHost, MoneyOutcome } from './dialog-shell.js';
import { emitBillingEvent } from '../components/shared/events.js';
import { toneIcon } from '../components/shared/icons.js';
import { BillingQueryController } from '../components/shared/query.js';
import type { UnfinishedOffer } from './unfinished-offer.js';
import { methodLabel } from '../components/shared/method-label.js';
import { money, renderMoney, renderQueryFallback, statusLabel } from '../components/shared/render.js';
import { payDialogStyles } from './pay-dialog.styles.js';
import { TransferInstructions } from './transfer-instructions.js';
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

/** While a bank transfer is on its way, the form pays another way: a second transfer is not offered. */
function offeredMethods(invoice: Invoice, methods: readonly PaymentMethod[]): readonly PaymentMethod[] {
  return pendingTransfer(invoice) ? methods.filter((m) => m.type !== 'bank_transfer') : methods;
}

/** What the controller needs from its element: a `BillingConsumerElement` fits. */
export type PayFlowHost = MoneyDialogHost;

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
  /** The summary (shared and cached), only while a bank transfer is chosen: the services at risk and the server's date. @internal */
  readonly summary: BillingQueryController<readonly [boolean], Summary | null>;

  readonly #host: PayFlowHost;
  readonly #options: PayFlowOptions;
  /** The dialog's frame, progress, outcome, errors, Escape and focus. */
  readonly #shell: MoneyDialogShell<Payment>;
  #invoiceId: string | undefined;
  #methodId: string | undefined;
  #applyWallet = true;
  /** An earlier attempt of this browser for the invoice: still open (continue or start over), or completed meanwhile. */
  readonly #unfinished: UnfinishedOffer<Payment>;
  /** The split shown when the customer confirmed, for the outcome's wording. */
  #submitted: { invoiceId: string; number: string; split: PaySplit } | undefined;
  /** The invoice as re-read after the outcome: the result is told from it and this attempt's payments on it. */
  #after: Invoice | undefined;
  /** A bank transfer's details with their copy buttons. */
  readonly #transfer: TransferInstructions;

  constructor(host: PayFlowHost, options: PayFlowOptions) {
    this.#host = host;
    this.#options = options;
    // First: a connected host calls hostConnected() in addController(), and that needs the shell.
    this.#shell = new MoneyDialogShell<Payment>(host, {
      flow: {
        flow: 'pay',
        starter: options.starter,
        load: (client, id, signal) => client.getPayment(id, { signal, fresh: true }),
        // A payment is this attempt's only if it pays the attempt's invoice.
        matches: (payment, intent) => payment.kind === 'invoice_payment' && payment.invoice_id === (intent as Partial<PayIntent>).invoiceId,
        onSettled: (payment, outcome, info) => this.#onSettled(payment, outcome, info.announce),
      },
      names: { part: 'pay-', cls: 'pf-', titleId: 'pay-flow-title' },
      words: { form: 'pay', dialog: 'pay_dialog', failed: 'invoice.payment_failed' },
      closeRow: true,
      succeeded: (payment) => this.#succeeded(payment),
      announceSucceeded: () => this.#paidTitle(),
      failedDetails: () => this.#failedDetails(),
      waiting: () => this.#renderBankTransfer(),
      unfinished: {
        notice: 'in-progress',
        continuePart: 'pay-continue-button',
        startOverPart: 'pay-start-over-button',
        onContinue: (attempt) => this.#continueUnfinished(attempt),
        onStartOver: () => this.#methodInput()?.focus(),
      },
      initialFocus: () => this.#methodInput(),
      onRefresh: () => this.#refreshInvoice(),
      onTryAnother: () => {
        this.#unfinished.clear();
        void this.#host.updateComplete.then(() => this.#methodInput()?.focus());
      },
      onClosed: (restarted) => {
        if (restarted) this.#invoiceId = undefined;
      },
    });
    this.flow = this.#shell.flow;
    this.#unfinished = this.#shell.unfinished;
    host.addController(this);
    this.invoice = new BillingQueryController(host, {
      tags: () => (this.invoiceId ? [`invoice:${this.invoiceId}`] : []),
      args: () => [this.isOpen ? (this.invoiceId ?? null) : null] as const,
      task: (client, [id], options) => (id ? client.getInvoice(id, options) : resolved(null)),
    });
    this.wallet = walletWhileOpen(host, () => this.isOpen);
    this.methods = methodsWhileOpen(host, () => this.isOpen, (method) => INVOICE_PAYMENT_METHOD_TYPES.has(method.type));
    this.summary = new BillingQueryController(host, {
      tags: () => ['summary'],
      args: () => [this.isOpen && this.#chosen()?.type === 'bank_transfer'] as const,
      task: (client, [load], options) => (load ? client.getSummary(options) : resolved(null)),
    });
    this.#transfer = new TransferInstructions(host);
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#shell.isOpen;
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
    if (this.isOpen && invoiceId === this.invoiceId) return;
    const from = opener ?? this.#shell.activeElement() ?? undefined;
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
    this.#shell.show(from);
    this.#host.requestUpdate();
  }

  /** Closes the dialog (as its Close button does); ignored while a request is in flight. */
  close(): void {
    this.#shell.close();
  }

  hostConnected(): void {
    this.#shell.hostConnected(payDialogStyles);
  }

  hostDisconnected(): void {
    this.#unfinished.cancel();
  }

  hostUpdate(): void {
    const id = this.#shell.takeReturn();
    if (id !== undefined) this.#resumeReturn(id);
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
    this.#shell.show();
    void this.flow.resume(attempt);
  }

  hostUpdated(): void {
    this.#shell.hostUpdated();
  }

  // ---- rendering ----

  /** The dialog while open; nothing otherwise. */
  render(): TemplateResult | typeof nothing {
    if (!this.isOpen) return nothing;
    const number = this.invoice.value?.number ?? this.#submitted?.number;
    return this.#shell.render(number ? this.#msg('pay.dialog_title', { number }) : this.#msg('pay_dialog.title_generic'), () => this.#renderForm());
  }

  #renderForm(): TemplateResult {
    const shell = this.#shell;
    const locale = this.#host.displayLocale;
    const fallback =
      renderQueryFallback(this.invoice, locale, () => void this.invoice.run(), 3) ??
      renderQueryFallback(this.wallet, locale, () => void this.wallet.run(), 3) ??
      renderQueryFallback(this.methods, locale, () => void this.methods.run(), 4);
    if (fallback) return html`${fallback}${shell.closeActions()}`;
    const invoice = this.invoice.value;
    const wallet = this.wallet.value;
    const allMethods = this.methods.value;
    if (!invoice || !wallet || !allMethods) return shell.closeActions();
    if (!isOpenForPayment(invoice)) {
      // Paid (or cancelled) meanwhile: elsewhere, in another tab, or just now by this dialog's retry.
      return html`${this.flow.step === 'error' ? shell.flowError() : nothing}
        ${shell.notice(this.#msg('pay_dialog.not_payable', { status: statusLabel('invoice', invoice.status, locale) }), 'not-payable', 'info')}
        ${shell.closeActions()}`;
    }
    const methods = offeredMethods(invoice, allMethods);
    if (methods.length === 0) return html`${shell.notice(this.#msg('pay.no_methods'), undefined, 'warning')} ${shell.closeActions()}`;
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
    const offerWallet = method !== undefined && method.type !== 'wallet' && wallet.balance.amount > 0 && wallet.balance.currency === invoice.balance_due.currency;
    const fields = html`${this.#renderAwaitedTransfer(invoice)}<dl class="pf-facts" part="pay-facts">
        <div>
          <dt>${this.#msg('invoice.balance_due')}</dt>
          <dd data-amount="balance_due">${renderMoney(invoice.balance_due, locale)}</dd>
        </div>
      </dl>
      ${shell.methodChoice({
        legend: this.#msg('pay.method'),
        name: 'pay-flow-method',
        methods,
        chosen: this.#methodId,
        choose: (id) => this.#chooseMethod(id),
        describe: (m) => (m.type === 'wallet' ? this.#msg('pay_dialog.wallet_available', { amount: money(wallet.balance, locale) }) : undefined),
        tagged: true,
      })}
      ${offerWallet
        ? html`<label class="pf-check" part="pay-apply-wallet">
            <input type="checkbox" .checked=${this.#applyWallet} ?disabled=${busy} @change=${this.#onApplyWallet} />
            <span>${this.#msg('pay.apply_wallet', { amount: money(wallet.balance, locale) })}</span>
          </label>`
        : nothing}
      ${method && split ? this.#renderSummary(method, split, wallet, invoice) : nothing}`;
    return shell.form(completed ? this.#earlierCompleted(completed) : undefined, fields, {
      enabled: !busy && split !== undefined && split.kind !== 'wallet-short',
      label: this.#msg('pay.confirm', { amount: money(invoice.balance_due, locale) }),
      describedBy: split?.kind === 'wallet-short' ? 'pay-flow-split' : method && this.#transferRisk(invoice, method) ? 'pay-flow-transfer-risk' : undefined,
      onConfirm: this.#onConfirm,
    });
  }

  #earlierCompleted(payment: Payment): string {
    const locale = this.#host.displayLocale;
    const number = this.invoice.value?.number ?? this.#submitted?.number ?? '';
    return this.#msg('pay_dialog.earlier_completed', { amount: money(payment.amount, locale), number, date: formatInstant(payment.created_at, locale) });
  }

  /** The split in words ("Wallet covers $12.50 of $31.80; $19.30 by Visa") and as lines, ending with what is charged (or transferred). */
  #renderSummary(method: PaymentMethod, split: PaySplit, wallet: Wallet, invoice: Invoice): TemplateResult {
    const locale = this.#host.displayLocale;
    const total = money(split.balanceDue, locale);
    const transfer = method.type === 'bank_transfer';
    const days = method.arrives_in_business_days ?? DEFAULT_TRANSFER_DAYS;
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
        words = this.#msg('pay_dialog.wallet_covers_all', { total, method: methodLabel(method, locale) });
        break;
      case 'covers-part':
        words = this.#msg('pay_dialog.wallet_covers_part', {
          wallet: money(split.wallet, locale),
          total,
          rest: money(split.charged, locale),
          method: methodLabel(method, locale),
        });
        break;
      default:
        words = transfer ? this.#msg('pay_dialog.transfer_summary', { amount: total, min: String(days.min), max: String(days.max) }) : undefined;
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
                  <dd data-amount="wallet">${renderMoney(split.wallet, locale)}</dd>
                </div>`
              : nothing}
            ${method.type === 'wallet'
              ? nothing
              : html`<div class="pf-lines__total">
                  <dt>${transfer ? this.#msg('pay_dialog.transfer_line') : this.#msg('pay_dialog.charged_to', { method: methodLabel(method, locale) })}</dt>
                  <dd data-amount="charged">${renderMoney(split.charged, locale)}</dd>
                </div>`}
          </dl>`}
      ${transfer && split.charged.amount > 0 ? this.#renderTransferRisk(invoice, method) : nothing}
    </div>`;
  }

  /** Whether a transfer sent today may arrive too late for the service this invoice keeps at risk (the summary's services and date). */
  #transferRisk(invoice: Invoice, method: PaymentMethod): ReturnType<typeof transferRisk> {
    const summary = this.summary.value;
    const serviceId = invoice.service?.id;
    if (method.type !== 'bank_transfer' || !summary || !serviceId) return undefined;
    const service = summary.services_at_risk.find((s) => s.service.id === serviceId);
    return transferRisk(summary.as_of.slice(0, 10), method.arrives_in_business_days ?? DEFAULT_TRANSFER_DAYS, service?.suspend_on);
  }

  /** "A transfer takes 1 to 3 business days and may arrive after December 1, when VPS … will be suspended." */
  #renderTransferRisk(invoice: Invoice, method: PaymentMethod): TemplateResult | typeof nothing {
    const risk = this.#transferRisk(invoice, method);
    if (!risk || !invoice.service) return nothing;
    const locale = this.#host.displayLocale;
    const days = method.arrives_in_business_days ?? DEFAULT_TRANSFER_DAYS;
    const params = { service: invoice.service.name, min: String(days.min), max: String(days.max) };
    const words =
      risk.kind === 'suspends'
        ? this.#msg('pay_dialog.transfer_late', { ...params, date: formatCalendarDate(risk.on, locale) })
        : this.#msg('pay_dialog.transfer_suspended', params);
    return html`<p class="pf-split" part="pay-split" id="pay-flow-transfer-risk" data-tone="warning" data-notice="transfer-late">
      ${toneIcon('warning')}<span>${words}</span>
    </p>`;
  }

  /** An invoice that waits for a bank transfer: say so, and show where to send it (the form below pays another way). */
  #renderAwaitedTransfer(invoice: Invoice): TemplateResult | typeof nothing {
    const awaited = pendingTransfer(invoice);
    if (!awaited) return nothing;
    const locale = this.#host.displayLocale;
    const pending = this.#msg('pay_dialog.transfer_pending', { amount: money(awaited.amount, locale) });
    return awaited.transfer ? this.#renderInstructions(awaited.transfer, pending) : this.#shell.notice(pending, 'transfer-pending');
  }

  /** A transfer's details, after what to do with them. */
  #renderInstructions(transfer: NonNullable<Payment['transfer']>, before?: string): TemplateResult {
    const days = transfer.arrives_in_business_days ?? DEFAULT_TRANSFER_DAYS;
    const send = this.#msg('pay_dialog.transfer_send', {
      amount: money(transfer.amount, this.#host.displayLocale),
      reference: transfer.reference,
      min: String(days.min),
      max: String(days.max),
    });
    return this.#transfer.render(transfer, before ? `${before} ${send}` : send);
  }

  /** A bank transfer waits for the money, not for a checkout: where to send it (or, from an older server, only what to transfer). */
  #renderBankTransfer(): TemplateResult | typeof nothing {
    const payment = this.flow.record;
    if (payment?.method.type !== 'bank_transfer' || payment.status !== 'pending') return nothing;
    if (payment.transfer) return this.#renderInstructions(payment.transfer);
    if (!payment.reference) return nothing;
    return html`<p class="pf-status__detail" data-notice="bank-transfer">
      ${this.#msg('pay_dialog.bank_transfer', { amount: money(payment.amount, this.#host.displayLocale), reference: payment.reference })}
    </p>`;
  }

  /**
   * "Invoice PL-2026-0142 is paid" once the invoice re-read after the outcome says so (or, until
   * it is back, when the payment covered what was confirmed), or without a number.
   */
  #paidTitle(payment?: Payment): string {
    const number = this.#after?.number ?? this.invoice.value?.number ?? this.#submitted?.number;
    if (this.#after ? isOpenForPayment(this.#after) : false) {
      return this.#msg('pay_dialog.succeeded_amount', { amount: money(this.#paid(payment).total, this.#host.displayLocale) });
    }
    return number ? this.#msg('pay_dialog.succeeded', { number }) : this.#msg('status.payment.completed');
  }

  /**
   * The payments of this attempt: its record and, for a split, the wallet's part made in the same
   * request (named by the record, found on the re-read invoice; from an older server, the split
   * the customer confirmed). `wallet` is undefined when the wallet paid no separate part.
   */
  #paid(payment: Payment | undefined): { total: Money; wallet: Money | undefined } {
    const currency = payment?.amount.currency ?? this.#submitted?.split.balanceDue.currency ?? 'USD';
    let wallet: Money | undefined;
    if (payment && payment.method.type !== 'wallet') {
      const part = payment.wallet_part;
      const found = part && this.#after?.transactions.find((p) => p.id === part.payment_id);
      if (found) wallet = found.status === 'completed' ? found.amount : undefined;
      else if (part) wallet = part.amount;
      else if (payment.wallet_part === undefined && this.#submitted?.split.kind === 'covers-part') wallet = this.#submitted.split.wallet;
    }
    const charged = payment?.amount.amount ?? this.#submitted?.split.charged.amount ?? 0;
    return { total: { amount: charged + (wallet?.amount ?? 0), currency }, wallet };
  }

  /** "Invoice PL-… is now partly paid: $12.50 of $31.80, with $19.30 still due", from the re-read invoice (whatever its status: overdue too). */
  #invoiceNow(): string[] {
    const after = this.#after;
    if (!after || !isOpenForPayment(after) || after.amount_paid.amount === 0) return [];
    const locale = this.#host.displayLocale;
    const amounts = { paid: money(after.amount_paid, locale), total: money(after.total, locale), balance: money(after.balance_due, locale) };
    return [this.#msg('pay_dialog.invoice_partly_paid', { number: after.number, ...amounts })];
  }

  #succeeded(payment: Payment | undefined): MoneyOutcome {
    // Continued from earlier and already completed then: nothing was paid now.
    if (payment && this.flow.earlier) return { tone: 'info', title: this.#earlierCompleted(payment), details: [] };
    const locale = this.#host.displayLocale;
    const { total, wallet } = this.#paid(payment);
    const title = this.#paidTitle(payment);
    const details: string[] = [];
    const received = this.#msg('pay_dialog.succeeded_amount', { amount: money(total, locale) });
    if (total.amount > 0 && received !== title) details.push(received);
    if (payment && wallet && wallet.amount > 0) {
      details.push(this.#msg('pay_dialog.succeeded_parts', { wallet: money(wallet, locale), charged: money(payment.amount, locale), method: methodLabel(payment.method, locale) }));
    }
    details.push(...this.#invoiceNow());
    // Paid another way while a transfer is on its way: the transfer, if sent, goes to the wallet.
    if (this.#after && payment?.method.type !== 'bank_transfer' && pendingTransfer(this.#after)) details.push(this.#msg('pay_dialog.transfer_to_wallet'));
    return { tone: 'ok', title, details };
  }

  #failedDetails(): string[] {
    const { wallet } = this.#paid(this.flow.record);
    // A transfer's reason says itself what became of the money (returned, or credited to the wallet when late).
    const details = this.flow.record?.method.type === 'bank_transfer' ? [] : [this.#msg('pay_dialog.failed_hint')];
    // The wallet's part stays applied: the invoice has changed, and what is left to pay is told.
    if (wallet && wallet.amount > 0) details.push(this.#msg('pay_dialog.failed_wallet_kept', { amount: money(wallet, this.#host.displayLocale) }), ...this.#invoiceNow());
    return details;
  }

  // ---- the form ----

  #resetForm(): void {
    this.#methodId = undefined;
    this.#applyWallet = true;
    this.#unfinished.clear();
    this.#submitted = undefined;
    this.#after = undefined;
    this.#transfer.reset();
  }

  /** Once the invoice, wallet and methods are there: the wallet if it covers the invoice, else the first other method. */
  #fillDefaults(): void {
    const invoice = this.invoice.value;
    const wallet = this.wallet.value;
    const methods = this.methods.value && invoice ? offeredMethods(invoice, this.methods.value) : undefined;
    if (!this.isOpen || !invoice || !wallet || !methods || this.flow.step !== 'choosing' || this.#methodId !== undefined) return;
    if (invoice.id !== this.invoiceId || methods.length === 0) return;
    const moveFocus = this.#shell.focusParked();
    const walletMethod = methods.find((m) => m.type === 'wallet');
    const covers = walletMethod && paySplit(invoice.balance_due, wallet.balance, 'wallet', true).kind === 'wallet-pays';
    this.#methodId = (covers ? walletMethod : (methods.find((m) => m.type !== 'wallet') ?? methods[0]))?.id;
    this.#applyWallet = wallet.balance.amount > 0;
    if (moveFocus) void this.#host.updateComplete.then(() => this.#shell.focusInitial());
  }

  /** Earlier attempts of this browser for the invoice, checked with the server: one still open is offered before the form. */
  async #checkUnfinished(invoiceId: string): Promise<void> {
    if (!this.#host.billingClient) return;
    const found = await this.#unfinished.check(
      (intent) => (intent as Partial<PayIntent>).invoiceId === invoiceId,
      () => this.isOpen && this.invoiceId === invoiceId,
    );
    // Completed while the page was away: every element shows it now (no success event: this page did not see it happen).
    if (found?.state === 'completed') this.#invalidate(invoiceId, this.invoice.value?.service?.id, found.record.id);
  }

  /** "Continue this payment": the attempt's own request again, with its key. */
  #continueUnfinished(attempt: Attempt): void {
    const intent = attempt.intent as PayIntent;
    this.#rememberSplit(attempt);
    this.#shell.submit({
      intent,
      attempt,
      create: async (client, idempotencyKey, signal) => {
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

  /** The method chosen in the form. */
  #chosen(): PaymentMethod | undefined {
    return this.methods.value?.find((m) => m.id === this.#methodId);
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

  #onConfirm = (): void => {
    if (this.flow.busy) return;
    const invoice = this.invoice.value;
    const wallet = this.wallet.value;
    const method = this.methods.value?.find((m) => m.id === this.#methodId);
    if (!invoice || !wallet || !method || !isOpenForPayment(invoice)) return;
    const split = paySplit(invoice.balance_due, wallet.balance, method.type, this.#applyWallet);
    if (split.kind === 'wallet-short') return;
    const invoiceId = invoice.id;
    // One unresolved payment per invoice: one started since the dialog opened (another tab) is offered, not doubled.
    if (this.#host.billingClient && this.#unfinished.offerAtConfirm((intent) => (intent as Partial<PayIntent>).invoiceId === invoiceId)) return;
    // The wallet method always pays from the wallet; the box only matters for the others.
    const applyWallet = method.type === 'wallet' ? true : this.#applyWallet;
    const intent: PayIntent = { action: 'pay', invoiceId, methodId: method.id, applyWallet, amount: invoice.balance_due, wallet: split.wallet };
    this.#submitted = { invoiceId, number: invoice.number, split };
    this.#after = undefined;
    // The methods are disabled while submitting: focus on one of them would fall out of the dialog (and Escape with it).
    if (this.#shell.activeElement()?.closest('fieldset')) this.#shell.dialog()?.querySelector<HTMLElement>('[part~="pay-confirm-button"]')?.focus();
    // Synchronous up to the POST: in popup mode the window opens in this click's turn.
    this.#shell.submit({
      intent,
      create: async (client, idempotencyKey, signal) => {
        try {
          const result = await client.payInvoice(invoiceId, { method_id: method.id, apply_wallet: applyWallet }, { idempotencyKey, signal });
          return { record: result.payment, nextAction: result.next_action };
        } catch (error) {
          // The wallet changed under the form: show its real balance next to the message.
          if (isBillingApiError(error) && error.code === 'insufficient_funds') client.invalidate(['wallet', 'summary']);
          throw error;
        }
      },
    });
  };

  /** "Refresh" after `invoice_not_payable`: reload what the page shows of this invoice; the form then says why it cannot be paid. */
  #refreshInvoice = (): void => {
    const id = this.invoiceId;
    this.flow.choose();
    if (id) this.#invalidate(id, this.invoice.value?.service?.id);
  };

  #onSettled(payment: Payment, outcome: 'succeeded' | 'failed', announce: boolean): void {
    const invoiceId = payment.invoice_id ?? this.invoiceId;
    this.#after = undefined;
    if (invoiceId) {
      const loaded = this.invoice.value;
      const serviceId = loaded?.id === invoiceId ? loaded.service?.id : undefined;
      this.#invalidate(invoiceId, serviceId, payment.id);
      // The invoice after the outcome (one request, shared with the dialog's own reload): the result is told from it.
      void this.#host.billingClient
        ?.getInvoice(invoiceId)
        .then((invoice) => {
          if (this.flow.record?.id !== payment.id) return;
          this.#after = invoice;
          this.#host.requestUpdate();
          // Resumed before the invoice loaded: tell the service banners too.
          if (loaded?.id !== invoiceId && invoice.service) this.#host.billingClient?.invalidate([`service:${invoice.service.id}`]);
        })
        .catch(() => undefined);
    }
    if (outcome === 'succeeded' && announce && invoiceId) emitBillingEvent(this.#host, 'billing-invoice-paid', { invoiceId, paymentId: payment.id });
  }

  /** Everything a payment changes; the client did this for the POST, a settled checkout changes it again. */
  #invalidate(invoiceId: string, serviceId: string | undefined, paymentId?: string): void {
    const tags = [`invoice:${invoiceId}`, 'invoices', 'wallet', 'payments', 'summary'];
    if (serviceId) tags.push(`service:${serviceId}`);
    if (paymentId) tags.push(`payment:${paymentId}`);
    this.#host.billingClient?.invalidate(tags);
  }

  // ---- helpers ----

  /** The chosen method's radio, else the first: where focus goes in the form. */
  #methodInput(): HTMLInputElement | null {
    const dialog = this.#shell.dialog();
    return dialog?.querySelector<HTMLInputElement>('input[name="pay-flow-method"]:checked') ?? dialog?.querySelector<HTMLInputElement>('input[name="pay-flow-method"]') ?? null;
  }

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }
}
