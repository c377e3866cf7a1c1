/**
 * Mounts billing elements inside a `<billing-provider>` whose client talks to the reference
 * billing API running in this browser, through the real HTTP client, schemas and cache.
 */
import { fixture } from '@open-wc/testing';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { BillingClient } from '../../src/api/client.js';
import { QueryCache } from '../../src/api/cache.js';
import { createHttpClient } from '../../src/api/http-client.js';
import type { HttpClientOptions } from '../../src/api/http-client.js';
import '../../src/define/billing-provider.js';
import type { BillingProvider } from '../../src/components/billing-provider/billing-provider.js';
import { API_BASE_PATH, REFERENCE_ORIGIN, createReferenceApi } from '../../src/testing/index.js';
import type { ReferenceApi, ScenarioName } from '../../src/testing/index.js';

export interface MountOptions {
  scenario?: ScenarioName;
  /** Reuse an API (e.g. one with faults already injected, or shared by two providers as two tabs). */
  api?: ReferenceApi;
  locale?: string;
  /** "Today" for due wording; default the reference API's clock date, 2026-11-26. */
  today?: string;
  invoiceHref?: string;
  supportHref?: string;
  theme?: 'light' | 'dark';
  /** HTTP client options: retries default to 0 so error tests are fast. */
  client?: Partial<HttpClientOptions>;
}

export interface Mounted<T extends Element> {
  el: T;
  provider: BillingProvider;
  api: ReferenceApi;
  client: BillingClient;
}

export function createTestClient(api: ReferenceApi, options: Partial<HttpClientOptions> = {}): BillingClient {
  return createHttpClient({
    baseUrl: `${REFERENCE_ORIGIN}${API_BASE_PATH}`,
    fetch: api.fetch,
    cache: new QueryCache({ channelName: null }),
    retry: { retries: 0 },
    ...options,
  });
}

/** Mounts `content` (one element, or several: `el` is the first) inside a provider. */
export async function mountInProvider<T extends Element = HTMLElement>(
  content: TemplateResult,
  options: MountOptions = {},
): Promise<Mounted<T>> {
  const api = options.api ?? createReferenceApi({ scenario: options.scenario ?? 'overdue' });
  const client = createTestClient(api, options.client);
  const provider = await fixture<BillingProvider>(html`
    <billing-provider
      .client=${client}
      locale=${options.locale ?? 'en'}
      today=${options.today ?? api.clock.now().toISOString().slice(0, 10)}
      invoice-href=${ifDefined(options.invoiceHref)}
      support-href=${ifDefined(options.supportHref)}
      theme=${ifDefined(options.theme)}
      >${content}</billing-provider
    >
  `);
  const el = provider.firstElementChild as T | null;
  if (!el) throw new Error('mountInProvider: nothing was rendered inside the provider');
  return { el, provider, api, client };
}
