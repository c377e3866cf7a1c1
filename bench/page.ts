/**
 * The benchmark page: the real elements (bundled by Vite in production mode) and the
 * plain-DOM baseline, driven from bench/run.js through `window.bench`. Every measurement
 * runs against the reference billing API in this page through the real HTTP client, zod
 * schemas and QueryCache; timings come from `performance.now()` (5 µs resolution: the
 * server sends COOP/COEP so the page is cross-origin isolated).
 */
import '../src/define/billing-provider.js';
import '../src/define/billing-overview.js';
import '../src/define/invoice-detail.js';
import '../src/define/invoice-list.js';
import '../src/define/top-up-button.js';
import '../src/define/wallet-balance.js';
import type { LitElement } from 'lit';
import type { BillingClient } from '../src/api/client.js';
import { QueryCache } from '../src/api/cache.js';
import { createHttpClient } from '../src/api/http-client.js';
import type { InvoiceSummary, Page } from '../src/api/schemas.js';
import { resolved } from '../src/api/settled.js';
import { BillingOverview } from '../src/components/billing-overview/billing-overview.js';
import { InvoiceList } from '../src/components/invoice-list/invoice-list.js';
import { WalletBalance } from '../src/components/wallet-balance/wallet-balance.js';
import { API_BASE_PATH, REFERENCE_ORIGIN, createReferenceApi } from '../src/testing/index.js';
import type { ReferenceApi, ScenarioName } from '../src/testing/index.js';
import { buildInvoiceList, buildOverview, buildWallet } from './baseline.js';
import type { PlainInvoiceList, Settings } from './baseline.js';

const LOCALE = 'en';
const INVOICE_HREF = '/billing/invoices/{id}';
/** The dashboard's invoice list shows this many invoices. */
const DASHBOARD_INVOICES = 50;
/** `<billing-overview>`'s default history size. */
const HISTORY_SIZE = 5;
/** The reference API's (and the element's) largest page. */
const API_PAGE = 100;
const LIST_ROWS = 1000;
const HOUR = 3_600_000;

const stage = document.getElementById('stage')!;

export type Variant = 'element' | 'baseline';
export interface Sample {
  /** Inserting (or invalidating) to the numbers being in the DOM, ms. */
  dom: number;
  /** The same, plus a forced style recalculation and layout, ms. */
  layout: number;
}

// ---- plumbing ----

/** The element's own stylesheets, for the baseline's shadow roots. */
function sheetsOf(element: typeof LitElement): CSSStyleSheet[] {
  return element.elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));
}

interface TrackedRequest {
  url: string;
  /** Time inside the reference API's handler (request to response), ms. */
  ms: number;
}

/** The reference API's fetch, noting every request the client sends and how long the API took. */
function trackedFetch(api: ReferenceApi) {
  const requests: TrackedRequest[] = [];
  let inFlight = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), REFERENCE_ORIGIN);
    const started = performance.now();
    const entry = { url: `${init?.method ?? 'GET'} ${url.pathname}${url.search}`, ms: 0 };
    requests.push(entry);
    inFlight++;
    try {
      return await api.fetch(input, init);
    } finally {
      entry.ms = performance.now() - started;
      inFlight--;
    }
  };
  return { fetch, requests, inFlight: () => inFlight };
}

interface Fixture {
  api: ReferenceApi;
  client: BillingClient;
  tracker: ReturnType<typeof trackedFetch>;
  settings: Settings;
}

/**
 * A reference API and the real HTTP client over it. Nothing ages out of the cache during a
 * run (data older than 30 s would be revalidated in the background and disturb the timings).
 */
function makeFixture(scenario: ScenarioName): Fixture {
  const api = createReferenceApi({ scenario });
  const tracker = trackedFetch(api);
  const client = createHttpClient({
    baseUrl: `${REFERENCE_ORIGIN}${API_BASE_PATH}`,
    fetch: tracker.fetch,
    cache: new QueryCache({ channelName: null, staleAfterMs: HOUR, refetchOnVisibleAfterMs: HOUR }),
    retry: { retries: 0 },
  });
  const settings: Settings = { locale: LOCALE, today: api.clock.now().toISOString().slice(0, 10), invoiceHref: INVOICE_HREF };
  return { api, client, tracker, settings };
}

function makeProvider(client: BillingClient, settings: Settings, children: readonly Element[]) {
  const provider = document.createElement('billing-provider');
  provider.client = client;
  provider.locale = settings.locale;
  provider.today = settings.today;
  provider.invoiceHref = settings.invoiceHref;
  provider.append(...children);
  return provider;
}

/**
 * Resolves with the time at which `check` first holds, checked in a MutationObserver over
 * `targets` (the shadow roots the elements render into), so the moment is exact to the
 * microtask rather than to the next frame or timer.
 */
function whenTrue(targets: readonly Node[], check: () => boolean, what: string, { attributes = false } = {}): Promise<number> {
  if (check()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    });
    for (const target of targets) {
      // Only what the check needs: every record is allocated on the element's side of the
      // comparison (the baseline builds unobserved), so watching every attribute and text
      // change of a render would charge the element for the harness.
      observer.observe(target, { childList: true, subtree: true, attributes, characterData: false });
    }
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${what}`));
    }, 15_000);
  });
}

/** Forces style recalculation and layout of everything on the stage. */
function forceLayout(): void {
  void stage.getBoundingClientRect();
  void document.documentElement.scrollHeight;
}

/** Options of one sample: CPU profiles leave out the forced layout to show the script's own work. */
export interface SampleOptions {
  layout?: boolean;
}

/** The sample's times from `t0`: the numbers in the DOM at `dom`, then (optionally) a forced layout. */
function finish(t0: number, dom: number, { layout = true }: SampleOptions): Sample {
  if (layout) forceLayout();
  return { dom: dom - t0, layout: performance.now() - t0 };
}

/**
 * Counts the element's Lit updates (each one a render) from now on. `updated()` runs once
 * per update; an own property in front of the prototype's method sees every call.
 */
function countUpdates(element: Element): { count: number } {
  const counter = { count: 0 };
  const host = element as unknown as { updated(changed: unknown): void };
  const inherited = host.updated;
  host.updated = function (this: unknown, changed: unknown) {
    counter.count++;
    inherited.call(this, changed);
  };
  return counter;
}

/**
 * Whether a skeleton placeholder is ever inserted into these shadow roots, and when (ms from
 * `t0`) the first one was: observed at the microtask after its insertion.
 */
function watchSkeletons(roots: readonly Node[], t0: number): { seen: boolean; firstAt: number | undefined; stop(): void } {
  const watch = { seen: false, firstAt: undefined as number | undefined, stop: () => observer.disconnect() };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || !(node.matches('[part~="skeleton"]') || node.querySelector('[part~="skeleton"]'))) continue;
        watch.firstAt ??= performance.now() - t0;
        watch.seen = true;
      }
    }
  });
  for (const root of roots) observer.observe(root, { childList: true, subtree: true });
  return watch;
}

/** One macrotask, without the clamping and frame alignment of timers. */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function rowCount(root: ShadowRoot | null | undefined): number {
  return root?.querySelector('tbody[part="body"]')?.childElementCount ?? 0;
}

function clearStage(): void {
  stage.replaceChildren();
}

function collectGarbage(): void {
  (globalThis as typeof globalThis & { gc?: () => void }).gc?.();
}

// ---- 1. dashboard, first render from a warm cache ----

function dashboardReady(overview: Element, wallet: Element, list: Element): boolean {
  const overviewRoot = overview.shadowRoot;
  return (
    overviewRoot?.querySelector('[part="figures"]') != null &&
    overviewRoot.querySelectorAll('[part="payment"]').length === HISTORY_SIZE &&
    wallet.shadowRoot?.querySelector('[part="balance"]') != null &&
    rowCount(list.shadowRoot) === DASHBOARD_INVOICES
  );
}

let dashboardFixture: Fixture | undefined;

const dashboard = {
  async setup(): Promise<{ requests: number }> {
    dashboardFixture = makeFixture('many-invoices');
    // Warm the cache: one mount loads everything the dashboard shows.
    await dashboard.element();
    clearStage();
    return { requests: dashboardFixture.tracker.requests.length };
  },

  async element(options: SampleOptions = {}): Promise<Sample> {
    const { client, settings } = dashboardFixture!;
    const t0 = performance.now();
    const overview = document.createElement('billing-overview');
    const wallet = document.createElement('wallet-balance');
    const list = document.createElement('invoice-list');
    list.setAttribute('page-size', String(DASHBOARD_INVOICES));
    stage.append(makeProvider(client, settings, [overview, wallet, list]));
    const roots = [overview, wallet, list].map((element) => element.shadowRoot!);
    const dom = await whenTrue(roots, () => dashboardReady(overview, wallet, list), 'the dashboard');
    return finish(t0, dom, options);
  },

  /**
   * How the elements get to their numbers from a warm cache, over `samples` mounts: Lit
   * updates per element until settled, whether a loading skeleton was put on screen on the
   * way, and when (median ms from creating the elements) the first skeleton and the numbers
   * were in the DOM.
   */
  async diagnose(samples: number): Promise<{ updates: Record<string, number>; skeleton: boolean; skeletonAt: number[]; numbersAt: number[] }> {
    const { client, settings } = dashboardFixture!;
    const skeletonAt: number[] = [];
    const numbersAt: number[] = [];
    let updates: Record<string, number> = {};
    let skeleton = false;
    for (let sample = 0; sample < samples; sample++) {
      clearStage();
      collectGarbage();
      await yieldTask();
      const t0 = performance.now();
      const elements = [document.createElement('billing-overview'), document.createElement('wallet-balance'), document.createElement('invoice-list')];
      elements[2]!.setAttribute('page-size', String(DASHBOARD_INVOICES));
      const counters = elements.map(countUpdates);
      stage.append(makeProvider(client, settings, elements));
      const roots = elements.map((element) => element.shadowRoot!);
      const skeletons = watchSkeletons(roots, t0);
      const dom = await whenTrue(roots, () => dashboardReady(elements[0]!, elements[1]!, elements[2]!), 'the dashboard');
      numbersAt.push(dom - t0);
      for (let turn = 0; turn < 3; turn++) await yieldTask();
      skeletons.stop();
      if (skeletons.firstAt !== undefined) skeletonAt.push(skeletons.firstAt);
      skeleton ||= skeletons.seen;
      updates = Object.fromEntries(elements.map((element, i) => [element.localName, counters[i]!.count]));
    }
    clearStage();
    return { updates, skeleton, skeletonAt, numbersAt };
  },

  async baseline(options: SampleOptions = {}): Promise<Sample> {
    const { client, settings } = dashboardFixture!;
    const t0 = performance.now();
    // The same reads from the same warm cache the elements make.
    const [summary, payments, wallet, invoices] = await Promise.all([
      client.getSummary(),
      client.listPayments({ limit: HISTORY_SIZE }),
      client.getWallet(),
      client.listInvoices({ limit: DASHBOARD_INVOICES }),
    ]);
    const page = document.createElement('div');
    page.append(
      buildOverview(summary, payments, sheetsOf(BillingOverview), settings),
      buildWallet(wallet, sheetsOf(WalletBalance), settings),
      buildInvoiceList(invoices.data, invoices.next_cursor, sheetsOf(InvoiceList), settings).element,
    );
    stage.append(page);
    return finish(t0, performance.now(), options);
  },
};

// ---- 2. <invoice-list> with 1,000 rows ----

/**
 * The reference API (like the element) caps a page at 100, so a page of 1,000 rows is made
 * here: the first 1,000 invoices of 'many-invoices', loaded once as ten pages of 100 through
 * the real client (fetched, zod-parsed, cached), are served as the answer to the list's
 * first-page request, from memory as a warm cache would. Everything else goes to the real client.
 */
function thousandRowClient(inner: BillingClient, first: Page<InvoiceSummary>) {
  let page = first;
  const client: BillingClient = {
    ...inner,
    listInvoices(query = {}, options) {
      const firstPage = !query.cursor && !query.status && !query.q && !query.service_id;
      // `resolved`: answered from memory the way the real cache answers a hit.
      return firstPage ? resolved(page) : inner.listInvoices(query, options);
    },
  };
  return {
    client,
    get rows() {
      return page.data;
    },
    /** One invoice changes on the server (paid, or refunded when it was paid). */
    change(index: number): InvoiceSummary {
      const before = page.data[index]!;
      const changed: InvoiceSummary =
        before.status === 'paid'
          ? { ...before, status: 'refunded' }
          : { ...before, status: 'paid', amount_paid: before.total, balance_due: { ...before.balance_due, amount: 0 } };
      page = { ...page, data: page.data.with(index, changed) };
      return changed;
    },
  };
}

interface ListState {
  fixture: Fixture;
  source: ReturnType<typeof thousandRowClient>;
  /** Mounted for the re-render measurements. */
  element?: HTMLElement;
  plain?: PlainInvoiceList;
  changed?: { index: number; invoice: InvoiceSummary };
}
let listState: ListState | undefined;

function rowAt(root: ShadowRoot | null | undefined, index: number): Element | undefined {
  return root?.querySelector('tbody[part="body"]')?.children[index];
}

const list = {
  async setup(): Promise<{ rows: number; requests: number }> {
    const fixture = makeFixture('many-invoices');
    let data: InvoiceSummary[] = [];
    let cursor: string | null | undefined;
    while (data.length < LIST_ROWS) {
      const page = await fixture.client.listInvoices({ limit: API_PAGE, ...(cursor ? { cursor } : {}) });
      data = data.concat(page.data);
      cursor = page.next_cursor;
      if (!cursor) break;
    }
    listState = { fixture, source: thousandRowClient(fixture.client, { data, next_cursor: cursor ?? null }) };
    return { rows: data.length, requests: fixture.tracker.requests.length };
  },

  async element(options: SampleOptions = {}): Promise<Sample> {
    const { source, fixture } = listState!;
    const t0 = performance.now();
    const element = document.createElement('invoice-list');
    element.setAttribute('page-size', String(LIST_ROWS));
    stage.append(makeProvider(source.client, fixture.settings, [element]));
    const root = element.shadowRoot!;
    const dom = await whenTrue([root], () => rowCount(root) === LIST_ROWS, '1,000 rows');
    return finish(t0, dom, options);
  },

  async baseline(options: SampleOptions = {}): Promise<Sample> {
    const { source, fixture } = listState!;
    const t0 = performance.now();
    const page = await source.client.listInvoices({ limit: API_PAGE });
    const plain = buildInvoiceList(page.data, page.next_cursor, sheetsOf(InvoiceList), fixture.settings);
    stage.append(plain.element);
    const dom = performance.now();
    if (rowCount(plain.root) !== LIST_ROWS) throw new Error('the baseline did not render 1,000 rows');
    return finish(t0, dom, options);
  },

  /** Mounts both 1,000-row tables side by side for the re-render samples (not timed). */
  async mountBoth(): Promise<void> {
    clearStage();
    const state = listState!;
    const element = document.createElement('invoice-list');
    element.setAttribute('page-size', String(LIST_ROWS));
    stage.append(makeProvider(state.source.client, state.fixture.settings, [element]));
    await whenTrue([element.shadowRoot!], () => rowCount(element.shadowRoot) === LIST_ROWS, '1,000 rows');
    const page = await state.source.client.listInvoices({ limit: API_PAGE });
    const plain = buildInvoiceList(page.data, page.next_cursor, sheetsOf(InvoiceList), state.fixture.settings);
    stage.append(plain.element);
    state.element = element;
    state.plain = plain;
    forceLayout();
  },

  /** One invoice changes at the source (not timed); both variants then show it. */
  changeOne(sample: number): void {
    const state = listState!;
    // Spread over the table, a different row each time.
    const index = (sample * 7919 + 13) % LIST_ROWS;
    state.changed = { index, invoice: state.source.change(index) };
  },

  /** The element learns of the change as from a payment elsewhere: `invalidate(['invoices'])`. */
  async elementUpdate(options: SampleOptions = {}): Promise<Sample> {
    const { source, element, changed } = listState!;
    const root = element!.shadowRoot!;
    const shows = () => rowAt(root, changed!.index)?.getAttribute('data-status') === changed!.invoice.status;
    if (shows()) throw new Error('the element already shows the change');
    const t0 = performance.now();
    source.client.invalidate(['invoices']);
    const dom = await whenTrue([root], shows, 'the changed row', { attributes: true });
    return finish(t0, dom, options);
  },

  /** Lit updates of the 1,000-row element for one changed invoice, until settled. */
  async diagnoseUpdate(sample: number): Promise<number> {
    const state = listState!;
    list.changeOne(sample);
    const counter = countUpdates(state.element!);
    await list.elementUpdate({ layout: false });
    for (let turn = 0; turn < 3; turn++) await yieldTask();
    delete (state.element as unknown as { updated?: unknown }).updated;
    return counter.count;
  },

  async baselineUpdate(options: SampleOptions = {}): Promise<Sample> {
    const { source, plain, changed } = listState!;
    const t0 = performance.now();
    const page = await source.client.listInvoices({ limit: API_PAGE });
    plain!.update(page.data);
    const dom = performance.now();
    if (rowAt(plain!.root, changed!.index)?.getAttribute('data-status') !== changed!.invoice.status) {
      throw new Error('the baseline did not show the change');
    }
    return finish(t0, dom, options);
  },
};

// ---- 3. mount and remove the dashboard many times ----

const memory = {
  async cycles(variant: Variant, count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      // No forced layout: what is measured is what stays behind, and it keeps the 2,000 cycles short.
      await dashboard[variant]({ layout: false });
      clearStage();
      await yieldTask();
    }
  },
};

// ---- 4. requests of a page with every element ----

/** Every element in `root` and in the shadow roots below it. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

const requests = {
  async run(): Promise<{ sent: string[]; apiLog: string[]; elements: string[] }> {
    clearStage();
    const fixture = makeFixture('overdue');
    const tags = [
      ['billing-overview', {}],
      ['billing-overview', { 'service-id': 'srv_vps_fra1' }],
      ['invoice-list', {}],
      ['invoice-detail', { 'invoice-id': 'inv_1001' }],
      ['wallet-balance', { 'top-up': '' }],
      ['top-up-button', {}],
    ] as const;
    const children = tags.map(([tag, attrs]) => {
      const element = document.createElement(tag);
      for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
      return element;
    });
    const provider = makeProvider(fixture.client, fixture.settings, children);
    stage.append(provider);
    // Settled: nothing in flight, no update pending, no skeleton on screen, for a few turns in a row.
    let quietTurns = 0;
    const deadline = performance.now() + 10_000;
    while (quietTurns < 5) {
      if (performance.now() > deadline) throw new Error('the page with every element did not settle');
      await new Promise((resolve) => setTimeout(resolve, 10));
      const elements = allElements(provider);
      await Promise.all(elements.map((element) => (element as Partial<LitElement>).updateComplete));
      const placeholders = elements.some((element) =>
        [...(element.shadowRoot?.querySelectorAll('[part~="skeleton"]') ?? [])].some((node) => node.checkVisibility()),
      );
      quietTurns = fixture.tracker.inFlight() === 0 && !placeholders ? quietTurns + 1 : 0;
    }
    const elements = [...new Set(allElements(stage).map((element) => element.localName))].filter((name) => name.includes('-'));
    const sent = fixture.tracker.requests.map((request) => request.url);
    clearStage();
    return { sent, apiLog: fixture.api.requestLog(), elements };
  },
};

// ---- 5. paging through 10,000 invoices ----

export interface PageTiming {
  /** The page number reached (2 is the first "Load more"). */
  page: number;
  rows: number;
  /** Click to the new rows in the DOM, ms. */
  dom: number;
  /** Click to the element settled (focus moved to the first new row, layout done), ms. */
  settled: number;
  /** Click to the reference API's response for this page's request(s), ms: includes whatever else held the main thread meanwhile. */
  api: number;
  /** Lit updates (renders) of the element for this page; 0 for the baseline. */
  updates: number;
}

interface PagingState {
  fixture: Fixture;
  element?: HTMLElement;
  updates?: { count: number };
  plain?: PlainInvoiceList;
  cursor?: string | null;
  page: number;
}
let paging: PagingState | undefined;

function apiTimeSince(fixture: Fixture, from: number): number {
  return fixture.tracker.requests.slice(from).reduce((sum, request) => sum + request.ms, 0);
}

const pages = {
  async setup(variant: Variant): Promise<void> {
    clearStage();
    const fixture = makeFixture('many-invoices');
    paging = { fixture, page: 1 };
    if (variant === 'element') {
      const element = document.createElement('invoice-list');
      element.setAttribute('page-size', String(API_PAGE));
      stage.append(makeProvider(fixture.client, fixture.settings, [element]));
      await whenTrue([element.shadowRoot!], () => rowCount(element.shadowRoot) === API_PAGE, 'the first page');
      paging.element = element;
      paging.updates = countUpdates(element);
    } else {
      const first = await fixture.client.listInvoices({ limit: API_PAGE });
      paging.plain = buildInvoiceList(first.data, first.next_cursor, sheetsOf(InvoiceList), fixture.settings);
      paging.cursor = first.next_cursor;
      stage.append(paging.plain.element);
    }
    forceLayout();
  },

  /** Presses "Load more" `count` times (or until the last page), timing each page. */
  async loadMore(count: number): Promise<PageTiming[]> {
    const state = paging!;
    const timings: PageTiming[] = [];
    for (let i = 0; i < count; i++) {
      await yieldTask();
      const from = state.fixture.tracker.requests.length;
      const updatesBefore = state.updates?.count ?? 0;
      const expected = Math.min(10_000, (state.page + 1) * API_PAGE);
      let dom: number;
      let settled: number;
      const t0 = performance.now();
      if (state.element) {
        const element = state.element as InvoiceList;
        const root = element.shadowRoot!;
        const button = root.querySelector<HTMLButtonElement>('[part="load-more"]');
        if (!button) break;
        button.click();
        dom = await whenTrue([root], () => rowCount(root) === expected, `page ${state.page + 1}`);
        // The element moves focus to the first new row after its update.
        await element.updateComplete;
        forceLayout();
        settled = performance.now();
        // Anything else the page triggered (an announcement) counts too.
        await yieldTask();
      } else {
        if (!state.cursor) break;
        const page = await state.fixture.client.listInvoices({ cursor: state.cursor, limit: API_PAGE });
        const plain = state.plain!;
        const firstNew = rowCount(plain.root);
        plain.append(page.data, page.next_cursor);
        state.cursor = page.next_cursor;
        dom = performance.now();
        // As the element does: focus the first new invoice, so keyboard users read on.
        plain.root.querySelectorAll<HTMLElement>('[part~="invoice-link"]')[firstNew]?.focus();
        forceLayout();
        settled = performance.now();
      }
      state.page++;
      const updates = (state.updates?.count ?? 0) - updatesBefore;
      timings.push({ page: state.page, rows: expected, dom: dom - t0, settled: settled - t0, api: apiTimeSince(state.fixture, from), updates });
    }
    return timings;
  },

  /**
   * The plain-DOM table's pages between the measured windows, appended as fast as they load
   * (same requests, no timing, no focus): only the start and the deep pages are compared.
   */
  async fastForward(count: number): Promise<number> {
    const state = paging!;
    const plain = state.plain!;
    let loaded = 0;
    for (; loaded < count && state.cursor; loaded++) {
      const page = await state.fixture.client.listInvoices({ cursor: state.cursor, limit: API_PAGE });
      plain.append(page.data, page.next_cursor);
      state.cursor = page.next_cursor;
      state.page++;
    }
    forceLayout();
    return loaded;
  },

  /**
   * The reference API's own cost per page, without any element: the same request at the
   * start and deep into the list, straight to its fetch handler, body read.
   */
  async apiCost(repeats: number): Promise<{ start: number[]; deep: number[] }> {
    const api = createReferenceApi({ scenario: 'many-invoices' });
    const url = (cursor: string | null) =>
      `${REFERENCE_ORIGIN}${API_BASE_PATH}/invoices?limit=${API_PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const cursors: (string | null)[] = [null];
    for (let cursor: string | null = null; ; ) {
      const body = (await (await api.fetch(url(cursor))).json()) as { next_cursor: string | null };
      cursor = body.next_cursor;
      if (!cursor) break;
      cursors.push(cursor);
    }
    const time = async (cursor: string | null) => {
      const t0 = performance.now();
      await (await api.fetch(url(cursor))).text();
      return performance.now() - t0;
    };
    const start: number[] = [];
    const deep: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (const cursor of cursors.slice(1, 6)) start.push(await time(cursor));
      for (const cursor of cursors.slice(-5)) deep.push(await time(cursor));
    }
    return { start, deep };
  },
};

// ---- the driver's entry points ----

/** Runs both variants of one sample in the given order, each from a clean stage and heap. */
async function pair<K extends 'dashboard' | 'list'>(bench: K, order: readonly Variant[]): Promise<Record<Variant, Sample>> {
  const result = {} as Record<Variant, Sample>;
  const target = bench === 'dashboard' ? dashboard : list;
  for (const variant of order) {
    clearStage();
    collectGarbage();
    await yieldTask();
    result[variant] = await target[variant]();
  }
  clearStage();
  return result;
}

/** One re-render sample: change one invoice, then each variant shows it, in the given order. */
async function updatePair(sample: number, order: readonly Variant[]): Promise<Record<Variant, Sample>> {
  list.changeOne(sample);
  const result = {} as Record<Variant, Sample>;
  for (const variant of order) {
    collectGarbage();
    await yieldTask();
    result[variant] = await (variant === 'element' ? list.elementUpdate() : list.baselineUpdate());
  }
  return result;
}

/** `count` samples of one variant without the forced layout, for CPU profiles of the script's own work. */
async function repeat(bench: 'dashboard' | 'list', variant: Variant, count: number): Promise<void> {
  const target = bench === 'dashboard' ? dashboard : list;
  for (let i = 0; i < count; i++) {
    clearStage();
    await yieldTask();
    await target[variant]({ layout: false });
  }
  clearStage();
}

const bench = { dashboard, list, memory, requests, pages, pair, updatePair, repeat, clearStage };

declare global {
  interface Window {
    bench: typeof bench;
  }
}

window.bench = bench;
document.documentElement.dataset.ready = 'true';
