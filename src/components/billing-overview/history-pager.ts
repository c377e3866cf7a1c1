/**
 * The payment history's "Load more" pages of `<billing-overview>`: the pages after the first
 * (which is the element's history query), kept in step with it across refreshes.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BillingClient } from '../../api/client.js';
import type { BillingApiError } from '../../api/errors.js';
import type { Page, Payment } from '../../api/schemas.js';
import { emitBillingEvent } from '../shared/events.js';
import { asBillingError } from '../shared/query.js';
import type { BillingQueryController } from '../shared/query.js';

/** Payments in order, each id once (a page boundary can shift when new payments arrive). */
function uniquePayments(...lists: readonly (readonly Payment[])[]): Payment[] {
  const byId = new Map<string, Payment>();
  for (const list of lists) for (const payment of list) if (!byId.has(payment.id)) byId.set(payment.id, payment);
  return [...byId.values()];
}

/** What the pager takes from its element. */
export interface HistoryPagerHost extends ReactiveControllerHost, HTMLElement {
  readonly billingClient: BillingClient | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface HistoryPagerOptions {
  /** The element's first page of the history. */
  readonly history: BillingQueryController<readonly [number], Page<Payment>>;
  /** How many payments a page holds. */
  readonly pageSize: () => number;
  /** Says how many payments are shown now, after a page was added. */
  readonly announceShown: (count: number) => void;
}

export class HistoryPager {
  readonly #host: HistoryPagerHost;
  readonly #options: HistoryPagerOptions;
  /** Payments added by "Load more", after the first page. */
  #more: Payment[] = [];
  #moreCursor: string | null | undefined;
  #loading = false;
  #error: BillingApiError | undefined;
  /** The first page the added pages follow, and what they were loaded with. */
  #firstPage: Page<Payment> | undefined;
  #moreSource: { client: BillingClient; size: number } | undefined;
  #abort: AbortController | undefined;

  constructor(host: HistoryPagerHost, options: HistoryPagerOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Every payment shown: the first page, then the added ones. */
  get payments(): Payment[] {
    return uniquePayments(this.#options.history.value?.data ?? [], this.#more);
  }

  /** The cursor of the next page to show; null when everything is shown. */
  get nextCursor(): string | null {
    if (this.#moreCursor !== undefined) return this.#moreCursor;
    return this.#options.history.value?.next_cursor ?? null;
  }

  /** Whether any page was added to the first. */
  get hasMore(): boolean {
    return this.#more.length > 0;
  }

  get loading(): boolean {
    return this.#loading;
  }

  /** Why the last "Load more" failed; undefined after a success. */
  get error(): BillingApiError | undefined {
    return this.#error;
  }

  /** Stops a page load in flight (the element left the page). */
  abort(): void {
    this.#abort?.abort();
  }

  /**
   * Keeps the added pages in step with the first page: dropped when the history now comes
   * from another client or page size, reloaded (kept on screen meanwhile) when the first page
   * was refreshed. Called before each render.
   */
  follow(): void {
    const first = this.#options.history.value;
    if (first === this.#firstPage) return;
    const previous = this.#firstPage;
    this.#firstPage = first;
    const source = this.#moreSource;
    const sameSource = source !== undefined && source.client === this.#host.billingClient && source.size === this.#options.pageSize();
    if (!first || !sameSource) {
      this.#clear();
    } else if (previous && this.#more.length > 0) {
      void this.#reload(first, this.#more.length);
    }
  }

  #clear(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#moreSource = undefined;
    this.#set(() => {
      this.#more = [];
      this.#moreCursor = undefined;
      this.#loading = false;
      this.#error = undefined;
    });
  }

  #set(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  /** Adds the next page. */
  async loadMore(): Promise<void> {
    const client = this.#host.billingClient;
    const cursor = this.nextCursor;
    if (!client || cursor === null || this.#loading) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const size = this.#options.pageSize();
    this.#set(() => {
      this.#loading = true;
      this.#error = undefined;
    });
    try {
      const page = await client.listPayments({ cursor, limit: size }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.#moreSource = { client, size };
      this.#set(() => {
        this.#more = uniquePayments(this.#more, page.data);
        this.#moreCursor = page.next_cursor;
      });
      this.#options.announceShown(this.payments.length);
      if (page.next_cursor === null) {
        // The button is gone: keep focus in the history rather than losing it to the page.
        await this.#host.updateComplete;
        this.#host.renderRoot.querySelector<HTMLElement>('[part="history-table"]')?.focus();
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = asBillingError(error);
      this.#set(() => (this.#error = failure));
      emitBillingEvent(this.#host, 'billing-error', { code: failure.code, message: failure.message, element: this.#host.localName });
    } finally {
      if (this.#abort === abort) this.#set(() => (this.#loading = false));
    }
  }

  /** After a refresh: loads again as many payments as were shown, following the new first page. */
  async #reload(first: Page<Payment>, count: number): Promise<void> {
    const client = this.#host.billingClient;
    if (!client) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const size = this.#options.pageSize();
    let cursor = first.next_cursor;
    let loaded: Payment[] = [];
    try {
      while (cursor !== null && loaded.length < count) {
        const page = await client.listPayments({ cursor, limit: size }, { signal: abort.signal });
        loaded = uniquePayments(loaded, page.data);
        cursor = page.next_cursor;
      }
    } catch {
      // The pages already shown stay; the history's own stale notice tells about the failure.
      return;
    }
    if (abort.signal.aborted) return;
    this.#set(() => {
      this.#more = loaded;
      this.#moreCursor = cursor;
    });
  }
}
