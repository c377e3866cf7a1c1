/**
 * The HTTP client a provider makes from `api-base`: made once per distinct api-base, session
 * token and token callback, and disposed (its cache's cross-tab channel and listeners) when
 * replaced. A client handed in by the page is never made or disposed here.
 */
import type { BillingClient } from '../../api/client.js';
import { QueryCache } from '../../api/cache.js';
import { createHttpClient } from '../../api/http-client.js';

export type TokenCallback = () => Promise<string | null | undefined>;

export interface ClientSource {
  apiBase?: string | undefined;
  sessionToken?: string | undefined;
  getToken?: TokenCallback | undefined;
}

export class OwnedClient {
  #source: ClientSource = {};
  #client: BillingClient | undefined;
  #cache: QueryCache | undefined;

  /** The client for this source: the current one when nothing changed, a new one otherwise. */
  get(source: ClientSource): BillingClient | undefined {
    const { apiBase, sessionToken, getToken } = source;
    if (
      this.#client &&
      apiBase === this.#source.apiBase &&
      sessionToken === this.#source.sessionToken &&
      getToken === this.#source.getToken
    ) {
      return this.#client;
    }
    this.dispose();
    if (!apiBase) return undefined;
    this.#source = { apiBase, sessionToken, getToken };
    this.#cache = new QueryCache();
    // The callback wins over a fixed token: it is asked again after a 401.
    const tokenSource: TokenCallback | undefined =
      getToken ?? (sessionToken ? () => Promise.resolve(sessionToken) : undefined);
    this.#client = createHttpClient({
      baseUrl: apiBase,
      cache: this.#cache,
      ...(tokenSource ? { getToken: tokenSource } : {}),
    });
    return this.#client;
  }

  dispose(): void {
    this.#cache?.dispose();
    this.#cache = undefined;
    this.#client = undefined;
    this.#source = {};
  }
}
