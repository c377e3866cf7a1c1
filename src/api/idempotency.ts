/**
 * One `Idempotency-Key` per user intent ("pay invoice 42 by card", "top up 50 USD by card"),
 * the same for every retry of that intent, and also after a reload while it is unresolved,
 * so a double click, a retry after a timeout or a reload mid-payment never charges twice.
 */

/** A plain, JSON-serialisable description of one user intent, e.g. `{ action: 'pay', invoiceId, methodId, applyWallet }`. */
export type Intent = { readonly action: string } & { readonly [field: string]: unknown };

export interface PendingIntent {
  intent: Intent;
  key: string;
}

const DEFAULT_PREFIX = 'perlod-billing:intent:';

/**
 * Keys are kept in `Storage` (session storage by default) so a reload gets them back. Storage
 * that is missing, full, disabled or holds garbage never throws: the keys then live in memory.
 */
export class IntentKeys {
  readonly #storage: Storage | undefined;
  readonly #prefix: string;
  /** Entries that storage refused (or everything, without storage), by storage item name. */
  readonly #memory = new Map<string, string>();

  constructor(storage: Storage | undefined = defaultStorage(), prefix: string = DEFAULT_PREFIX) {
    this.#storage = storage;
    this.#prefix = prefix;
  }

  /** The key for this intent: created on first use, then the same until `resolve(intent)`. */
  keyFor(intent: Intent): string {
    const item = this.#prefix + stableJson(intent);
    const known = this.#read(item);
    if (known) return known;
    const key = randomUuid();
    try {
      this.#storage?.setItem(item, key);
      if (this.#storage) {
        this.#memory.delete(item);
        return key;
      }
    } catch {
      // Quota exceeded or storage disabled: the key still holds for this page's lifetime.
    }
    this.#memory.set(item, key);
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
    for (const [name, key] of items) {
      const intent = parseIntent(name.slice(this.#prefix.length));
      if (intent && isKey(key)) pending.push({ intent, key });
    }
    return pending;
  }

  #read(item: string): string | undefined {
    try {
      const stored = this.#storage?.getItem(item);
      if (isKey(stored)) return stored;
    } catch {
      // Storage disabled since construction: fall through to memory.
    }
    const remembered = this.#memory.get(item);
    return isKey(remembered) ? remembered : undefined;
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

function defaultStorage(): Storage | undefined {
  try {
    // Reading `sessionStorage` itself throws in sandboxed iframes and with storage blocked.
    return globalThis.sessionStorage ?? undefined;
  } catch {
    return undefined;
  }
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
