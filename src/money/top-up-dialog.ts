/**
 * The top-up dialog of `<top-up-button>`: choose an amount (presets and limits from the
 * wallet) and a method, see the quote (fee, tax, total) and, on "Pay <total>", create the
 * top-up with the intent's idempotency key, go to the gateway's checkout (redirect or popup)
 * and poll until it settles. A controller of the button, loaded on first use with the other
 * money code (lazy-module.ts), so the button itself costs little on a page that never tops up.
 */
import { upcomingQuery } from '../components/shared/upcoming.js';
import type { UpcomingQuery } from '../components/shared/upcoming.js';
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { BillingApiError, isBillingApiError } from '../api/errors.js';
import type { InvoiceSummary, Money, PaymentMethod, ServiceBilling, Summary, TopUp, TopUpQuote, Wallet } from '../api/schemas.js';
import { t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { MessageParams } from '../i18n/types.js';
import { currencyDigits, formatCalendarDate, formatInstant } from '../i18n/format.js';
import { QuoteChangedError, moneyErrorMessage } from './errors.js';
import type { MoneyFlowController } from './controller.js';
import { readCheckoutReturn, takeCheckoutReturn } from './launch/return.js';
import type { Attempt, Intent } from './attempts.js';
import { MoneyDialogShell, methodsWhileOpen, walletWhileOpen } from './dialog-shell.js';
import { emitBillingEvent } from '../components/shared/events.js';
import { toneIcon } from '../components/shared/icons.js';
import type { PayFlowHost } from './pay-dialog.js';
import type { BillingQueryController } from '../components/shared/query.js';
import type { UnfinishedOffer } from './unfinished-offer.js';
import { money, renderMoney, renderQueryFallback } from '../components/shared/render.js';
import { richMsg } from '../components/shared/service-alert.js';
import { majorToMinor } from '../domain/units.js';
import { isOpenForPayment } from '../domain/payability.js';
import { feeRuleWords } from './fee-rule.js';
import { COVER_DAYS, amountExample, checkAmount, coverPreset, formatAmountInput } from './top-up-amount.js';
import type { AmountCheck } from './top-up-amount.js';
import { topUpDialogStyles } from './top-up-dialog.styles.js';

/** What the customer confirmed for a top-up (each confirmation is an attempt with its own key). */
export interface TopUpIntent extends Intent {
  readonly action: 'top_up';
  readonly amount: Money;
  readonly methodId: string;
}

/** What the dialog needs from its button element. */
export interface TopUpFlowHost extends PayFlowHost {
  /** The `amount` preset in major units, when it is a positive number. */
  readonly presetAmount: number | undefined;
  /** Delay before a quote is asked for after the amount or method changes (ms). */
  readonly quoteDelayMs: number;
  /** The success step's offer: closes the top-up dialog and opens the pay dialog for `invoice` (the wallet covers it, so it is preselected). */
  payFromWallet(invoice: InvoiceSummary): void;
}

/** An open invoice worth paying first, and the service it keeps from running (suspended or at risk) if any. */
interface UrgentInvoice {
  invoice: InvoiceSummary;
  service: ServiceBilling | undefined;
}

/**
 * The open invoices the summary names, most urgent first: those blocking a suspended service,
 * then an at-risk one, then the next due. The summary lists no others, and needs no request.
 */
function urgentInvoices(summary: Summary): UrgentInvoice[] {
  const rank = (s: ServiceBilling) => (s.state === 'suspended' ? 0 : s.state === 'at_risk' ? 1 : 2);
  const services = [...summary.services_at_risk].sort((a, b) => rank(a) - rank(b));
  const found = new Map<string, UrgentInvoice>();
  for (const service of services) for (const invoice of service.blocking_invoices) if (!found.has(invoice.id)) found.set(invoice.id, { invoice, service });
  const next = summary.next_due;
  if (next && !found.has(next.id)) found.set(next.id, { invoice: next, service: undefined });
  return [...found.values()].filter((u) => isOpenForPayment(u.invoice));
}

/** A quote for one amount and method; `for` tells a current quote from a stale one. */
interface QuoteState {
  for: string;
  value?: TopUpQuote | undefined;
  error?: BillingApiError | undefined;
}

const quoteKey = (amount: Money, methodId: string) => `${amount.amount} ${amount.currency} ${methodId}`;
export class TopUpFlow implements ReactiveController {
  /** Limits, presets and currency; loaded only while the dialog is open. @internal */
  readonly wallet: BillingQueryController<readonly [boolean], Wallet | null>;
  /** The next 30 days' renewals and the wallet's coverage (shared with the overview and the wallet through the cache); null without `getUpcoming`. @internal */
  readonly upcoming: UpcomingQuery;
  /** Methods that can top up (the wallet cannot top up itself); loaded only while the dialog is open. @internal */
  readonly methods: BillingQueryController<readonly [boolean], PaymentMethod[] | null>;
  /** The money flow: a key per attempt, checkout, polling. Tests shorten `flow.timing`. @internal */
  readonly flow: MoneyFlowController<TopUp>;

  readonly #host: TopUpFlowHost;
  /** The dialog's frame, progress, outcome, errors, Escape and focus. */
  readonly #shell: MoneyDialogShell<TopUp>;
  /** The amount field as typed. */
  #amountText = '';
  /** Whether the customer typed in the amount field (errors show from then on). */
  #amountTouched = false;
  #methodId: string | undefined;
  #quote: QuoteState | undefined;
  /** An earlier attempt of this browser: still open (continue it or start a new one), or completed meanwhile. */
  readonly #unfinished: UnfinishedOffer<TopUp>;
  /** The attempt whose created total differed from the quote: confirming again (same amount and method) continues it. */
  #reconfirm: { attempt: Attempt; key: string } | undefined;
  #quoteTimer: ReturnType<typeof setTimeout> | undefined;
  #quoteAbort: AbortController | undefined;
  /** After a completed top-up: the summary as the server has it since (auto-pay, open invoices, the new balance). */
  #after: { topUpId: string; summary?: Summary } | undefined;

  constructor(host: TopUpFlowHost) {
    this.#host = host;
    // First: a connected host calls hostConnected() in addController(), and that needs the shell.
    this.#shell = new MoneyDialogShell<TopUp>(host, {
      flow: {
        flow: 'top_up',
        load: (client, id, signal) => client.getTopUp(id, { signal, fresh: true }),
        matches: (topUp, intent) => {
          const amount = (intent as Partial<TopUpIntent>).amount;
          return amount === undefined || (topUp.amount.amount === amount.amount && topUp.amount.currency === amount.currency);
        },
        onSettled: (topUp, outcome, info) => this.#onSettled(topUp, outcome, info.announce),
      },
      names: { part: '', cls: '', titleId: 'dialog-title' },
      words: { form: 'topup', dialog: 'topup_dialog', failed: 'topup.failed' },
      closeRow: false,
      // Money moved now only for a record this attempt created; an earlier completion is told as earlier.
      succeeded: (topUp) => ({
        tone: 'ok',
        title: topUp ? this.#toppedUp(topUp) : this.#msg('status.top_up.completed'),
        details: [],
        more: topUp ? this.#renderAfter(topUp) : nothing,
      }),
      announceSucceeded: (topUp) => (topUp ? this.#toppedUp(topUp) : ''),
      unfinished: {
        notice: 'unfinished',
        continuePart: 'unfinished-continue-button',
        startOverPart: 'unfinished-new-button',
        onContinue: (attempt) => this.#continueUnfinished(attempt),
        onStartOver: () => this.#shell.focusInitial(),
      },
      initialFocus: () => this.#amountInput(),
      onTryAnother: () => {
        this.#setQuote(undefined);
        this.#scheduleQuote(0);
        void this.#host.updateComplete.then(() => this.#shell.dialog()?.querySelector<HTMLElement>('[part="method"] input')?.focus());
      },
      onClosed: () => {
        this.#cancelQuote();
        this.#unfinished.cancel();
        this.#after = undefined;
      },
    });
    this.flow = this.#shell.flow;
    this.#unfinished = this.#shell.unfinished;
    host.addController(this);
    this.wallet = walletWhileOpen(host, () => this.isOpen);
    this.methods = methodsWhileOpen(host, () => this.isOpen, (method) => method.type !== 'wallet');
    // The same query as the overview's "Coming up" and the wallet's line: one GET through the cache.
    this.upcoming = upcomingQuery(host, () => this.isOpen);
    // Defaults are filled after the queries' own update, so limits the cache answered
    // synchronously fill the form in this very render.
    host.addController({ hostUpdate: () => this.#fillDefaults() });
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#shell.isOpen;
  }

  hostConnected(): void {
    this.#shell.hostConnected(topUpDialogStyles);
  }

  hostDisconnected(): void {
    this.#cancelQuote();
    this.#unfinished.cancel();
  }

  hostUpdate(): void {
    const id = this.#shell.takeReturn();
    if (id !== undefined) {
      // Only a top-up this browser started resumes, in the element that started it (the first
      // such to take the return from the address); a crafted or foreign link shows nothing. A
      // top-up another element started (a <top-up-button> beside this <billing-overview>) is
      // left in the address for that element, whichever connects first.
      const returned = readCheckoutReturn('top_up') === id;
      const attempt = returned ? this.flow.returnAttempt(id, this.#host.localName) : undefined;
      if (attempt) {
        takeCheckoutReturn('top_up');
        // Back from a redirect checkout: show the top-up's progress in the dialog.
        this.open({ check: false });
        void this.flow.resume(attempt);
      } else if (returned && !this.flow.returnAttempt(id)) {
        takeCheckoutReturn('top_up');
      }
    }
  }

  hostUpdated(): void {
    this.#shell.hostUpdated();
  }

  /** The dialog while open; nothing otherwise. */
  render(): TemplateResult | typeof nothing {
    return this.#shell.render(this.#msg('topup.dialog_title'), () => this.#renderForm());
  }

  #renderForm(): TemplateResult {
    const shell = this.#shell;
    const locale = this.#host.displayLocale;
    const fallback =
      renderQueryFallback(this.wallet, locale, this.#retryWallet, 6) ?? renderQueryFallback(this.methods, locale, this.#retryMethods, 6);
    if (fallback) return fallback;
    const wallet = this.wallet.value;
    const methods = this.methods.value;
    if (!wallet || !methods) return html``;
    if (methods.length === 0) return shell.notice(this.#msg('topup_dialog.no_methods'), undefined, 'warning');
    const earlier = this.#unfinished.open;
    if (earlier) {
      // An earlier attempt still open: continue it (same key: never a second charge) or start a new top-up.
      const amount = (earlier.attempt.intent as Partial<TopUpIntent>).amount;
      const lines = [...(amount ? [this.#msg('topup_dialog.unfinished', { amount: money(amount, this.#host.displayLocale) })] : []), this.#msg('topup_dialog.unfinished_hint')];
      return this.#unfinished.render(lines, { continue: this.#msg('topup_dialog.continue'), startOver: this.#msg('topup_dialog.start_new') });
    }
    const completed = this.#unfinished.completed;
    const limits = wallet.top_up;
    const check = this.#amountCheck();
    const amountError = this.#amountTouched && !check?.ok ? this.#amountMessage(check) : undefined;
    const busy = this.flow.busy;
    const quote = this.#currentQuote();
    // A shortfall for the next 30 days: the first preset covers it (within the limits). A server
    // without /upcoming (an error here) or a covered window: no such preset.
    const cover = this.upcoming.state === 'error' ? undefined : coverPreset(this.upcoming.value, limits);
    const fields = html`      <div class="field">
        <label class="label" part="amount-label" for="amount">${this.#msg('topup.amount')} (${limits.min.currency})</label>
        <input
          id="amount"
          class="input"
          part="amount-input"
          name="amount"
          inputmode=${currencyDigits(limits.min.currency) === 0 ? 'numeric' : 'decimal'}
          autocomplete="off"
          .value=${this.#amountText}
          aria-invalid=${amountError ? 'true' : 'false'}
          aria-describedby=${amountError ? 'amount-error amount-hint' : 'amount-hint'}
          ?readonly=${busy}
          @input=${this.#onAmountInput}
        />
        <p class="hint" part="amount-hint" id="amount-hint">
          ${this.#msg('topup.amount_hint', { min: money(limits.min, locale), max: money(limits.max, locale) })}
        </p>
        <p class="field-error" part="amount-error" id="amount-error" ?hidden=${!amountError}>
          ${amountError ? html`${toneIcon('danger')}<span>${amountError}</span>` : nothing}
        </p>
      </div>
      ${limits.presets.length > 0 || cover
        ? html`<div class="presets" part="presets" role="group" aria-labelledby="presets-label">
            <span class="label" id="presets-label">${this.#msg('topup.presets')}</span>
            <div class="presets__list">
              ${cover
                ? html`<button
                    class="button preset"
                    part="cover-preset"
                    type="button"
                    aria-pressed=${check?.ok === true && check.money.amount === cover.amount.amount ? 'true' : 'false'}
                    aria-describedby="cover-reason"
                    data-amount=${cover.amount.amount}
                    ?disabled=${busy}
                    @click=${() => this.#choosePreset(cover.amount)}
                  >
                    ${this.#msg('topup.cover', { days: COVER_DAYS, amount: money(cover.amount, locale) })}
                  </button>`
                : nothing}
              ${limits.presets.map((preset) => {
                const pressed = check?.ok === true && check.money.amount === preset.amount && check.money.currency === preset.currency;
                return html`<button
                  class="button preset"
                  part="preset"
                  type="button"
                  aria-pressed=${pressed ? 'true' : 'false'}
                  data-amount=${preset.amount}
                  ?disabled=${busy}
                  @click=${() => this.#choosePreset(preset)}
                >
                  ${renderMoney(preset, locale)}
                </button>`;
              })}
            </div>
            ${cover ? this.#coverReason(cover) : nothing}
          </div>`
        : nothing}
      ${shell.methodChoice({
        legend: this.#msg('topup.method'),
        name: 'method',
        methods,
        chosen: this.#methodId,
        choose: (id) => this.#chooseMethod(id),
        // The fee rule before any amount is typed; the quote gives the exact fee after.
        describe: (method) => feeRuleWords(method.fee, locale),
      })}
      ${this.#renderQuote(check, quote)}`;
    return shell.form(completed ? this.#earlierCompleted(completed) : undefined, fields, {
      enabled: !busy && check?.ok === true && quote?.value !== undefined,
      label: this.#msg('topup.confirm', { amount: quote?.value ? money(quote.value.total, locale) : '…' }),
      describedBy: quote?.error ? 'quote-status' : undefined,
      onConfirm: this.#onConfirm,
    });
  }

  #earlierCompleted(topUp: TopUp): string {
    const locale = this.#host.displayLocale;
    return this.#msg('topup_dialog.earlier_completed', { amount: money(topUp.amount, locale), date: formatInstant(topUp.created_at, locale) });
  }

  /** "$50.00 added to your wallet", or that an earlier top-up completed. */
  #toppedUp(topUp: TopUp): string {
    return this.flow.earlier ? this.#earlierCompleted(topUp) : this.#msg('topup_dialog.succeeded', { amount: money(topUp.amount, this.#host.displayLocale) });
  }

  /**
   * Under "Added $25.00": whether the wallet pays invoices by itself and what it paid, or that
   * this top-up paid none, with "Pay PL-… from your wallet now" for the most urgent invoice the
   * new balance covers, or how much is still short. A live region: it fills once the summary is back.
   */
  #renderAfter(topUp: TopUp): TemplateResult {
    const summary = this.#after?.topUpId === topUp.id ? this.#after.summary : undefined;
    return html`<div class="after" part="after-top-up" aria-live="polite" data-auto-pay=${summary ? String(summary.wallet.auto_pay_invoices === true) : nothing}>
      ${summary ? this.#afterContent(topUp, summary) : nothing}
    </div>`;
  }

  #afterContent(topUp: TopUp, summary: Summary): TemplateResult {
    const locale = this.#host.displayLocale;
    const msg = (key: MessageKey, params?: MessageParams) => this.#msg(key, params);
    const bdi = (text: string) => html`<bdi>${text}</bdi>`;
    const balance = summary.wallet.balance;
    const autoPay = summary.wallet.auto_pay_invoices === true;
    const lines: unknown[] = [];
    if (autoPay) {
      lines.push(msg('topup_dialog.after.auto_pay'));
      for (const paid of topUp.paid_invoices ?? []) {
        lines.push(richMsg(msg, 'topup_dialog.after.auto_paid', { number: bdi(paid.number), amount: bdi(money(paid.amount, locale)) }));
      }
    } else if (summary.unpaid.count > 0) {
      lines.push(richMsg(msg, 'topup_dialog.after.not_paid', { amount: bdi(money(summary.unpaid.total, locale)) }));
    }
    const urgent = urgentInvoices(summary);
    const covered = urgent.find(({ invoice }) => invoice.balance_due.currency === balance.currency && invoice.balance_due.amount <= balance.amount);
    const canPay = summary.permissions.can_pay;
    let offer: InvoiceSummary | undefined;
    if (covered && !autoPay) {
      const { invoice, service } = covered;
      const number = bdi(invoice.number);
      // "Pay it to keep … running" only to a member who can pay; to others, the plain fact.
      if (service && canPay) {
        const key = service.state === 'suspended' ? 'topup_dialog.after.covers_suspended' : 'topup_dialog.after.covers_at_risk';
        lines.push(richMsg(msg, key, { number, service: bdi(service.service.name) }));
      } else {
        lines.push(richMsg(msg, 'topup_dialog.after.covers', { number, amount: bdi(money(invoice.balance_due, locale)) }));
      }
      if (canPay) offer = invoice;
    } else if (!covered && urgent[0]) {
      const { invoice } = urgent[0];
      const short = { amount: invoice.balance_due.amount - (balance.currency === invoice.balance_due.currency ? balance.amount : 0), currency: invoice.balance_due.currency };
      lines.push(richMsg(msg, 'topup_dialog.after.short', { short: bdi(money(short, locale)), number: bdi(invoice.number), amount: bdi(money(invoice.balance_due, locale)) }));
    }
    return html`${lines.map((line) => html`<p class="result__detail">${line}</p>`)}
      ${offer
        ? html`<button class="button button--primary" part="pay-offer-button" type="button" data-invoice-id=${offer.id} @click=${() => this.#host.payFromWallet(offer)}>
            ${richMsg(msg, 'topup_dialog.after.pay', { number: bdi(offer.number) })}
          </button>`
        : nothing}`;
  }

  /** Once per completed top-up: the summary, which the settle just invalidated (this joins that reload, no request of its own). */
  #loadAfter(topUp: TopUp): void {
    const client = this.#host.billingClient;
    if (!client) return;
    const after: { topUpId: string; summary?: Summary } = { topUpId: topUp.id };
    this.#after = after;
    client.getSummary().then(
      (summary) => {
        if (this.#after !== after) return;
        after.summary = summary;
        this.#host.requestUpdate();
      },
      // Without it the outcome still says what was added; the page's own widgets show the invoices.
      () => undefined,
    );
  }

  #renderQuote(check: AmountCheck | undefined, quote: QuoteState | undefined): TemplateResult | typeof nothing {
    if (!check?.ok || !this.#methodId) return nothing;
    const locale = this.#host.displayLocale;
    if (quote?.error) {
      const message = moneyErrorMessage(quote.error, locale);
      return html`<div class="error-panel" part="quote-status" id="quote-status" role="alert" data-code=${quote.error.code}>
        ${toneIcon('danger')}
        <div class="error-panel__body">
          <p class="error-panel__title">${this.#msg('topup_dialog.quote_failed')} ${message.title}</p>
          <p class="error-panel__action">${message.detail ?? message.action}</p>
          <button class="button" part="retry-button" type="button" @click=${this.#retryQuote}>${this.#msg('common.retry')}</button>
        </div>
      </div>`;
    }
    const value = quote?.value;
    return html`<div class="quote" part="quote" aria-busy=${value ? 'false' : 'true'}>
      <h3 class="quote__title">${this.#msg('topup.quote')}</h3>
      ${value
        ? html`<dl class="quote__lines">
            <div><dt>${this.#msg('topup.quote_amount')}</dt><dd>${renderMoney(value.amount, locale)}</dd></div>
            <div><dt>${this.#msg('topup.fee')}</dt><dd>${renderMoney(value.fee, locale)}</dd></div>
            <div><dt>${this.#msg('topup.tax')}</dt><dd>${renderMoney(value.tax, locale)}</dd></div>
            <div class="quote__total"><dt>${this.#msg('topup.total')}</dt><dd data-total>${renderMoney(value.total, locale)}</dd></div>
          </dl>`
        : html`<p class="hint" part="quote-status" id="quote-status">${this.#msg('topup.quoting')}</p>`}
    </div>`;
  }

  #retryWallet = (): void => {
    void this.wallet.run();
  };

  #retryMethods = (): void => {
    void this.methods.run();
  };

  // ---- opening and closing ----

  /**
   * Opens the dialog (a flow still checking in the background is shown as it is). An earlier
   * attempt of this browser still open is offered to continue, before the form.
   */
  open(options: { check?: boolean } = {}): void {
    if (this.isOpen) return;
    this.#shell.show();
    // A flow still checking in the background (dialog closed mid-checkout) is shown as it is.
    if (this.flow.step === 'idle' || this.flow.done) {
      this.flow.choose();
      this.#amountText = '';
      this.#amountTouched = false;
      this.#methodId = undefined;
      this.#quote = undefined;
      this.#unfinished.clear();
      this.#reconfirm = undefined;
      if (options.check !== false) void this.#checkUnfinished();
    }
    this.#host.requestUpdate();
  }

  async #checkUnfinished(): Promise<void> {
    if (!this.#host.billingClient) return;
    const found = await this.#unfinished.check(() => true, () => this.isOpen);
    // Completed while the page was away: the wallet shows it now (no success event: this page did not see it happen).
    if (found?.state === 'completed') this.#host.billingClient?.invalidate(['wallet', 'payments', 'summary']);
  }

  /** "Continue this top-up": the attempt's own request again, with its key. */
  #continueUnfinished(attempt: Attempt): void {
    const intent = attempt.intent as TopUpIntent;
    this.#shell.submit({
      intent,
      attempt,
      create: async (client, idempotencyKey, signal) => {
        const topUp = await client.createTopUp({ amount: intent.amount, method_id: intent.methodId }, { idempotencyKey, signal });
        return { record: topUp, nextAction: topUp.next_action };
      },
    });
  }

  /** Closes the dialog (as its Close button does); ignored while a request is in flight. */
  close(): void {
    if (!this.flow.busy) this.#shell.dialog()?.close();
  }

  #amountInput(): HTMLElement | null {
    return this.#shell.dialog()?.querySelector<HTMLElement>('[part="amount-input"]') ?? null;
  }

  /** Pre-fills once the wallet and methods are there: the `amount` attribute or an unfinished intent, and the first method. */
  #fillDefaults(): void {
    const wallet = this.wallet.value;
    const methods = this.methods.value;
    if (!this.isOpen || !wallet || !methods || this.flow.step !== 'choosing' || this.#methodId !== undefined) return;
    const currency = wallet.top_up.min.currency;
    const locale = this.#host.displayLocale;
    const preset = this.#host.presetAmount;
    // Focus was parked on the close button while the form loaded: it goes to the amount now.
    const moveFocus = this.#shell.focusParked();
    if (preset !== undefined) {
      const minor = majorToMinor(preset, currency);
      this.#amountText = minor === undefined ? String(preset) : formatAmountInput({ amount: minor, currency }, locale);
    }
    this.#methodId = methods[0]?.id;
    this.#scheduleQuote(0);
    if (moveFocus) void this.#host.updateComplete.then(() => this.#shell.focusInitial());
  }

  // ---- amount, method, quote ----

  #amountCheck(): AmountCheck | undefined {
    const limits = this.wallet.value?.top_up;
    return limits ? checkAmount(this.#amountText, limits) : undefined;
  }

  #amountMessage(check: AmountCheck | undefined): string | undefined {
    const limits = this.wallet.value?.top_up;
    if (!check || check.ok || !limits) return undefined;
    const locale = this.#host.displayLocale;
    switch (check.reason) {
      case 'required':
        return this.#msg('topup.error.amount_required');
      case 'format':
        return this.#msg('topup_dialog.error.format', { example: amountExample(limits.min.currency, locale) });
      case 'below_min':
        return this.#msg('topup_dialog.error.min', { min: money(limits.min, locale) });
      case 'above_max':
        return this.#msg('topup_dialog.error.max', { max: money(limits.max, locale) });
    }
  }

  #onAmountInput = (event: Event): void => {
    this.#amountText = (event.target as HTMLInputElement).value;
    this.#amountTouched = true;
    this.#afterFormChange();
  };

  /** Why the cover preset is that amount: the renewals, the wallet, and the limit it was held to. */
  #coverReason({ upcoming, amount, clamped }: NonNullable<ReturnType<typeof coverPreset>>): TemplateResult {
    const locale = this.#host.displayLocale;
    const { total, coverage } = upcoming;
    const why = this.#msg('topup.cover_why', { total: money(total, locale), date: formatCalendarDate(upcoming.to, locale, 'long'), balance: money(coverage.wallet_balance, locale) });
    const limit = clamped && this.#msg(clamped === 'min' ? 'topup.cover_min' : 'topup.cover_max', { amount: money(amount, locale), shortfall: money(coverage.shortfall, locale) });
    return html`<p class="hint" part="cover-reason" id="cover-reason">${why}${limit ? ` ${limit}` : ''}</p>`;
  }

  #choosePreset(preset: Money): void {
    this.#amountText = formatAmountInput(preset, this.#host.displayLocale);
    this.#amountTouched = true;
    this.#afterFormChange();
  }

  #chooseMethod(methodId: string): void {
    this.#methodId = methodId;
    this.#afterFormChange();
  }

  #afterFormChange(): void {
    // A changed form is a new intent: the old error no longer describes it.
    if (this.flow.step === 'error') this.flow.choose();
    if (this.#reconfirm && this.#reconfirm.key !== this.#formKey()) {
      // The customer did not confirm the changed total: that attempt is dropped (its top-up never opens).
      this.flow.abandon(this.#reconfirm.attempt);
      this.#reconfirm = undefined;
    }
    this.#scheduleQuote(this.#host.quoteDelayMs);
    this.#host.requestUpdate();
  }

  /** The quote for what the form says now; a quote for other values is stale and not shown. */
  #currentQuote(): QuoteState | undefined {
    const check = this.#amountCheck();
    if (!check?.ok || !this.#methodId) return undefined;
    return this.#quote?.for === quoteKey(check.money, this.#methodId) ? this.#quote : undefined;
  }

  #scheduleQuote(delayMs: number): void {
    this.#cancelQuote();
    const check = this.#amountCheck();
    const methodId = this.#methodId;
    if (!check?.ok || !methodId) return;
    const key = quoteKey(check.money, methodId);
    if (this.#quote?.for === key && this.#quote.value) return;
    this.#quoteTimer = setTimeout(() => void this.#loadQuote(check.money, methodId, key), delayMs);
  }

  async #loadQuote(amount: Money, methodId: string, key: string): Promise<void> {
    const client = this.#host.billingClient;
    if (!client) return;
    const abort = (this.#quoteAbort = new AbortController());
    this.#setQuote({ for: key });
    try {
      const value = await client.quoteTopUp({ amount, method_id: methodId }, { signal: abort.signal });
      if (!abort.signal.aborted) this.#setQuote({ for: key, value });
    } catch (error) {
      if (abort.signal.aborted) return;
      const apiError = isBillingApiError(error) ? error : new BillingApiError('bad_response', String(error), { cause: error });
      this.#setQuote({ for: key, error: apiError });
      this.#shell.reportError(apiError);
    }
  }

  #setQuote(quote: QuoteState | undefined): void {
    this.#quote = quote;
    this.#host.requestUpdate();
  }

  #cancelQuote(): void {
    clearTimeout(this.#quoteTimer);
    this.#quoteTimer = undefined;
    // Aborting drops the answer of a quote for values the form no longer has.
    this.#quoteAbort?.abort();
    this.#quoteAbort = undefined;
  }

  #retryQuote = (): void => {
    this.#setQuote(undefined);
    this.#scheduleQuote(0);
  };

  // ---- paying ----

  /** The amount and method in the form, as a quote key; undefined while the amount is not valid. */
  #formKey(): string | undefined {
    const check = this.#amountCheck();
    return check?.ok && this.#methodId ? quoteKey(check.money, this.#methodId) : undefined;
  }

  #onConfirm = (): void => {
    const check = this.#amountCheck();
    const methodId = this.#methodId;
    const quote = this.#currentQuote();
    if (this.flow.busy) return;
    if (!check?.ok || !methodId || !quote?.value) {
      this.#amountTouched = true;
      this.#host.requestUpdate();
      this.#amountInput()?.focus();
      return;
    }
    const intent: TopUpIntent = { action: 'top_up', amount: check.money, methodId };
    const confirmed = quote.value.total;
    const key = quoteKey(check.money, methodId);
    // Confirming a changed total again continues the attempt that showed it (the server replays that top-up).
    const reconfirm = this.#reconfirm?.key === key ? this.#reconfirm : undefined;
    this.#reconfirm = undefined;
    // A top-up still unresolved (started in another tab since this dialog opened, or one whose answer was lost) is offered first.
    if (!reconfirm && this.#host.billingClient && this.#unfinished.offerAtConfirm(() => true)) return;
    // Synchronous up to the POST: in popup mode the window opens in this click's turn.
    this.#shell.submit({
      intent,
      attempt: reconfirm?.attempt,
      continued: false,
      create: async (client, idempotencyKey, signal) => {
        const topUp = await client.createTopUp({ amount: check.money, method_id: methodId }, { idempotencyKey, signal });
        if (topUp.total.amount !== confirmed.amount || topUp.total.currency !== confirmed.currency) {
          // Nothing opens before the customer has seen the server's total and confirmed it.
          const attempt = this.flow.attempt;
          if (attempt) this.#reconfirm = { attempt, key };
          this.#quote = {
            for: key,
            value: { amount: topUp.amount, method_id: methodId, fee: topUp.fee, tax: topUp.tax, total: topUp.total },
          };
          throw new QuoteChangedError(confirmed, topUp.total);
        }
        return { record: topUp, nextAction: topUp.next_action };
      },
    });
  };

  #onSettled(topUp: TopUp, outcome: 'succeeded' | 'failed', announce: boolean): void {
    // The create already invalidated these while the top-up was pending; now the balance moved,
    // and with auto-pay the invoices it paid, their services and the list changed too.
    const paid = topUp.paid_invoices ?? [];
    const autoPaid = paid.flatMap((p) => [`invoice:${p.invoice_id}`, `payment:${p.payment_id}`, ...(p.service_id ? [`service:${p.service_id}`] : [])]);
    this.#host.billingClient?.invalidate(['wallet', 'payments', 'summary', `top-up:${topUp.id}`, ...(paid.length > 0 ? ['invoices', ...autoPaid] : [])]);
    if (outcome === 'succeeded') this.#loadAfter(topUp);
    if (outcome === 'succeeded' && announce) emitBillingEvent(this.#host, 'billing-top-up-completed', { topUpId: topUp.id, amount: topUp.amount });
  }

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }
}
