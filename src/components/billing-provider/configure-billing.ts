/**
 * `configureBilling()`: the provider for script-tag pages whose widgets are spread over the
 * page with no common wrapper. It provides the client and config from `document.body`, and a
 * page-wide `ContextRoot` lets widgets that connected earlier (even before this call) pick them up.
 */
import { ContextProvider } from '@lit/context';
import type { BillingClient } from '../../api/client.js';
import { billingClientContext, billingConfigContext } from '../../context.js';
import type { BillingConfig, CheckoutMode } from '../../context.js';
import { ensureContextRoot } from '../shared/context-root.js';
import { INITIAL_CONFIG, provideConfig } from './billing-provider.js';
import type { BillingTheme } from './billing-provider.js';
import { OwnedClient } from './owned-client.js';
import type { TokenCallback } from './owned-client.js';

/** The attributes and properties of `<billing-provider>`, as options. */
export interface ConfigureBillingOptions {
  /** Root URL of the billing API; the HTTP client is made from it unless `client` is given. */
  apiBase?: string | undefined;
  /** Short-lived bearer token; requests then carry no cookies. */
  sessionToken?: string | undefined;
  /** Async token callback, asked again after a 401; wins over `sessionToken`. */
  getToken?: TokenCallback | undefined;
  /** Any `BillingClient`; wins over `apiBase`. */
  client?: BillingClient | undefined;
  /** Default: `<html lang>`, else the browser's language. */
  locale?: string | undefined;
  invoiceHref?: string | undefined;
  supportHref?: string | undefined;
  checkoutMode?: CheckoutMode | undefined;
  /** Origins whose checkout pages are accepted (a list, or one string separated by spaces or commas); default any `https:` page. */
  checkoutOrigins?: readonly string[] | string | undefined;
  /** The signed-in account, where one origin serves several: keeps their money attempts apart. */
  accountId?: string | undefined;
  /** Forces light or dark for every widget on the page. */
  theme?: BillingTheme | undefined;
  /** `YYYY-MM-DD` override for "today". */
  today?: string | undefined;
}

/** What the page's billing widgets are using after the call. */
export interface BillingConfiguration {
  readonly client: BillingClient | undefined;
  readonly config: BillingConfig;
}

interface PageBilling {
  configure(options: ConfigureBillingOptions): BillingConfiguration;
}

// Shared by every copy of the library on the page, so two copies never provide twice.
const PAGE_KEY = Symbol.for('perlod-billing/page-configuration@1');

function createPageBilling(): PageBilling {
  ensureContextRoot();
  const host = document.body ?? document.documentElement;
  const clientProvider = new ContextProvider(host, { context: billingClientContext });
  const configProvider = new ContextProvider(host, { context: billingConfigContext, initialValue: INITIAL_CONFIG });
  const owned = new OwnedClient();
  let options: ConfigureBillingOptions = {};
  let announced = false;

  return {
    configure(next) {
      options = { ...options, ...next };
      const client =
        options.client ??
        owned.get({ apiBase: options.apiBase, sessionToken: options.sessionToken, getToken: options.getToken });
      if (options.client) owned.dispose();
      clientProvider.setValue(client);
      const config = provideConfig(configProvider, options, document.documentElement.lang);

      if (options.theme) host.style.setProperty('--billing-color-scheme', options.theme);
      else host.style.removeProperty('--billing-color-scheme');

      if (!announced) {
        // Tells the ContextRoot to replay the requests of widgets that connected before now.
        announced = true;
        clientProvider.hostConnected();
        configProvider.hostConnected();
      }
      return { client, config };
    },
  };
}

/**
 * Configures every billing widget on the page, for pages without a `<billing-provider>`
 * around them (the script-tag embed). Call it again to change settings: options not given
 * keep their earlier value.
 *
 * ```js
 * configureBilling({ apiBase: 'https://api.perlod.com/billing/v1', sessionToken, locale: 'fa' });
 * ```
 */
export function configureBilling(options: ConfigureBillingOptions): BillingConfiguration {
  const page = globalThis as typeof globalThis & { [PAGE_KEY]?: PageBilling };
  page[PAGE_KEY] ??= createPageBilling();
  return page[PAGE_KEY].configure(options);
}
