import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Permissions } from '../../api/schemas.js';
import { BillingConsumerElement, BillingQueryController, toneIcon } from '../shared/index.js';
import type { Tone } from '../shared/index.js';
import { topUpButtonStyles } from './top-up-button.styles.js';

/** Why the button does not start a top-up: no provider, permissions still loading or unreadable, or a read-only member. */
export type TopUpBlocker = 'no-client' | 'loading' | 'unknown' | 'read-only';

/**
 * The wallet's top-up action. In this release it is the button only: clicking it emits
 * `billing-top-up-request` and (unless the page cancels it) opens the top-up flow, which is
 * still to come. The button stays focusable but inactive (`aria-disabled`) with the reason
 * beside it when the account may not top up or billing is not set up on the page.
 *
 * ```html
 * <top-up-button amount="20"></top-up-button>
 * ```
 *
 * @summary A "Top up" button for the wallet; inactive, with the reason, when the account cannot top up.
 * @tag top-up-button
 *
 * @fires billing-top-up-request - The customer pressed the button. `detail.amount` is the `amount` preset (major units) when set. Cancelable: call `preventDefault()` to run your own top-up flow.
 * @fires billing-error - The account's permissions could not be loaded; `detail.code` says why. The button shows the reason itself.
 *
 * @csspart base - The wrapper of the button and the reason.
 * @csspart button - The top-up `<button>`.
 * @csspart reason - Why the button is inactive (read-only member, no provider, permissions not loaded).
 * @csspart retry-button - Loads the permissions again after a failure.
 *
 * @cssproperty --billing-color-accent - Background of the button.
 * @cssproperty --billing-color-accent-text - Text of the button.
 * @cssproperty --billing-color-text-muted - Text of the reason.
 * @cssproperty --billing-color-focus-ring - Focus outline.
 * @cssproperty --billing-radius - Corner radius of the button.
 * @cssproperty --billing-control-height - Minimum height of the button.
 * @cssproperty --billing-space-s - Gap between the button and the reason.
 * @cssproperty --billing-font-size-small - Size of the reason text.
 */
export class TopUpButton extends BillingConsumerElement {
  static override tagName = 'top-up-button';
  static override styles = topUpButtonStyles;

  /** A preset amount in major units of the wallet currency (`20` is 20.00 USD, 2,000 yen as `2000`); passed on in the request event. */
  @property({ type: Number })
  amount: number | null | undefined;

  /** The button text; default "Top up" in the element's locale. */
  @property()
  label: string | undefined;

  /** Forces the light or dark token set; default follows the provider, else `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: 'light' | 'dark' | undefined;

  /**
   * Whether the account may top up, from the summary (shared with every element through the
   * cache, so it costs no extra request next to `<billing-overview>` or `<wallet-balance>`).
   * @internal
   */
  readonly permissions = new BillingQueryController(this, {
    tags: () => ['summary'],
    args: () => [],
    task: async (client, _args, options): Promise<Permissions> => (await client.getSummary(options)).permissions,
  });

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
        return this.permissions.value?.can_top_up === true ? undefined : 'read-only';
    }
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
    </span>`;
  }

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

  /** The preset for the request: only a positive, finite number counts. */
  #presetAmount(): number | undefined {
    const amount = this.amount;
    return typeof amount === 'number' && Number.isFinite(amount) && amount > 0 ? amount : undefined;
  }

  #onClick = (): void => {
    if (this.blocker) return;
    const amount = this.#presetAmount();
    const proceed = this.emit('billing-top-up-request', amount === undefined ? {} : { amount }, { cancelable: true });
    if (proceed) this.#open();
  };

  #retry = (): void => {
    void this.permissions.run();
  };

  /**
   * Opens the top-up flow (amount, method, quote, confirm in a native `<dialog>`). A placeholder
   * until that flow lands in this element: nothing may pretend to move money before then.
   */
  #open(): void {
    // Intentionally empty for now.
  }
}
