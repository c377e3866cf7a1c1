import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Money, Permissions, Wallet } from '../../api/schemas.js';
import { majorToMinor } from '../../domain/units.js';
import {
  BillingConsumerElement,
  BillingQueryController,
  liveRegion,
  money,
  renderAsOf,
  renderMoney,
  renderQueryFallback,
  renderQueryNotice,
  renderSkeleton,
  toneIcon,
} from '../shared/index.js';
import { TOP_UP_BUTTON_PARTS } from '../top-up-button/top-up-button.js';
import { LazyModule } from '../shared/lazy-module.js';
import { LazyPanel } from '../shared/lazy-panel.js';
import type * as LedgerModule from './ledger.js';
import { walletBalanceStyles } from './wallet-balance.styles.js';
import { coverageSentence, dayAndMonth, upcomingQuery } from '../shared/upcoming.js';

/** The wallet activity's module (ledger.ts), loaded when the activity first opens. @internal */
export const walletLedgerCode = new LazyModule(() => import('./ledger.js'));

/** The built-in button's parts, forwarded as `top-up-button__<part>`. */
const TOP_UP_EXPORTPARTS = TOP_UP_BUTTON_PARTS.map((part) => `${part}:top-up-button__${part}`).join();

/**
 * The customer's wallet: balance, top-ups still being paid, when the balance last changed
 * (its `updated_at`: "Last changed Nov 20, 2:12 PM", not when it was loaded), and a
 * low-balance warning (text and icon) before renewals start to fail. With `top-up` it offers a `<top-up-button>`; a page can put its own action in the `action` slot
 * instead. A team member without top-up permission sees why there is no top-up action.
 *
 * "Wallet activity" opens the wallet's ledger: every credit and debit with the balance it left,
 * newest first, with "Load more" (a top-up shows what was credited and what the method was
 * charged). Its code loads when it first opens, or when the customer points at or focuses it.
 *
 * The built-in button's own parts are forwarded with a prefix, `top-up-button__<part>`, so a
 * page styles its dialog too: `wallet-balance::part(top-up-button__confirm-button)`.
 * `::part(top-up-button)` is the button element itself.
 *
 * ```html
 * <billing-provider api-base="/api/billing/v1">
 *   <wallet-balance top-up low-balance-threshold="25"></wallet-balance>
 * </billing-provider>
 * ```
 *
 * @summary Wallet balance, pending top-ups, "last changed" stamp and low-balance warning, with an optional top-up action.
 * @tag wallet-balance
 *
 * @slot action - The page's own top-up action (a link or button). Wins over the built-in `top-up` button; hidden, like it, for a member who may not top up.
 *
 * @fires billing-error - The wallet (or, with a top-up action, the account's permissions, or its activity) could not be loaded, or its top-up failed; `detail.code` says why. The element shows the error itself.
 *
 * @csspart base - The wallet card.
 * @csspart header - The row with the title and the "Updating…" or "could not refresh" notice.
 * @csspart title - The "Wallet" heading.
 * @csspart updating - "Updating…" while the wallet reloads.
 * @csspart stale-notice - "Could not refresh" with a retry, over the last known balance.
 * @csspart retry-button - Loads again after a failure.
 * @csspart body - The box holding the skeleton, the figures or the error; the same height loading and loaded.
 * @csspart skeleton - The placeholder while the wallet first loads.
 * @csspart error - The error panel when the wallet could not be loaded.
 * @csspart config-error - Shown instead of data when no `<billing-provider>` is above the element.
 * @csspart balance-label - The "Wallet balance" label.
 * @csspart balance - The balance amount.
 * @csspart pending - "+ 20.00 pending": top-ups that are paid for but not credited yet (only when there are any).
 * @csspart as-of - "Last changed …": when the balance last changed (`updated_at`), not when it was loaded.
 * @csspart coverage - Under the balance: how far it covers the next 30 days' renewals ("Your wallet covers renewals until December 21.", "No renewals in the next 30 days."); with `GET /upcoming`, unless `no-coverage`. When the wallet falls short, the low-balance warning takes its place.
 * @csspart low-balance - The low-balance warning (icon, label and hint), under the balance: with `GET /upcoming`, when the wallet falls short of the next 30 days' renewals (the shortfall and the day); else below the threshold.
 * @csspart read-only - Why there is no top-up action for this member.
 * @csspart action - The top-up action: the `action` slot or the built-in button.
 * @csspart top-up-button - The built-in `<top-up-button>` (with `top-up`).
 * @csspart top-up-button__base - The built-in button's `base` part, forwarded: every part of `<top-up-button>` is `top-up-button__<its part>` here (`wallet-balance::part(top-up-button__confirm-button)`).
 * @csspart top-up-button__button - The built-in button's top-up `<button>`.
 * @csspart top-up-button__reason - Why the built-in button is inactive.
 * @csspart top-up-button__retry-button - Loads again after a failure in the top-up button or its dialog.
 * @csspart top-up-button__dialog - The top-up `<dialog>`.
 * @csspart top-up-button__dialog-header - The top-up dialog's title row.
 * @csspart top-up-button__dialog-title - The top-up dialog's heading.
 * @csspart top-up-button__close-button - Closes the top-up dialog.
 * @csspart top-up-button__form - The top-up dialog's amount, method and quote form.
 * @csspart top-up-button__amount-label - The label of the amount field.
 * @csspart top-up-button__amount-input - The amount field.
 * @csspart top-up-button__amount-hint - The limits under the amount field.
 * @csspart top-up-button__amount-error - Why the typed amount is not accepted.
 * @csspart top-up-button__presets - The group of preset amounts.
 * @csspart top-up-button__preset - One preset amount button.
 * @csspart top-up-button__cover-preset - The top-up dialog's preset that covers the next 30 days' renewals.
 * @csspart top-up-button__cover-reason - Why the cover preset is that amount.
 * @csspart top-up-button__cover-preset - "Cover the next 30 days (…)": the first preset when the wallet is short for the next 30 days' renewals.
 * @csspart top-up-button__cover-reason - Why the cover preset is that amount.
 * @csspart top-up-button__methods - The payment method radio group.
 * @csspart top-up-button__method - One payment method choice.
 * @csspart top-up-button__quote - The summary: amount, fee, tax, total.
 * @csspart top-up-button__quote-status - "Calculating the total…" or why the quote failed.
 * @csspart top-up-button__notice - Notes in the top-up dialog.
 * @csspart top-up-button__unfinished - The offer to continue an unfinished top-up.
 * @csspart top-up-button__unfinished-continue-button - Continues the unfinished top-up.
 * @csspart top-up-button__unfinished-new-button - Starts over with a new top-up.
 * @csspart top-up-button__actions - The row of top-up dialog buttons.
 * @csspart top-up-button__confirm-button - "Pay <total>".
 * @csspart top-up-button__cancel-button - Closes the top-up dialog from the form or the result.
 * @csspart top-up-button__progress - The top-up step in progress.
 * @csspart top-up-button__checkout-link - "Open the payment page" when the popup was blocked.
 * @csspart top-up-button__result - The top-up's outcome.
 * @csspart top-up-button__after-top-up - Under the top-up's outcome: whether the wallet pays invoices by itself, or what the new balance covers or is short of.
 * @csspart top-up-button__pay-offer-button - "Pay PL-… from your wallet now" after a top-up.
 * @csspart top-up-button__recheck-button - Checks the top-up again.
 * @csspart top-up-button__try-another-button - Back to the form after a failed top-up.
 * @csspart top-up-button__error - A top-up failure with its message and next step.
 * @csspart top-up-button__skeleton - Placeholder while the top-up dialog loads the wallet and methods.
 * @csspart top-up-button__live-region - The top-up dialog's polite live region.
 * @csspart top-up-button__pay-dialog - The pay dialog the built-in button's offer opens; its parts are forwarded too:
 * @csspart top-up-button__pay-dialog-header - The built-in button's `pay-dialog-header` part (its pay dialog).
 * @csspart top-up-button__pay-dialog-title - The built-in button's `pay-dialog-title` part (its pay dialog).
 * @csspart top-up-button__pay-close-button - The built-in button's `pay-close-button` part (its pay dialog).
 * @csspart top-up-button__pay-live-region - The built-in button's `pay-live-region` part (its pay dialog).
 * @csspart top-up-button__pay-form - The built-in button's `pay-form` part (its pay dialog).
 * @csspart top-up-button__pay-facts - The built-in button's `pay-facts` part (its pay dialog).
 * @csspart top-up-button__pay-methods - The built-in button's `pay-methods` part (its pay dialog).
 * @csspart top-up-button__pay-method - The built-in button's `pay-method` part (its pay dialog).
 * @csspart top-up-button__pay-apply-wallet - The built-in button's `pay-apply-wallet` part (its pay dialog).
 * @csspart top-up-button__pay-summary - The built-in button's `pay-summary` part (its pay dialog).
 * @csspart top-up-button__pay-split - The built-in button's `pay-split` part (its pay dialog).
 * @csspart top-up-button__pay-notice - The built-in button's `pay-notice` part (its pay dialog).
 * @csspart top-up-button__pay-in-progress - The built-in button's `pay-in-progress` part (its pay dialog).
 * @csspart top-up-button__pay-continue-button - The built-in button's `pay-continue-button` part (its pay dialog).
 * @csspart top-up-button__pay-start-over-button - The built-in button's `pay-start-over-button` part (its pay dialog).
 * @csspart top-up-button__pay-actions - The built-in button's `pay-actions` part (its pay dialog).
 * @csspart top-up-button__pay-cancel-button - The built-in button's `pay-cancel-button` part (its pay dialog).
 * @csspart top-up-button__pay-confirm-button - The built-in button's `pay-confirm-button` part (its pay dialog).
 * @csspart top-up-button__pay-progress - The built-in button's `pay-progress` part (its pay dialog).
 * @csspart top-up-button__pay-checkout-link - The built-in button's `pay-checkout-link` part (its pay dialog).
 * @csspart top-up-button__pay-result - The built-in button's `pay-result` part (its pay dialog).
 * @csspart top-up-button__pay-error - The built-in button's `pay-error` part (its pay dialog).
 * @csspart top-up-button__pay-retry-button - The built-in button's `pay-retry-button` part (its pay dialog).
 * @csspart top-up-button__pay-recheck-button - The built-in button's `pay-recheck-button` part (its pay dialog).
 * @csspart top-up-button__pay-refresh-button - The built-in button's `pay-refresh-button` part (its pay dialog).
 * @csspart top-up-button__pay-try-another-button - The built-in button's `pay-try-another-button` part (its pay dialog).
 * @csspart live-region - The polite live region announcing balance changes and how many activity entries are shown (visually hidden).
 * @csspart activity-button - "Wallet activity": opens and closes the wallet's ledger (`aria-expanded`).
 * @csspart activity - The wallet activity region: placeholder while its code loads, the failure with "Try again", or the ledger.
 * @csspart activity-table - The ledger: date, entry, signed amount and the balance after it, newest first.
 * @csspart activity-entry - One credit or debit (`data-kind`: `top_up`, `invoice_payment`, `refund`, `credit`, `adjustment`, `late_transfer`, `opening_balance` or a newer kind).
 * @csspart activity-amount - Its amount with its sign: "+$12.50", "−$31.80" (`data-sign`: `plus` or `minus`).
 * @csspart activity-balance - "Balance after: …": the wallet's balance after it.
 * @csspart activity-charged - For a top-up: what the method was charged, and the fees not credited.
 * @csspart activity-empty - "No wallet activity yet."
 * @csspart activity-unavailable - The client has no ledger (`listWalletTransactions`).
 * @csspart load-more - "Load more": adds the next page of the activity.
 *
 * @cssproperty --billing-color-surface - Card background.
 * @cssproperty --billing-color-text - Text and the balance.
 * @cssproperty --billing-color-text-muted - Labels, the "last changed" stamp, the read-only reason.
 * @cssproperty --billing-color-border - Card edge.
 * @cssproperty --billing-color-warning-bg - Background of the low-balance and stale notices.
 * @cssproperty --billing-color-warning-text - Text of the low-balance and stale notices.
 * @cssproperty --billing-color-danger-bg - Background of the error panel.
 * @cssproperty --billing-color-danger-text - Text of the error panel.
 * @cssproperty --billing-color-skeleton - The loading placeholder.
 * @cssproperty --billing-font-size-large - Title size; the balance is 1.6 times it.
 * @cssproperty --billing-font-size-small - Labels and stamps.
 * @cssproperty --billing-font-weight-strong - Title, balance and labels.
 * @cssproperty --billing-radius - Corner radius of the card.
 * @cssproperty --billing-space-l - Card padding.
 */
export class WalletBalance extends BillingConsumerElement {
  static override tagName = 'wallet-balance';
  static override styles = walletBalanceStyles;
  /** Where the wallet activity's code loads from; a subclass may load it otherwise. @internal */
  static ledgerCode: LazyModule<typeof LedgerModule> = walletLedgerCode;

  /**
   * Below this balance the wallet shows the low-balance warning: major units of the wallet's
   * currency as written (`"10"` is 10.00 USD, or 10 yen; `"19.99"` is 19.99 USD), read exactly.
   * Default (and for a negative amount or one with more decimals than the currency has): the
   * wallet's minimum top-up.
   * @attr low-balance-threshold
   */
  @property({ type: Number, attribute: 'low-balance-threshold' })
  lowBalanceThreshold: number | null | undefined;

  /**
   * Shows a `<top-up-button>` beside the balance (unless the `action` slot has content).
   * @attr top-up
   */
  @property({ type: Boolean, attribute: 'top-up' })
  topUp = false;

  /**
   * Hides the coverage line under the balance ("Your wallet covers every renewal in the next 30 days.", "No renewals in the next 30 days."),
   * which a server with `GET /upcoming` gives. The low-balance warning still uses the coverage.
   * @attr no-coverage
   */
  @property({ type: Boolean, attribute: 'no-coverage' })
  noCoverage = false;

  /** Forces the light or dark token set; default follows the provider, else `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: 'light' | 'dark' | undefined;

  /** Whether the page put something in the `action` slot. */
  @state()
  private hasSlottedAction = false;

  /** What a screen reader is told after a reload changed the balance. */
  @state()
  private announcement = '';

  /** @internal */
  readonly wallet = new BillingQueryController(this, {
    tags: () => ['wallet'],
    args: () => [],
    task: (client, _args, options) => client.getWallet(options),
  });

  /**
   * Whether this member may top up; asked only when the element offers a top-up action. The
   * summary is shared through the cache with `<billing-overview>` and `<top-up-button>`.
   * @internal
   */
  readonly permissions = new BillingQueryController(this, {
    tags: () => ['summary'],
    args: () => [this.offersTopUp],
    task: async (client, [wanted], options): Promise<Permissions | null> =>
      wanted ? (await client.getSummary(options)).permissions : null,
  });

  /**
   * The renewals of the next 30 days and how the wallet covers them (`GET /upcoming`, shared
   * through the cache with `<billing-overview>`); null for a client without it.
   * @internal
   */
  readonly upcoming = upcomingQuery(this, () => true);

  /**
   * "Wallet activity": the ledger, its code loaded on first use.
   * @internal
   */
  readonly activity = new LazyPanel(this, () => (this.constructor as typeof WalletBalance).ledgerCode, (module) =>
    new module.WalletLedger(this, { announce: (text) => (this.announcement = text) }),
  );

  /** The last balance shown, to announce a change after a reload (not the first load). */
  #shownBalance: Wallet | undefined;

  /** Whether the element offers a top-up action: the `top-up` attribute or the page's own in the slot. */
  get offersTopUp(): boolean {
    return this.topUp || this.hasSlottedAction;
  }

  /**
   * Whether to warn of a low balance; undefined before the wallet loads. With the server's
   * coverage (`GET /upcoming`): whether the wallet falls short of the next 30 days' renewals,
   * however low the balance. Without it: whether the balance is below the low-balance threshold
   * (or the minimum top-up).
   */
  get isLowBalance(): boolean | undefined {
    const wallet = this.wallet.value;
    if (!wallet) return undefined;
    const coverage = this.upcoming.value?.coverage;
    if (coverage) return coverage.shortfall.amount > 0;
    return wallet.balance.amount < this.#lowBalanceLimit(wallet).amount;
  }

  /** The coverage is still loading: the warning and the line wait for it, so neither flips. */
  get #coverageLoading(): boolean {
    return this.upcoming.state === 'loading';
  }

  /**
   * The wallet is here but its coverage or, with a top-up, the member's permissions are not yet:
   * the skeleton stays, and the figures, the coverage line (or the warning), the Top up row and
   * "Wallet activity" come together, so nothing already on screen (the Top up button under a
   * thumb) moves down when the line above it arrives.
   */
  get #settling(): boolean {
    return this.wallet.value !== undefined && (this.#coverageLoading || (this.offersTopUp && this.permissions.state === 'loading'));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Known before the first render, so the permissions load starts with the right args.
    this.hasSlottedAction = this.querySelector(':scope > [slot="action"]') !== null;
  }

  // In update(), after the controllers' hostUpdate, so a balance the cache answered
  // synchronously is compared in this very render.
  protected override update(changed: PropertyValues<this>): void {
    this.#noteBalance();
    super.update(changed);
  }

  #noteBalance(): void {
    const wallet = this.wallet.value;
    if (wallet && wallet !== this.#shownBalance) {
      const before = this.#shownBalance;
      if (before && (before.balance.amount !== wallet.balance.amount || before.balance.currency !== wallet.balance.currency)) {
        this.announcement = this.msg('wallet.balance_updated', { amount: money(wallet.balance, this.displayLocale) });
      }
      this.#shownBalance = wallet;
    }
  }

  override render() {
    const locale = this.displayLocale;
    const query = this.wallet;
    // Until the wallet is here (loading, or an error to retry), with its coverage and, when it offers
    // a top-up, whether the member may (each adds a line or a row), the box keeps the loaded height;
    // then it is as tall as it is: it does not shrink to the figures and grow back as the rest comes.
    const waiting = query.state === 'loading' || query.state === 'error' || this.#settling;
    return html`<section class="wallet" part="base" aria-labelledby="title" aria-busy=${query.state === 'refreshing' ? 'true' : 'false'} ?data-reserve=${waiting}>
      <div class="header" part="header">
        <h2 class="title" part="title" id="title">${this.msg('wallet.title')}</h2>
        ${renderQueryNotice(query, locale, this.#retry)}
      </div>
      <div class="body" part="body">
        ${this.#settling ? renderSkeleton(3, locale) : (renderQueryFallback(query, locale, this.#retry) ?? this.#renderFigures(locale))}
      </div>
      ${this.#renderCoverage(locale)} ${this.#renderLowBalance()} ${this.#renderAction()} ${this.#renderActivity()} ${liveRegion(this.announcement)}
    </section>`;
  }

  #renderFigures(locale: string) {
    const wallet = this.wallet.value;
    if (!wallet) return nothing;
    return html`<div class="figures">
      <span class="label" part="balance-label">${this.msg('wallet.balance')}</span>
      <p class="amount" part="balance" data-currency=${wallet.balance.currency}>${renderMoney(wallet.balance, locale)}</p>
      <p class="meta">
        ${wallet.pending_top_ups.amount > 0
          ? html`<span class="pending" part="pending"
              >${this.msg('wallet.pending_amount', { amount: money(wallet.pending_top_ups, locale) })}</span
            >`
          : nothing}
        ${renderAsOf(wallet.updated_at, locale, 'wallet.last_changed')}
      </p>
    </div>`;
  }

  /**
   * "Your wallet covers renewals until December 21." When the wallet falls short, the warning
   * says it instead ("Renewals from December 21 are short by $19.30"), in this line's place: one
   * sentence for one fact, and a box only a line taller than the line the loading wallet holds
   * room for, so the page below does not jump when a short wallet loads.
   */
  #renderCoverage(locale: string) {
    const upcoming = this.upcoming.value;
    if (this.noCoverage || !upcoming || !this.wallet.value || this.#settling || this.isLowBalance) return nothing;
    return html`<p class="meta" part="coverage">${coverageSentence((k, p) => this.msg(k, p), locale, upcoming)}</p>`;
  }

  #renderLowBalance() {
    if (this.#settling || !this.isLowBalance) return nothing;
    const coverage = this.upcoming.value?.coverage;
    return html`<div class="notice" part="low-balance" data-tone="warning">
      ${toneIcon('warning')}
      <p class="notice__body">
        <strong class="low-label">${this.msg('wallet.low_label')}</strong>
        ${coverage?.runs_out_on
          ? this.msg('wallet.low_coverage_hint', {
              date: dayAndMonth(coverage.runs_out_on, this.displayLocale),
              amount: money(coverage.shortfall, this.displayLocale),
            })
          : this.msg('wallet.low_hint')}
      </p>
    </div>`;
  }

  /**
   * The slot is always in the tree (so `slotchange` keeps working) and shown only once the
   * wallet is on screen and the member is known to be allowed to top up.
   */
  #renderAction() {
    const permissions = this.permissions.value;
    const shown = this.wallet.value !== undefined && !this.#settling;
    const readOnly = shown && this.offersTopUp && permissions?.can_top_up === false;
    const permissionsFailed = shown && this.offersTopUp && this.permissions.state === 'error';
    const visible = shown && permissions?.can_top_up === true;
    return html`${readOnly
        ? html`<p class="read-only" part="read-only">${toneIcon('neutral')}<span>${this.msg('topup.disabled.read_only')}</span></p>`
        : nothing}
      ${permissionsFailed
        ? html`<p class="read-only" part="read-only" data-reason="unknown">
            ${toneIcon('warning')}<span>${this.msg('topup.disabled.unknown')}</span>
            <button class="button button--quiet" part="retry-button" type="button" @click=${this.#retryPermissions}>
              ${this.msg('common.retry')}
            </button>
          </p>`
        : nothing}
      <div class="action" part="action" ?hidden=${!visible}>
        ${this.topUp && !this.hasSlottedAction
          ? html`<top-up-button part="top-up-button" exportparts=${TOP_UP_EXPORTPARTS} theme=${ifDefined(this.theme)}></top-up-button>`
          : nothing}
        <slot name="action" @slotchange=${this.#onSlotChange}></slot>
      </div>`;
  }

  /** "Wallet activity" and, once opened, the ledger (or its placeholder or load failure). */
  #renderActivity() {
    if (!this.wallet.value || this.#settling) return nothing;
    return this.activity.renderDisclosure({
      id: 'activity',
      button: 'activity-button',
      region: 'activity',
      label: this.msg('wallet.activity'),
      quiet: true,
      locale: this.displayLocale,
      body: (ledger) => ledger.render(),
    });
  }

  /** The balance below which the wallet is low, in the wallet's currency. */
  #lowBalanceLimit(wallet: Wallet): Money {
    const threshold = this.lowBalanceThreshold;
    const { currency } = wallet.balance;
    const amount = majorToMinor(threshold, currency);
    return amount === undefined ? wallet.top_up.min : { amount, currency };
  }

  #onSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hasSlottedAction = slot.assignedElements({ flatten: true }).length > 0;
  };

  #retry = (): void => {
    void this.wallet.run();
  };

  #retryPermissions = (): void => {
    void this.permissions.run();
  };
}
