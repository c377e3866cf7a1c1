/**
 * The shared story helper: every story runs its element inside a `<billing-provider>` whose
 * client is the real HTTP client (schemas, cache, retries, idempotency keys) talking to the
 * reference billing API running in this browser. A story picks the account and the wire
 * through `parameters.billing`:
 *
 * ```ts
 * export const Loading: Story = { parameters: { billing: { scenario: 'overdue', hang: 'GET /summary' } } };
 * export const ServerError: Story = { parameters: { billing: { faults: [{ match: 'GET /summary', type: 'status', status: 500 }] } } };
 * ```
 *
 * `billingLoader` (a global loader in .storybook/preview.ts) makes a fresh API and client per
 * story; render functions wrap their element with `inProvider(context, element)`; play
 * functions reach the API through `billingOf(context).api` to inject faults or settle checkouts.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Args, ArgTypes, Loader, StoryContext } from '@storybook/web-components-vite';
import { QueryCache } from '../../src/api/cache.js';
import type { BillingClient } from '../../src/api/client.js';
import { createHttpClient } from '../../src/api/http-client.js';
import type { HttpClientOptions } from '../../src/api/http-client.js';
import type { CheckoutMode } from '../../src/context.js';
import { API_BASE_PATH, DEFAULT_NOW, createReferenceApi } from '../../src/testing/index.js';
import type { Fault, ReferenceApi, ScenarioName } from '../../src/testing/index.js';
import '../../src/define/billing-provider.js';

/** The longest delay a browser timer takes (about 24.8 days): "never" for a request. */
export const NEVER_MS = 2_147_483_647;

/** The reference API's clock date: "today" for every due wording in the stories. */
export const STORY_TODAY = DEFAULT_NOW.slice(0, 10);

/** What a story sets under `parameters.billing`. */
export interface BillingStoryParameters {
  /** The seeded account; default `overdue` (a bit of everything). */
  scenario?: ScenarioName;
  /** Faults injected before the first render (each hits the next matching request once unless `times`). */
  faults?: Fault[];
  /** Routes whose next request never answers: the loading state, for as long as one looks at it. */
  hang?: string | string[];
  /** Provider locale; default the toolbar's. */
  locale?: string;
  /** Provider theme; default the toolbar's (which defaults to the system's). */
  theme?: 'light' | 'dark';
  /** Default `popup`: the flows then wait for the (simulated) checkout instead of leaving the page. */
  checkoutMode?: CheckoutMode;
  /** Provider `invoice-href`; default a same-page `#` link so nothing leaves the story. */
  invoiceHref?: string | null;
  /** Provider `support-href`. */
  supportHref?: string;
  /** The account's auto-pay setting (`Wallet.auto_pay_invoices`): the wallet pays open invoices when money arrives. Default off. */
  autoPayInvoices?: boolean;
  /**
   * A fixed "now" (ISO instant) for the reference API's clock, the client's cache (its "as of"
   * stamps) and the provider's `today`: a screenshot never moves with the day it is taken.
   * Default: the API's own fixed clock, the real time for the cache, `STORY_TODAY`.
   */
  now?: string;
  /** HTTP client options on top of the story defaults (no retries, no timeout). */
  client?: Partial<HttpClientOptions>;
}

/** What the loader hands each story: its own reference API and the client that talks to it. */
export interface StoryBilling {
  api: ReferenceApi;
  client: BillingClient;
}

const toList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The story's `parameters.billing`, typed. */
export function billingParameters(context: Pick<StoryContext, 'parameters'>): BillingStoryParameters {
  return (context.parameters['billing'] as BillingStoryParameters | undefined) ?? {};
}

/** Money intents and remembered checkouts are kept per origin: a story must not inherit the last one's. */
function forgetMoneyIntents(): void {
  for (const storage of [globalThis.localStorage, globalThis.sessionStorage]) {
    if (!storage) continue;
    for (const name of Object.keys(storage)) if (name.startsWith('perlod-billing:')) storage.removeItem(name);
  }
}

/** A fresh reference API and real HTTP client for one story, shaped by `parameters.billing`. */
export function createStoryBilling(parameters: BillingStoryParameters): StoryBilling {
  const { now } = parameters;
  const api = createReferenceApi({ scenario: parameters.scenario ?? 'overdue', autoPayInvoices: parameters.autoPayInvoices, now });
  for (const fault of parameters.faults ?? []) api.inject(fault);
  for (const match of toList(parameters.hang)) api.inject({ match, type: 'latency', ms: NEVER_MS });
  const client = createHttpClient({
    // Same origin as the page: the reference API's checkout URLs then pass the https-or-same-origin check.
    baseUrl: `${location.origin}${API_BASE_PATH}`,
    fetch: api.fetch,
    cache: new QueryCache({ channelName: null, now: now === undefined ? undefined : () => Date.parse(now) }),
    // A story shows the first failure as it is, and a hung request stays loading instead of timing out.
    retry: { retries: 0 },
    timeoutMs: NEVER_MS,
    ...parameters.client,
  });
  return { api, client };
}

/** Global loader: each story (and each story on a docs page) gets its own account and client. */
export const billingLoader: Loader = (context) => {
  forgetMoneyIntents();
  return { billing: createStoryBilling(billingParameters(context)) };
};

/** The story's reference API and client (from `billingLoader`). */
export function billingOf(context: Pick<StoryContext, 'loaded'>): StoryBilling {
  const billing = (context.loaded as { billing?: StoryBilling }).billing;
  if (!billing) throw new Error('No billing API for this story: is billingLoader in .storybook/preview.ts?');
  return billing;
}

/** The provider locale: the story's own, else the toolbar's. */
export function storyLocale(context: Pick<StoryContext, 'parameters' | 'globals'>): string {
  return billingParameters(context).locale ?? (context.globals['locale'] as string | undefined) ?? 'en';
}

/** The provider theme: the story's own, else the toolbar's; undefined follows `prefers-color-scheme`. */
export function storyTheme(context: Pick<StoryContext, 'parameters' | 'globals'>): 'light' | 'dark' | undefined {
  const theme = billingParameters(context).theme ?? context.globals['theme'];
  return theme === 'light' || theme === 'dark' ? theme : undefined;
}

/**
 * `content` inside a `<billing-provider>` with the story's client and settings, on a stage of
 * the theme's own background (so a dark story is dark around the widgets too).
 */
export function inProvider(context: StoryContext, content: unknown): TemplateResult {
  const { client } = billingOf(context);
  const parameters = billingParameters(context);
  const theme = storyTheme(context);
  const invoiceHref = parameters.invoiceHref === null ? undefined : (parameters.invoiceHref ?? '#/billing/invoices/{id}');
  return stage(
    theme,
    html`<billing-provider
      .client=${client}
      locale=${storyLocale(context)}
      today=${parameters.now?.slice(0, 10) ?? STORY_TODAY}
      theme=${ifDefined(theme)}
      checkout-mode=${parameters.checkoutMode ?? 'popup'}
      invoice-href=${ifDefined(invoiceHref)}
      support-href=${ifDefined(parameters.supportHref)}
      >${content}</billing-provider
    >`,
  );
}

/** A padded area in the theme's page colours. */
export function stage(theme: 'light' | 'dark' | undefined, content: unknown): TemplateResult {
  const scheme = theme ?? 'light dark';
  return html`<div
    class="billing-story-stage"
    data-theme=${ifDefined(theme)}
    style="color-scheme: ${scheme}; background: light-dark(#ffffff, #0d0f12); color: light-dark(#1b1f24, #e8eaed); font-family: system-ui, sans-serif; padding: 1rem;"
  >
    ${content}
  </div>`;
}

/**
 * Makes `tag` from the story's args: kebab-case or lower-case names are attributes (the names
 * the manifest's attribute table and the controls use), camelCase names are properties, and
 * `onBilling…` functions (the manifest's events, logged in the Actions panel) are listeners.
 */
export function elementFromArgs<T extends HTMLElement = HTMLElement>(tag: string, args: Args, argTypes: ArgTypes = {}): T {
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(args)) {
    if (typeof value === 'function') {
      const declared = argTypes[name]?.['action'] as string | { name?: string } | undefined;
      const action = (typeof declared === 'string' ? declared : declared?.name) ?? eventNameOf(name);
      if (action) element.addEventListener(action, value as EventListener);
    } else if (/^[a-z][a-z0-9-]*$/.test(name)) {
      if (value === undefined || value === null || value === false || value === '') element.removeAttribute(name);
      else element.setAttribute(name, value === true ? '' : String(value));
    } else if (value !== undefined && isWritable(element, name)) {
      (element as unknown as Record<string, unknown>)[name] = value;
    }
  }
  return element;
}

/** `onBillingPayRequest` to `billing-pay-request` (story tests run without the docs' argTypes). */
function eventNameOf(argName: string): string | undefined {
  if (!/^onBilling[A-Z]/.test(argName)) return undefined;
  return argName.slice(2).replace(/[A-Z]/g, (c, i: number) => `${i === 0 ? '' : '-'}${c.toLowerCase()}`);
}

/** Read-only getters (`blocker`, `open`...) are listed in the docs but cannot be set from a control. */
function isWritable(element: object, name: string): boolean {
  for (let proto: object | null = element; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor.writable === true || descriptor.set !== undefined;
  }
  return true;
}

/** The usual render of an element story: the element from its args, inside the story's provider. */
export function renderElement(tag: string) {
  return (args: Args, context: StoryContext): TemplateResult => inProvider(context, elementFromArgs(tag, args, context.argTypes));
}
