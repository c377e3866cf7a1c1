/**
 * `BillingQueryController`: one read from the billing client, as a view state an element
 * renders from. Built on `@lit/task` with the client in the task's args, so the load waits
 * for a provider and restarts (aborting the old request) when the client or args change.
 * It reloads when the client invalidates any of its cache tags, keeps the last value while
 * reloading, and tells "refreshing" (old value, updating) and "stale" (old value, the refresh
 * failed) apart from a first load and a failed first load.
 */
import { Task, TaskStatus, initialState, shallowArrayEquals } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BillingClient } from '../../api/client.js';
import { BillingApiError, isBillingApiError } from '../../api/errors.js';
import { settledValue } from '../../api/settled.js';
import { emitBillingEvent } from './events.js';
import type { BillingErrorDetail } from './events.js';

/**
 * What to render:
 * - `no-client`: no provider above the element; render the configuration error, not a spinner.
 * - `loading`: first load of these args; render a skeleton.
 * - `ready`: `value` is current.
 * - `refreshing`: `value` is shown while it reloads; mark it as updating.
 * - `error`: nothing to show; render `error` with a retry.
 * - `stale`: `value` is shown but the last reload failed with `error`; say so, offer a retry.
 */
export type QueryViewState = 'no-client' | 'loading' | 'ready' | 'refreshing' | 'error' | 'stale';

/** The options the task's client call takes: pass them straight through (`client.getWallet(options)`). */
export interface QueryCallOptions {
  /** Aborted when the args change, the element disconnects, or a newer run starts. */
  signal: AbortSignal;
  /** True for a re-check: skip the cache. */
  fresh: boolean;
}

export interface BillingQueryOptions<A extends readonly unknown[], T> {
  /**
   * The cache tags (`CacheTag`s) of what this query shows, e.g. `['invoices']` or `[`invoice:${id}`]`. An
   * invalidation of any of them reloads it. The first tag dates the "as of" stamp.
   */
  tags: () => readonly string[];
  /** Everything the load depends on besides the client; a change starts a fresh load. */
  args: () => A;
  /** The client call. Pass `options` on so the signal reaches `fetch` and `fresh` the cache. */
  task: (client: BillingClient, args: A, options: QueryCallOptions) => Promise<T>;
}

/** What the controller needs from its element: a `BillingConsumerElement` fits. */
export interface BillingQueryHost extends ReactiveControllerHost {
  readonly billingClient: BillingClient | undefined;
  /** A provider around the host whose code has not arrived yet: its client is coming (`loading`, not `no-client`). */
  readonly waitingForProvider?: boolean;
}

/** Anything thrown is reported as a `BillingApiError`; a non-API throw is a bug on data we could not read. */
export function asBillingError(error: unknown): BillingApiError {
  if (isBillingApiError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BillingApiError('bad_response', message, { cause: error });
}

export class BillingQueryController<const A extends readonly unknown[], T> implements ReactiveController {
  readonly #host: BillingQueryHost;
  readonly #options: BillingQueryOptions<A, T>;
  readonly #task: Task<readonly [BillingClient | undefined, ...A], T>;

  #value: T | undefined;
  #hasValue = false;
  /** The client and args `#value` belongs to: other args mean other data, not a refresh. */
  #valueArgs: readonly unknown[] | undefined;
  #error: BillingApiError | undefined;
  #fetchedAt: number | undefined;
  #nextRunFresh = false;
  #subscribedClient: BillingClient | undefined;
  #unsubscribe: (() => void) | undefined;
  /** A load was aborted by disconnecting; it is restarted on reconnect. */
  #interrupted = false;
  /**
   * The current run was answered from the cache synchronously (`settledValue`): its value is
   * already in place, so the view is `ready` at once rather than a skeleton for a microtask.
   */
  #answered = false;
  #connected = false;

  constructor(host: BillingQueryHost, options: BillingQueryOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    // Added before the Task so hostUpdate() sees a new client before the Task reruns with it.
    host.addController(this);
    this.#task = new Task(host, {
      args: () => [host.billingClient, ...options.args()] as const,
      task: (args, { signal }) => this.#load(args, signal),
    });
  }

  /** The view state to render; see `QueryViewState`. */
  get state(): QueryViewState {
    if (!this.#host.billingClient) return this.#host.waitingForProvider ? 'loading' : 'no-client';
    const status = this.#task.status;
    if (status === TaskStatus.PENDING || status === TaskStatus.INITIAL) {
      if (this.#answered) return 'ready';
      return this.#hasValue ? 'refreshing' : 'loading';
    }
    if (this.#error) return this.#hasValue ? 'stale' : 'error';
    return this.#hasValue ? 'ready' : 'loading';
  }

  /** The last loaded value for the current args; kept while refreshing and when a refresh fails. */
  get value(): T | undefined {
    return this.#value;
  }

  /** Why the last load failed (`error.code` picks the wording); undefined after a success. */
  get error(): BillingApiError | undefined {
    return this.#error;
  }

  /** When `value` was fetched (ms since epoch), for the "as of" stamp. */
  get fetchedAt(): number | undefined {
    return this.#fetchedAt;
  }

  /**
   * Loads again, keeping the current value on screen: refresh, retry, or with
   * `{ fresh: true }` a re-check that bypasses the cache. Resolves when the run settles.
   */
  run(options: { fresh?: boolean } = {}): Promise<void> {
    if (!this.#host.billingClient) return Promise.resolve();
    this.#nextRunFresh = options.fresh ?? false;
    return this.#task.run();
  }

  /** Resolves once the current run has settled, successfully or not (for tests and stories). */
  settled(): Promise<void> {
    return this.#task.taskComplete.then(
      () => undefined,
      () => undefined,
    );
  }

  hostConnected(): void {
    this.#connected = true;
    this.#syncSubscription();
    if (this.#interrupted) {
      this.#interrupted = false;
      void this.#task.run();
    }
  }

  hostUpdate(): void {
    this.#syncSubscription();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#subscribedClient = undefined;
    if (this.#task.status === TaskStatus.PENDING) {
      this.#interrupted = true;
      this.#task.abort();
    }
  }

  #syncSubscription(): void {
    // An update can land after removal (a load settling): a removed element must not
    // subscribe again, or the client's listener set would keep it alive.
    const client = this.#connected ? this.#host.billingClient : undefined;
    if (client === this.#subscribedClient) return;
    this.#unsubscribe?.();
    this.#subscribedClient = client;
    this.#unsubscribe = client?.subscribe(this.#onInvalidate);
  }

  #onInvalidate = (invalidated: ReadonlySet<string>): void => {
    if (this.#options.tags().some((tag) => invalidated.has(tag))) void this.run();
  };

  async #load(
    [client, ...args]: readonly [BillingClient | undefined, ...A],
    signal: AbortSignal,
  ): Promise<T | typeof initialState> {
    this.#answered = false;
    if (!client) {
      this.#reset(undefined);
      return initialState;
    }
    const key = [client, ...args];
    if (!this.#valueArgs || !shallowArrayEquals(this.#valueArgs, key)) this.#reset(key);
    const fresh = this.#nextRunFresh;
    this.#nextRunFresh = false;
    try {
      const pending = this.#options.task(client, args, { signal, fresh });
      // Answered from memory: take the value now, so this very update renders it.
      const hit = settledValue(pending);
      if (hit) {
        this.#accept(client, hit.value);
        this.#answered = true;
      }
      const value = await pending;
      // A superseded run whose client ignored the abort must not overwrite newer data.
      signal.throwIfAborted();
      if (!hit) this.#accept(client, value);
      return value;
    } catch (thrown) {
      if (signal.aborted) throw thrown;
      this.#error = asBillingError(thrown);
      this.#reportError(this.#error);
      throw this.#error;
    }
  }

  #accept(client: BillingClient, value: T): void {
    this.#value = value;
    this.#hasValue = true;
    this.#error = undefined;
    const [firstTag] = this.#options.tags();
    this.#fetchedAt = (firstTag === undefined ? undefined : client.fetchedAt?.(firstTag)) ?? Date.now();
  }

  #reset(valueArgs: readonly unknown[] | undefined): void {
    this.#value = undefined;
    this.#hasValue = false;
    this.#error = undefined;
    this.#fetchedAt = undefined;
    this.#valueArgs = valueArgs;
  }

  /** Tells the host page through `billing-error`; the element renders the error itself. */
  #reportError(error: BillingApiError): void {
    const host = this.#host;
    if (!(host instanceof HTMLElement)) return;
    const detail: BillingErrorDetail = { code: error.code, message: error.message, element: host.localName };
    emitBillingEvent(host, 'billing-error', detail);
  }
}
