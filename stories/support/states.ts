/**
 * Story factories for the view states every data element shares: loading, each error code,
 * refreshing and stale. Each story is produced on the real wire (a fault or a latency on the
 * reference API) and its play function checks what the customer sees.
 */
import type { StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Fault } from '../../src/testing/index.js';
import { t } from '../../src/i18n/index.js';
import { NEVER_MS, billingOf } from './billing.js';
import type { BillingStoryParameters } from './billing.js';
import { part, storyElement, waitForText } from './play.js';

type Story = StoryObj;

/** The failures a read can end in, and how the reference API produces each. */
export const READ_ERRORS = {
  unauthorized: { faults: (match: string): Fault[] => [{ match, type: 'expired-token' }] },
  forbidden: { faults: (match: string): Fault[] => [{ match, type: 'status', status: 403 }] },
  not_found: { faults: (match: string): Fault[] => [{ match, type: 'status', status: 404 }] },
  server_error: { faults: (match: string): Fault[] => [{ match, type: 'status', status: 500 }] },
  // The connection drops before the answer arrives: fetch rejects, as for DNS or CORS failures.
  network: { faults: (match: string): Fault[] => [{ match, type: 'drop-after-commit' }] },
  // The answer takes longer than the client's (shortened) per-attempt timeout.
  timeout: { faults: (match: string): Fault[] => [{ match, type: 'latency', ms: 60_000 }], client: { timeoutMs: 300 } },
  // A 200 whose body breaks the schema (money as a decimal string).
  bad_response: { faults: (match: string): Fault[] => [{ match, type: 'schema' }] },
  rate_limited: { faults: (match: string): Fault[] => [{ match, type: 'status', status: 429, retryAfter: 30 }] },
} as const;

export type ReadErrorCode = keyof typeof READ_ERRORS;

/** The story parameters that make the next `route` request fail with `code`. */
export function failing(route: string, code: ReadErrorCode, base: BillingStoryParameters = {}): BillingStoryParameters {
  const recipe: { faults: (match: string) => Fault[]; client?: BillingStoryParameters['client'] } = READ_ERRORS[code];
  return { ...base, faults: [...(base.faults ?? []), ...recipe.faults(route)], client: { ...base.client, ...recipe.client } };
}

/**
 * `tag` whose first `route` request fails with `code`: the code's own message and a retry
 * (`retry: false` for an element that offers none for this code, e.g. a forbidden record).
 */
export function errorStory(
  tag: string,
  route: string,
  code: ReadErrorCode,
  base: BillingStoryParameters = {},
  { retry = true }: { retry?: boolean } = {},
): Story {
  return {
    parameters: { billing: failing(route, code, base) },
    play: async ({ canvasElement }) => {
      const el = await storyElement(canvasElement, tag);
      await waitForText(el, t('en', `error.${code}.title`));
      const panel = part(el, 'error');
      await expect(panel).toHaveAttribute('data-code', code);
      await expect(panel).toHaveAttribute('role', 'alert');
      const retryButton = panel?.querySelector('[part~="retry-button"]') ?? null;
      // The next step the message names is one press away (the fault is used up: it would load).
      if (retry) await expect(retryButton).toBeVisible();
      else await expect(retryButton).toBeNull();
    },
  };
}

/** `tag` whose first `route` request never answers: the skeleton, announced as loading. */
export function loadingStory(tag: string, route: string | string[], base: BillingStoryParameters = {}): Story {
  return {
    parameters: { billing: { ...base, hang: route } },
    play: async ({ canvasElement }) => {
      const el = await storyElement(canvasElement, tag);
      await waitFor(() => expect(part(el, 'skeleton')).not.toBeNull());
      await expect(part(el, 'skeleton')).toHaveAttribute('role', 'status');
      await expect(part(el, 'skeleton')).toHaveTextContent(t('en', 'common.loading'));
    },
  };
}

export interface RefreshOptions {
  /** The element's tag. */
  tag: string;
  /** What the element shows once loaded (to know the first load is done). */
  loaded: string;
  /** The route that reloads, e.g. `GET /summary`. */
  route: string;
  /** The cache tag to invalidate, e.g. `summary`. */
  cacheTag: string;
  /** What the stale state says; default the shared "Could not refresh; showing data as of …". */
  staleText?: string;
  base?: BillingStoryParameters;
}

/** Loaded, then the data is invalidated and the reload never answers: old data marked "Updating…". */
export function refreshingStory({ tag, loaded, route, cacheTag, base = {} }: RefreshOptions): Story {
  return {
    parameters: { billing: base },
    play: async (context) => {
      const el = await storyElement(context.canvasElement, tag);
      await waitForText(el, loaded);
      const { api, client } = billingOf(context);
      api.inject({ match: route, type: 'latency', ms: NEVER_MS });
      client.invalidate([cacheTag]);
      await waitForText(el, t('en', 'common.updating'));
      await expect(el.shadowRoot?.textContent).toContain(loaded);
      await waitFor(() => expect(el.shadowRoot?.querySelector('[aria-busy="true"]')).not.toBeNull());
    },
  };
}

/** Loaded, then a refresh fails: the old data stays, with "could not refresh" and a retry. */
export function staleStory({ tag, loaded, route, cacheTag, staleText, base = {} }: RefreshOptions): Story {
  return {
    parameters: { billing: base },
    play: async (context) => {
      const el = await storyElement(context.canvasElement, tag);
      await waitForText(el, loaded);
      const { api, client } = billingOf(context);
      api.inject({ match: route, type: 'status', status: 503 });
      client.invalidate([cacheTag]);
      await waitForText(el, staleText ?? 'Could not refresh');
      await expect(el.shadowRoot?.textContent).toContain(loaded);
    },
  };
}
