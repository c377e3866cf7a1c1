/**
 * The real system of the money model: one page with one or two "tabs" (each a
 * `<billing-provider>` with a `<top-up-button>` and an `<invoice-detail>`, its own client and
 * cache, sharing this origin's storage and a broadcast channel), the reference API behind
 * them, and a stand-in for the payment gateway. It records what the page did (every request
 * with its `Idempotency-Key`, every event, every checkout it showed) so the invariants can
 * compare it with the API's ledger after each step.
 */
import { QueryCache } from '../../../src/api/cache.js';
import { createHttpClient } from '../../../src/api/http-client.js';
import '../../../src/define/billing-provider.js';
import '../../../src/define/top-up-button.js';
import '../../../src/define/invoice-detail.js';
import type { BillingProvider } from '../../../src/components/billing-provider/billing-provider.js';
import type { TopUpButton } from '../../../src/components/top-up-button/top-up-button.js';
import type { InvoiceDetail } from '../../../src/components/invoice-detail/invoice-detail.js';
import { checkoutNavigator } from '../../../src/money/checkout-url.js';
import type { CheckoutWindow } from '../../../src/money/checkout-url.js';
import { payDialogCode } from '../../../src/money/launch/dialog-slot.js';
import { topUpDialogCode } from '../../../src/components/top-up-button/top-up-button.js';
import { createReferenceApi } from '../../../src/testing/index.js';
import type { MoneyRecord, ReferenceApi } from '../../../src/testing/index.js';

export type FlowKind = 'top_up' | 'pay';
export type CheckoutMode = 'redirect' | 'popup';

export interface SequenceConfig {
  mode: CheckoutMode;
  /** The invoice `<invoice-detail>` shows. */
  invoiceId: string;
}

/** What kind of step is running: which steps may send a money request is an invariant. */
export type StepKind = 'setup' | 'confirm' | 'press' | 'other';

/** Same-origin API base: the reference API's checkout pages are then same-origin, which the https rule allows. */
export const API_BASE = `${location.origin}/api/billing/v1`;
/** Per request; the "timeout after commit" fault answers later than this. */
export const CLIENT_TIMEOUT_MS = 250;
/** Polling: fast, and a deadline only a clock jump reaches. */
export const POLL_TIMING = { initialDelayMs: 2, maxDelayMs: 12, deadlineMs: 60_000 };
/** A clock jump: past the polling deadline. */
export const CLOCK_JUMP_MS = 61_000;
const STORAGE_PREFIX = 'perlod-billing:';
const FINAL = new Set(['completed', 'failed', 'cancelled', 'refunded']);
const EMPTY_DIALOG = 'a dialog has nothing to show yet';

/**
 * What the sequences did, summed over a run and printed after it: evidence that the model
 * reaches the states it is about (a model whose actions all do nothing passes every invariant).
 */
export const activity = new Map<string, number>();
export function bump(what: string, by = 1): void {
  if (by > 0) activity.set(what, (activity.get(what) ?? 0) + by);
}

// One clock for the page that a step can move forward: the pollers read `Date.now` when they
// start, so it is replaced before any of them exists.
const realNow = Date.now.bind(Date);
let clockOffset = 0;
Date.now = () => realNow() + clockOffset;

export interface Tab {
  slot: number;
  /** This page load (a reload or a return from the gateway is a new one). */
  uid: number;
  /** The browser (device) whose storage it shares. */
  browser: number;
  container: HTMLElement;
  provider: BillingProvider;
  cache: QueryCache;
  topUp: TopUpButton;
  detail: InvoiceDetail;
  /** Redirect mode: the page went to the gateway (it is unloaded at the end of the step). */
  leaving: boolean;
  /** Unloaded: at the gateway, or replaced by a reload. */
  gone: boolean;
}

export interface RequestRecord {
  seq: number;
  step: number;
  stepKind: StepKind;
  activation: number | null;
  tab: number;
  browser: number;
  method: string;
  path: string;
  key: string | null;
  flow: FlowKind | null;
  invoiceId: string | null;
  status?: number;
  recordId?: string;
  replayed?: boolean;
  failed?: string;
}

export interface EventRecord {
  step: number;
  type: string;
  tab: number | undefined;
  browser: number | undefined;
  element: string;
  detail: Record<string, unknown>;
}

export interface FakeWindow extends CheckoutWindow {
  closed: boolean;
  url: string;
}

/** A checkout page the customer was sent to. */
export interface Presented {
  step: number;
  mode: CheckoutMode;
  url: string;
  checkoutId: string | undefined;
  tab: number;
  slot: number;
  browser: number;
  window?: FakeWindow;
  /** Still in front of the customer (not approved, declined, abandoned or reloaded away). */
  active: boolean;
}

/** One confirmation by the customer (an activation of a confirm button that sent a money request). */
export interface Attempt {
  id: number;
  step: number;
  browser: number;
  tab: number;
  flow: FlowKind;
  invoiceId: string | null;
  /** Keys first sent by this attempt. */
  ownKeys: Set<string>;
  /** Its first request went out without an activation of the confirm button (Enter, a retry button with a new key). */
  unconfirmed?: true;
}

export interface Activation {
  id: number;
  step: number;
  tab: number;
  flow: FlowKind;
  /** The dialog showed an error (of an attempt this page made) when the button was activated. */
  errorShown: boolean;
}

export const part = <T extends Element = HTMLElement>(root: ParentNode | null | undefined, name: string): T | null =>
  root?.querySelector<T>(`[part~="${name}"]`) ?? null;
export const text = (node: Node | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

const macrotask = (() => {
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      queue.push(resolve);
      channel.port2.postMessage(null);
    });
})();

export const nextTimer = (ms = 0) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let worldCount = 0;

export class World {
  readonly id = ++worldCount;
  readonly api: ReferenceApi;
  readonly config: SequenceConfig;
  readonly root: HTMLElement;
  readonly baseUrl = location.href;
  readonly channel: string;

  step = 0;
  stepKind: StepKind = 'setup';
  stepLabel = 'setup';
  actingSlot: number | undefined;
  activation: Activation | undefined;
  readonly activations: Activation[] = [];
  browser = 1;
  readonly tabs: Array<Tab | undefined> = [];
  pageCount = 0;
  inflight = 0;
  dead = false;

  readonly requests: RequestRecord[] = [];
  readonly events: EventRecord[] = [];
  readonly presented: Presented[] = [];
  readonly attempts: Attempt[] = [];
  readonly keyOwner = new Map<string, Attempt>();
  /** The attempt each page shows for a flow (and invoice), `${tab}|${flow}|${invoice}`: the one confirmed or resumed there, or (after "continue") those it may continue. */
  readonly current = new Map<string, Attempt[]>();
  readonly externalKeys = new Set<string>();
  /** "Start over" presses per browser and invoice. */
  readonly startOvers = new Map<string, number>();
  /** Attempts the customer set aside with "start over" (or "start a new top-up"): not offered again. */
  readonly setAside = new Set<Attempt>();
  /** Error panels visible after the last step: `${tab}|${element}|${code}`. */
  shownErrors = new Set<string>();
  /** Wallet balances the API returned that differ from its ledger. */
  readonly walletMismatches: string[] = [];
  readonly notes: string[] = [];
  readonly trail: string[] = [];
  /** The dialog an "open" step opened (the invariants look at what it offers). */
  opened: { tab: Tab; flow: FlowKind } | undefined;
  /** Invariants already counted for this sequence (survey mode). */
  readonly reported = new Set<string>();

  readonly #original = { ...checkoutNavigator };
  readonly #onEvent = (event: Event) => this.#recordEvent(event);
  /** Errors the elements throw outside any step's await (a failed update): noted, with the step. */
  readonly #onUncaught = (event: ErrorEvent | PromiseRejectionEvent) => {
    const reason: unknown = 'reason' in event ? event.reason : event.error;
    this.notes.push(`step ${this.step} (${this.stepLabel}): uncaught ${reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)}`);
  };

  private constructor(config: SequenceConfig) {
    this.config = config;
    this.api = createReferenceApi({ scenario: 'overdue' });
    this.channel = `perlod-money-model-${this.id}`;
    this.root = document.createElement('div');
    this.root.dataset.moneyModel = String(this.id);
    document.body.append(this.root);
  }

  static async create(config: SequenceConfig): Promise<World> {
    await Promise.all([payDialogCode.load(), topUpDialogCode.load()]);
    clearStorage();
    const world = new World(config);
    checkoutNavigator.assign = (url) => world.#onAssign(url);
    checkoutNavigator.open = (url) => world.#onOpen(url);
    for (const type of ['billing-top-up-completed', 'billing-invoice-paid', 'billing-error']) document.addEventListener(type, world.#onEvent, true);
    window.addEventListener('error', world.#onUncaught);
    window.addEventListener('unhandledrejection', world.#onUncaught);
    await world.mount(0);
    return world;
  }

  dispose(): void {
    this.#summarise();
    this.dead = true;
    for (const tab of this.tabs) if (tab) this.unmount(tab);
    this.root.remove();
    Object.assign(checkoutNavigator, this.#original);
    for (const type of ['billing-top-up-completed', 'billing-invoice-paid', 'billing-error']) document.removeEventListener(type, this.#onEvent, true);
    window.removeEventListener('error', this.#onUncaught);
    window.removeEventListener('unhandledrejection', this.#onUncaught);
    history.replaceState(history.state, '', this.baseUrl);
    clearStorage();
  }

  #summarise(): void {
    const keys = this.uiKeys();
    const records = this.api.records().filter((r) => r.intent !== null && keys.has(r.intent));
    bump('money requests sent by the page', this.moneyRequests().length);
    bump('of them replayed by the server', this.moneyRequests().filter((r) => r.replayed).length);
    bump('of them failed (fault or error)', this.moneyRequests().filter((r) => r.failed !== undefined || (r.status ?? 200) >= 400).length);
    bump('attempts (confirmations that sent a request)', this.attempts.length);
    bump('records the page created, completed', records.filter((r) => r.status === 'completed').length);
    bump('records the page created, failed', records.filter((r) => r.status === 'failed').length);
    bump('records the page created, still pending at the end', records.filter((r) => r.status === 'pending').length);
    bump('success events', this.events.filter((e) => e.type !== 'billing-error').length);
    bump('billing-error events', this.events.filter((e) => e.type === 'billing-error').length);
    for (const outcome of this.outcomes) bump(`dialogs that showed ${outcome}`);
  }

  /** Dialog steps seen at the end of a step, per page and flow (for the activity summary). */
  readonly outcomes = new Set<string>();

  // ---- tabs ----

  liveTabs(): Tab[] {
    return this.tabs.filter((tab): tab is Tab => tab !== undefined && !tab.gone);
  }

  /** The tab a step names: `slot` modulo the open tabs. */
  tab(slot: number): Tab | undefined {
    const count = this.tabs.filter(Boolean).length;
    return count === 0 ? undefined : this.tabs[slot % count];
  }

  async mount(slot: number, returnUrl?: string): Promise<Tab> {
    const old = this.tabs[slot];
    if (old) this.unmount(old);
    const uid = ++this.pageCount;
    const browser = this.browser;
    if (returnUrl) history.replaceState(history.state, '', returnUrl);
    const cache = new QueryCache({ channelName: this.channel });
    const client = createHttpClient({
      baseUrl: API_BASE,
      fetch: this.#fetchFor(uid, browser),
      cache,
      retry: { retries: 0 },
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    const container = document.createElement('section');
    container.dataset.tab = String(uid);
    const provider: BillingProvider = document.createElement('billing-provider');
    provider.client = client;
    provider.setAttribute('locale', 'en');
    provider.setAttribute('today', this.api.clock.now().toISOString().slice(0, 10));
    provider.setAttribute('checkout-mode', this.config.mode);
    const topUp: TopUpButton = document.createElement('top-up-button');
    topUp.quoteDelayMs = 0;
    topUp.flow!.timing = { ...POLL_TIMING };
    const detail: InvoiceDetail = document.createElement('invoice-detail');
    detail.setAttribute('invoice-id', this.config.invoiceId);
    detail.payFlow.flow!.timing = { ...POLL_TIMING };
    provider.append(topUp, detail);
    container.append(provider);
    const tab: Tab = { slot, uid, browser, container, provider, cache, topUp, detail, leaving: false, gone: false };
    this.tabs[slot] = tab;
    if (returnUrl) this.#noteReturn(tab, returnUrl);
    this.root.append(container);
    await this.settle();
    // Loaded: the top-up button knows the permissions and the invoice shows its pay action.
    await this.until(() => {
      const button = part(tab.topUp.shadowRoot, 'button');
      const ready = button?.getAttribute('aria-disabled') === 'false' || part(tab.topUp.shadowRoot, 'reason') !== null;
      return ready && (part(tab.detail.shadowRoot, 'pay-button') !== null || part(tab.detail.shadowRoot, 'error') !== null);
    }, 'the page to load');
    await this.settle();
    if (returnUrl) history.replaceState(history.state, '', this.baseUrl);
    return tab;
  }

  unmount(tab: Tab): void {
    this.#past.set(tab.uid, tab);
    if (tab.gone) return;
    tab.gone = true;
    tab.container.remove();
    tab.cache.dispose();
    for (const p of this.presented) if (p.tab === tab.uid && p.mode === 'popup') p.active = false;
  }

  /** Another device: this browser's storage is gone, every tab closed, one new tab. */
  async otherDevice(): Promise<void> {
    for (const tab of this.tabs) if (tab) this.unmount(tab);
    this.tabs.length = 0;
    for (const p of this.presented) p.active = false;
    clearStorage();
    this.browser++;
    await this.mount(0);
  }

  jumpClock(): void {
    clockOffset += CLOCK_JUMP_MS;
    this.api.clock.advance(CLOCK_JUMP_MS);
  }

  // ---- what the page shows ----

  topUpDialog(tab: Tab): HTMLDialogElement | null {
    return tab.gone ? null : (tab.topUp.shadowRoot?.querySelector<HTMLDialogElement>('dialog[open]') ?? null);
  }

  payDialog(tab: Tab): HTMLDialogElement | null {
    return tab.gone ? null : (tab.detail.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="pay-dialog"][open]') ?? null);
  }

  dialog(tab: Tab, flow: FlowKind): HTMLDialogElement | null {
    return flow === 'top_up' ? this.topUpDialog(tab) : this.payDialog(tab);
  }

  /** A modal dialog of this tab is open: the rest of the tab cannot be reached. */
  anyDialogOpen(tab: Tab): boolean {
    return this.topUpDialog(tab) !== null || this.payDialog(tab) !== null;
  }

  // ---- steps ----

  /** Runs one action as step `label`, then waits until the page is quiet. */
  async run(label: string, kind: StepKind, slot: number | undefined, action: () => Promise<void> | void): Promise<void> {
    this.step++;
    this.stepLabel = label;
    this.stepKind = kind;
    this.actingSlot = slot;
    this.activation = undefined;
    this.trail.push(`${this.step}. ${label}`);
    await action();
    await this.settle();
    for (const tab of this.liveTabs()) {
      for (const dialog of [this.topUpDialog(tab), this.payDialog(tab)]) {
        const shown = dialog?.dataset.step;
        if (shown && ['succeeded', 'failed', 'still_processing', 'error', 'awaiting_checkout', 'processing'].includes(shown)) this.outcomes.add(`${shown.replace('_', ' ')}`);
        for (const name of ['pay-continue-button', 'unfinished-continue-button']) if (dialog && part(dialog, name)) this.outcomes.add('continue / start over');
      }
    }
    // Redirect mode: a page that went to the gateway is unloaded.
    for (const tab of this.liveTabs()) if (tab.leaving) this.unmount(tab);
    this.actingSlot = undefined;
  }

  /** Adds what a step did to its line in the trail (which dialog it acted in, which button). */
  annotate(note: string): void {
    this.trail[this.trail.length - 1] += ` [${note}]`;
  }

  /** Marks one activation of a confirm button (the model's unit of "a confirmation"). */
  activate(tab: Tab, flow: FlowKind, errorShown: boolean): void {
    const activation: Activation = { id: this.activations.length + 1, step: this.step, tab: tab.uid, flow, errorShown };
    this.activations.push(activation);
    this.activation = activation;
  }

  /** Waits for a condition of the page (short polls; no fixed sleeps). */
  async until(condition: () => boolean, what: string, limitMs = 3000): Promise<void> {
    const until = performance.now() + limitMs;
    while (!condition()) {
      if (performance.now() > until) {
        this.notes.push(`step ${this.step}: gave up waiting for ${what}`);
        return;
      }
      await nextTimer(1);
    }
  }

  async settle(limitMs = 4000): Promise<void> {
    const started = performance.now();
    const until = started + limitMs;
    let quiet = 0;
    while (quiet < 2) {
      if (performance.now() > until) {
        this.notes.push(`step ${this.step}: the page was still busy after ${limitMs} ms (${this.#busyReason() ?? 'unknown'})`);
        return;
      }
      // An empty dialog that stays empty is what the page shows (a dialog with nothing in it), not a load.
      if (this.#busyReason() === EMPTY_DIALOG && performance.now() - started > 150) {
        this.notes.push(`step ${this.step}: a dialog shows nothing but its frame`);
        return;
      }
      await macrotask();
      for (const tab of this.liveTabs()) {
        await tab.provider.updateComplete;
        await tab.topUp.updateComplete;
        await tab.detail.updateComplete;
      }
      if (this.#busyReason()) {
        quiet = 0;
        await nextTimer(1);
      } else quiet++;
    }
  }

  #busyReason(): string | undefined {
    if (this.inflight > 0) return `${this.inflight} request(s) in flight`;
    let records: Map<string, MoneyRecord> | undefined;
    const statusOf = (id: string) => {
      records ??= new Map(this.api.records().flatMap((r) => (r.topUpId ? [[r.paymentId, r], [r.topUpId, r]] : [[r.paymentId, r]])));
      return records.get(id)?.status;
    };
    for (const tab of this.liveTabs()) {
      if (tab.leaving) continue;
      for (const flow of [tab.topUp.flow, tab.detail.payFlow.flow]) {
        if (!flow) continue;
        if (flow.step === 'submitting') return 'a money request is being sent';
        const id = flow.record?.id;
        if ((flow.step === 'awaiting_checkout' || flow.step === 'processing') && id) {
          const status = statusOf(id);
          if (status && FINAL.has(status)) return `a settled record (${id}) is still being checked`;
        }
      }
      const dialog = this.topUpDialog(tab);
      if (dialog && dialog.querySelector('[part~="quote-status"]:not([role="alert"])')) return 'a quote is being calculated';
      if (dialog?.dataset.step === 'loading' || this.payDialog(tab)?.dataset.step === 'loading') return 'a dialog is loading';
      for (const [open, parts] of [
        [dialog, ['form', 'progress', 'result', 'error', 'notice']],
        [this.payDialog(tab), ['pay-form', 'pay-progress', 'pay-result', 'pay-error', 'pay-notice']],
      ] as const) {
        if (!open) continue;
        if (open.querySelector('[part~="skeleton"]')) return 'a dialog is loading its data';
        if (!parts.some((name) => part(open, name))) return EMPTY_DIALOG;
      }
    }
    return undefined;
  }

  /** How messages name a page: its tab slot (as the steps do), which load of it, and its browser. */
  page(uid: number | undefined): string {
    const tab = this.tabs.find((t) => t?.uid === uid) ?? this.#past.get(uid ?? -1);
    return tab ? `tab ${tab.slot} (page load ${tab.uid}, browser ${tab.browser})` : `page load ${uid ?? '?'}`;
  }

  readonly #past = new Map<number, Tab>();

  /** One line per tab: what its dialogs show (for verbose runs). */
  describeState(): string {
    return this.tabs
      .filter((tab): tab is Tab => tab !== undefined)
      .map((tab) => {
        if (tab.gone) return `tab ${tab.uid}: gone`;
        const topUp = this.topUpDialog(tab);
        const pay = this.payDialog(tab);
        return `tab ${tab.uid}: top-up ${topUp ? (topUp.dataset.step ?? 'open') : '-'}${tab.topUp.flow ? ` (${tab.topUp.flow.step})` : ''}, pay ${pay ? (pay.dataset.step ?? 'open') : '-'}${tab.detail.payFlow.flow ? ` (${tab.detail.payFlow.flow.step})` : ''}`;
      })
      .join('; ');
  }

  // ---- the wire ----

  #fetchFor(uid: number, browser: number): typeof fetch {
    return async (input: RequestInfo | URL, init?: RequestInit) => {
      if (this.dead) throw new TypeError('The page is gone');
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
      const path = url.pathname.replace(/^.*\/api\/billing\/v1/, '');
      const key = headers.get('Idempotency-Key');
      const payMatch = /^\/invoices\/([^/]+)\/payments$/.exec(path);
      const flow: FlowKind | null = method !== 'POST' ? null : path === '/wallet/top-ups' ? 'top_up' : payMatch ? 'pay' : null;
      const record: RequestRecord = {
        seq: this.requests.length + 1,
        step: this.step,
        stepKind: this.stepKind,
        activation: this.activation?.id ?? null,
        tab: uid,
        browser,
        method,
        path,
        key,
        flow,
        invoiceId: payMatch ? decodeURIComponent(payMatch[1]) : null,
      };
      this.requests.push(record);
      const ledgerBefore = this.api.ledger().length;
      this.inflight++;
      try {
        const response = await this.api.fetch(input, init);
        record.status = response.status;
        if (flow && response.ok) {
          const body = (await response.clone().json()) as { id?: string; payment?: { id: string } };
          record.recordId = body.payment?.id ?? body.id;
          record.replayed = response.headers.get('Idempotent-Replayed') === 'true';
        }
        if (method === 'GET' && response.ok && (path === '/wallet' || path === '/summary')) {
          const body = (await response.clone().json()) as { balance?: { amount: number }; wallet?: { balance: { amount: number } } };
          const returned = body.balance?.amount ?? body.wallet?.balance.amount;
          const audit = this.api.audit();
          // Only when no money moved while the answer was on its way.
          if (returned !== undefined && this.api.ledger().length === ledgerBefore && returned !== audit.walletFromLedger.amount) {
            this.walletMismatches.push(`step ${this.step}: GET ${path} returned a balance of ${returned}, the ledger sums to ${audit.walletFromLedger.amount}`);
          }
        }
        return response;
      } catch (error) {
        record.failed = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        throw error;
      } finally {
        this.inflight--;
      }
    };
  }

  /** Money requests the UI sent (any tab, any browser). */
  moneyRequests(): RequestRecord[] {
    return this.requests.filter((r) => r.flow !== null && r.key !== null);
  }

  uiKeys(): Set<string> {
    return new Set(this.moneyRequests().map((r) => r.key!));
  }

  /** Pays or tops up straight through the API, as another device would (its own key). */
  async elsewhere(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const key = crypto.randomUUID();
    this.externalKeys.add(key);
    try {
      const response = await this.api.fetch(`${API_BASE}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } catch (error) {
      // The other device met a fault too (a dropped answer): what it did is in the ledger all the same.
      return { status: 0, body: { error: String(error) } };
    }
  }

  // ---- the gateway ----

  #actingTab(): Tab | undefined {
    return this.actingSlot === undefined ? undefined : this.tab(this.actingSlot);
  }

  #onAssign(url: string): void {
    const tab = this.#actingTab() ?? this.liveTabs().find((t) => t.topUp.flow?.checkoutUrl === url || t.detail.payFlow.flow?.checkoutUrl === url);
    if (!tab) {
      this.notes.push(`step ${this.step}: a redirect to ${url} from no known tab`);
      return;
    }
    tab.leaving = true;
    this.presented.push({ step: this.step, mode: 'redirect', url, checkoutId: checkoutIdOf(url), tab: tab.uid, slot: tab.slot, browser: tab.browser, active: true });
  }

  #onOpen(url: string): CheckoutWindow | null {
    const present = (win: FakeWindow, next: string) => this.#presentPopup(win, next, tab);
    const tab = this.#actingTab();
    let href = url;
    const win: FakeWindow = {
      closed: false,
      url,
      opener: undefined,
      close() {
        this.closed = true;
      },
      location: {
        get href() {
          return href;
        },
        set href(next: string) {
          href = next;
          win.url = next;
          present(win, next);
        },
      },
    };
    if (url !== 'about:blank') this.#presentPopup(win, url, tab);
    return win;
  }

  #presentPopup(win: FakeWindow, url: string, tab: Tab | undefined): void {
    if (url === 'about:blank') return;
    for (const p of this.presented) if (p.window === win) p.active = false;
    this.presented.push({ step: this.step, mode: 'popup', url, checkoutId: checkoutIdOf(url), tab: tab?.uid ?? 0, slot: tab?.slot ?? 0, browser: tab?.browser ?? this.browser, window: win, active: true });
  }

  /** The checkout in front of the customer now: the last one shown and not left. */
  gatewayPage(): Presented | undefined {
    for (let i = this.presented.length - 1; i >= 0; i--) {
      const p = this.presented[i];
      if (!p.active) continue;
      if (p.window?.closed) {
        p.active = false;
        continue;
      }
      return p;
    }
    return undefined;
  }

  // ---- bookkeeping for the invariants ----

  currentKey(tab: number, flow: FlowKind, invoiceId: string | null): string {
    return `${tab}|${flow}|${flow === 'pay' ? invoiceId : '-'}`;
  }

  /** The attempt that created a payment or top-up, when this model saw its key sent. */
  ownerOfRecord(id: string): { attempt: Attempt | undefined; record: MoneyRecord | undefined } {
    const record = this.api.records().find((r) => r.paymentId === id || r.topUpId === id);
    return { record, attempt: record?.intent ? this.keyOwner.get(record.intent) : undefined };
  }

  /** A page loaded from a return link resumes (at most) the attempt that link names, if this browser made it. */
  #noteReturn(tab: Tab, returnUrl: string): void {
    const value = new URL(returnUrl).searchParams.get('billing_return') ?? '';
    const [flow, id] = value.split(':') as [string, string | undefined];
    if ((flow !== 'pay' && flow !== 'top_up') || !id) return;
    const { attempt, record } = this.ownerOfRecord(id);
    if (!attempt || attempt.browser !== tab.browser || attempt.flow !== flow) return;
    this.current.set(this.currentKey(tab.uid, flow, record?.invoiceId ?? null), [attempt]);
  }

  #recordEvent(event: Event): void {
    const target = event.target instanceof Element ? event.target : undefined;
    const provider = target?.closest('billing-provider');
    const tab = this.tabs.find((t) => t?.provider === provider);
    this.events.push({
      step: this.step,
      type: event.type,
      tab: tab?.uid,
      browser: tab?.browser,
      element: target?.localName ?? '?',
      detail: { ...((event as CustomEvent).detail as Record<string, unknown>) },
    });
  }
}

export function checkoutIdOf(url: string): string | undefined {
  return /\/_checkout\/(chk_\d+)/.exec(url)?.[1];
}

export function clearStorage(): void {
  for (const storage of [localStorage, sessionStorage]) {
    for (const name of Object.keys(storage)) if (name.startsWith(STORAGE_PREFIX)) storage.removeItem(name);
  }
}

/** `$1,229.00` as minor units. */
export function minorUnits(amount: string): number | undefined {
  const digits = amount.replace(/[^\d.]/g, '');
  if (!/^\d+(\.\d+)?$/.test(digits)) return undefined;
  return Math.round(Number(digits) * 100);
}
