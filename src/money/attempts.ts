/**
 * Money attempts: one `Idempotency-Key` per confirmation, never derived from what is paid, so
 * two top-ups of $25.00 are two attempts and a retry of one resends its key. Kept in
 * `localStorage` (a second tab must find an attempt in flight), scoped by API base and account,
 * for 24 hours: README "Money safety".
 */

/** A plain, JSON-serialisable description of what was confirmed: `{ action: 'pay', invoiceId, methodId, applyWallet }`. */
export type Intent = { readonly action: string } & { readonly [field: string]: unknown };

/** One confirmation by the customer, as stored. */
export interface Attempt {
  /** The `Idempotency-Key` of every request of this attempt. */
  readonly key: string;
  /** What the customer confirmed. */
  readonly intent: Intent;
  /** The API base and account it belongs to. */
  readonly scope: string;
  /** When the customer confirmed (ms since epoch, this browser's clock). */
  readonly startedAt: number;
  /** When it is forgotten (ms). */
  readonly expiresAt: number;
  /** The payment or top-up the server created for this key, once it answered. */
  readonly recordId?: string | undefined;
  /** Which element started it: the same element resumes a return from the gateway. */
  readonly starter?: string | undefined;
}

const DEFAULT_PREFIX = 'perlod-billing:';
const DEFAULT_TTL_MS = 24 * 60 * 60 * 1000;
/** Item kinds an earlier version kept without an expiry (content-keyed intents, checkouts, return marks). */
const LEGACY_PREFIXES = ['intent:', 'checkout:', 'pay-return:'];
/** How long "this record's success was announced" is remembered. */
const ANNOUNCED_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface AttemptStoreOptions {
  /** Item name prefix in storage. Default `perlod-billing:`. */
  prefix?: string;
  /** How long an unresolved attempt keeps its key. Default 24 hours. */
  ttlMs?: number;
  now?: () => number;
}

/**
 * The attempts of one storage (local storage by default, shared by the origin's tabs), so a
 * reload or another tab finds them. Storage that is missing, full, disabled or holds garbage
 * never throws: attempts then live in memory for the page's lifetime.
 */
export class AttemptStore {
  readonly #storage: Storage | undefined;
  readonly #prefix: string;
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** Items storage refused (or everything, without storage), by item name. */
  readonly #memory = new Map<string, string>();
  #legacyRemoved = false;

  constructor(storage: Storage | undefined = defaultIntentStorage(), options: AttemptStoreOptions = {}) {
    const { prefix = DEFAULT_PREFIX, ttlMs = DEFAULT_TTL_MS, now = Date.now } = options;
    this.#storage = storage;
    this.#prefix = prefix;
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /** A new attempt with a new key: call it once per confirmation. */
  begin(intent: Intent, scope: string, starter?: string): Attempt {
    const now = this.#now();
    const attempt: Attempt = { key: randomUuid(), intent, scope, startedAt: now, expiresAt: now + this.#ttlMs, starter };
    this.#write(this.#attemptItem(attempt.key), JSON.stringify(attempt));
    return attempt;
  }

  /** The live attempt with this key. */
  get(key: string): Attempt | undefined {
    return parseAttempt(this.#read(this.#attemptItem(key)), this.#now());
  }

  /** Notes the record the server created for an attempt (kept with it, so a return can be checked). */
  setRecord(key: string, recordId: string): Attempt | undefined {
    const attempt = this.get(key);
    if (!attempt) return undefined;
    const updated = { ...attempt, recordId };
    this.#write(this.#attemptItem(key), JSON.stringify(updated));
    return updated;
  }

  /** Forgets an attempt: it settled, failed for good, or the customer started over. */
  resolve(key: string): void {
    this.#remove(this.#attemptItem(key));
  }

  /** The live attempts of a scope, oldest first; expired and unreadable items are removed on the way. */
  pending(scope: string): Attempt[] {
    const now = this.#now();
    const found: Attempt[] = [];
    // Items of the earlier, content-keyed format never expired: they go (once per store).
    if (!this.#legacyRemoved) {
      this.#legacyRemoved = true;
      for (const legacy of LEGACY_PREFIXES) for (const name of this.#names(this.#prefix + legacy)) this.#remove(name);
    }
    for (const name of this.#names(`${this.#prefix}attempt:`)) {
      const attempt = parseAttempt(this.#read(name), now);
      if (!attempt) this.#remove(name);
      else if (attempt.scope === scope) found.push(attempt);
    }
    return found.sort((a, b) => a.startedAt - b.startedAt);
  }

  /** The live attempt of a scope that created this record. */
  byRecord(scope: string, recordId: string): Attempt | undefined {
    return this.pending(scope).find((attempt) => attempt.recordId === recordId);
  }

  /**
   * Claims the right to announce a record's success in this browser: true the first time for
   * a record, false after (another tab, a reload, a replay already announced it).
   */
  claimAnnouncement(scope: string, recordId: string): boolean {
    const now = this.#now();
    for (const name of this.#names(`${this.#prefix}announced:`)) {
      if (!(Number(this.#read(name)) > now)) this.#remove(name);
    }
    const name = `${this.#prefix}announced:${scope} ${recordId}`;
    if (Number(this.#read(name)) > now) return false;
    this.#write(name, String(now + ANNOUNCED_TTL_MS));
    return true;
  }

  #attemptItem(key: string): string {
    return `${this.#prefix}attempt:${key}`;
  }

  #names(prefix: string): string[] {
    const names = new Set<string>();
    for (const name of this.#memory.keys()) if (name.startsWith(prefix)) names.add(name);
    try {
      const storage = this.#storage;
      for (let i = 0; storage && i < storage.length; i++) {
        const name = storage.key(i);
        if (name?.startsWith(prefix)) names.add(name);
      }
    } catch {
      // Unreadable storage: what is in memory is all we know.
    }
    return [...names];
  }

  #read(name: string): string | null {
    try {
      const stored = this.#storage?.getItem(name);
      if (stored) return stored;
    } catch {
      // Storage disabled since construction: fall through to memory.
    }
    return this.#memory.get(name) ?? null;
  }

  #write(name: string, value: string): void {
    try {
      if (this.#storage) {
        this.#storage.setItem(name, value);
        this.#memory.delete(name);
        return;
      }
    } catch {
      // Quota exceeded or storage disabled: memory keeps it for this page's lifetime.
    }
    this.#memory.set(name, value);
  }

  #remove(name: string): void {
    this.#memory.delete(name);
    try {
      this.#storage?.removeItem(name);
    } catch {
      // Nothing to undo: a storage we cannot write to holds nothing of ours either.
    }
  }
}

function parseAttempt(json: string | null, now: number): Attempt | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<Attempt> | null;
    if (
      value !== null &&
      typeof value === 'object' &&
      isKey(value.key) &&
      typeof value.scope === 'string' &&
      typeof value.intent?.action === 'string' &&
      typeof value.startedAt === 'number' &&
      typeof value.expiresAt === 'number' &&
      value.expiresAt > now &&
      (value.recordId === undefined || typeof value.recordId === 'string') &&
      (value.starter === undefined || typeof value.starter === 'string')
    ) {
      return value as Attempt;
    }
  } catch {
    // A foreign or corrupted entry under our prefix: not an attempt.
  }
  return undefined;
}

/** A stored value we will send as a key: anything else (corrupted, truncated) is not one. */
function isKey(value: unknown): value is string {
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
