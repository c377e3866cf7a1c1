/**
 * The shared query cache behind the HTTP client: one per page (per provider), used by every
 * element. It de-duplicates identical reads in flight, serves fresh data from memory,
 * revalidates aged data in the background, and lets a mutation invalidate exactly what it
 * changed by tag, in this tab and (through a BroadcastChannel) in every other tab.
 *
 * Notifications are delivered synchronously, inside `invalidate`, `refreshAll`, the
 * visibility handler, the cross-tab message handler, or when a background revalidation or
 * a re-check lands. Entries are already marked when listeners run, so a listener may
 * re-read at once.
 *
 * A key must always be loaded with the same result type: the cache trusts the caller's `T`.
 */
import { resolved } from './settled.js';

export interface QueryCacheOptions {
  /** Data older than this is served at once but revalidated in the background. Default 30_000. */
  staleAfterMs?: number;
  /** When the tab becomes visible again, entries older than this are revalidated. Default 60_000. */
  refetchOnVisibleAfterMs?: number;
  /** BroadcastChannel name for cross-tab invalidation; null disables it. Default 'perlod-billing'. */
  channelName?: string | null;
  /** At most this many entries are kept; the least recently read go first. Default 300. */
  maxEntries?: number;
  now?: () => number;
}

export interface QueryFetchOptions {
  /** Rejects this caller only; the shared load is aborted when every caller has aborted. */
  signal?: AbortSignal | undefined;
  /** Always load (a re-check); the result replaces the entry. */
  fresh?: boolean | undefined;
}

export type CacheListener = (tags: ReadonlySet<string>) => void;

/** What one tab tells the others. `all` means "refresh everything" (`tags` then lists the sender's known tags). */
interface InvalidateMessage {
  type: 'invalidate';
  tags: string[];
  all?: boolean;
}

interface Flight {
  readonly promise: Promise<unknown>;
  readonly controller: AbortController;
  /** The entry generation this load was started for; a bumped generation means its result is outdated. */
  readonly generation: number;
  /** A background revalidation has no caller to abort it: it always runs to completion. */
  readonly background: boolean;
  readonly fresh: boolean;
  waiters: number;
  aborted: boolean;
}

interface Entry {
  readonly key: string;
  tags: ReadonlySet<string>;
  hasValue: boolean;
  value: unknown;
  fetchedAt: number;
  /** Set by invalidation: the value may be wrong (e.g. an invoice just paid) and must not be served. */
  invalidated: boolean;
  generation: number;
  flight: Flight | undefined;
}

const DEFAULTS = {
  staleAfterMs: 30_000,
  refetchOnVisibleAfterMs: 60_000,
  channelName: 'perlod-billing',
  maxEntries: 300,
} as const;

function isInvalidateMessage(data: unknown): data is InvalidateMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as Partial<Record<keyof InvalidateMessage, unknown>>;
  return (
    message.type === 'invalidate' &&
    Array.isArray(message.tags) &&
    message.tags.every((tag) => typeof tag === 'string') &&
    (message.all === undefined || typeof message.all === 'boolean')
  );
}

export class QueryCache {
  readonly #staleAfterMs: number;
  readonly #refetchOnVisibleAfterMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  /** Map order is recency of reads: the first entry is the least recently read. */
  readonly #entries = new Map<string, Entry>();
  readonly #listeners = new Set<CacheListener>();
  #channel: BroadcastChannel | undefined;

  constructor(options: QueryCacheOptions = {}) {
    this.#staleAfterMs = options.staleAfterMs ?? DEFAULTS.staleAfterMs;
    this.#refetchOnVisibleAfterMs = options.refetchOnVisibleAfterMs ?? DEFAULTS.refetchOnVisibleAfterMs;
    this.#maxEntries = Math.max(1, options.maxEntries ?? DEFAULTS.maxEntries);
    this.#now = options.now ?? Date.now;

    const channelName = options.channelName === undefined ? DEFAULTS.channelName : options.channelName;
    // Guarded: workers without BroadcastChannel and server-side rendering still get a working cache.
    if (channelName !== null && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(channelName);
      this.#channel.addEventListener('message', this.#onMessage);
    }
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.#onVisibilityChange);
    }
  }

  fetch<T>(
    key: string,
    tags: readonly string[],
    load: (signal: AbortSignal) => Promise<T>,
    options: QueryFetchOptions = {},
  ): Promise<T> {
    const { signal, fresh = false } = options;
    // The caller's own reason, unchanged: an AbortError DOMException unless the caller chose one.
    if (signal?.aborted) return Promise.reject(signal.reason);

    const entry = this.#read(key, tags);
    if (!fresh && entry.hasValue && !entry.invalidated) {
      const isStale = this.#now() - entry.fetchedAt >= this.#staleAfterMs;
      if (isStale && !this.#currentFlight(entry)) this.#start(entry, load, { background: true, fresh: false });
      return resolved(entry.value as T);
    }

    let flight = this.#currentFlight(entry);
    if (fresh && !flight?.fresh) {
      // A load started before the re-check may predate the change the user is checking for.
      entry.generation++;
      flight = undefined;
    }
    flight ??= this.#start(entry, load, { background: false, fresh });
    return this.#wait(flight, signal) as Promise<T>;
  }

  /** Marks every entry carrying one of these tags invalidated, notifies subscribers, and tells other tabs. */
  invalidate(tags: Iterable<string>): void {
    const invalidated = new Set(tags);
    this.#invalidateTags(invalidated);
    this.#post({ type: 'invalidate', tags: [...invalidated] });
  }

  /** The "refresh" action: invalidates every entry here and in other tabs. */
  refreshAll(): void {
    const known = this.#invalidateAll(new Set());
    this.#post({ type: 'invalidate', tags: [...known], all: true });
  }

  subscribe(listener: CacheListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /**
   * When the value was fetched (ms from `now`), for "as of" stamps: the entry with that key,
   * or else the newest of the entries carrying that tag. Undefined when nothing is cached.
   */
  fetchedAt(tagOrKey: string): number | undefined {
    const entry = this.#entries.get(tagOrKey);
    if (entry) return entry.hasValue ? entry.fetchedAt : undefined;
    let newest: number | undefined;
    for (const candidate of this.#entries.values()) {
      if (!candidate.hasValue || !candidate.tags.has(tagOrKey)) continue;
      if (newest === undefined || candidate.fetchedAt > newest) newest = candidate.fetchedAt;
    }
    return newest;
  }

  dispose(): void {
    if (this.#channel) {
      this.#channel.removeEventListener('message', this.#onMessage);
      this.#channel.close();
      this.#channel = undefined;
    }
    if (typeof document !== 'undefined') {
      document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    }
  }

  /** Finds or creates the entry and marks it most recently read. */
  #read(key: string, tags: readonly string[]): Entry {
    let entry = this.#entries.get(key);
    if (entry) {
      this.#entries.delete(key);
      entry.tags = new Set(tags);
    } else {
      entry = {
        key,
        tags: new Set(tags),
        hasValue: false,
        value: undefined,
        fetchedAt: 0,
        invalidated: false,
        generation: 0,
        flight: undefined,
      };
    }
    this.#entries.set(key, entry);
    this.#evict(key);
    return entry;
  }

  /** Drops the least recently read entries over the bound; a loading entry is kept so its load stays shared. */
  #evict(readKey: string): void {
    let excess = this.#entries.size - this.#maxEntries;
    if (excess <= 0) return;
    for (const [key, entry] of this.#entries) {
      if (excess <= 0) break;
      if (entry.flight || key === readKey) continue;
      this.#entries.delete(key);
      excess--;
    }
  }

  /** The in-flight load a caller may share: one started for the entry's current generation. */
  #currentFlight(entry: Entry): Flight | undefined {
    const flight = entry.flight;
    return flight && !flight.aborted && flight.generation === entry.generation ? flight : undefined;
  }

  #start(
    entry: Entry,
    load: (signal: AbortSignal) => Promise<unknown>,
    kind: { background: boolean; fresh: boolean },
  ): Flight {
    const controller = new AbortController();
    // The executor runs `load` synchronously and turns a synchronous throw into a rejection.
    const promise = new Promise<unknown>((resolve) => resolve(load(controller.signal)));
    const flight: Flight = {
      promise,
      controller,
      generation: entry.generation,
      background: kind.background,
      fresh: kind.fresh,
      waiters: 0,
      aborted: false,
    };
    entry.flight = flight;

    // Registered before any caller's handlers, so the entry is updated before callers resume.
    promise.then(
      (value) => {
        if (entry.flight === flight) entry.flight = undefined;
        const current =
          !flight.aborted && flight.generation === entry.generation && this.#entries.get(entry.key) === entry;
        if (!current) return;
        const replaced = entry.hasValue;
        entry.value = value;
        entry.hasValue = true;
        entry.fetchedAt = this.#now();
        entry.invalidated = false;
        // Elements showing the old value re-read it from memory; a load someone waited for needs no notice.
        if (replaced && (flight.background || flight.fresh)) this.#notify(new Set(entry.tags));
      },
      () => {
        if (entry.flight === flight) entry.flight = undefined;
        // Errors are not cached: with no value to keep, forget the entry so the next read loads again.
        if (!entry.hasValue && !entry.flight && this.#entries.get(entry.key) === entry) {
          this.#entries.delete(entry.key);
        }
      },
    );
    return flight;
  }

  /** One caller's view of a shared load: its own abort rejects only it. */
  #wait(flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    flight.waiters++;
    if (!signal) return flight.promise;
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = (): void => {
        reject(signal.reason);
        flight.waiters--;
        if (flight.waiters === 0 && !flight.background) {
          flight.aborted = true;
          flight.controller.abort(signal.reason);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      // The load's own error passes through unchanged; `then(resolve, reject)` never rejects.
      void flight.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  #invalidateTags(tags: ReadonlySet<string>): void {
    for (const entry of this.#entries.values()) {
      for (const tag of entry.tags) {
        if (!tags.has(tag)) continue;
        this.#markInvalidated(entry);
        break;
      }
    }
    this.#notify(tags);
  }

  /** Invalidates every entry; notifies with every known tag plus `extraTags`. Returns the local known tags. */
  #invalidateAll(extraTags: ReadonlySet<string>): Set<string> {
    const known = new Set<string>();
    for (const entry of this.#entries.values()) {
      this.#markInvalidated(entry);
      for (const tag of entry.tags) known.add(tag);
    }
    this.#notify(new Set([...known, ...extraTags]));
    return known;
  }

  #markInvalidated(entry: Entry): void {
    entry.invalidated = true;
    // A load in flight now may carry the pre-mutation state: its result must not land as fresh.
    entry.generation++;
  }

  #notify(tags: ReadonlySet<string>): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(tags);
      } catch (error) {
        // One broken subscriber must not keep the others on stale data.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #post(message: InvalidateMessage): void {
    this.#channel?.postMessage(message);
  }

  readonly #onMessage = (event: MessageEvent<unknown>): void => {
    const message = event.data;
    if (!isInvalidateMessage(message)) return;
    // Local only: re-posting would bounce the message between tabs forever.
    if (message.all) this.#invalidateAll(new Set(message.tags));
    else this.#invalidateTags(new Set(message.tags));
  };

  readonly #onVisibilityChange = (): void => {
    if (document.visibilityState !== 'visible') return;
    const oldestAllowed = this.#now() - this.#refetchOnVisibleAfterMs;
    const tags = new Set<string>();
    for (const entry of this.#entries.values()) {
      if (!entry.hasValue || entry.invalidated || entry.fetchedAt >= oldestAllowed) continue;
      this.#markInvalidated(entry);
      for (const tag of entry.tags) tags.add(tag);
    }
    if (tags.size > 0) this.#notify(tags);
  };
}
