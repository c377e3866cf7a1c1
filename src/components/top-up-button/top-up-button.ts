import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { mapSettled } from '../../api/settled.js';
import type { InvoiceSummary, Money, TopUp } from '../../api/schemas.js';
import { majorToMinor } from '../../domain/units.js';
import { BillingConsumerElement, BillingQueryController, toneIcon } from '../shared/index.js';
import type { Tone } from '../shared/index.js';
import type { MoneyFlowController } from '../../money/controller.js';
import { MoneyDialogSlot, payDialogSlot } from '../../money/launch/dialog-slot.js';
import type { LazyModule } from '../shared/lazy-module.js';
import { topUpDialogCode } from '../../money/launch/top-up-code.js';
import type * as TopUpFlowModule from '../../money/top-up-dialog.js';
import type { TopUpFlow } from '../../money/top-up-dialog.js';
import { topUpButtonStyles } from './top-up-button.styles.js';

export type { TopUpIntent } from '../../money/top-up-dialog.js';

/** The top-up dialog's module (src/money/top-up-dialog.ts), loaded on first use. @internal */
export { topUpDialogCode };

/** Why the button does not start a top-up: no provider, permissions still loading or unreadable, or a read-only member. */
export type TopUpBlocker = 'no-client' | 'loading' | 'unknown' | 'read-only';

/**
 * Every part of the button and its dialog, as documented below: `<wallet-balance>` forwards
 * each as `top-up-button__<part>` (exportparts). Add a part here when you add one to the JSDoc.
 * @internal
 */
export const TOP_UP_BUTTON_PARTS = (
  'base button reason retry-button dialog dialog-header dialog-title close-button form amount-label amount-input amount-hint amount-error presets preset cover-preset cover-reason methods method quote quote-status notice unfinished unfinished-continue-button unfinished-new-button actions confirm-button cancel-button progress checkout-link result after-top-up pay-offer-button recheck-button try-another-button error skeleton live-region ' +
  'pay-dialog pay-dialog-header pay-dialog-title pay-close-button pay-live-region pay-form pay-facts pay-methods pay-method pay-apply-wallet pay-summary pay-split pay-notice pay-in-progress pay-continue-button pay-start-over-button pay-actions pay-cancel-button pay-confirm-button pay-progress pay-checkout-link pay-result pay-error pay-retry-button pay-recheck-button pay-refresh-button pay-try-another-button'
).split(' ');

/** What the button reads from the account summary: whether this member may top up, and the wallet's currency (the `amount` preset's). */
export interface TopUpAccess {
  readonly canTopUp: boolean;
  readonly currency: string;
}

/**
 * The wallet's top-up action: a button that opens a native `<dialog>` to choose an amount
 * (presets and limits from the wallet) and a payment method, shows the quote (fee, tax, total)
 * and, on "Pay <total>", creates the top-up with the intent's idempotency key, sends the
 * customer to the gateway's checkout (redirect or popup, the provider's `checkout-mode`) and
 * polls until the top-up settles. A double click, a retry after a lost response, a reload or
 * a second tab with the same intent never charge twice.
 *
 * The button stays focusable but inactive (`aria-disabled`) with the reason beside it when the
 * account may not top up or billing is not set up on the page.
 *
 * Like `<dialog>`, the dialog is also opened and closed by the page: `show()`, `hide()`, or
 * the reflecting `open` property (attribute), which turns false when the customer closes the
 * dialog (Escape, Close, Cancel).
 *
 * Amounts: the `amount` attribute is in major units of the wallet's currency, as written
 * (`amount="25"` is 25.00 USD on a USD wallet, `amount="19.99"` is 19.99); events carry a
 * `Money` (`{ amount: 1999, currency: 'USD' }`, integer minor units).
 *
 * ```html
 * <top-up-button amount="20"></top-up-button>
 * ```
 *
 * @summary A "Top up" button and the dialog that tops up the wallet exactly once per confirmation.
 * @tag top-up-button
 *
 * @fires billing-top-up-request - The customer pressed the button (or the page called `show()` or set `open`). `detail.amount` is the `amount` preset as `Money` (integer minor units of the wallet currency: `amount="20"` is `{ amount: 2000, currency: 'USD' }`), undefined without a valid preset. Cancelable: call `preventDefault()` to run your own top-up flow (the dialog does not open and `open` stays false).
 * @fires billing-top-up-completed - The top-up reached the wallet: `detail.topUpId`, `detail.amount` (what was credited, `Money` in minor units). The wallet, payments and summary are already reloading on the page.
 * @fires billing-pay-request - The customer pressed "Pay PL-… from your wallet now" after a top-up: `detail.invoiceId`, `number`, `balanceDue`. Cancelable: the host page may run its own pay flow; otherwise the pay dialog opens with the wallet chosen.
 * @fires billing-invoice-paid - That invoice was paid in the pay dialog: `detail.invoiceId`, `detail.paymentId`.
 * @fires billing-error - The account's permissions, the wallet or the payment methods could not be loaded, or the quote, the top-up or checking its status failed; `detail.code` says why. The element shows the reason itself.
 *
 * @csspart base - The wrapper of the button and the reason.
 * @csspart button - The top-up `<button>`.
 * @csspart reason - Why the button is inactive (read-only member, no provider, permissions not loaded).
 * @csspart retry-button - Loads again after a failure (permissions, wallet, methods, quote).
 * @csspart dialog - The `<dialog>`.
 * @csspart dialog-header - The dialog's title row.
 * @csspart dialog-title - The dialog's heading (it labels the dialog).
 * @csspart close-button - Closes the dialog.
 * @csspart form - The amount, method and quote form.
 * @csspart amount-label - The label of the amount field.
 * @csspart amount-input - The amount field.
 * @csspart amount-hint - The limits under the amount field.
 * @csspart amount-error - Why the typed amount is not accepted.
 * @csspart presets - The group of preset amounts.
 * @csspart preset - One preset amount button (`aria-pressed` when it is the amount).
 * @csspart cover-preset - The first preset when the wallet is short for the next 30 days' renewals: "Cover the next 30 days ($19.30)" (`aria-pressed` when it is the amount).
 * @csspart cover-reason - Why the cover preset is that amount: the renewals due, the wallet's balance, and the top-up limit it was held to.
 * @csspart methods - The payment method radio group (a `<fieldset>`).
 * @csspart method - One payment method choice.
 * @csspart quote - The summary: amount, fee, tax, total.
 * @csspart quote-status - "Calculating the total…" or why the quote failed.
 * @csspart notice - Notes in the dialog (an unfinished top-up, a replayed request, popup closed).
 * @csspart unfinished - The offer to continue an unfinished top-up (also a `notice`).
 * @csspart unfinished-continue-button - Continues the unfinished top-up.
 * @csspart unfinished-new-button - Starts over with a new top-up instead.
 * @csspart actions - The row of dialog buttons.
 * @csspart confirm-button - "Pay <total>".
 * @csspart cancel-button - Closes the dialog from the form.
 * @csspart progress - The step in progress (starting, redirecting, waiting for the checkout, checking).
 * @csspart checkout-link - "Open the payment page" when the popup was blocked.
 * @csspart result - The outcome: added, failed, or still processing.
 * @csspart after-top-up - Under "Added …": whether the wallet pays invoices by itself (and what it paid), or that the top-up paid none, and what the new balance covers or is still short of.
 * @csspart pay-offer-button - "Pay PL-… from your wallet now": opens the pay dialog for the most urgent invoice the new balance covers (auto-pay off, a member who can pay).
 * @csspart recheck-button - Checks the top-up again.
 * @csspart try-another-button - Back to the form after a failed top-up.
 * @csspart error - A failure with its message and next step.
 * @csspart skeleton - Placeholder while the wallet and methods load.
 * @csspart live-region - The polite live region announcing each step.
 * @csspart pay-dialog - The pay dialog (`<dialog>`) the offer opens.
 * @csspart pay-dialog-header - The pay dialog's title bar.
 * @csspart pay-dialog-title - The pay dialog's heading.
 * @csspart pay-close-button - Closes the pay dialog.
 * @csspart pay-live-region - The pay dialog's announcements.
 * @csspart pay-form - The pay form: facts, methods, wallet option, summary and buttons.
 * @csspart pay-facts - The balance due in the pay dialog.
 * @csspart pay-methods - The payment method choices.
 * @csspart pay-method - One payment method choice.
 * @csspart pay-apply-wallet - "Use my wallet balance first".
 * @csspart pay-summary - What is charged to the wallet and to the method.
 * @csspart pay-split - The wallet and method split, or why the wallet cannot cover it.
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
 * @cssproperty --billing-color-accent - Background of the button and the confirm button.
 * @cssproperty --billing-color-accent-text - Text of those buttons.
 * @cssproperty --billing-color-surface - Background of the dialog.
 * @cssproperty --billing-color-surface-subtle - Background of the quote.
 * @cssproperty --billing-color-text - Text of the dialog.
 * @cssproperty --billing-color-text-muted - Hints and the reason.
 * @cssproperty --billing-color-border - Lines in the dialog and the quote.
 * @cssproperty --billing-color-border-strong - Edges of inputs and preset buttons.
 * @cssproperty --billing-color-danger-text - Amount errors.
 * @cssproperty --billing-color-focus-ring - Focus outline.
 * @cssproperty --billing-radius - Corner radius of buttons, inputs and the dialog.
 * @cssproperty --billing-control-height - Minimum height of buttons and inputs.
 * @cssproperty --billing-space-xs - Small gaps.
 * @cssproperty --billing-space-s - Gaps between controls.
 * @cssproperty --billing-space-m - Gaps between sections.
 * @cssproperty --billing-space-l - Padding of the dialog.
 * @cssproperty --billing-font-size-small - Size of hints and the reason.
 * @cssproperty --billing-font-size-large - Size of the dialog title and the total.
 */
export class TopUpButton extends BillingConsumerElement {
  static override tagName = 'top-up-button';
  static override styles = topUpButtonStyles;

  /** Where the dialog's code loads from; a subclass may load it otherwise (stories show its loading and failure so). @internal */
  static dialogCode: LazyModule<typeof TopUpFlowModule> = topUpDialogCode;

  /**
   * A preset amount in major units of the wallet's currency, as written (`amount="20"` is
   * 20.00 USD, `"19.99"` is 19.99, 2,000 yen is `"2000"`), read exactly (never as a float times
   * 100). It pre-fills the dialog and is passed on in the request event as `Money` in minor
   * units. A negative amount, or one with more decimals than the currency has, is no preset.
   */
  @property({ type: Number })
  amount: number | null | undefined;

  /** The button text; default "Top up" in the element's locale. */
  @property()
  label: string | undefined;

  /** Forces the light or dark token set; default follows the provider, else `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: 'light' | 'dark' | undefined;

  /**
   * Whether the top-up dialog is open. Setting it to true opens it as a click does: the
   * cancelable `billing-top-up-request` first, after the permissions have loaded; it falls back
   * to false when the request is cancelled or the button is inactive (no provider, a read-only
   * member, permissions that could not be loaded). False closes the dialog, except while a
   * payment is being submitted. It turns false by itself when the customer closes the dialog.
   */
  @property({ type: Boolean, reflect: true })
  open = false;

  /** Delay before a quote is asked for after the amount or method changes (ms). @internal */
  quoteDelayMs = 300;

  /**
   * Whether the account may top up, from the summary (shared with every element through the
   * cache, so it costs no extra request next to `<billing-overview>` or `<wallet-balance>`).
   * @internal
   */
  readonly permissions = new BillingQueryController(this, {
    tags: () => ['summary'],
    args: () => [],
    task: (client, _args, options): Promise<TopUpAccess> =>
      mapSettled(client.getSummary(options), (summary) => ({ canTopUp: summary.permissions.can_top_up, currency: summary.wallet.top_up.min.currency })),
  });

  /** An opening asked for through `open` (or `show()`) that waits for the permissions to load. */
  #openWanted = false;

  /**
   * The dialog, its code loaded on first use (or at once after a redirect checkout, to resume it).
   * @internal
   */
  readonly topUp: MoneyDialogSlot<typeof TopUpFlowModule, TopUpFlow> = new MoneyDialogSlot(this, {
    code: (this.constructor as typeof TopUpButton).dialogCode,
    create: (module) => new module.TopUpFlow(this),
    flow: 'top_up',
    title: 'topup.dialog_title',
    dialogClass: 'dialog',
    parts: { dialog: 'dialog', header: 'dialog-header', title: 'dialog-title', close: 'close-button' },
  });

  /** The pay dialog the success step's "Pay PL-… from your wallet now" opens (it also resumes a payment started here after a redirect checkout). @internal */
  readonly payFlow = payDialogSlot(this, { starter: 'top-up-button', resume: 'own' });

  /** The money flow once the dialog's code has loaded: a key per attempt, checkout, polling. Tests shorten `flow.timing`. @internal */
  get flow(): MoneyFlowController<TopUp> | undefined {
    return this.topUp.flow;
  }

  /** The preset for the dialog, in major units: only a positive, finite number counts. @internal */
  get presetAmount(): number | undefined {
    const amount = this.amount;
    return typeof amount === 'number' && Number.isFinite(amount) && amount > 0 ? amount : undefined;
  }

  /** The preset in the wallet's currency, exactly (`majorToMinor`); undefined before the summary loads or for no valid preset. @internal */
  get presetMoney(): Money | undefined {
    const currency = this.permissions.value?.currency;
    const amount = currency === undefined ? undefined : majorToMinor(this.presetAmount, currency);
    return currency === undefined || amount === undefined ? undefined : { amount, currency };
  }

  /** Why the button is inactive now; undefined when pressing it starts a top-up. */
  get blocker(): TopUpBlocker | undefined {
    switch (this.permissions.state) {
      case 'no-client':
        return 'no-client';
      case 'loading':
        return 'loading';
      case 'error':
        return 'unknown';
      default:
        // ready, refreshing, stale: the last known permissions decide.
        return this.permissions.value?.canTopUp === true ? undefined : 'read-only';
    }
  }

  /** Opens the top-up dialog as a click on the button does (sets `open`; see there). */
  show(): void {
    this.open = true;
  }

  /** Closes the top-up dialog as its Close button does (sets `open` to false; see there). */
  hide(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('open')) {
      this.#openWanted = this.open && !this.topUp.isOpen;
      if (!this.open && this.topUp.isOpen) this.topUp.close();
    }
    if (this.#openWanted && this.blocker !== 'loading') {
      this.#openWanted = false;
      this.#request();
    }
  }

  // After the controllers' hostUpdate (a checkout return reopens the dialog there): `open`
  // follows the dialog, which the customer may have closed, or which stayed open mid-payment.
  protected override update(changed: PropertyValues<this>): void {
    if (!this.#openWanted) {
      const shown = this.topUp.isOpen && this.renderRoot.querySelector<HTMLDialogElement>('dialog.dialog')?.open !== false;
      if (this.open !== shown) this.open = shown;
    }
    super.update(changed);
  }

  override render() {
    const blocker = this.blocker;
    const reason = this.#reason(blocker);
    return html`<span class="top-up" part="base">
      <button
        class="button button--primary"
        part="button"
        type="button"
        aria-disabled=${blocker ? 'true' : 'false'}
        aria-describedby=${reason ? 'reason' : nothing}
        aria-haspopup="dialog"
        @pointerenter=${blocker ? nothing : this.topUp.prefetch}
        @focus=${blocker ? nothing : this.topUp.prefetch}
        @click=${this.#onClick}
      >
        ${this.label || this.msg('topup.button')}
      </button>
      ${reason
        ? html`<span class="reason" part="reason" id="reason" data-reason=${reason.blocker}
            >${toneIcon(reason.tone)}<span>${reason.text}</span></span
          >`
        : nothing}
      ${blocker === 'unknown'
        ? html`<button class="button button--quiet" part="retry-button" type="button" @click=${this.#retry}>
            ${this.msg('common.retry')}
          </button>`
        : nothing}
      ${this.topUp.render()} ${this.payFlow.render()}
    </span>`;
  }

  /** The top-up's offer to pay an invoice from the wallet: asks the page first (`billing-pay-request`), then the pay dialog replaces the top-up dialog. @internal */
  payFromWallet(invoice: InvoiceSummary): void {
    const proceed = this.emit('billing-pay-request', { invoiceId: invoice.id, number: invoice.number, balanceDue: invoice.balance_due }, { cancelable: true });
    this.topUp.close();
    if (proceed) this.payFlow.open(invoice.id, this.renderRoot.querySelector<HTMLElement>('[part="button"]'));
  }

  // ---- the button and the reason ----

  /** The visible reason for an inactive button; none while permissions load (that takes a moment). */
  #reason(blocker: TopUpBlocker | undefined): { blocker: TopUpBlocker; text: string; tone: Tone } | undefined {
    switch (blocker) {
      case 'no-client':
        return { blocker, text: this.msg('common.config_error.title'), tone: 'warning' };
      case 'unknown':
        return { blocker, text: this.msg('topup.disabled.unknown'), tone: 'warning' };
      case 'read-only':
        return { blocker, text: this.msg('topup.disabled.read_only'), tone: 'neutral' };
      default:
        return undefined;
    }
  }

  #onClick = (): void => {
    if (!this.blocker) this.#request();
  };

  /** The cancelable request, then the dialog unless the page took over; `open` says which. */
  #request(): void {
    if (!this.blocker) {
      const amount = this.presetMoney;
      const proceed = this.emit('billing-top-up-request', amount === undefined ? {} : { amount }, { cancelable: true });
      if (proceed) this.topUp.open();
    }
    this.open = this.topUp.isOpen;
  }

  #retry = (): void => {
    void this.permissions.run();
  };
}
