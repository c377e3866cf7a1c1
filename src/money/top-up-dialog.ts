/**
 * The top-up dialog of `<top-up-button>`: choose an amount (presets and limits from the
 * wallet) and a method, see the quote (fee, tax, total) and, on "Pay <total>", create the
 * top-up with the intent's idempotency key, go to the gateway's checkout (redirect or popup)
 * and poll until it settles. A controller of the button, loaded on first use with the other
 * money code (lazy-module.ts), so the button itself costs little on a page that never tops up.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { BillingClient } from '../api/client.js';
import { BillingApiError, isBillingApiError } from '../api/errors.js';
import { mapSettled, resolved } from '../api/settled.js';
import type { Money, PaymentMethod, TopUp, TopUpQuote, Wallet } from '../api/schemas.js';
import { t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { MessageParams } from '../i18n/types.js';
import { currencyDigits, formatInstant } from '../i18n/format.js';
import { MoneyConfigurationError, QuoteChangedError, moneyErrorMessage } from './errors.js';
import { MoneyFlowController, attemptScope } from './controller.js';
import { moneyDialogView } from './steps.js';
import { readCheckoutReturn, takeCheckoutReturn } from './launch/return.js';
import type { Attempt, Intent } from './attempts.js';
import type { MoneyFlowError } from './errors.js';
import type { MoneyFlowStep, MoneyProgressStep, MoneyResultStep } from './steps.js';
import { emitBillingEvent } from '../components/shared/events.js';
import type { BillingEventDetailMap, BillingEventName } from '../components/shared/events.js';
import { addStyles } from './adopt-styles.js';
import { toneIcon } from '../components/shared/icons.js';
import type { Tone } from '../components/shared/icons.js';
import type { PayFlowHost } from './pay-dialog.js';
import { BillingQueryController } from '../components/shared/query.js';
import { UnfinishedOffer } from './unfinished-offer.js';
import { liveRegion, money, openLabel, renderQueryFallback } from '../components/shared/render.js';
import { parseMajorUnits } from '../domain/units.js';
import { amountExample, checkAmount, formatAmountInput } from './top-up-amount.js';
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
  /** Methods that can top up (the wallet cannot top up itself); loaded only while the dialog is open. @internal */
  readonly methods: BillingQueryController<readonly [boolean], PaymentMethod[] | null>;
  /** The money flow: a key per attempt, checkout, polling. Tests shorten `flow.timing`. @internal */
  readonly flow: MoneyFlowController<TopUp>;

  readonly #host: TopUpFlowHost;
  #open = false;
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
  /** A top-up this page came back to from a redirect checkout, resumed once the client is there. */
  #resumeId: string | undefined;
  /** The step whose outcome took focus last, so focus moves once per outcome. */
  #focusedStep: MoneyFlowStep | undefined;

  constructor(host: TopUpFlowHost) {
    this.#host = host;
    host.addController(this);
    this.wallet = new BillingQueryController(host, {
      tags: () => ['wallet'],
      args: () => [this.#open] as const,
      task: (client, [open], options): Promise<Wallet | null> => (open ? client.getWallet(options) : resolved(null)),
    });
    this.methods = new BillingQueryController(host, {
      tags: () => ['payment-methods'],
      args: () => [this.#open] as const,
      task: (client, [open], options): Promise<PaymentMethod[] | null> =>
        open ? mapSettled(client.listPaymentMethods(options), (list) => list.filter((method) => method.type !== 'wallet')) : resolved(null),
    });
    this.flow = new MoneyFlowController<TopUp>(host, {
      flow: 'top_up',
      starter: host.localName,
      scope: () => attemptScope(this.#client(), host.billingConfig?.accountId),
      checkoutOrigins: () => host.billingConfig?.checkoutOrigins ?? [],
      load: (id, signal) => this.#client().getTopUp(id, { signal, fresh: true }),
      matches: (topUp, intent) => {
        const amount = (intent as Partial<TopUpIntent>).amount;
        return amount === undefined || (topUp.amount.amount === amount.amount && topUp.amount.currency === amount.currency);
      },
      announce: (flow) => this.#announce(flow.step),
      onSettled: (topUp, outcome, info) => this.#onSettled(topUp, outcome, info.announce),
      onError: (error) => this.#emitError(error),
    });
    this.#unfinished = new UnfinishedOffer(host, this.flow, {
      notice: 'unfinished',
      noticePart: 'notice unfinished',
      actionsClass: 'actions',
      actionsPart: 'actions',
      continuePart: 'unfinished-continue-button',
      startOverPart: 'unfinished-new-button',
      onContinue: (attempt) => this.#continueUnfinished(attempt),
      onStartOver: () => this.#focusInitial(),
    });
    // Defaults are filled after the queries' own update, so limits the cache answered
    // synchronously fill the form in this very render.
    host.addController({ hostUpdate: () => this.#fillDefaults() });
  }

  /** Whether the dialog is open. */
  get isOpen(): boolean {
    return this.#open;
  }

  hostConnected(): void {
    addStyles(this.#host.renderRoot, [topUpDialogStyles]);
    this.#resumeId ??= readCheckoutReturn('top_up');
  }

  hostDisconnected(): void {
    this.#cancelQuote();
    this.#unfinished.cancel();
  }

  hostUpdate(): void {
    if (this.#resumeId !== undefined && this.#host.billingClient) {
      const id = this.#resumeId;
      this.#resumeId = undefined;
      // Only a top-up this browser started resumes, in one element (the first to take the
      // return from the address); a crafted or foreign link shows nothing.
      const attempt = readCheckoutReturn('top_up') === id ? this.flow.returnAttempt(id, this.#host.localName) : undefined;
      if (attempt) {
        takeCheckoutReturn('top_up');
        // Back from a redirect checkout: show the top-up's progress in the dialog.
        this.open({ check: false });
        void this.flow.resume(attempt);
      } else if (readCheckoutReturn('top_up') === id) {
        takeCheckoutReturn('top_up');
      }
    }
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

  /** The dialog while open; nothing otherwise. */
  render(): TemplateResult | typeof nothing {
    if (!this.#open) return nothing;
    const step = this.flow.step;
    const busy = this.flow.busy;
    return html`<dialog
      class="dialog money-dialog"
      part="dialog"
      aria-labelledby="dialog-title"
      data-step=${step}
      aria-busy=${busy ? 'true' : 'false'}
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
    >
      <div class="money-dialog__header" part="dialog-header">
        <h2 class="money-dialog__title" part="dialog-title" id="dialog-title">${this.#msg('topup.dialog_title')}</h2>
        <button
          class="button button--quiet close"
          part="close-button"
          type="button"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${this.#requestClose}
        >
          ${this.#msg('common.close')}
        </button>
      </div>
      ${liveRegion(this.flow.announcement)} ${this.#renderBody(step)}
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
      renderQueryFallback(this.wallet, locale, this.#retryWallet, 6) ?? renderQueryFallback(this.methods, locale, this.#retryMethods, 6);
    if (fallback) return fallback;
    const wallet = this.wallet.value;
    const methods = this.methods.value;
    if (!wallet || !methods) return html``;
    if (methods.length === 0) {
      return html`<p class="notice" part="notice" data-tone="warning">${toneIcon('warning')}<span>${this.#msg('topup_dialog.no_methods')}</span></p>`;
    }
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
    const canConfirm = !busy && check?.ok === true && quote?.value !== undefined;
    // Money moves only when the confirm button is activated: Enter in the form submits nothing.
    return html`<form class="form" part="form" novalidate @submit=${this.#onFormSubmit}>
      ${completed
        ? html`<p class="notice" part="notice" data-notice="earlier-completed">
            ${toneIcon('info')}<span>${this.#earlierCompleted(completed)}</span>
          </p>`
        : nothing}
      <div class="field">
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
      ${limits.presets.length > 0
        ? html`<div class="presets" part="presets" role="group" aria-labelledby="presets-label">
            <span class="label" id="presets-label">${this.#msg('topup.presets')}</span>
            <div class="presets__list">
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
                  ${money(preset, locale)}
                </button>`;
              })}
            </div>
          </div>`
        : nothing}
      <fieldset class="methods" part="methods" ?disabled=${busy}>
        <legend class="label">${this.#msg('topup.method')}</legend>
        ${methods.map(
          (method) => html`<label class="method" part="method">
            <input
              type="radio"
              name="method"
              .value=${method.id}
              .checked=${method.id === this.#methodId}
              @change=${() => this.#chooseMethod(method.id)}
            />
            <span>${method.label}</span>
            <span class="method__type">${openLabel('method', method.type, locale)}</span>
          </label>`,
        )}
      </fieldset>
      ${this.#renderQuote(check, quote)} ${this.flow.step === 'error' ? this.#renderFlowError() : nothing}
      ${busy ? html`<p class="progress" part="progress" data-step="submitting">${this.#msg('topup.paying')}</p>` : nothing}
      <div class="actions" part="actions">
        <button class="button" part="cancel-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#requestClose}>
          ${this.#msg('common.cancel')}
        </button>
        <button
          class="button button--primary"
          part="confirm-button"
          type="button"
          aria-disabled=${canConfirm ? 'false' : 'true'}
          @click=${this.#onConfirm}
          aria-describedby=${quote?.error ? 'quote-status' : nothing}
        >
          ${quote?.value ? this.#msg('topup.confirm', { amount: money(quote.value.total, locale) }) : this.#msg('topup.confirm', { amount: '…' })}
        </button>
      </div>
    </form>`;
  }

  #earlierCompleted(topUp: TopUp): string {
    const locale = this.#host.displayLocale;
    return this.#msg('topup_dialog.earlier_completed', { amount: money(topUp.amount, locale), date: formatInstant(topUp.created_at, locale) });
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
            <div><dt>${this.#msg('topup.quote_amount')}</dt><dd>${money(value.amount, locale)}</dd></div>
            <div><dt>${this.#msg('topup.fee')}</dt><dd>${money(value.fee, locale)}</dd></div>
            <div><dt>${this.#msg('topup.tax')}</dt><dd>${money(value.tax, locale)}</dd></div>
            <div class="quote__total"><dt>${this.#msg('topup.total')}</dt><dd data-total>${money(value.total, locale)}</dd></div>
          </dl>`
        : html`<p class="hint" part="quote-status" id="quote-status">${this.#msg('topup.quoting')}</p>`}
    </div>`;
  }

  #renderProgress(step: MoneyProgressStep): TemplateResult {
    const flow = this.flow;
    const text =
      step === 'redirecting' ? this.#msg('checkout.redirecting') : step === 'awaiting_checkout' ? this.#msg('checkout.awaiting') : this.#msg('checkout.processing');
    return html`<div class="status" part="progress" data-step=${step} tabindex="-1" data-focus-target>
      ${this.#renderReplayed()}
      <p class="status__text">${toneIcon('info')}<span>${text}</span></p>
      ${step === 'processing' && flow.popupClosed
        ? html`<p class="notice" part="notice" data-notice="popup-closed">${toneIcon('info')}<span>${this.#msg('checkout.popup_closed')}</span></p>`
        : nothing}
      ${flow.popupBlocked && flow.checkoutUrl
        ? html`<p class="notice" part="notice" data-tone="warning" data-notice="popup-blocked">
            ${toneIcon('warning')}
            <span
              >${this.#msg('checkout.popup_blocked')}
              <a part="checkout-link" href=${flow.checkoutUrl} target="_blank" rel="noopener noreferrer"
                >${this.#msg('checkout.open_page')} <span class="visually-hidden">${this.#msg('common.opens_new_window')}</span></a
              ></span
            >
          </p>`
        : nothing}
    </div>`;
  }

  #renderResult(step: MoneyResultStep): TemplateResult {
    const locale = this.#host.displayLocale;
    const topUp = this.flow.record;
    let tone: Tone;
    let title: string;
    let detail: string | undefined;
    let actions: TemplateResult;
    const close = html`<button class="button" part="cancel-button" type="button" @click=${this.#requestClose}>${this.#msg('common.close')}</button>`;
    if (step === 'succeeded') {
      tone = 'ok';
      // Money moved now only for a record this attempt created; an earlier completion is told as earlier.
      title = !topUp
        ? this.#msg('status.top_up.completed')
        : this.flow.earlier
          ? this.#earlierCompleted(topUp)
          : this.#msg('topup_dialog.succeeded', { amount: money(topUp.amount, locale) });
      actions = html`<button class="button button--primary" part="cancel-button" type="button" @click=${this.#requestClose}>
        ${this.#msg('common.close')}
      </button>`;
    } else if (step === 'failed') {
      tone = 'danger';
      title = topUp?.failure_reason ? this.#msg('topup.failed', { reason: topUp.failure_reason }) : this.#msg('topup.failed_generic');
      actions = html`${close}
        <button class="button button--primary" part="try-another-button" type="button" @click=${this.#tryAnother}>
          ${this.#msg('topup_dialog.try_another')}
        </button>`;
    } else {
      tone = 'info';
      title = this.#msg('topup_dialog.still_processing');
      detail = this.#msg('topup_dialog.still_processing_hint');
      actions = html`${close}
        <button class="button button--primary" part="recheck-button" type="button" @click=${this.#recheck}>
          ${this.#msg('common.recheck')}
        </button>`;
    }
    return html`<div class="result" part="result" data-outcome=${step} data-tone=${tone} tabindex="-1" data-focus-target>
        ${this.#renderReplayed()}
        <p class="result__title">${toneIcon(tone)}<span>${title}</span></p>
        ${detail ? html`<p class="result__detail">${detail}</p>` : nothing}
      </div>
      <div class="actions" part="actions">${actions}</div>`;
  }

  #renderReplayed(): TemplateResult | typeof nothing {
    // An earlier completion says so itself.
    if (!this.flow.replayed || this.flow.earlier) return nothing;
    return html`<p class="notice" part="notice" data-notice="replayed">${toneIcon('info')}<span>${this.#msg('checkout.replayed')}</span></p>`;
  }

  /** A failure of the POST or of a check, with its own message and next step. */
  #renderFlowError(): TemplateResult {
    const error = this.flow.error;
    if (!error) return html``;
    const message = moneyErrorMessage(error, this.#host.displayLocale);
    const button =
      message.next === 'retry' || message.next === 'sign_in'
        ? html`<button class="button" part="retry-button" type="button" @click=${this.#retryFlow}>${this.#msg('common.retry')}</button>`
        : message.next === 'recheck'
          ? html`<button class="button" part="recheck-button" type="button" @click=${this.#recheck}>${this.#msg('common.recheck')}</button>`
          : message.next === 'change' && this.flow.record !== undefined
            ? html`<button class="button" part="try-another-button" type="button" @click=${this.#tryAnother}>${this.#msg('topup_dialog.try_another')}</button>`
            : nothing;
    const standalone = this.flow.record !== undefined;
    return html`<div class="error-panel" part="error" role="alert" data-code=${message.code} tabindex="-1" ?data-focus-target=${standalone}>
        ${toneIcon('danger')}
        <div class="error-panel__body">
          <p class="error-panel__title">${message.title}</p>
          ${message.detail ? html`<p class="error-panel__action" data-detail>${message.detail}</p>` : nothing}
          ${message.action ? html`<p class="error-panel__action">${message.action}</p>` : nothing} ${button}
        </div>
      </div>
      ${standalone
        ? html`<div class="actions" part="actions">
            <button class="button" part="cancel-button" type="button" @click=${this.#requestClose}>${this.#msg('common.close')}</button>
          </div>`
        : nothing}`;
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
    if (this.#open) return;
    this.#open = true;
    this.#focusedStep = undefined;
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
    const found = await this.#unfinished.check(() => true, () => this.#open);
    // Completed while the page was away: the wallet shows it now (no success event: this page did not see it happen).
    if (found?.state === 'completed') this.#host.billingClient?.invalidate(['wallet', 'payments', 'summary']);
  }

  /** "Continue this top-up": the attempt's own request again, with its key. */
  #continueUnfinished(attempt: Attempt): void {
    const intent = attempt.intent as TopUpIntent;
    const client = this.#host.billingClient;
    void this.flow.submit({
      intent,
      attempt,
      mode: this.#host.billingConfig?.checkoutMode ?? 'redirect',
      create: async (idempotencyKey, signal) => {
        if (!client) throw new MoneyConfigurationError();
        const topUp = await client.createTopUp({ amount: intent.amount, method_id: intent.methodId }, { idempotencyKey, signal });
        return { record: topUp, nextAction: topUp.next_action };
      },
    });
  }

  /** Closes the dialog (as its Close button does); ignored while a request is in flight. */
  close(): void {
    this.#requestClose();
  }

  #requestClose = (): void => {
    if (this.flow.busy) return;
    this.#dialog()?.close();
  };

  /**
   * Escape closes the dialog, except while a payment is being submitted. The keydown is stopped
   * too: Chrome makes `cancel` uncancelable without a fresh user activation.
   */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.flow.busy) event.preventDefault();
  };

  #onCancel = (event: Event): void => {
    if (this.flow.busy) event.preventDefault();
  };

  #onClose = (): void => {
    this.#open = false;
    this.#host.requestUpdate();
    this.#cancelQuote();
    this.#unfinished.cancel();
    // A request in flight or a top-up on its way keeps going (never abort a money POST); anything else starts over.
    const step = this.flow.step;
    if (!this.flow.busy && step !== 'awaiting_checkout' && step !== 'processing') this.flow.reset('idle');
    void this.#host.updateComplete.then(() => this.#innerButton()?.focus());
  };

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }

  #innerButton(): HTMLButtonElement | null {
    return this.#host.renderRoot.querySelector<HTMLButtonElement>('[part="button"]');
  }

  #focusInitial(): void {
    const target =
      this.#unfinished.continueButton() ??
      this.#host.renderRoot.querySelector<HTMLElement>('dialog [part="amount-input"]') ?? this.#host.renderRoot.querySelector<HTMLElement>('dialog [data-focus-target]');
    if (target) target.focus();
    else this.#host.renderRoot.querySelector<HTMLElement>('dialog [part="close-button"]')?.focus();
  }

  /** After an outcome replaces the form, focus goes to it so keyboard and screen reader users land on the news. */
  #focusOutcome(): void {
    const step = this.flow.step;
    if (!this.#open || step === this.#focusedStep) return;
    if (step === 'choosing' || step === 'submitting' || step === 'idle') {
      this.#focusedStep = step;
      return;
    }
    const target = this.#host.renderRoot.querySelector<HTMLElement>('dialog [data-focus-target]');
    if (target) {
      this.#focusedStep = step;
      target.focus();
    }
  }

  /** Pre-fills once the wallet and methods are there: the `amount` attribute or an unfinished intent, and the first method. */
  #fillDefaults(): void {
    const wallet = this.wallet.value;
    const methods = this.methods.value;
    if (!this.#open || !wallet || !methods || this.flow.step !== 'choosing' || this.#methodId !== undefined) return;
    const currency = wallet.top_up.min.currency;
    const locale = this.#host.displayLocale;
    const preset = this.#host.presetAmount;
    // Focus was parked on the close button while the form loaded: it goes to the amount now.
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    const moveFocus = active === null || active.getAttribute('part') === 'close-button';
    if (preset !== undefined) {
      const minor = parseMajorUnits(String(preset), currency);
      this.#amountText = minor === undefined ? String(preset) : formatAmountInput({ amount: minor, currency }, locale);
    }
    this.#methodId = methods[0]?.id;
    this.#scheduleQuote(0);
    if (moveFocus) void this.#host.updateComplete.then(() => this.#focusInitial());
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
      this.#emitError(apiError);
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

  /** Implicit submission (Enter in a field) moves no money. */
  #onFormSubmit = (event: Event): void => {
    event.preventDefault();
  };

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
      this.#host.renderRoot.querySelector<HTMLElement>('dialog [part="amount-input"]')?.focus();
      return;
    }
    const client = this.#host.billingClient;
    const intent: TopUpIntent = { action: 'top_up', amount: check.money, methodId };
    const confirmed = quote.value.total;
    const key = quoteKey(check.money, methodId);
    // Confirming a changed total again continues the attempt that showed it (the server replays that top-up).
    const reconfirm = this.#reconfirm?.key === key ? this.#reconfirm : undefined;
    this.#reconfirm = undefined;
    // A top-up still unresolved (started in another tab since this dialog opened, or one whose answer was lost) is offered first.
    if (!reconfirm && client && this.#unfinished.offerAtConfirm(() => true)) return;
    // Synchronous up to the POST: in popup mode the window opens in this click's turn.
    void this.flow.submit({
      intent,
      attempt: reconfirm?.attempt,
      continued: false,
      mode: this.#host.billingConfig?.checkoutMode ?? 'redirect',
      create: async (idempotencyKey, signal) => {
        if (!client) throw new MoneyConfigurationError();
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

  #retryFlow = (): void => {
    void this.flow.retry();
  };

  #recheck = (): void => {
    void this.flow.recheck();
  };

  #tryAnother = (): void => {
    this.flow.reset('choosing');
    this.#focusedStep = 'choosing';
    this.#setQuote(undefined);
    this.#scheduleQuote(0);
    void this.#host.updateComplete.then(() => this.#host.renderRoot.querySelector<HTMLElement>('dialog [part="method"] input')?.focus());
  };

  #onSettled(topUp: TopUp, outcome: 'succeeded' | 'failed', announce: boolean): void {
    // The create already invalidated these while the top-up was pending; now the balance moved.
    this.#host.billingClient?.invalidate(['wallet', 'payments', 'summary', `top-up:${topUp.id}`]);
    if (outcome === 'succeeded' && announce) this.#emit('billing-top-up-completed', { topUpId: topUp.id, amount: topUp.amount });
  }

  #emitError(error: MoneyFlowError): void {
    this.#emit('billing-error', { code: error.code, message: error.message, element: this.#host.localName });
  }

  #announce(step: MoneyFlowStep): string {
    const locale = this.#host.displayLocale;
    const topUp = this.flow.record;
    switch (step) {
      case 'submitting':
        return this.#msg('topup.paying');
      case 'redirecting':
        return this.#msg('checkout.redirecting');
      case 'awaiting_checkout':
        return this.flow.popupBlocked ? this.#msg('checkout.popup_blocked') : this.#msg('checkout.awaiting');
      case 'processing':
        return this.flow.popupClosed ? this.#msg('checkout.popup_closed') : this.#msg('checkout.processing');
      case 'succeeded':
        if (!topUp) return '';
        return this.flow.earlier ? this.#earlierCompleted(topUp) : this.#msg('topup_dialog.succeeded', { amount: money(topUp.amount, locale) });
      case 'failed':
        return topUp?.failure_reason ? this.#msg('topup.failed', { reason: topUp.failure_reason }) : this.#msg('topup.failed_generic');
      case 'still_processing':
        return this.#msg('topup_dialog.still_processing');
      case 'error':
        return this.flow.error ? moneyErrorMessage(this.flow.error, locale).title : '';
      default:
        return '';
    }
  }

  #client(): BillingClient {
    const client = this.#host.billingClient;
    if (!client) throw new MoneyConfigurationError();
    return client;
  }

  #msg(key: MessageKey, params?: MessageParams): string {
    return t(this.#host.displayLocale, key, params);
  }

  #emit<K extends BillingEventName>(name: K, detail: BillingEventDetailMap[K]): void {
    emitBillingEvent(this.#host, name, detail);
  }
}
