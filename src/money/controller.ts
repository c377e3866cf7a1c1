/**
 * The step machine of one money flow (pay or top up): one attempt per confirmation, sent
 * exactly once, told as success only when this attempt's record completed. How it works, and
 * why, is in the README's "Money safety" section.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BillingApiError, isBillingApiError } from '../api/errors.js';
import type { NextAction } from '../api/schemas.js';
import type { CheckoutMode } from '../context.js';
import { isFinalStatus, isSuccessStatus } from '../domain/status.js';
import { addBundledMessages } from '../i18n/catalog.js';
import { AttemptStore } from './attempts.js';
import type { Attempt, Intent } from './attempts.js';
import { CHECKOUT_WINDOW_FEATURES, CHECKOUT_WINDOW_NAME, checkoutNavigator, safeCheckoutUrl, withReturnUrl } from './checkout-url.js';
import type { CheckoutWindow } from './checkout-url.js';
import { MoneyConfigurationError, QuoteChangedError, UnsafeCheckoutUrlError, UnsupportedNextActionError } from './errors.js';
import type { MoneyFlowError } from './errors.js';
import { checkoutReturnUrl } from './launch/return.js';
import type { MoneyFlowKind, PageLocation } from './launch/return.js';
import { enMoney } from './messages.en.js';
import { pollUntilSettled } from './polling.js';
import type { PollOptions, PollTiming } from './polling.js';
import type { MoneyFlowStep, SettleableRecord } from './steps.js';

// The money dialogs' English messages arrive with their code (both dialogs import this module).
addBundledMessages('en', enMoney);

/** Where a page's money attempts belong: the client's `storageScope` (its API base), and the provider's account. */
export function attemptScope(client: { readonly storageScope?: string | undefined }, accountId: string | undefined): string {
  return (client.storageScope ?? '') + (accountId ? `|${accountId}` : '');
}

/** What `submit()` needs for one attempt. */
export interface MoneyFlowSubmit<R extends SettleableRecord> {
  /** What the customer confirmed: `{ action: 'top_up', amount, methodId }`, `{ action: 'pay', invoiceId, methodId, applyWallet, amount }`. */
  intent: Intent;
  /** The provider's checkout mode. */
  mode: CheckoutMode;
  /** The POST, with the attempt's key: `client.createTopUp(body, { idempotencyKey, signal })`. */
  create(idempotencyKey: string, signal: AbortSignal): Promise<{ record: R; nextAction: NextAction | null }>;
  /**
   * An attempt to send again instead of beginning a new one: an unfinished attempt the customer
   * chose to continue (`continued`, the default), or this dialog's own attempt confirmed again
   * after the server changed its total (`continued: false`).
   */
  attempt?: Attempt | undefined;
  continued?: boolean | undefined;
}

/** What a flow found of an earlier attempt of this browser when its dialog opened. */
export type UnfinishedAttempt<R> =
  /** Still open at the server (or unknown: its request never answered): continue it or start over. */
  | { readonly state: 'open'; readonly attempt: Attempt; readonly record: R | undefined }
  /** It completed while this page was away: say so (no success event: this page did not see it happen). */
  | { readonly state: 'completed'; readonly attempt: Attempt; readonly record: R };

export interface MoneyFlowOptions<R extends SettleableRecord> {
  flow: MoneyFlowKind;
  /** One fresh read of the record (skip the cache): `client.getTopUp(id, { signal, fresh: true })`. */
  load(id: string, signal: AbortSignal): Promise<R>;
  /** Where this flow's attempts belong: the client's API base and account (`storageScope`). */
  scope(): string;
  /** Which element starts attempts here; a return from the gateway is resumed by the same element. */
  starter?: string | undefined;
  /** The checkout origins the page accepts (the provider's `checkout-origins`); empty: https or this origin. */
  checkoutOrigins?: () => readonly string[];
  /** False when a record is not the one the attempt is about (another invoice, another kind): never shown as its outcome. */
  matches?: (record: R, intent: Intent) => boolean;
  /** The text for the polite live region after each change; default none. */
  announce?: (flow: MoneyFlowController<R>) => string;
  /**
   * Called once when a record settles, to invalidate what changed and emit the element's
   * event when `announce` is true: a success this attempt caused, announced in no other tab
   * or page before (success events fire at most once per record per browser).
   */
  onSettled?: (record: R, outcome: 'succeeded' | 'failed', info: { announce: boolean; earlier: boolean }) => void;
  /** Called when the flow fails (for the element's `billing-error`). */
  onError?: (error: MoneyFlowError) => void;
  /** Where attempts live; default a store on local storage. */
  attempts?: AttemptStore;
  /** Poll timing; also settable later through `controller.timing`. */
  timing?: PollTiming;
  /** Injectable for tests. */
  sleep?: PollOptions<R>['sleep'];
  /** The page location for return URLs and the https check; default `globalThis.location`. */
  location?: () => PageLocation;
  /** How often a popup is checked for being closed (ms). Default 500. */
  popupCheckMs?: number;
}

/** Codes after which the server kept nothing for the key: the attempt is over (a new confirmation is a new attempt). */
const ATTEMPT_ENDING_CODES: ReadonlySet<string> = new Set([
  'validation_failed',
  'insufficient_funds',
  'invoice_not_payable',
  'not_found',
  'forbidden',
  'unsafe_checkout_url',
  'unsupported_next_action',
  'configuration',
]);

/**
 * The step machine of one money flow, as a Lit reactive controller: every change requests an
 * update of the host. One submit runs at a time (`busy`): a double click sends one request,
 * and the attempt's idempotency key makes even two requests safe.
 */
export class MoneyFlowController<R extends SettleableRecord> implements ReactiveController {
  readonly flow: MoneyFlowKind;
  readonly attempts: AttemptStore;
  /** Poll timing for the next poll (tests and stories shorten it). */
  timing: PollTiming;

  #step: MoneyFlowStep = 'idle';
  #error: MoneyFlowError | undefined;
  #record: R | undefined;
  #attempt: Attempt | undefined;
  #continued = false;
  #earlier = false;
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

  constructor(host: ReactiveControllerHost, options: MoneyFlowOptions<R>) {
    this.#host = host;
    this.#options = options;
    this.flow = options.flow;
    this.attempts = options.attempts ?? new AttemptStore();
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
  /** The attempt under way (its key is `attempt.key`). */
  get attempt(): Attempt | undefined {
    return this.#attempt;
  }
  /** What the attempt under way is about. */
  get intent(): Intent | undefined {
    return this.#attempt?.intent;
  }
  get idempotencyKey(): string | undefined {
    return this.#attempt?.key;
  }
  /** The customer continued an attempt started earlier (a reload, another tab): its record may predate this page. */
  get replayed(): boolean {
    return this.#continued;
  }
  /**
   * `succeeded` describes an earlier completion: the continued attempt's record had already
   * completed before this page sent anything. Say "already completed on …", never "paid now".
   */
  get earlier(): boolean {
    return this.#earlier;
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
   * the popup watch. An unsettled attempt stays stored: the next opening offers to continue it.
   */
  reset(step: 'idle' | 'choosing' = 'idle'): void {
    this.#stop();
    this.#clearAttempt();
    this.#set(step);
  }

  /**
   * Earlier attempts of this flow in this browser and scope that `match` accepts, newest
   * first, checked with the server: those that ended are forgotten on the way (a completed
   * one is returned once, to be told as earlier); the first still open (or unknown) is returned.
   */
  async findUnfinished(match: (intent: Intent) => boolean, signal?: AbortSignal): Promise<UnfinishedAttempt<R> | undefined> {
    const candidates = this.unresolved(match).reverse();
    let completed: UnfinishedAttempt<R> | undefined;
    for (const attempt of candidates) {
      if (attempt.recordId === undefined) return { state: 'open', attempt, record: undefined };
      let record: R;
      try {
        record = await this.#options.load(attempt.recordId, signal ?? new AbortController().signal);
      } catch (error) {
        // Not a record of the account signed in now (another account on this origin, or gone): never offered.
        if (isBillingApiError(error) && (error.code === 'not_found' || error.code === 'forbidden')) {
          this.attempts.resolve(attempt.key);
          continue;
        }
        // Cannot tell now: offer to continue it, which checks again.
        return { state: 'open', attempt, record: undefined };
      }
      if (this.#options.matches && !this.#options.matches(record, attempt.intent)) {
        this.attempts.resolve(attempt.key);
        continue;
      }
      if (!isFinalStatus(record.status)) return { state: 'open', attempt, record };
      this.attempts.resolve(attempt.key);
      if (isSuccessStatus(record.status)) completed ??= { state: 'completed', attempt, record };
    }
    return completed;
  }

  /** This browser's unresolved attempts of this flow that `match` accepts, newest last (no request). */
  unresolved(match: (intent: Intent) => boolean): Attempt[] {
    return this.attempts.pending(this.#options.scope()).filter((attempt) => attempt.intent.action === this.flow && match(attempt.intent));
  }

  /** Forgets an earlier attempt ("Start over"): the next confirmation begins a new one. */
  abandon(attempt: Attempt): void {
    this.attempts.resolve(attempt.key);
  }

  /**
   * Runs one attempt. Call it synchronously from the confirm button's click handler: in popup
   * mode the window is opened before the first `await`. Ignored while `busy`.
   */
  async submit(request: MoneyFlowSubmit<R>): Promise<void> {
    if (this.busy) return;
    // The window must open in the user's click turn, before anything is awaited.
    const popup = request.mode === 'popup' ? this.#openBlankPopup() : null;
    let scope: string;
    try {
      scope = this.#options.scope();
    } catch (error) {
      this.#closePopupWindow(popup);
      this.#clearAttempt();
      this.#fail(error);
      return;
    }
    const continued = request.attempt !== undefined && request.continued !== false;
    const attempt = request.attempt ?? this.attempts.begin(request.intent, scope, this.#options.starter);
    await this.#send(request, attempt, continued, popup);
  }

  async #send(request: MoneyFlowSubmit<R>, attempt: Attempt, continued: boolean, popup: CheckoutWindow | null): Promise<void> {
    this.#stop();
    this.#clearAttempt();
    this.#lastSubmit = request;
    this.#attempt = attempt;
    this.#continued = continued;
    this.#popup = popup;
    this.#popupBlocked = request.mode === 'popup' && popup === null;
    const run = (this.#run = new AbortController());
    this.#set('submitting');

    try {
      // An attempt from earlier may have ended meanwhile: look before sending anything again.
      const looked = continued && attempt.recordId !== undefined;
      if (looked) {
        const record = await this.#options.load(attempt.recordId, run.signal);
        if (run.signal.aborted || !this.#checkRecord(record)) return;
        if (isFinalStatus(record.status)) {
          this.#record = record;
          this.#earlier = true;
          this.#finish(record);
          return;
        }
      }
      const created = await request.create(attempt.key, run.signal);
      if (run.signal.aborted) return;
      let { record } = created;
      const { nextAction } = created;
      this.#attempt = this.attempts.setRecord(attempt.key, record.id) ?? { ...attempt, recordId: record.id };
      // A replay answers with the body the server stored first, which may be stale: read the record
      // itself, unless it was just read (still open) before sending.
      if (continued && !looked) {
        record = await this.#options.load(record.id, run.signal);
        if (run.signal.aborted) return;
        this.#earlier = isFinalStatus(record.status);
      }
      if (!this.#checkRecord(record)) return;
      this.#record = record;
      if (isFinalStatus(record.status)) {
        this.#finish(record);
        return;
      }
      if (nextAction) {
        if (nextAction.type !== 'redirect') throw new UnsupportedNextActionError(nextAction.type);
        const url = safeCheckoutUrl(nextAction.url, this.#location(), this.#options.checkoutOrigins?.() ?? []);
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
    } catch (error) {
      this.#failRun(run, error, () => this.#closePopup());
      return;
    }
    const id = this.#record?.id;
    if (id !== undefined) await this.#poll(id, run);
  }

  /**
   * The attempt a return from a redirect checkout (`billing_return=<flow>:<id>`) belongs to:
   * only one this browser started, in this scope, by `starter` (when given), for record `id`.
   * A crafted or foreign link finds none, and then nothing is resumed or announced.
   */
  returnAttempt(id: string, starter?: string): Attempt | undefined {
    const attempt = this.attempts.byRecord(this.#options.scope(), id);
    if (!attempt || attempt.intent.action !== this.flow) return undefined;
    if (starter !== undefined && attempt.starter !== undefined && attempt.starter !== starter) return undefined;
    return attempt;
  }

  /** Continues the checkout of `attempt` this page came back from (redirect mode): polls its record. */
  async resume(attempt: Attempt): Promise<void> {
    const id = attempt.recordId;
    if (id === undefined) return;
    this.#stop();
    this.#clearAttempt();
    this.#attempt = attempt;
    await this.#pollAgain(id);
  }

  /**
   * Looks again: polls the known record (after "still processing" or a failed load), or, when
   * the POST never answered, sends the same attempt again with the same key (a conflict or a
   * lost response then becomes the first result).
   */
  async recheck(): Promise<void> {
    const id = this.#record?.id ?? this.#attempt?.recordId;
    if (id === undefined) {
      await this.retry();
      return;
    }
    this.#stop();
    this.#error = undefined;
    await this.#pollAgain(id);
  }

  /** A new run that polls record `id` from the processing step. */
  async #pollAgain(id: string): Promise<void> {
    const run = (this.#run = new AbortController());
    this.#set('processing');
    await this.#poll(id, run);
  }

  /** "Try again" after an error: the same attempt (same key) again, or a re-check of a known record. */
  async retry(): Promise<void> {
    const request = this.#lastSubmit;
    const attempt = this.#attempt;
    if (this.#record === undefined && request && attempt && !this.busy) {
      const popup = request.mode === 'popup' ? this.#openBlankPopup() : null;
      // The attempt may have ended (a definitive error): then this confirmation is a new one.
      const live = this.attempts.get(attempt.key) ?? this.attempts.begin(request.intent, attempt.scope, this.#options.starter);
      await this.#send(request, live, this.#continued && live.key === attempt.key, popup);
      return;
    }
    if (this.#record !== undefined) await this.recheck();
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

  /** False (and the flow in error) when the record is not the one this attempt is about. */
  #checkRecord(record: R): boolean {
    const intent = this.#attempt?.intent;
    if (!intent || !this.#options.matches || this.#options.matches(record, intent)) return true;
    this.#fail(new BillingApiError('bad_response', `The billing service answered with record ${record.id}, which does not belong to this ${this.flow === 'pay' ? 'invoice' : 'top-up'}`));
    return false;
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
      if (outcome.settled) {
        if (this.#checkRecord(outcome.record)) this.#finish(outcome.record);
      } else {
        this.#stopPopupWatch();
        this.#set('still_processing');
      }
    } catch (error) {
      this.#failRun(run, error, () => this.#stopPopupWatch());
    }
  }

  /** A run's failure, unless the run was stopped (closed, replaced): tidy the popup, then show the error. */
  #failRun(run: AbortController, error: unknown, tidy: () => void): void {
    if (run.signal.aborted) return;
    tidy();
    this.#fail(error);
  }

  #finish(record: R): void {
    this.#record = record;
    this.#closePopup();
    const outcome = isSuccessStatus(record.status) ? 'succeeded' : 'failed';
    if (outcome === 'failed') this.#earlier = false;
    const attempt = this.#attempt;
    // Final: the next confirmation is a new attempt with a new key.
    if (attempt) this.attempts.resolve(attempt.key);
    const announce = outcome === 'succeeded' && !this.#earlier && this.attempts.claimAnnouncement(attempt?.scope ?? this.#options.scope(), record.id);
    this.#set(outcome);
    this.#options.onSettled?.(record, outcome, { announce, earlier: this.#earlier });
  }

  #fail(error: unknown): void {
    const known: MoneyFlowError =
      error instanceof UnsafeCheckoutUrlError ||
      error instanceof UnsupportedNextActionError ||
      error instanceof MoneyConfigurationError ||
      error instanceof QuoteChangedError ||
      isBillingApiError(error)
        ? error
        : new BillingApiError('bad_response', error instanceof Error ? error.message : String(error), { cause: error });
    this.#error = known;
    // Nothing the server keeps for this key: a later confirmation is a new attempt.
    if (this.#attempt && ATTEMPT_ENDING_CODES.has(known.code)) this.attempts.resolve(this.#attempt.key);
    this.#set('error');
    if (known.code !== 'aborted') this.#options.onError?.(known);
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
    this.#closePopupWindow(this.#popup);
    this.#popup = null;
  }

  #closePopupWindow(popup: CheckoutWindow | null): void {
    try {
      if (popup && !popup.closed) popup.close();
    } catch {
      // Already gone.
    }
  }

  #stop(): void {
    this.#run?.abort();
    this.#run = undefined;
    this.#stopPopupWatch();
  }

  #clearAttempt(): void {
    this.#error = undefined;
    this.#record = undefined;
    this.#attempt = undefined;
    this.#continued = false;
    this.#earlier = false;
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
