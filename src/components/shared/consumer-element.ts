/**
 * Base class of the data elements (`<invoice-list>`, `<wallet-balance>`...): the client and
 * the config from the nearest `<billing-provider>` (or `configureBilling()`), kept current
 * through subscribing context consumers. Load data with a `BillingQueryController`.
 */
import { consume } from '@lit/context';
import type { BillingClient } from '../../api/client.js';
import { billingClientContext, billingConfigContext } from '../../context.js';
import type { BillingConfig } from '../../context.js';
import { t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import type { MessageParams } from '../../i18n/types.js';
import { todayCalendarDate } from '../../i18n/format.js';
import { BillingElement } from './base-element.js';
import { ensureContextRoot } from './context-root.js';

export class BillingConsumerElement extends BillingElement {
  /**
   * The client from the nearest provider; undefined without one (render the configuration error).
   * @internal
   */
  @consume({ context: billingClientContext, subscribe: true })
  billingClient: BillingClient | undefined;

  /**
   * Locale, links, checkout mode and "today" from the nearest provider; undefined without one.
   * @internal
   */
  @consume({ context: billingConfigContext, subscribe: true })
  billingConfig: BillingConfig | undefined;

  /**
   * Whether a `<billing-provider>` around this element is not defined yet (the page loads its
   * code after this element's): its client is coming, so the element shows its loading
   * layout, not the configuration error for a moment (and keeps its reserved height).
   * @internal
   */
  get waitingForProvider(): boolean {
    return this.billingClient === undefined && customElements.get('billing-provider') === undefined && this.closest('billing-provider') !== null;
  }

  override connectedCallback(): void {
    // Before super: the context requests are sent from super.connectedCallback().
    ensureContextRoot();
    super.connectedCallback();
    // Once the provider is defined, render again: with its client, or the configuration error if it gives none.
    if (this.waitingForProvider) void customElements.whenDefined('billing-provider').then(() => this.requestUpdate());
  }

  protected override inheritedLocale(): string | undefined {
    return this.billingConfig?.locale;
  }

  /**
   * Today as `YYYY-MM-DD` for "due in 3 days": the config's override (stories, tests), else the
   * server's day (its clock at its latest answer, in UTC, as the API decides "overdue"), else
   * the user's own date. Never the browser's clock beside the server's statuses.
   */
  protected get today(): string {
    const server = this.billingClient?.serverTime?.();
    return this.billingConfig?.today ?? (server ? new Date(server).toISOString().slice(0, 10) : todayCalendarDate());
  }

  /** A message in this element's locale: `this.msg('due.in_days', { n: 3 })`. */
  protected msg(key: MessageKey, params?: MessageParams): string {
    return t(this.displayLocale, key, params);
  }
}
