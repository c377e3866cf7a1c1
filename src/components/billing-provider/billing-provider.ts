import { ContextProvider } from '@lit/context';
import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { BillingClient } from '../../api/client.js';
import { billingClientContext, billingConfigContext } from '../../context.js';
import type { BillingConfig, CheckoutMode } from '../../context.js';
import { normalizeLocale } from '../../i18n/catalog.js';
import { BillingElement, nearestLang } from '../shared/base-element.js';
import { providerStyles } from './billing-provider.styles.js';
import { OwnedClient } from './owned-client.js';
import type { TokenCallback } from './owned-client.js';

export type BillingTheme = 'light' | 'dark';

/** Two configs are the same when every field is. */
export function sameConfig(a: BillingConfig | undefined, b: BillingConfig): boolean {
  return (
    a !== undefined &&
    a.locale === b.locale &&
    a.invoiceHref === b.invoiceHref &&
    a.supportHref === b.supportHref &&
    a.checkoutMode === b.checkoutMode &&
    a.accountId === b.accountId &&
    String(a.checkoutOrigins) === String(b.checkoutOrigins) &&
    a.today === b.today
  );
}

/**
 * The checkout origins for the config, from a list or a string of entries separated by spaces
 * or commas. Each entry is read as an origin when a checkout is checked (the money code warns
 * there about one that is not an origin: it matches nothing, never widening the default rule).
 */
export function checkoutOriginsOf(value: string | readonly string[] | undefined): readonly string[] {
  return typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [...(value ?? [])];
}

/** `redirect` unless the value is exactly `popup`: an unknown mode must not break paying. */
export function checkoutModeOf(value: string | undefined): CheckoutMode {
  return value === 'popup' ? 'popup' : 'redirect';
}

/** The config elements see before a provider has read its settings. */
export const INITIAL_CONFIG: BillingConfig = { locale: 'en', checkoutMode: 'redirect', checkoutOrigins: [] };

/** The settings a page gives (the provider's attributes, or `configureBilling()` options). */
export interface BillingSettings {
  locale?: string | undefined;
  invoiceHref?: string | undefined;
  supportHref?: string | undefined;
  checkoutMode?: string | undefined;
  checkoutOrigins?: string | readonly string[] | undefined;
  accountId?: string | undefined;
  today?: string | undefined;
}

/**
 * The one place the config is built: from the page's settings, the locale falling back to
 * `lang` (the nearest one above the provider, or the document's), then the browser's language.
 * Provided only when it differs from the current one, so consumers do not re-render for nothing.
 */
export function provideConfig(
  provider: ContextProvider<typeof billingConfigContext>,
  settings: BillingSettings,
  lang: string | undefined,
): BillingConfig {
  const config: BillingConfig = {
    locale: normalizeLocale(settings.locale || lang || globalThis.navigator?.language),
    invoiceHref: settings.invoiceHref || undefined,
    supportHref: settings.supportHref || undefined,
    checkoutMode: checkoutModeOf(settings.checkoutMode),
    checkoutOrigins: checkoutOriginsOf(settings.checkoutOrigins),
    accountId: settings.accountId || undefined,
    today: settings.today || undefined,
  };
  if (!sameConfig(provider.value, config)) provider.setValue(config);
  return provider.value;
}

/**
 * Owns one `BillingClient` and hands it, with the page's billing settings, to every billing
 * element inside it through `@lit/context`. It renders nothing of its own.
 *
 * ```html
 * <billing-provider api-base="/api/billing/v1" locale="de" invoice-href="/billing/invoices/{id}">
 *   <billing-overview></billing-overview>
 *   <invoice-list></invoice-list>
 * </billing-provider>
 * ```
 *
 * Checkout pages (`next_action.url`) open only on `https:` or this page's own origin; list
 * the payment gateway's origins in `checkout-origins` to accept those and no others.
 *
 * @summary Provides the billing client and settings (locale, links, checkout mode and origins) to the billing elements inside it.
 * @tag billing-provider
 *
 * @slot - The billing elements, and any other content of the billing area.
 */
export class BillingProvider extends BillingElement {
  static override tagName = 'billing-provider';
  static override reflectsLocale = false;
  static override styles = providerStyles;

  /** Root URL of the billing API, e.g. `/api/billing/v1`. The provider makes its HTTP client from it, unless `client` is set. */
  @property({ attribute: 'api-base' })
  apiBase: string | undefined;

  /** A short-lived bearer token for third-party pages; requests then carry no cookies. Without it (and without `getToken`), requests use the page's cookies. */
  @property({ attribute: 'session-token' })
  sessionToken: string | undefined;

  /** BCP 47 locale for text, amounts and dates. Default: the nearest `lang` above the provider, else the browser's language. */
  @property()
  locale: string | undefined;

  /** Link template for one invoice; `{id}` and `{number}` are filled in: `/billing/invoices/{id}`. Without it, choosing an invoice only emits `billing-invoice-select`. */
  @property({ attribute: 'invoice-href' })
  invoiceHref: string | undefined;

  /** Where "contact support" leads (a page or a `mailto:` link). Without it, the request is only emitted as `billing-support-request`. */
  @property({ attribute: 'support-href' })
  supportHref: string | undefined;

  /** How checkout pages open: `redirect` (this tab) or `popup` (a new window). */
  @property({ attribute: 'checkout-mode' })
  checkoutMode: CheckoutMode = 'redirect';

  /**
   * The origins whose checkout pages this page opens, separated by spaces or commas:
   * `https://pay.example.com https://checkout.example.net` (the property also takes an
   * array). A checkout URL on any other origin is refused. Empty (the default): any `https:`
   * page, or this page's own origin. An entry that is not an origin matches nothing (with a
   * console warning when a checkout is checked).
   */
  @property({ attribute: 'checkout-origins' })
  checkoutOrigins: string | readonly string[] = [];

  /**
   * The signed-in account, where one origin may serve several (a team member switching
   * accounts): payments this browser started for another account are then never offered to
   * continue here.
   */
  @property({ attribute: 'account-id' })
  accountId: string | undefined;

  /** Forces the light or dark token set for every element inside; default follows `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: BillingTheme | undefined;

  /**
   * `YYYY-MM-DD` to use as "today" in due-date wording (stories, tests, demos). Default: the
   * server's day, from its clock on its latest answer (`BillingClient.serverTime`), else the user's own date.
   */
  @property()
  today: string | undefined;

  /** Any `BillingClient` (a custom transport, the reference API in tests). Wins over `api-base`; the provider never disposes it. */
  @property({ attribute: false })
  client: BillingClient | undefined;

  /** Async token callback for bearer auth (requests then carry no cookies); asked again after a 401. Wins over `session-token`. */
  @property({ attribute: false })
  getToken: TokenCallback | undefined;

  readonly #owned = new OwnedClient();
  readonly #clientProvider = new ContextProvider(this, { context: billingClientContext });
  readonly #configProvider = new ContextProvider(this, { context: billingConfigContext, initialValue: INITIAL_CONFIG });

  /** The client the elements inside are using now (the `client` property or the one made from `api-base`). */
  get activeClient(): BillingClient | undefined {
    return this.#clientProvider.value;
  }

  /** The settings the elements inside are using now. */
  get activeConfig(): BillingConfig {
    return this.#configProvider.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Provide at once: elements inside connect before this element's first update.
    this.#provide();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#owned.dispose();
    this.#clientProvider.setValue(this.client);
  }

  protected override inheritedLocale(): string | undefined {
    return this.locale;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#provide();
  }

  #provide(): void {
    const client =
      this.client ??
      this.#owned.get({ apiBase: this.apiBase, sessionToken: this.sessionToken, getToken: this.getToken });
    if (this.client) this.#owned.dispose();
    this.#clientProvider.setValue(client);
    provideConfig(this.#configProvider, this, nearestLang(this));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
