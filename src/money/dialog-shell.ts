/**
 * The life both money dialogs share (frame, checkout progress, outcome, a failed request's next
 * step, Escape, focus, live region), so the pay and top-up dialogs differ only in form and request.
 */
import { html, nothing } from 'lit';
import type { CSSResult, ReactiveControllerHost, TemplateResult } from 'lit';
import type { BillingClient } from '../api/client.js';
import { mapSettled, resolved } from '../api/settled.js';
import type { PaymentMethod, Wallet } from '../api/schemas.js';
import type { BillingConfig } from '../context.js';
import { t } from '../i18n/catalog.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { MessageParams } from '../i18n/types.js';
import { MoneyConfigurationError, moneyErrorMessage } from './errors.js';
import type { MoneyFlowError } from './errors.js';
import { MoneyFlowController, attemptScope } from './controller.js';
import type { MoneyFlowOptions, MoneyFlowSubmit } from './controller.js';
import { moneyDialogView } from './steps.js';
import { readCheckoutReturn } from './launch/return.js';
import { addStyles } from './adopt-styles.js';
import type { MoneyFlowStep, MoneyProgressStep, MoneyResultStep, SettleableRecord } from './steps.js';
import { emitBillingEvent } from '../components/shared/events.js';
import { toneIcon } from '../components/shared/icons.js';
import type { Tone } from '../components/shared/icons.js';
import { BillingQueryController } from '../components/shared/query.js';
import { methodLabel } from '../components/shared/method-label.js';
import { openLabel } from '../components/shared/render.js';
import { UnfinishedOffer } from './unfinished-offer.js';
import type { UnfinishedOfferOptions } from './unfinished-offer.js';

/** What a money dialog needs from its element: a `BillingConsumerElement` fits. */
export interface MoneyDialogHost extends ReactiveControllerHost, HTMLElement {
  readonly billingClient: BillingClient | undefined;
  readonly billingConfig: BillingConfig | undefined;
  readonly displayLocale: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** The message keys that end in `suffix`, without it. */
type KeyStem<Suffix extends string> = MessageKey extends infer Key ? (Key extends `${infer Stem}${Suffix}` ? Stem : never) : never;

/**
 * Where the dialog's own words are: `<form>.paying`, `<dialog>.still_processing` (and `_hint`),
 * `<dialog>.try_another`, and a failed outcome `<failed>` (with the gateway's `{ reason }`) or `<failed>_generic`.
 */
export interface MoneyDialogWords {
  form: KeyStem<'.paying'>;
  dialog: KeyStem<'.try_another'>;
  failed: KeyStem<'_generic'> & MessageKey;
}

/** What an outcome panel says. */
export interface MoneyOutcome {
  tone: Tone;
  title: string;
  details: readonly string[];
  /** What comes of it, under the details (the top-up's open invoices and a pay offer). */
  more?: TemplateResult | typeof nothing | undefined;
}

/** What a dialog calls its parts (`pay-` → `pay-dialog`), classes (`pf-`) and title, so a host's own never clash. */
export interface MoneyDialogNames {
  part: string;
  cls: string;
  titleId: string;
}

export interface MoneyDialogShellOptions<R extends SettleableRecord> {
  /** The flow's own options (`starter` defaults to the host's tag); the shell adds the scope, checkout origins, announcements and `billing-error`. */
  flow: Omit<MoneyFlowOptions<R>, 'load' | 'scope' | 'checkoutOrigins' | 'announce' | 'onError'> & {
    load: (client: BillingClient, id: string, signal: AbortSignal) => Promise<R>;
  };
  /** The continue-or-start-over offer of an earlier attempt: its notice, buttons and actions. */
  unfinished: Omit<UnfinishedOfferOptions, 'part' | 'cls'>;
  names: MoneyDialogNames;
  words: MoneyDialogWords;
  /** A Close row under the progress and errors too, disabled while busy (the pay dialog). */
  closeRow: boolean;
  succeeded(record: R | undefined): MoneyOutcome;
  announceSucceeded(record: R | undefined): string;
  failedDetails?(): string[];
  /** What the customer still has to do while the money is on its way (a bank transfer's reference). */
  waiting?(): TemplateResult | typeof nothing;
  /** The form's first field: focus goes there when the dialog opens (after an unfinished attempt's Continue). */
  initialFocus(): HTMLElement | null;
  /** "Refresh" after an error that asks for it; without it, no button. */
  onRefresh?: (() => void) | undefined;
  /** After "Try another method" (the flow is back to choosing): move focus into the form. */
  onTryAnother(): void;
  /** After the dialog closed; `restarted`: nothing was on its way, so the flow started over. */
  onClosed(restarted: boolean): void;
}

/** The confirm button at the end of the form. */
export interface MoneyConfirm {
  enabled: boolean;
  label: string;
  describedBy?: string | undefined;
  onConfirm: () => void;
}

/** What a method list shows; `tagged` puts `data-method-id`/`-type` on each method. */
export interface MoneyMethodChoice {
  legend: string;
  name: string;
  methods: readonly PaymentMethod[];
  chosen: string | undefined;
  choose(methodId: string): void;
  describe?(method: PaymentMethod): string | undefined;
  tagged?: boolean;
}

/** The wallet, loaded only while the dialog is open. */
export function walletWhileOpen(host: MoneyDialogHost, open: () => boolean): BillingQueryController<readonly [boolean], Wallet | null> {
  return new BillingQueryController(host, {
    tags: () => ['wallet'],
    args: () => [open()] as const,
    task: (client, [isOpen], options) => (isOpen ? client.getWallet(options) : resolved(null)),
  });
}

/** The methods `accepts` lets pay, loaded only while the dialog is open. */
export function methodsWhileOpen(
  host: MoneyDialogHost,
  open: () => boolean,
  accepts: (method: PaymentMethod) => boolean,
): BillingQueryController<readonly [boolean], PaymentMethod[] | null> {
  return new BillingQueryController(host, {
    tags: () => ['payment-methods'],
    args: () => [open()] as const,
    task: (client, [isOpen], options) => (isOpen ? mapSettled(client.listPaymentMethods(options), (list) => list.filter(accepts)) : resolved(null)),
  });
}

export class MoneyDialogShell<R extends SettleableRecord> {
  /** The money flow (a key per attempt, checkout, polling). */
  readonly flow: MoneyFlowController<R>;
  /** An earlier attempt of this browser: still open (continue or start over), or completed meanwhile. */
  readonly unfinished: UnfinishedOffer<R>;

  readonly #host: MoneyDialogHost;
  readonly #options: MoneyDialogShellOptions<R>;
  readonly #names: MoneyDialogNames;
  #open = false;
  #opener: HTMLElement | undefined;
  /** The record id of a return from a redirect checkout, until the client is there to check it. */
  #returnId: string | undefined;
  /** The step whose outcome took focus last, so focus moves once per outcome. */
  #focusedStep: MoneyFlowStep | undefined;

  constructor(host: MoneyDialogHost, options: MoneyDialogShellOptions<R>) {
    this.#host = host;
    this.#options = options;
    this.#names = options.names;
    const { load, ...flow } = options.flow;
    this.flow = new MoneyFlowController<R>(host, {
      ...flow,
      starter: flow.starter ?? host.localName,
      scope: () => attemptScope(this.#client(), host.billingConfig?.accountId),
      checkoutOrigins: () => host.billingConfig?.checkoutOrigins ?? [],
      load: (id, signal) => load(this.#client(), id, signal),
      announce: () => this.#announce(),
      onError: (error) => this.reportError(error),
    });
    this.unfinished = new UnfinishedOffer(host, this.flow, { ...options.unfinished, ...options.names });
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens the dialog at its next render; `opener` gets focus back when it closes. */
  show(opener: HTMLElement | undefined = this.#opener): void {
    this.#opener = opener;
    this.#open = true;
    this.#focusedStep = undefined;
  }

  /** Closes the dialog (its Close button); ignored while a request is in flight. */
  readonly close = (): void => {
    if (this.flow.busy) return;
    const dialog = this.dialog();
    if (dialog?.open) dialog.close();
    else this.#closed();
  };

  /** Sends a confirmation (or an earlier attempt again) in the page's checkout mode, synchronously up to the POST. */
  submit(request: Omit<MoneyFlowSubmit<R>, 'mode' | 'create'> & { create(client: BillingClient, idempotencyKey: string, signal: AbortSignal): ReturnType<MoneyFlowSubmit<R>['create']> }): void {
    const client = this.#host.billingClient;
    void this.flow.submit({
      ...request,
      mode: this.#host.billingConfig?.checkoutMode ?? 'redirect',
      create: async (idempotencyKey, signal) => {
        if (!client) throw new MoneyConfigurationError();
        return request.create(client, idempotencyKey, signal);
      },
    });
  }

  /** Adds the dialog's styles (they come with its code) and notes a return from a redirect checkout. */
  hostConnected(styles: CSSResult): void {
    addStyles(this.#host.renderRoot, [styles]);
    this.#returnId ??= readCheckoutReturn(this.flow.flow);
  }

  /** The record id of a return from a redirect checkout, once, when the client is there to check it. */
  takeReturn(): string | undefined {
    const id = this.#returnId;
    if (!this.#host.billingClient) return undefined;
    this.#returnId = undefined;
    return id;
  }

  reportError(error: MoneyFlowError): void {
    emitBillingEvent(this.#host, 'billing-error', { code: error.code, message: error.message, element: this.#host.localName });
  }

  hostUpdated(): void {
    const dialog = this.dialog();
    // A host removed mid-update (a reload, a route change) cannot show a modal dialog.
    if (this.#open && dialog && !dialog.open && dialog.isConnected) {
      dialog.showModal();
      this.focusInitial();
    }
    this.#focusOutcome();
  }

  // ---- rendering ----

  /** The dialog while open, with `form()` for the steps that show the form; nothing otherwise. */
  render(title: string, form: () => TemplateResult): TemplateResult | typeof nothing {
    if (!this.#open) return nothing;
    const { part: p, cls, titleId } = this.#names;
    const flow = this.flow;
    const busy = flow.busy ? 'true' : 'false';
    const shown = moneyDialogView(flow.step, flow.record !== undefined);
    return html`<dialog
      class="${cls}dialog money-dialog"
      part="${p}dialog"
      aria-labelledby=${titleId}
      data-step=${flow.step}
      aria-busy=${busy}
      @keydown=${this.#onKeydown}
      @cancel=${this.#onCancel}
      @close=${this.#closed}
    >
      <div class="money-dialog__header" part="${p}dialog-header">
        <h2 class="money-dialog__title" part="${p}dialog-title" id=${titleId}>${title}</h2>
        <button
          class="button button--quiet"
          part="${p}close-button"
          type="button"
          aria-disabled=${busy}
          @click=${this.close}
        >
          ${this.#msg('common.close')}
        </button>
      </div>
      <div class="live-region" part="${p}live-region" role="status" aria-live="polite" aria-atomic="true">${flow.announcement}</div>
      ${shown.view === 'progress'
        ? this.#renderProgress(shown.step)
        : shown.view === 'result'
          ? this.#renderResult(shown.step)
          : shown.view === 'check-error'
            ? this.flowError()
            : form()}
    </dialog>`;
  }

  /** The form: an earlier completion, the dialog's fields, a failed request, "submitting" and Cancel / confirm. */
  form(earlier: string | undefined, fields: TemplateResult, confirm: MoneyConfirm): TemplateResult {
    const { part: p, cls } = this.#names;
    const busy = this.flow.busy;
    // Money moves only when the confirm button is activated: Enter in the form submits nothing.
    return html`<form class="${cls}form" part="${p}form" novalidate @submit=${this.#onFormSubmit}>
      ${earlier ? this.notice(earlier, 'earlier-completed') : nothing} ${fields}
      ${this.flow.step === 'error' ? this.flowError() : nothing}
      ${busy ? html`<p class="${cls}progress" part="${p}progress" data-step="submitting">${this.#msg(`${this.#options.words.form}.paying`)}</p>` : nothing}
      <div class="${cls}actions" part="${p}actions">
        ${this.#button('cancel-button', 'common.cancel', this.close, false, busy)}
        <button
          class="button button--primary"
          part="${p}confirm-button"
          type="button"
          aria-disabled=${confirm.enabled ? 'false' : 'true'}
          @click=${confirm.onConfirm}
          aria-describedby=${confirm.describedBy ?? nothing}
        >
          ${confirm.label}
        </button>
      </div>
    </form>`;
  }

  /** The methods as radio buttons, disabled while a request is in flight. */
  methodChoice(choice: MoneyMethodChoice): TemplateResult {
    const { part: p, cls } = this.#names;
    const locale = this.#host.displayLocale;
    return html`<fieldset class="${cls}methods" part="${p}methods" ?disabled=${this.flow.busy}>
      <legend class="${cls}label">${choice.legend}</legend>
      ${choice.methods.map(
        (m) => html`<label
          class="${cls}method"
          part="${p}method"
          data-method-id=${choice.tagged ? m.id : nothing}
          data-method-type=${choice.tagged ? m.type : nothing}
        >
          <input type="radio" name=${choice.name} .value=${m.id} .checked=${m.id === choice.chosen} @change=${() => choice.choose(m.id)} />
          <span>${methodLabel(m, locale)}</span>
          ${this.#methodNote(choice, m, locale)}
        </label>`,
      )}
    </fieldset>`;
  }

  /** What the method list says under a method: the dialog's own note, else its type when that adds to the label ("Visa ending 4242", "Card"). */
  #methodNote(choice: MoneyMethodChoice, method: PaymentMethod, locale: string): TemplateResult | typeof nothing {
    const note = choice.describe?.(method) ?? openLabel('method', method.type, locale);
    return note === methodLabel(method, locale) ? nothing : html`<span class="${this.#names.cls}method__type">${note}</span>`;
  }

  /** A note in the dialog: `name` is its `data-notice`, `tone` its `data-tone` and icon (default info). */
  notice(content: string | TemplateResult, name?: string, tone?: Tone): TemplateResult {
    return html`<p class="notice" part="${this.#names.part}notice" data-notice=${name ?? nothing} data-tone=${tone ?? nothing}>
      ${toneIcon(tone ?? 'info')}<span>${content}</span>
    </p>`;
  }

  /** Close on its own, for a dialog with nothing else to do. */
  closeActions(): TemplateResult {
    const { part: p, cls } = this.#names;
    return html`<div class="${cls}actions" part="${p}actions">
      ${this.#button('cancel-button', 'common.close', this.close, false, this.#options.closeRow ? this.flow.busy : undefined)}
    </div>`;
  }

  /** A failure of the POST or of a check, with its own message and next step. */
  flowError(): TemplateResult {
    const error = this.flow.error;
    if (!error) return html``;
    const p = this.#names.part;
    const onRefresh = this.#options.onRefresh;
    const message = moneyErrorMessage(error, this.#host.displayLocale);
    const next = message.next;
    const standalone = this.flow.record !== undefined;
    const button =
      next === 'retry' || next === 'sign_in'
        ? this.#button('retry-button', 'common.retry', () => void this.flow.retry())
        : next === 'recheck'
          ? this.#button('recheck-button', 'common.recheck', this.#recheck)
          : next === 'refresh' && onRefresh
            ? this.#button('refresh-button', 'common.refresh', onRefresh)
            : next === 'change' && standalone
              ? this.#button('try-another-button', `${this.#options.words.dialog}.try_another`, this.#tryAnother)
              : nothing;
    return html`<div class="error-panel" part="${p}error" role="alert" data-code=${message.code} tabindex="-1" ?data-focus-target=${standalone}>
        ${toneIcon('danger')}
        <div class="error-panel__body">
          <p class="error-panel__title">${message.title}</p>
          ${message.detail ? html`<p class="error-panel__action" data-detail>${message.detail}</p>` : nothing}
          ${message.action ? html`<p class="error-panel__action">${message.action}</p>` : nothing} ${button}
        </div>
      </div>
      ${standalone ? this.closeActions() : nothing}`;
  }

  #renderProgress(step: MoneyProgressStep): TemplateResult {
    const { part: p, cls } = this.#names;
    const flow = this.flow;
    const key: MessageKey = step === 'redirecting' ? 'checkout.redirecting' : step === 'awaiting_checkout' ? 'checkout.awaiting' : 'checkout.processing';
    return html`<div class="${cls}status" part="${p}progress" data-step=${step} tabindex="-1" data-focus-target>
        ${this.#renderReplayed()}
        <p class="${cls}status__text">${toneIcon('info')}<span>${this.#msg(key)}</span></p>
        ${this.#options.waiting?.() ?? nothing}
        ${step === 'processing' && flow.popupClosed ? this.notice(this.#msg('checkout.popup_closed'), 'popup-closed') : nothing}
        ${flow.popupBlocked && flow.checkoutUrl
          ? this.notice(
              html`${this.#msg('checkout.popup_blocked')}
                <a part="${p}checkout-link" href=${flow.checkoutUrl} target="_blank" rel="noopener noreferrer"
                  >${this.#msg('checkout.open_page')} <span class="visually-hidden">${this.#msg('common.opens_new_window')}</span></a
                >`,
              'popup-blocked',
              'warning',
            )
          : nothing}
      </div>
      ${this.#options.closeRow && step !== 'redirecting' ? this.closeActions() : nothing}`;
  }

  #renderResult(step: MoneyResultStep): TemplateResult {
    const { part: p, cls } = this.#names;
    const words = this.#options.words;
    let outcome: MoneyOutcome;
    let next: TemplateResult | undefined;
    if (step === 'succeeded') {
      outcome = this.#options.succeeded(this.flow.record);
    } else if (step === 'failed') {
      outcome = { tone: 'danger', title: this.#failedTitle(), details: this.#options.failedDetails?.() ?? [] };
      next = this.#button('try-another-button', `${words.dialog}.try_another`, this.#tryAnother, true);
    } else {
      outcome = { tone: 'info', title: this.#msg(`${words.dialog}.still_processing`), details: [this.#msg(`${words.dialog}.still_processing_hint`)] };
      next = this.#button('recheck-button', 'common.recheck', this.#recheck, true);
    }
    return html`<div class="${cls}result" part="${p}result" data-outcome=${step} data-tone=${outcome.tone} tabindex="-1" data-focus-target>
        ${this.#renderReplayed()}
        <p class="${cls}result__title">${toneIcon(outcome.tone)}<span>${outcome.title}</span></p>
        ${outcome.details.map((detail) => html`<p class="${cls}result__detail">${detail}</p>`)} ${outcome.more ?? nothing}
        ${step === 'still_processing' ? (this.#options.waiting?.() ?? nothing) : nothing}
      </div>
      <div class="${cls}actions" part="${p}actions">
        ${next ? html`${this.#button('cancel-button', 'common.close', this.close)} ${next}` : this.#button('cancel-button', 'common.close', this.close, true)}
      </div>`;
  }

  #renderReplayed(): TemplateResult | typeof nothing {
    // An earlier completion says so itself.
    return this.flow.replayed && !this.flow.earlier ? this.notice(this.#msg('checkout.replayed'), 'replayed') : nothing;
  }

  /** A button of the dialog; `disabled` (while busy) sets `aria-disabled`, so it keeps focus. */
  #button(part: string, label: MessageKey, onClick: () => void, primary = false, disabled?: boolean): TemplateResult {
    return html`<button
      class=${primary ? 'button button--primary' : 'button'}
      part="${this.#names.part}${part}"
      type="button"
      aria-disabled=${disabled === undefined ? nothing : String(disabled)}
      @click=${onClick}
    >
      ${this.#msg(label)}
    </button>`;
  }

  #failedTitle(): string {
    const reason = this.flow.record?.failure_reason;
    const failed = this.#options.words.failed;
    return reason ? this.#msg(failed, { reason }) : this.#msg(`${failed}_generic`);
  }

  #announce(): string {
    const flow = this.flow;
    const words = this.#options.words;
    switch (flow.step) {
      case 'submitting':
        return this.#msg(`${words.form}.paying`);
      case 'redirecting':
        return this.#msg('checkout.redirecting');
      case 'awaiting_checkout':
        return this.#msg(flow.popupBlocked ? 'checkout.popup_blocked' : 'checkout.awaiting');
      case 'processing':
        return this.#msg(flow.popupClosed ? 'checkout.popup_closed' : 'checkout.processing');
      case 'succeeded':
        return this.#options.announceSucceeded(flow.record);
      case 'failed':
        return this.#failedTitle();
      case 'still_processing':
        return this.#msg(`${words.dialog}.still_processing`);
      case 'error':
        return flow.error ? moneyErrorMessage(flow.error, this.#host.displayLocale).title : '';
      default:
        return '';
    }
  }

  // ---- actions ----

  /** Implicit submission (Enter in a field) moves no money. */
  #onFormSubmit = (event: Event): void => {
    event.preventDefault();
  };

  #recheck = (): void => {
    void this.flow.recheck();
  };

  #tryAnother = (): void => {
    this.flow.reset('choosing');
    this.#focusedStep = 'choosing';
    this.#options.onTryAnother();
  };

  // ---- closing and focus ----

  /** Escape closes the dialog, except while a request is being submitted (the keydown too: Chrome may not let `cancel` be cancelled). */
  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.flow.busy) event.preventDefault();
  };

  #onCancel = (event: Event): void => {
    if (this.flow.busy) event.preventDefault();
  };

  #closed = (): void => {
    if (!this.#open) return;
    this.#open = false;
    // A request or checkout on its way keeps being checked (never abort a money POST); anything else starts over.
    const step = this.flow.step;
    const restarted = !this.flow.busy && step !== 'awaiting_checkout' && step !== 'processing';
    if (restarted) this.flow.reset('idle');
    this.#options.onClosed(restarted);
    const opener = this.#opener;
    this.#opener = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const target = opener?.isConnected ? opener : this.#host.renderRoot.querySelector<HTMLElement>(`[part~="${this.#names.part}button"]`);
      target?.focus();
    });
  };

  dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>(`dialog.${this.#names.cls}dialog`);
  }

  activeElement(): HTMLElement | null {
    const root = this.#host.renderRoot;
    const active = root instanceof ShadowRoot ? root.activeElement : document.activeElement;
    return active instanceof HTMLElement ? active : null;
  }

  /** Focus waits on Close (or nowhere) while the form loads; it moves into the form once that is there. */
  focusParked(): boolean {
    const active = this.activeElement();
    return active === null || active.getAttribute('part') === `${this.#names.part}close-button`;
  }

  focusInitial(): void {
    const dialog = this.dialog();
    const target =
      this.unfinished.continueButton() ??
      this.#options.initialFocus() ??
      dialog?.querySelector<HTMLElement>('[data-focus-target]') ??
      dialog?.querySelector<HTMLElement>(`[part="${this.#names.part}close-button"]`);
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
    const target = this.dialog()?.querySelector<HTMLElement>('[data-focus-target]');
    if (target) {
      this.#focusedStep = step;
      target.focus();
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
}
