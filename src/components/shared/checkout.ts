/**
 * The shared machinery of both money flows (invoice payment and wallet top-up): opening the
 * gateway's checkout page safely, polling a payment or top-up until it settles, and a small
 * state machine that keeps money moving exactly once per user intent. No DOM of its own;
 * each element renders the steps its own way.
 *
 * Exactly once: the `Idempotency-Key` of a submit comes from `IntentKeys.keyFor(intent)`.
 * The intent is resolved (its key forgotten) only on a final outcome: the record completed,
 * or the gateway failed it. A network failure, a timeout, a dropped response, "still
 * processing" or a reload keep the intent, so the retry (and the page after a reload) sends
 * the same key and the server replays the first result instead of charging again.
 *
 * Steps (`MoneyFlowStep`): `idle` (nothing open) → `choosing` (the form) → `submitting`
 * (the POST in flight) → `redirecting` (this tab goes to the checkout) | `awaiting_checkout`
 * (the checkout popup is open, or was blocked and the fallback link is shown; polling) |
 * `processing` (polling, no checkout to wait for) → `succeeded` | `failed` (the gateway said
 * no: `record.failure_reason`) | `still_processing` (the deadline passed; never a false
 * success) | `error` (`controller.error`: a `BillingApiError` or `UnsafeCheckoutUrlError`).
 *
 * Checkout modes (the provider's `checkout-mode`):
 * - `redirect`: the tab navigates to the checkout with `?return=<this page + billing_return=<flow>:<id>>`.
 *   On the next load, the element that owns the flow calls `takeCheckoutReturn(flow)` (which
 *   reads the parameter and removes it with `history.replaceState`) and `controller.resume(id)`.
 * - `popup`: `submit()` opens the window synchronously (call it in the click handler, before
 *   any `await`, or popup blockers refuse it), navigates it once the POST answers, and polls
 *   while it is open. A blocked popup sets `popupBlocked` and `checkoutUrl` (render an
 *   "Open the payment page" link to it); polling runs either way until a final state or the deadline.
 *
 * @example The top-up flow (the pay flow is the same with `payInvoice` and `getPayment`):
 * ```ts
 * readonly flow = new MoneyFlowController<TopUp>(this, {
 *   flow: 'top_up',
 *   load: (id, signal) => this.billingClient!.getTopUp(id, { signal, fresh: true }),
 *   announce: (flow) => flow.step === 'succeeded' ? this.msg('...') : '',
 *   onSettled: (topUp, outcome) => { ... emit, invalidate ... },
 * });
 *
 * // In the click handler, synchronously:
 * void this.flow.submit({
 *   intent: { action: 'top_up', amount, methodId },
 *   mode: this.billingConfig.checkoutMode,
 *   create: async (idempotencyKey, signal) => {
 *     const topUp = await client.createTopUp(body, { idempotencyKey, signal });
 *     return { record: topUp, nextAction: topUp.next_action };
 *   },
 * });
 * ```
 *
 * Tests replace `checkoutNavigator.assign` / `.open` to capture the checkout URL: nothing here
 * navigates on its own.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingApiError, isBillingApiError } from '../../api/errors.js';
import type { BillingErrorCode } from '../../api/errors.js';
import { IntentKeys, defaultIntentStorage } from '../../api/idempotency.js';
import type { Intent } from '../../api/idempotency.js';
import type { NextAction } from '../../api/schemas.js';
import type { CheckoutMode } from '../../context.js';
import { addBundledMessages, isMessageKey, t } from '../../i18n/catalog.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { enMoney } from '../../i18n/en-money.js';
import { checkoutReturnUrl } from './checkout-return.js';
import type { MoneyFlowKind, PageLocation } from './checkout-return.js';
import { isSafeExternalUrl } from './links.js';

export type { Intent } from '../../api/idempotency.js';

// The money dialogs' English messages arrive with their code (both dialogs import this module).
addBundledMessages('en', enMoney);

export { CHECKOUT_RETURN_PARAM, checkoutReturnUrl, readCheckoutReturn, takeCheckoutReturn } from './checkout-return.js';
export type { MoneyFlowKind, PageLocation } from './checkout-return.js';

export type MoneyFlowStep =
  | 'idle'
  | 'choosing'
  | 'submitting'
  | 'redirecting'
  | 'awaiting_checkout'
  | 'processing'
  | 'succeeded'
  | 'failed'
  | 'still_processing'
  | 'error';

/** The steps a money dialog shows as checkout progress, and as an outcome. */
export type MoneyProgressStep = 'redirecting' | 'awaiting_checkout' | 'processing';
export type MoneyResultStep = 'succeeded' | 'failed' | 'still_processing';

/** What a money dialog shows for a step. */
export type MoneyDialogView =
  | { readonly view: 'form' }
  | { readonly view: 'progress'; readonly step: MoneyProgressStep }
  | { readonly view: 'result'; readonly step: MoneyResultStep }
  | { readonly view: 'check-error' };

/**
 * The pay and top-up dialogs' shared reading of a step: the form (to fill, fix or retry),
 * the checkout's progress, the outcome, or a failed status check. A failed POST (no record
 * yet) goes back to the form to fix or retry; a failed check has nothing to edit.
 */
export function moneyDialogView(step: MoneyFlowStep, hasRecord: boolean): MoneyDialogView {
  switch (step) {
    case 'redirecting':
    case 'awaiting_checkout':
    case 'processing':
      return { view: 'progress', step };
    case 'succeeded':
    case 'failed':
    case 'still_processing':
      return { view: 'result', step };
    case 'error':
      return hasRecord ? { view: 'check-error' } : { view: 'form' };
    default:
      return { view: 'form' };
  }
}

/** What the flows poll: a `Payment` or a `TopUp`. */
export interface SettleableRecord {
  readonly id: string;
  readonly status: string;
  readonly failure_reason?: string | null | undefined;
}

/** Statuses after which nothing changes by itself. Anything else (incl. unknown labels) is not final. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled', 'refunded']);

/** True once a payment or top-up will not change by itself any more. */
export function isFinalStatus(status: string): boolean {
  return FINAL_STATUSES.has(status);
}

/** Only `completed` is success: an unknown or refunded status never reads as money received. */
export function isSuccessStatus(status: string): boolean {
  return status === 'completed';
}

// ---------------------------------------------------------------------------------------------
// Checkout URLs and navigation
// ---------------------------------------------------------------------------------------------

/** The window name and features of the checkout popup (one window, reused). */
export const CHECKOUT_WINDOW_NAME = 'perlod-checkout';
export const CHECKOUT_WINDOW_FEATURES = 'popup,width=480,height=720';

/** The parts of a `Window` the popup mode uses; tests hand in a plain object. */
export interface CheckoutWindow {
  readonly closed: boolean;
  close(): void;
  location: { href: string };
  opener?: unknown;
}

/**
 * How checkouts are opened. Replace the methods in tests (and restore them after):
 * `checkoutNavigator.assign = (url) => { captured = url; }`.
 */
export const checkoutNavigator = {
  /** Redirect mode: this tab goes to the checkout. */
  assign(url: string): void {
    globalThis.location.assign(url);
  },
  /** Popup mode: a window, or null when a popup blocker refused it. */
  open(url: string, name: string, features: string): CheckoutWindow | null {
    return globalThis.open(url, name, features);
  },
};


/**
 * Refused redirect target: a checkout URL that is neither `https:` nor this page's own origin.
 * Nothing was charged: the customer never reached the gateway.
 */
export class UnsafeCheckoutUrlError extends Error {
  override readonly name = 'UnsafeCheckoutUrlError';
  readonly code = 'unsafe_checkout_url' as const;
  /** The message the UI shows ("The payment page address is not secure; nothing was charged. Contact support."). */
  readonly messageKey = 'checkout.unsafe_url' satisfies MessageKey;
  readonly url: string;

  constructor(url: string) {
    super(`Refused to open the checkout page ${url}: only https: (or this page's origin) is allowed`);
    this.url = url;
  }
}

/** What a money flow can fail with. */
export type MoneyFlowError = BillingApiError | UnsafeCheckoutUrlError;
export type MoneyFlowErrorCode = BillingErrorCode | UnsafeCheckoutUrlError['code'];

/**
 * The checkout URL as an absolute `href` when it is `https:` or same-origin (development);
 * throws `UnsafeCheckoutUrlError` for `http:` elsewhere, `javascript:`, `data:` or garbage.
 */
export function safeCheckoutUrl(url: string, location: PageLocation = globalThis.location): string {
  if (!isSafeExternalUrl(url, location.href)) throw new UnsafeCheckoutUrlError(url);
  return new URL(url, location.href).href;
}

/** The checkout URL with `?return=<returnUrl>` (replacing any `return` it had). */
export function withReturnUrl(checkoutUrl: string, returnUrl: string): string {
  const url = new URL(checkoutUrl);
  url.searchParams.set('return', returnUrl);
  return url.href;
}

// ---------------------------------------------------------------------------------------------
// Polling
// ---------------------------------------------------------------------------------------------

export interface PollTiming {
  /** Give up (and say "still processing") after this long. Default 60 s. */
  deadlineMs?: number;
  /** Wait before the second check; doubled after each check. Default 1 s. */
  initialDelayMs?: number;
  /** Longest wait between checks. Default 8 s. */
  maxDelayMs?: number;
}

export interface PollOptions<R> extends PollTiming {
  signal?: AbortSignal | undefined;
  /** Injectable for tests; resolves early (never rejects) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable clock (ms). */
  now?: () => number;
  /** Called with every record loaded, final or not. */
  onUpdate?: (record: R) => void;
}

/** `settled`: the record reached a final status. Otherwise the deadline passed: still processing. */
export type PollOutcome<R> =
  | { settled: true; record: R }
  | { settled: false; record: R | undefined; lastError: BillingApiError | undefined };

/** Load failures worth another try: the record may well be fine, the wire was not. */
const TRANSIENT_CODES: ReadonlySet<BillingErrorCode> = new Set(['network', 'timeout', 'server_error', 'rate_limited']);

export function isTransientError(error: unknown): boolean {
  return isBillingApiError(error) && TRANSIENT_CODES.has(error.code);
}

/**
 * Checks at once, then with exponential backoff (initial delay doubling up to the max), until
 * the status is final or the deadline passes (then a last check at the deadline). Transient
 * load errors keep it polling; any other error is thrown, as is an abort (`code: 'aborted'`).
 */
export async function pollUntilSettled<R extends { readonly status: string }>(
  load: (signal: AbortSignal) => Promise<R>,
  options: PollOptions<R> = {},
): Promise<PollOutcome<R>> {
  const { deadlineMs = 60_000, initialDelayMs = 1000, maxDelayMs = 8000 } = options;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const signal = options.signal ?? new AbortController().signal;
  const deadline = now() + deadlineMs;
  let delay = Math.max(0, initialDelayMs);
  let record: R | undefined;
  let lastError: BillingApiError | undefined;
  for (;;) {
    if (signal.aborted) throw abortedError(signal);
    try {
      record = await load(signal);
      lastError = undefined;
      options.onUpdate?.(record);
      if (isFinalStatus(record.status)) return { settled: true, record };
    } catch (error) {
      if (signal.aborted) throw abortedError(signal);
      if (!isTransientError(error)) throw error;
      lastError = error as BillingApiError;
    }
    const left = deadline - now();
    if (left <= 0) return { settled: false, record, lastError };
    await sleep(Math.min(delay, left), signal);
    delay = Math.min(maxDelayMs, Math.max(1, delay * 2));
  }
}

function abortedError(signal: AbortSignal): BillingApiError {
  return new BillingApiError('aborted', 'Polling was stopped', { cause: signal.reason });
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Errors as words
// ---------------------------------------------------------------------------------------------

/**
 * The next step an error's panel offers: `retry` (the same intent again: same key, safe),
 * `recheck` (look at the record / ask again whether the in-flight request went through),
 * `change` (edit the form: amount, method), `refresh` (reload the data), `sign_in`,
 * `support`, or `none` (nothing this widget can do; the text says what to do).
 */
export type MoneyErrorNextStep = 'retry' | 'recheck' | 'change' | 'refresh' | 'sign_in' | 'support' | 'none';

export interface MoneyErrorMessage {
  code: MoneyFlowErrorCode;
  /** What happened. */
  title: string;
  /** The next step in words; empty when the title says it all. */
  action: string;
  /** The server's own explanation (problem `detail`) for a validation failure, as text. */
  detail?: string | undefined;
  next: MoneyErrorNextStep;
}

const NEXT_STEP: Partial<Record<MoneyFlowErrorCode, MoneyErrorNextStep>> = {
  network: 'retry',
  timeout: 'retry',
  server_error: 'retry',
  rate_limited: 'retry',
  bad_response: 'recheck',
  aborted: 'retry',
  idempotency_conflict: 'recheck',
  validation_failed: 'change',
  insufficient_funds: 'change',
  invoice_not_payable: 'refresh',
  not_found: 'refresh',
  unauthorized: 'sign_in',
  forbidden: 'none',
  unsafe_checkout_url: 'support',
};

/**
 * An error of a money action in words, with the next step. Network failures and timeouts say
 * that retrying is safe (the same key is sent); a key conflict says to wait and re-check.
 */
export function moneyErrorMessage(error: MoneyFlowError | { code: BillingErrorCode; retryAfterMs?: number | undefined }, locale: string): MoneyErrorMessage {
  const code: MoneyFlowErrorCode = error.code;
  const next = NEXT_STEP[code] ?? 'retry';
  const own = (suffix: 'title' | 'action'): string | undefined => {
    const key = `checkout.error.${code}.${suffix}`;
    return isMessageKey(key) ? t(locale, key) : undefined;
  };
  if (code === 'unsafe_checkout_url') return { code, title: t(locale, 'checkout.unsafe_url'), action: '', next };
  const generic = isMessageKey(`error.${code}.title`) ? code : 'server_error';
  let action = own('action') ?? t(locale, `error.${generic}.action`);
  const wait = 'retryAfterMs' in error && error.retryAfterMs !== undefined ? Math.ceil(error.retryAfterMs / 1000) : undefined;
  if (wait) action = `${action} ${t(locale, 'error.retry_after', { n: wait })}`;
  const detail = code === 'validation_failed' && error instanceof BillingApiError ? error.problem?.detail : undefined;
  return { code, title: own('title') ?? t(locale, `error.${generic}.title`), action, detail, next };
}

// ---------------------------------------------------------------------------------------------
// Remembered checkouts: which record a key produced, for replays and returns
// ---------------------------------------------------------------------------------------------

interface RememberedCheckout {
  flow: MoneyFlowKind;
  id: string;
  intent: Intent;
}

const REMEMBERED_PREFIX = 'perlod-billing:checkout:';

/**
 * Which payment or top-up an idempotency key produced, in session storage next to the keys.
 * It tells a replay ("already started in another window") from a first answer, and finds the
 * intent of a checkout this page returns to, so its key is resolved once the record settles.
 */
class RememberedCheckouts {
  readonly #storage: Storage | undefined;
  readonly #memory = new Map<string, string>();

  constructor(storage: Storage | undefined) {
    this.#storage = storage;
  }

  get(key: string): RememberedCheckout | undefined {
    return parseRemembered(this.#read(REMEMBERED_PREFIX + key));
  }

  set(key: string, value: RememberedCheckout): void {
    const json = JSON.stringify(value);
    this.#memory.set(REMEMBERED_PREFIX + key, json);
    try {
      this.#storage?.setItem(REMEMBERED_PREFIX + key, json);
    } catch {
      // Storage full or disabled: memory keeps it for this page.
    }
  }

  byId(flow: MoneyFlowKind, id: string): { key: string; value: RememberedCheckout } | undefined {
    const names = new Set(this.#memory.keys());
    try {
      for (let i = 0; this.#storage && i < this.#storage.length; i++) {
        const name = this.#storage.key(i);
        if (name?.startsWith(REMEMBERED_PREFIX)) names.add(name);
      }
    } catch {
      // Unreadable storage: memory is all we know.
    }
    for (const name of names) {
      const value = parseRemembered(this.#read(name));
      if (value?.flow === flow && value.id === id) return { key: name.slice(REMEMBERED_PREFIX.length), value };
    }
    return undefined;
  }

  delete(key: string): void {
    this.#memory.delete(REMEMBERED_PREFIX + key);
    try {
      this.#storage?.removeItem(REMEMBERED_PREFIX + key);
    } catch {
      // Nothing stored to remove.
    }
  }

  #read(name: string): string | null {
    try {
      const stored = this.#storage?.getItem(name);
      if (stored) return stored;
    } catch {
      // Fall back to memory.
    }
    return this.#memory.get(name) ?? null;
  }
}

function parseRemembered(json: string | null): RememberedCheckout | undefined {
  if (!json) return undefined;
  try {
    const value = JSON.parse(json) as Partial<RememberedCheckout> | null;
    if (value && (value.flow === 'top_up' || value.flow === 'pay') && typeof value.id === 'string' && typeof value.intent?.action === 'string') {
      return value as RememberedCheckout;
    }
  } catch {
    // Garbage under our prefix: ignore it.
  }
  return undefined;
}


// ---------------------------------------------------------------------------------------------
// The controller
// ---------------------------------------------------------------------------------------------

/** What `submit()` needs for one attempt of an intent. */
export interface MoneyFlowSubmit<R extends SettleableRecord> {
  /** The user intent: `{ action: 'top_up', amount, methodId }`, `{ action: 'pay', invoiceId, methodId, applyWallet }`. */
  intent: Intent;
  /** The provider's checkout mode. */
  mode: CheckoutMode;
  /** The POST, with the intent's key: `client.createTopUp(body, { idempotencyKey, signal })`. */
  create(idempotencyKey: string, signal: AbortSignal): Promise<{ record: R; nextAction: NextAction | null }>;
}

export interface MoneyFlowOptions<R extends SettleableRecord> {
  flow: MoneyFlowKind;
  /** One fresh read of the record (skip the cache): `client.getTopUp(id, { signal, fresh: true })`. */
  load(id: string, signal: AbortSignal): Promise<R>;
  /** The text for the polite live region after each change; default none. */
  announce?: (flow: MoneyFlowController<R>) => string;
  /** Called once when a record settles (to emit the element's event and invalidate what changed). */
  onSettled?: (record: R, outcome: 'succeeded' | 'failed') => void;
  /** Where keys live; default `new IntentKeys()` (session storage). */
  intentKeys?: IntentKeys;
  /** Where remembered checkouts live; default session storage. */
  storage?: Storage | undefined;
  /** Poll timing; also settable later through `controller.timing`. */
  timing?: PollTiming;
  /** Injectable for tests. */
  sleep?: PollOptions<R>['sleep'];
  /** The page location for return URLs and the https check; default `globalThis.location`. */
  location?: () => PageLocation;
  /** How often a popup is checked for being closed (ms). Default 500. */
  popupCheckMs?: number;
}

/**
 * The step machine of one money flow, as a Lit reactive controller: every change requests an
 * update of the host. One submit runs at a time (`busy`): a double click sends one request,
 * and the idempotency key makes even two requests safe.
 */
export class MoneyFlowController<R extends SettleableRecord> implements ReactiveController {
  readonly flow: MoneyFlowKind;
  readonly intentKeys: IntentKeys;
  /** Poll timing for the next poll (tests and stories shorten it). */
  timing: PollTiming;

  #step: MoneyFlowStep = 'idle';
  #error: MoneyFlowError | undefined;
  #record: R | undefined;
  #intent: Intent | undefined;
  #key: string | undefined;
  #replayed = false;
  #checkoutUrl: string | undefined;
  #popupBlocked = false;
  #popupClosed = false;
  #announcement = '';
  #lastSubmit: MoneyFlowSubmit<R> | undefined;
  #run: AbortController | undefined;
  #popup: CheckoutWindow | null = null;
  #popupTimer: ReturnType<typeof setInterval> | undefined;
  #interrupted = false;
  readonly #host: ReactiveControllerHost;
  readonly #options: MoneyFlowOptions<R>;
  readonly #remembered: RememberedCheckouts;

  constructor(host: ReactiveControllerHost, options: MoneyFlowOptions<R>) {
    this.#host = host;
    this.#options = options;
    this.flow = options.flow;
    const storage = 'storage' in options ? options.storage : defaultIntentStorage();
    this.intentKeys = options.intentKeys ?? new IntentKeys(storage);
    this.#remembered = new RememberedCheckouts(storage);
    this.timing = { ...options.timing };
    host.addController(this);
  }

  /** The current step; see `MoneyFlowStep`. */
  get step(): MoneyFlowStep {
    return this.#step;
  }
  /** Why the flow is in `error`. */
  get error(): MoneyFlowError | undefined {
    return this.#error;
  }
  /** The last known payment or top-up of this attempt. */
  get record(): R | undefined {
    return this.#record;
  }
  /** The intent of the current attempt, and its idempotency key. */
  get intent(): Intent | undefined {
    return this.#intent;
  }
  get idempotencyKey(): string | undefined {
    return this.#key;
  }
  /** The server answered with a record this browser had already seen for this key: the intent was already started (another window, an earlier try). */
  get replayed(): boolean {
    return this.#replayed;
  }
  /** The (checked) checkout URL of the attempt, for the "Open the payment page" fallback link. */
  get checkoutUrl(): string | undefined {
    return this.#checkoutUrl;
  }
  /** Popup mode: the browser refused the window; show the link to `checkoutUrl`. */
  get popupBlocked(): boolean {
    return this.#popupBlocked;
  }
  /** Popup mode: the window was closed before the record settled (polling goes on to the deadline). */
  get popupClosed(): boolean {
    return this.#popupClosed;
  }
  /** The text for the polite live region. */
  get announcement(): string {
    return this.#announcement;
  }
  /** A request is in flight or the page is leaving: disable the submit button, keep the dialog open. */
  get busy(): boolean {
    return this.#step === 'submitting' || this.#step === 'redirecting';
  }
  /** A final outcome or a dead end the user must act on. */
  get done(): boolean {
    return this.#step === 'succeeded' || this.#step === 'failed' || this.#step === 'still_processing' || this.#step === 'error';
  }

  /** The form is shown (the dialog opened). Stops nothing that is running. */
  choose(): void {
    if (this.#step === 'idle' || this.done) this.#clearAttempt();
    this.#set('choosing');
  }

  /**
   * Back to `idle` (dialog closed) or `choosing` ("Try another method"): stops polling and
   * the popup watch. The intent is NOT resolved: an unsettled intent keeps its key.
   */
  reset(step: 'idle' | 'choosing' = 'idle'): void {
    this.#stop();
    this.#clearAttempt();
    this.#set(step);
  }

  /**
   * Runs one attempt of `request.intent`. Call it synchronously from the click handler: in
   * popup mode the window is opened before the first `await`. Ignored while `busy`.
   */
  async submit(request: MoneyFlowSubmit<R>): Promise<void> {
    if (this.busy) return;
    // The window must open in the user's click turn, before anything is awaited.
    const popup = request.mode === 'popup' ? this.#openBlankPopup() : null;
    this.#stop();
    this.#clearAttempt();
    this.#lastSubmit = request;
    this.#intent = request.intent;
    this.#popup = popup;
    this.#popupBlocked = request.mode === 'popup' && popup === null;
    const key = this.intentKeys.keyFor(request.intent);
    this.#key = key;
    const run = (this.#run = new AbortController());
    this.#set('submitting');

    let created: { record: R; nextAction: NextAction | null };
    try {
      created = await request.create(key, run.signal);
    } catch (error) {
      if (run.signal.aborted) return;
      this.#closePopup();
      this.#fail(error);
      return;
    }
    if (run.signal.aborted) return;
    const { record, nextAction } = created;
    const seen = this.#remembered.get(key);
    this.#replayed = seen !== undefined && seen.id === record.id;
    this.#remembered.set(key, { flow: this.flow, id: record.id, intent: request.intent });
    this.#record = record;

    if (isFinalStatus(record.status)) {
      this.#finish(record);
      return;
    }
    if (nextAction) {
      let url: string;
      try {
        url = safeCheckoutUrl(nextAction.url, this.#location());
      } catch (error) {
        this.#closePopup();
        this.#fail(error);
        return;
      }
      if (request.mode === 'redirect') {
        this.#checkoutUrl = withReturnUrl(url, checkoutReturnUrl(this.flow, record.id, this.#location()));
        this.#set('redirecting');
        checkoutNavigator.assign(this.#checkoutUrl);
        return;
      }
      this.#checkoutUrl = url;
      if (this.#popup) {
        try {
          this.#popup.location.href = url;
        } catch {
          // The window went away between open and now: treat it as blocked, the link still works.
          this.#popup = null;
          this.#popupBlocked = true;
        }
      }
      this.#set('awaiting_checkout');
      this.#watchPopup();
    } else {
      this.#closePopup();
      this.#set('processing');
    }
    await this.#poll(record.id, run);
  }

  /**
   * Continues a checkout this page came back from (redirect mode): polls the record. The
   * intent is found from what this browser remembered when it sent the customer away.
   */
  async resume(id: string): Promise<void> {
    this.#stop();
    this.#clearAttempt();
    const known = this.#remembered.byId(this.flow, id);
    if (known) {
      this.#intent = known.value.intent;
      this.#key = known.key;
    }
    const run = (this.#run = new AbortController());
    this.#set('processing');
    await this.#poll(id, run);
  }

  /**
   * Looks again: polls the known record (after "still processing" or a failed load), or, when
   * the POST never answered, sends the same intent again with the same key (a conflict or a
   * lost response then becomes the first result).
   */
  async recheck(): Promise<void> {
    const id = this.#record?.id;
    if (id === undefined) {
      if (this.#lastSubmit) await this.submit(this.#lastSubmit);
      return;
    }
    this.#stop();
    this.#error = undefined;
    const run = (this.#run = new AbortController());
    this.#set('processing');
    await this.#poll(id, run);
  }

  /** "Try again" after an error: the same intent (same key) again, or a re-check of a known record. */
  retry(): Promise<void> {
    if (this.#record === undefined && this.#lastSubmit) return this.submit(this.#lastSubmit);
    return this.recheck();
  }

  /** Opens the checkout window again (the fallback link's click, or "Open the payment page" after closing it). */
  reopenCheckout(): void {
    if (!this.#checkoutUrl) return;
    const popup = checkoutNavigator.open(this.#checkoutUrl, CHECKOUT_WINDOW_NAME, CHECKOUT_WINDOW_FEATURES);
    if (!popup) return;
    this.#popup = popup;
    this.#popupBlocked = false;
    this.#popupClosed = false;
    if (this.#step === 'processing') this.#set('awaiting_checkout');
    this.#watchPopup();
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    if (this.#interrupted) {
      this.#interrupted = false;
      if (this.#record) void this.recheck();
    }
  }

  hostDisconnected(): void {
    // A money POST in flight is never aborted: it may already have moved money, and its answer is needed.
    if (this.busy) return;
    if (this.#step === 'processing' || this.#step === 'awaiting_checkout') this.#interrupted = true;
    this.#stop();
  }

  async #poll(id: string, run: AbortController): Promise<void> {
    try {
      const outcome = await pollUntilSettled((signal) => this.#options.load(id, signal), {
        ...this.timing,
        signal: run.signal,
        sleep: this.#options.sleep,
        onUpdate: (record) => {
          if (run.signal.aborted) return;
          this.#record = record;
          this.#host.requestUpdate();
        },
      });
      if (run.signal.aborted) return;
      if (outcome.settled) this.#finish(outcome.record);
      else {
        this.#stopPopupWatch();
        this.#set('still_processing');
      }
    } catch (error) {
      if (run.signal.aborted) return;
      this.#stopPopupWatch();
      this.#fail(error);
    }
  }

  #finish(record: R): void {
    this.#record = record;
    this.#closePopup();
    const outcome = isSuccessStatus(record.status) ? 'succeeded' : 'failed';
    // Final: the next attempt is a new intent with a new key.
    if (this.#intent) this.intentKeys.resolve(this.#intent);
    if (this.#key) this.#remembered.delete(this.#key);
    this.#set(outcome);
    this.#options.onSettled?.(record, outcome);
  }

  #fail(error: unknown): void {
    this.#error =
      error instanceof UnsafeCheckoutUrlError || isBillingApiError(error)
        ? error
        : new BillingApiError('bad_response', error instanceof Error ? error.message : String(error), { cause: error });
    this.#set('error');
  }

  #openBlankPopup(): CheckoutWindow | null {
    let popup: CheckoutWindow | null;
    try {
      popup = checkoutNavigator.open('about:blank', CHECKOUT_WINDOW_NAME, CHECKOUT_WINDOW_FEATURES);
    } catch {
      popup = null;
    }
    if (popup) {
      try {
        // The gateway page gets no handle on this page (reverse tabnabbing); we keep ours on it.
        popup.opener = null;
      } catch {
        // Not settable: harmless.
      }
    }
    return popup;
  }

  #watchPopup(): void {
    this.#stopPopupWatch();
    if (!this.#popup) return;
    this.#popupTimer = setInterval(() => {
      if (!this.#popup?.closed) return;
      this.#popup = null;
      this.#popupClosed = true;
      this.#stopPopupWatch();
      // Closed without a final state: keep polling to the deadline, just not "awaiting" any more.
      if (this.#step === 'awaiting_checkout') this.#set('processing');
    }, this.#options.popupCheckMs ?? 500);
  }

  #stopPopupWatch(): void {
    if (this.#popupTimer !== undefined) clearInterval(this.#popupTimer);
    this.#popupTimer = undefined;
  }

  #closePopup(): void {
    this.#stopPopupWatch();
    try {
      if (this.#popup && !this.#popup.closed) this.#popup.close();
    } catch {
      // Already gone.
    }
    this.#popup = null;
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = undefined;
    this.#stopPopupWatch();
  }

  #clearAttempt(): void {
    this.#error = undefined;
    this.#record = undefined;
    this.#intent = undefined;
    this.#key = undefined;
    this.#replayed = false;
    this.#checkoutUrl = undefined;
    this.#popupBlocked = false;
    this.#popupClosed = false;
    this.#popup = null;
  }

  #location(): PageLocation {
    return this.#options.location?.() ?? globalThis.location;
  }

  #set(step: MoneyFlowStep): void {
    this.#step = step;
    this.#announcement = this.#options.announce?.(this) ?? '';
    this.#host.requestUpdate();
  }
}
