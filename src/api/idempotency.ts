/**
 * One `Idempotency-Key` per user intent ("pay invoice 42 by card", "top up 50 USD by card"),
 * the same for every retry of that intent, and also after a reload while it is unresolved,
 * so a double click, a retry after a timeout or a reload mid-payment never charges twice.
 *
 * Keys live in `localStorage` by default, not `sessionStorage`: session storage belongs to one
 * tab, so two tabs confirming the same intent would send two keys and be charged twice. An
 * unresolved key expires (24 hours by default) so an abandoned intent does not pin a stale
 * key forever; servers keep idempotency records about that long.
 */

/** A plain, JSON-serialisable description of one user intent, e.g. `{ action: 'pay', invoiceId, methodId, applyWallet }`. */
export type Intent = { readonly action: string } & { readonly [field: string]: unknown };

export interface PendingIntent {
  intent: Intent;
  key: string;
}

const DEFAULT_PREFIX = 'perlod-billing:intent:';
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;

export interface IntentKeysOptions {
  /** Item name prefix in storage. */
  prefix?: string;
  /** How long an unresolved intent keeps its key. Default 24 hours. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * Keys are kept in `Storage` (local storage by default, shared by the origin's tabs) so a
 * reload or another tab gets them back. Storage that is missing, full, disabled or holds
 * garbage never throws: the keys then live in memory.
 */
export class IntentKeys {
  readonly #storage: Storage | undefined;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** Entries that storage refused (or everything, without storage), by storage item name. */
  readonly #memory = new Map<string, string>();

  constructor(storage: Storage | undefined = defaultIntentStorage(), options: IntentKeysOptions | string = {}) {
    const { prefix = DEFAULT_PREFIX, ttlMs = DEFAULT_TTL_MS, now = Date.now } =
      typeof options === 'string' ? { prefix: options } : options;
    this.#storage = storage;
    this.#prefix = prefix;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** The key for this intent: created on first use, then the same until `resolve(intent)` or expiry. */
  keyFor(intent: Intent): string {
    const item = this.#prefix + stableJson(intent);
    const known = this.#read(item);
    if (known) return known;
    const key = randomUuid();
    const stored = `${key} ${this.#now() + this.#ttlMs}`;
    try {
      this.#storage?.setItem(item, stored);
      if (this.#storage) {
        this.#memory.delete(item);
        return key;
      }
    } catch {
      // Quota exceeded or storage disabled: the key still holds for this page's lifetime.
    }
    this.#memory.set(item, stored);
    return key;
  }

  /** Forget the intent after a settled success or a definitive failure: the next attempt is a new intent. */
  resolve(intent: Intent): void {
    const item = this.#prefix + stableJson(intent);
    this.#memory.delete(item);
    try {
      this.#storage?.removeItem(item);
    } catch {
      // Nothing to undo: a storage we cannot write to holds no key of ours either.
    }
  }

  /** Unresolved intents and their keys, to resume (or re-check) an action after a reload. */
  pending(): PendingIntent[] {
    const items = new Map(this.#memory);
    try {
      const storage = this.#storage;
      for (let i = 0; storage && i < storage.length; i++) {
        const name = storage.key(i);
        if (name?.startsWith(this.#prefix) && !items.has(name)) items.set(name, storage.getItem(name) ?? '');
      }
    } catch {
      // Unreadable storage: what is in memory is all we know.
    }
    const pending: PendingIntent[] = [];
    for (const [name, value] of items) {
      const intent = parseIntent(name.slice(this.#prefix.length));
      const key = this.#liveKey(value);
      if (intent && key) pending.push({ intent, key });
    }
    return pending;
  }

  #read(item: string): string | undefined {
    try {
      const key = this.#liveKey(this.#storage?.getItem(item));
      if (key) return key;
    } catch {
      // Storage disabled since construction: fall through to memory.
    }
    return this.#liveKey(this.#memory.get(item));
  }

  /** The key in a stored `"<uuid> <expires-at-ms>"` value, unless it expired or is garbage. */
  #liveKey(value: string | null | undefined): string | undefined {
    const [key, expiresAt] = (value ?? '').split(' ');
    if (!isKey(key)) return undefined;
    return Number(expiresAt) > this.#now() ? key : undefined;
  }
}

/** JSON with object keys sorted at every level, so equal intents give equal strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_name, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const name of Object.keys(v).sort()) sorted[name] = (v as Record<string, unknown>)[name];
    return sorted;
  });
}

function parseIntent(json: string): Intent | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (value !== null && typeof value === 'object' && typeof (value as { action?: unknown }).action === 'string') {
      return value as Intent;
    }
  } catch {
    // A foreign or corrupted entry under our prefix: not an intent.
  }
  return undefined;
}

/** A stored value we will send as a key: anything else (corrupted, truncated) is replaced. */
function isKey(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Local storage when the page may use it, else session storage, else none (memory). */
export function defaultIntentStorage(): Storage | undefined {
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      // Reading the property itself throws in sandboxed iframes and with storage blocked.
      const storage = globalThis[name];
      if (storage) return storage;
    } catch {
      // Try the next one.
    }
  }
  return undefined;
}

/** `crypto.randomUUID` exists only in secure contexts; an http:// dev host gets an equivalent v4 UUID. */
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
