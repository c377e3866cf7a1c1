import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BillingClient, InvoiceQuery } from '../../api/client.js';
import { BillingApiError, isBillingApiError } from '../../api/errors.js';
import { INVOICE_STATUSES } from '../../api/schemas.js';
import { OPEN_INVOICE_STATUSES } from '../../domain/status.js';
import type { InvoiceSummary, Page } from '../../api/schemas.js';
import { resolved, settledValue } from '../../api/settled.js';
import { addBundledMessages, t } from '../../i18n/catalog.js';
import { dueState, dueWording, formatCalendarDate, todayCalendarDate } from '../../i18n/format.js';
import { BillingConsumerElement } from '../shared/consumer-element.js';
import { toneIcon } from '../shared/icons.js';
import { invoiceHref } from '../shared/links.js';
import { BillingQueryController } from '../shared/query.js';
import type { QueryCallOptions, QueryViewState } from '../shared/query.js';
import {
  liveRegion,
  renderConfigError,
  renderError,
  renderQueryFallback,
  renderQueryNotice,
  renderMoney,
  richMsg,
  statusLabel,
  statusTone,
  unit,
} from '../shared/render.js';
import { invoiceListStyles } from './invoice-list.styles.js';
import { enList } from '../../i18n/en-list.js';

// The English this element alone shows, in the catalog before it first renders.
addBundledMessages('en', enList);

/** The server caps `limit` at 100. */
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
/** Typing pauses this long before the search goes to the server; Enter sends it at once. */
const SEARCH_DEBOUNCE_MS = 250;


/** What the server filters on. Empty strings mean "no filter". */
interface InvoiceFilter {
  readonly status: string;
  readonly serviceId: string;
  readonly q: string;
}

/** Column labels, for the narrow layout's cell captions, and the overdue marker. */
interface ColumnLabels {
  readonly issueDate: string;
  readonly due: string;
  readonly status: string;
  readonly total: string;
  readonly balanceDue: string;
  readonly attention: string;
}

/** The rows loaded for one filter, from the first page up to `nextCursor`. */
interface InvoiceRows {
  /** Which filter (and page size) these rows belong to. */
  readonly key: string;
  readonly filter: InvoiceFilter;
  readonly rows: readonly InvoiceSummary[];
  readonly nextCursor: string | null;
}

function filterKey(filter: InvoiceFilter, limit: number): string {
  return JSON.stringify([filter.status, filter.serviceId, filter.q, limit]);
}

function toQuery(filter: InvoiceFilter): InvoiceQuery {
  return {
    status: filter.status || undefined,
    service_id: filter.serviceId || undefined,
    q: filter.q || undefined,
  };
}

/** `rows` plus the invoices of `page` not already in it (a row never shows twice, even if the server repeats it). */
function appendUnique(rows: readonly InvoiceSummary[], page: readonly InvoiceSummary[]): InvoiceSummary[] {
  const seen = new Set(rows.map((invoice) => invoice.id));
  return [...rows, ...page.filter((invoice) => !seen.has(invoice.id) && seen.add(invoice.id))];
}

/**
 * `next`, with each invoice that did not change since `previous` replaced by the object shown
 * before (same id, same JSON): a reload after a payment then re-renders only the rows that changed.
 */
function keepUnchanged(previous: readonly InvoiceSummary[] | undefined, next: readonly InvoiceSummary[]): readonly InvoiceSummary[] {
  if (!previous?.length) return next;
  const before = new Map(previous.map((invoice) => [invoice.id, invoice]));
  return next.map((invoice) => {
    const old = before.get(invoice.id);
    return old && (old === invoice || JSON.stringify(old) === JSON.stringify(invoice)) ? old : invoice;
  });
}

function asBillingError(error: unknown): BillingApiError {
  if (isBillingApiError(error)) return error;
  return new BillingApiError('bad_response', error instanceof Error ? error.message : String(error), { cause: error });
}

/** "Due Oct 21": the due date named as one (under a "Paid …" line). */
function dueOn(date: string, locale: string): unknown[] {
  return richMsg((key, params) => t(locale, key, params), 'due.on', { date: html`<time datetime=${date}>${formatCalendarDate(date, locale)}</time>` });
}

/** "Paid Oct 19": the day the invoice was paid, in the customer's own time zone. */
function paidOn(paidAt: string, locale: string): unknown[] {
  const day = formatCalendarDate(todayCalendarDate(new Date(paidAt)), locale);
  return richMsg((key, params) => t(locale, key, params), 'due.paid_on', { date: html`<time datetime=${paidAt}>${day}</time>` });
}

/** A plain left click; modified and middle clicks on a link are the browser's (new tab, new window). */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/**
 * The customer's invoices, needs attention first (the server's order): number, issue date,
 * due date read with the status ("Overdue by 2 days"), status, total and balance due. Filters
 * by status and service, searches by number, and pages with "Load more".
 *
 * The first page loads through the shared cache (tags `invoices`, plus `service:<id>` when
 * filtered by service). "Load more" appends the next page and keeps every row shown. When
 * `invoices` is invalidated (a payment elsewhere on the page, another tab), the list reloads
 * from the first page up to as many rows as it was showing, so nothing the customer was
 * reading disappears and every row is current.
 *
 * Choosing an invoice: with the provider's `invoice-href` the number is a real link (middle
 * click and "open in new tab" work); without it, a button. A plain click emits the cancelable
 * `billing-invoice-select`; cancelling it stops the link's navigation so the page can route itself.
 *
 * ```html
 * <billing-provider api-base="/api/billing/v1" invoice-href="/billing/invoices/{id}">
 *   <invoice-list page-size="25"></invoice-list>
 * </billing-provider>
 * ```
 *
 * @summary The customer's invoices with status, due wording and balances; filters, search and "Load more".
 * @tag invoice-list
 *
 * @fires {CustomEvent<BillingInvoiceSelectDetail>} billing-invoice-select - A plain click on an invoice number: `{ invoiceId, number, href }`. Cancelable: `preventDefault()` stops the link's navigation.
 * @fires {CustomEvent<BillingErrorDetail>} billing-error - Loading the list or another page failed; the element shows the error itself.
 *
 * @csspart base - The wrapper around everything.
 * @csspart filters - The group of filter controls.
 * @csspart status-filter - The status `<select>`.
 * @csspart service-filter - The service `<select>` (absent with `service-id`).
 * @csspart search-form - The search form (`role="search"`).
 * @csspart search - The search `<input>`.
 * @csspart status-line - The line holding the "Updating…" or "could not refresh" notice.
 * @csspart updating - "Updating…" while the list reloads.
 * @csspart stale-notice - The list could not be refreshed; with a retry.
 * @csspart table - The `<table>` of invoices.
 * @csspart caption - The table caption (visually hidden).
 * @csspart head - The `<thead>`.
 * @csspart header-cell - Each column header.
 * @csspart body - The `<tbody>`.
 * @csspart row - One invoice row; `data-status` carries the raw status, `data-attention` marks overdue rows.
 * @csspart cell - Each cell of a row.
 * @csspart invoice-link - The invoice number: a link with `invoice-href`, else a button.
 * @csspart service-name - The service an invoice belongs to.
 * @csspart attention - The "Needs attention" marker on overdue rows.
 * @csspart due - The due cell: wording and date.
 * @csspart due-wording - "Due in 3 days", "Overdue by 2 days", "Paid Oct 19" (the day of payment).
 * @csspart balance - The balance due amount.
 * @csspart total - The total amount.
 * @csspart status-badge - The status badge of a row.
 * @csspart empty - The empty state (no invoices, or none matching the filters).
 * @csspart clear-filters - "Clear filters" in the empty state.
 * @csspart footer - The count and "Load more".
 * @csspart count - "40 invoices shown".
 * @csspart load-more - The "Load more" button.
 * @csspart load-more-error - Why the next page failed, with a retry; the rows above stay.
 * @csspart skeleton - Placeholder rows during the first load.
 * @csspart error - The error panel when the list could not load.
 * @csspart retry-button - Retry in an error panel or notice.
 * @csspart config-error - Shown without a `<billing-provider>`.
 * @csspart live-region - The polite announcement of counts and results.
 *
 * @cssproperty --billing-color-surface - Background of the element and its controls.
 * @cssproperty --billing-color-text - Text colour.
 * @cssproperty --billing-color-text-muted - Dates, service names, headers, settled balances.
 * @cssproperty --billing-color-link - Invoice numbers.
 * @cssproperty --billing-color-border - Row rules and the empty-state frame.
 * @cssproperty --billing-color-border-strong - Edges of the filter controls.
 * @cssproperty --billing-color-danger-text - Overdue wording and the "Needs attention" marker.
 * @cssproperty --billing-color-focus-ring - The focus outline.
 * @cssproperty --billing-color-skeleton - Placeholder rows.
 * @cssproperty --billing-space-m - Gaps between the parts.
 * @cssproperty --billing-radius - Corner radius of controls and panels.
 * @cssproperty --billing-control-height - Minimum height of the filter controls and buttons.
 */
export class InvoiceList extends BillingConsumerElement {
  static override tagName = 'invoice-list';
  static override styles = invoiceListStyles;

  /** Shows only this service's invoices; the service filter is then hidden. */
  @property({ attribute: 'service-id' })
  serviceId: string | undefined;

  /** The status filter (`unpaid`, `overdue`, `paid`...); empty for all. The attribute sets the initial filter, the status select changes the property. */
  @property()
  status: string | undefined;

  /** Invoices per page (1 to 100). */
  @property({ attribute: 'page-size', type: Number })
  pageSize = DEFAULT_PAGE_SIZE;

  /** Forces the light or dark token set; default follows the provider and `prefers-color-scheme`. */
  @property({ reflect: true })
  theme: 'light' | 'dark' | undefined;

  /** Service chosen in the service filter (when `service-id` is not set). */
  @state() private serviceFilter = '';
  /** The search sent to the server. */
  @state() private searchQuery = '';
  /** What is typed in the search box, ahead of the debounce. */
  @state() private searchDraft = '';
  /** The rows shown: the query's rows plus the pages "Load more" appended. */
  @state() private shown: InvoiceRows | undefined;
  @state() private loadingMore = false;
  @state() private loadMoreError: BillingApiError | undefined;
  @state() private announcement = '';

  /** Services seen in any loaded row, for the service filter (there is no service list endpoint). */
  readonly #knownServices = new Map<string, string>();
  /** The query value `shown` was last taken from. */
  #head: InvoiceRows | undefined;
  #loadMoreAbort: AbortController | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** A filter changed: announce the result when it arrives. */
  #announceResult = false;

  readonly #query = new BillingQueryController(this, {
    tags: () => {
      const serviceId = this.#filter.serviceId;
      return serviceId ? ['invoices', `service:${serviceId}`] : ['invoices'];
    },
    args: () => [this.#filter, this.#limit] as const,
    task: (client, [filter, limit], options) => this.#loadRows(client, filter, limit, options),
  });

  /** The current filter, as one value whose identity changes only when a field does (the query compares args by identity). */
  #filterCache: InvoiceFilter | undefined;
  get #filter(): InvoiceFilter {
    const next: InvoiceFilter = {
      status: this.status ?? '',
      serviceId: this.serviceId || this.serviceFilter,
      q: this.searchQuery,
    };
    const cached = this.#filterCache;
    if (cached && cached.status === next.status && cached.serviceId === next.serviceId && cached.q === next.q) return cached;
    return (this.#filterCache = next);
  }

  get #limit(): number {
    const size = Math.trunc(Number(this.pageSize));
    return Number.isFinite(size) && size >= 1 ? Math.min(size, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  }

  /** Resolves once the current load of the first page (or a reload) has settled: for tests and stories. */
  settled(): Promise<void> {
    return this.#query.settled();
  }

  /**
   * The view state of the list (`loading`, `ready`, `refreshing`, `error`, `stale`, `no-client`), for tests and stories.
   * @internal
   */
  get viewState(): QueryViewState {
    return this.#query.state;
  }

  /**
   * Loads the first page; on a reload of the rows shown (an invalidation, a retry), follows
   * the cursors until it has as many rows as were shown, so the list keeps its length.
   */
  #loadRows(client: BillingClient, filter: InvoiceFilter, limit: number, options: QueryCallOptions): Promise<InvoiceRows> {
    const key = filterKey(filter, limit);
    const wanted = this.shown?.key === key ? Math.max(limit, this.shown.rows.length) : limit;
    const query = toQuery(filter);
    const first = client.listInvoices({ ...query, limit }, options);
    // The first page from memory and nothing more to follow: answer at once (see `settledValue`).
    const hit = settledValue(first);
    if (hit) {
      const rows = appendUnique([], hit.value.data);
      if (!hit.value.next_cursor || rows.length >= wanted) return resolved({ key, filter, rows, nextCursor: hit.value.next_cursor });
    }
    return this.#followPages(client, query, first, wanted, options).then(({ rows, nextCursor }) => ({ key, filter, rows, nextCursor }));
  }

  /** The first page, then the next ones until `wanted` rows are loaded or the list ends. */
  async #followPages(
    client: BillingClient,
    query: InvoiceQuery,
    firstPage: Promise<Page<InvoiceSummary>>,
    wanted: number,
    options: QueryCallOptions,
  ): Promise<{ rows: InvoiceSummary[]; nextCursor: string | null }> {
    const first = await firstPage;
    let rows = appendUnique([], first.data);
    let nextCursor = first.next_cursor;
    while (nextCursor && rows.length < wanted) {
      const page = await client.listInvoices(
        { ...query, cursor: nextCursor, limit: Math.min(MAX_PAGE_SIZE, wanted - rows.length) },
        options,
      );
      rows = appendUnique(rows, page.data);
      nextCursor = page.next_cursor;
    }
    return { rows, nextCursor };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#loadMoreAbort?.abort();
  }

  /**
   * Takes new rows from the query. In `update()`, after the controllers' `hostUpdate`, so rows
   * the cache answered synchronously are shown in this very render.
   */
  protected override update(changed: PropertyValues<this>): void {
    this.#takeRows();
    super.update(changed);
  }

  #takeRows(): void {
    const head = this.#query.value;
    if (head === this.#head) return;
    this.#head = head;
    if (!head) return;
    // New rows from the query replace whatever "Load more" added (they were reloaded up to that length).
    this.#loadMoreAbort?.abort();
    this.loadingMore = false;
    this.loadMoreError = undefined;
    this.shown = { ...head, rows: keepUnchanged(this.shown?.rows, head.rows) };
    this.#learnServices(head.rows);
    if (this.#announceResult) {
      this.#announceResult = false;
      this.announcement = head.rows.length
        ? this.msg('invoices.count', { n: head.rows.length })
        : this.msg('invoices.empty_filtered');
    }
  }

  #learnServices(rows: readonly InvoiceSummary[]): void {
    for (const invoice of rows) {
      if (invoice.service) this.#knownServices.set(invoice.service.id, invoice.service.name);
    }
  }

  #retry = (): void => {
    void this.#query.run();
  };

  #filterChanged(): void {
    this.#announceResult = true;
  }

  #onStatusChange = (event: Event): void => {
    this.status = (event.target as HTMLSelectElement).value || undefined;
    this.#filterChanged();
  };

  #onServiceChange = (event: Event): void => {
    this.serviceFilter = (event.target as HTMLSelectElement).value;
    this.#filterChanged();
  };

  #onSearchInput = (event: Event): void => {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(this.#applySearch, SEARCH_DEBOUNCE_MS);
  };

  #onSearchSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#applySearch();
  };

  #applySearch = (): void => {
    clearTimeout(this.#searchTimer);
    const q = this.searchDraft.trim();
    if (q === this.searchQuery) return;
    this.searchQuery = q;
    this.#filterChanged();
  };

  #clearFilters = async (): Promise<void> => {
    clearTimeout(this.#searchTimer);
    this.status = undefined;
    this.serviceFilter = '';
    this.searchDraft = '';
    this.searchQuery = '';
    this.#filterChanged();
    // The button goes away with the empty state: put focus where filtering starts.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#status-filter')?.focus();
  };

  #loadMore = async (): Promise<void> => {
    const client = this.billingClient;
    const shown = this.shown;
    if (!client || !shown?.nextCursor || this.loadingMore) return;
    const abort = new AbortController();
    this.#loadMoreAbort = abort;
    this.loadingMore = true;
    this.loadMoreError = undefined;
    try {
      const page = await client.listInvoices(
        { ...toQuery(shown.filter), cursor: shown.nextCursor, limit: this.#limit },
        { signal: abort.signal },
      );
      if (abort.signal.aborted || this.shown !== shown) return;
      const firstNew = shown.rows.length;
      const rows = appendUnique(shown.rows, page.data);
      this.shown = { ...shown, rows, nextCursor: page.next_cursor };
      this.#learnServices(page.data);
      this.announcement = this.msg('invoices.count', { n: rows.length });
      this.loadingMore = false;
      await this.updateComplete;
      // Continue reading where the new rows start; the button may be gone after the last page.
      const target =
        this.renderRoot.querySelector('tbody[part="body"]')?.children[firstNew]?.querySelector<HTMLElement>('[part~="invoice-link"]') ??
        this.renderRoot.querySelector<HTMLElement>('[part~="load-more"]');
      target?.focus();
    } catch (error) {
      if (abort.signal.aborted) return;
      const failure = asBillingError(error);
      this.loadMoreError = failure;
      this.emit('billing-error', { code: failure.code, message: failure.message, element: this.localName });
    } finally {
      if (this.#loadMoreAbort === abort) {
        this.#loadMoreAbort = undefined;
        this.loadingMore = false;
      }
    }
  };

  /** One listener for every row's link or button (a page of rows adds no listeners). */
  #onRowsClick = (event: MouseEvent): void => {
    const link = (event.target as Element).closest('[part~="invoice-link"]');
    const id = link?.closest('tr')?.dataset.invoiceId;
    const invoice = id === undefined ? undefined : this.shown?.rows.find((row) => row.id === id);
    if (link && invoice) this.#onInvoiceClick(event, invoice, link.getAttribute('href') ?? undefined);
  };

  #onInvoiceClick(event: MouseEvent, invoice: InvoiceSummary, href: string | undefined): void {
    if (href && !isPlainClick(event)) return;
    const proceed = this.emit(
      'billing-invoice-select',
      { invoiceId: invoice.id, number: invoice.number, href },
      { cancelable: true },
    );
    if (!proceed) event.preventDefault();
  }

  protected override render(): TemplateResult {
    const locale = this.displayLocale;
    if (this.#query.state === 'no-client') {
      return html`<div class="layout" part="base">${renderConfigError(locale)}</div>`;
    }
    // A row per invoice of a page under the column heads, then the count: the first page replaces
    // it without a jump. An error keeps that height (`.reserve`), so a retry that brings the rows moves nothing; an empty list is
    // content and is as tall as it is.
    const fallback = renderQueryFallback(this.#query, locale, this.#retry, [['head'], ['rows', this.#limit], ['footer']]);
    // The row count as a custom property set through the CSSOM (`.style`), never a style attribute: strict CSP pages forbid those.
    return html`<div class="layout" part="base" .style=${`--rows: ${this.#limit}`}>
      ${this.#renderFilters(locale)}
      ${fallback ? html`<div class="reserve">${fallback}</div>` : this.#renderContent(locale)}
      ${liveRegion(this.announcement)}
    </div>`;
  }

  #renderFilters(locale: string): TemplateResult {
    const status = this.status ?? '';
    const statuses: readonly string[] =
      status && !(INVOICE_STATUSES as readonly string[]).includes(status) ? [...INVOICE_STATUSES, status] : INVOICE_STATUSES;
    const services = [...this.#knownServices].sort(([, a], [, b]) => a.localeCompare(b, locale));
    if (this.serviceFilter && !this.#knownServices.has(this.serviceFilter)) services.push([this.serviceFilter, this.serviceFilter]);
    return html`<div class="filters" part="filters" role="group" aria-label=${this.msg('invoices.filters')}>
      <div class="field">
        <label for="status-filter">${this.msg('invoices.filter.status')}</label>
        <select id="status-filter" part="status-filter" .value=${live(status)} @change=${this.#onStatusChange}>
          <option value="" ?selected=${status === ''}>${this.msg('invoices.filter.status_all')}</option>
          ${statuses.map(
            (value) => html`<option value=${value} ?selected=${status === value}>${statusLabel('invoice', value, locale)}</option>`,
          )}
        </select>
      </div>
      ${this.serviceId
        ? nothing
        : html`<div class="field">
            <label for="service-filter">${this.msg('invoices.filter.service')}</label>
            <select
              id="service-filter"
              part="service-filter"
              .value=${live(this.serviceFilter)}
              @change=${this.#onServiceChange}
            >
              <option value="" ?selected=${this.serviceFilter === ''}>${this.msg('invoices.filter.service_all')}</option>
              ${services.map(
                ([id, name]) => html`<option value=${id} ?selected=${this.serviceFilter === id}>${name}</option>`,
              )}
            </select>
          </div>`}
      <form class="field field--search" part="search-form" role="search" @submit=${this.#onSearchSubmit}>
        <label for="search">${this.msg('invoices.filter.search')}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          enterkeyhint="search"
          placeholder=${this.msg('invoices.filter.search_placeholder')}
          .value=${live(this.searchDraft)}
          @input=${this.#onSearchInput}
        />
      </form>
    </div>`;
  }

  #renderContent(locale: string): TemplateResult {
    const shown = this.shown;
    const rows = shown?.rows ?? [];
    const notice = renderQueryNotice(this.#query, locale, this.#retry);
    return html`
      ${notice === nothing ? nothing : html`<div class="status-line" part="status-line">${notice}</div>`}
      ${rows.length ? this.#renderTable(rows, locale) : this.#renderEmpty()}
      ${rows.length ? this.#renderFooter(rows.length, shown?.nextCursor ?? null, locale) : nothing}
    `;
  }

  #renderEmpty(): TemplateResult {
    const filtered = Boolean(this.status || this.searchQuery || this.serviceFilter);
    if (filtered) {
      return html`<div class="empty" part="empty" data-empty="filtered">
        <p class="empty__title">${this.msg('invoices.empty_filtered')}</p>
        <button class="button" part="clear-filters" type="button" @click=${this.#clearFilters}>
          ${this.msg('invoices.filter.clear')}
        </button>
      </div>`;
    }
    return html`<div class="empty" part="empty" data-empty="none">
      <p class="empty__title">${this.msg('invoices.empty')}</p>
      <p>${this.msg('invoices.empty_hint')}</p>
    </div>`;
  }

  #renderTable(rows: readonly InvoiceSummary[], locale: string): TemplateResult {
    const busy = this.#query.state === 'refreshing';
    const context = [locale, this.today, this.billingConfig?.invoiceHref, this.serviceId];
    const labels: ColumnLabels = {
      issueDate: this.msg('invoices.col.issue_date'),
      due: this.msg('invoices.col.due'),
      status: this.msg('invoices.col.status'),
      total: this.msg('invoices.col.total'),
      balanceDue: this.msg('invoices.col.balance_due'),
      attention: this.msg('invoices.needs_attention'),
    };
    // Explicit roles keep the table semantics when the narrow layout turns cells into blocks.
    return html`<table class="table" part="table" role="table" aria-busy=${busy ? 'true' : 'false'}>
      <caption class="visually-hidden" part="caption">${this.msg('invoices.caption_attention')}</caption>
      <thead part="head" role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader" part="header-cell">${this.msg('invoices.col.number')}</th>
          <th scope="col" role="columnheader" part="header-cell">${this.msg('invoices.col.issue_date')}</th>
          <th scope="col" role="columnheader" part="header-cell">${this.msg('invoices.col.due')}</th>
          <th scope="col" role="columnheader" part="header-cell">${this.msg('invoices.col.status')}</th>
          <th scope="col" role="columnheader" part="header-cell" class="numeric">${this.msg('invoices.col.total')}</th>
          <th scope="col" role="columnheader" part="header-cell" class="numeric">${this.msg('invoices.col.balance_due')}</th>
        </tr>
      </thead>
      <tbody part="body" role="rowgroup" @click=${this.#onRowsClick}>
        ${
          // A row depends only on these: an update for anything else (the "Load more" button's
          // state, a filter being typed) skips the rows, and a new page renders only its own
          // rows, so a page costs the same at row 10,000 as at row 100.
          guard([rows, ...context], () =>
            repeat(
              rows,
              (invoice) => invoice.id,
              (invoice) => guard([invoice, ...context], () => this.#renderRow(invoice, locale, labels)),
            ),
          )
        }
      </tbody>
    </table>`;
  }

  /**
   * One row, as one template with few nested ones (the link, the due wording, the icon): each
   * nested template is one more instance for Lit to clone per row, and a page has 100 rows.
   * `labels` are the column labels, looked up once per table.
   */
  #renderRow(invoice: InvoiceSummary, locale: string, labels: ColumnLabels): TemplateResult {
    const overdue = invoice.status === 'overdue';
    const open = OPEN_INVOICE_STATUSES.has(invoice.status) && invoice.balance_due.amount > 0;
    const href = invoiceHref(this.billingConfig?.invoiceHref, invoice);
    const label = this.msg('invoices.open', { number: invoice.number });
    const wording = this.#dueWording(invoice, locale);
    const tone = statusTone('invoice', invoice.status);
    return html`<tr part="row" role="row" data-invoice-id=${invoice.id} data-status=${invoice.status} ?data-attention=${overdue}>
      <td part="cell" role="cell" class="cell-number">
        <div class="number">
          ${href
            ? html`<a class="invoice-link" part="invoice-link" href=${href} aria-label=${label}
                >${unit(invoice.number)}</a
              >`
            : html`<button class="invoice-link" part="invoice-link" type="button" aria-label=${label}>
                ${unit(invoice.number)}
              </button>`}
          ${invoice.service && !this.serviceId
            ? html`<span class="service-name" part="service-name">${invoice.service.name}</span>`
            : nothing}
          ${overdue
            ? html`<span class="attention" part="attention">${toneIcon('danger')}<span>${labels.attention}</span></span>`
            : nothing}
        </div>
      </td>
      <td part="cell" role="cell" data-label=${labels.issueDate}>
        <time datetime=${invoice.issue_date}>${formatCalendarDate(invoice.issue_date, locale)}</time>
      </td>
      <td part="cell" role="cell" data-label=${labels.due}>
        <div class="due" part="due">
          ${wording}<span class=${ifDefined(wording === nothing ? undefined : 'secondary')}
            >${
              // Under "Paid …" the due date says it is one, so it never reads as the day of payment.
              invoice.status === 'paid' ? dueOn(invoice.due_date, locale) : html`<time datetime=${invoice.due_date}>${formatCalendarDate(invoice.due_date, locale)}</time>`
            }</span
          >
        </div>
      </td>
      <td part="cell" role="cell" data-label=${labels.status}>
        <span class="badge" part="status-badge" data-tone=${tone} data-status=${invoice.status}
          >${toneIcon(tone)}<span>${statusLabel('invoice', invoice.status, locale)}</span></span
        >
      </td>
      <td part="cell" role="cell" class="numeric" data-label=${labels.total}>
        <span part="total">${renderMoney(invoice.total, locale)}</span>
      </td>
      <td part="cell" role="cell" class="numeric" data-label=${labels.balanceDue}>
        <span class="balance" part="balance" ?data-open=${open}>${renderMoney(invoice.balance_due, locale)}</span>
      </td>
    </tr>`;
  }

  /**
   * The due date read with the status: "Overdue by 2 days" / "Due in 3 days" while money is
   * owed, "Paid Oct 19" (the day of payment, from `paid_at`; just "Paid" without it) when paid,
   * and nothing (only the date) for cancelled, refunded, processing or unknown statuses (an
   * unknown status never reads as due or overdue; its badge shows the raw label).
   */
  #dueWording(invoice: InvoiceSummary, locale: string): TemplateResult | typeof nothing {
    if (invoice.status === 'paid') {
      const paidAt = invoice.paid_at;
      return html`<span class="due-wording" part="due-wording" data-due="paid"
        >${paidAt ? paidOn(paidAt, locale) : statusLabel('invoice', 'paid', locale)}</span
      >`;
    }
    const due = dueState(invoice, this.today);
    if (due.kind === 'none') return nothing;
    return html`<span class="due-wording" part="due-wording" data-due=${due.kind}>${dueWording(invoice, this.today, locale)}</span>`;
  }

  #renderFooter(count: number, nextCursor: string | null, locale: string): TemplateResult {
    return html`<div class="footer" part="footer">
      <span class="as-of" part="count">${this.msg('invoices.count', { n: count })}</span>
      ${this.loadMoreError
        ? html`<div class="load-more-error" part="load-more-error">
            <p>${this.msg('invoices.load_more_failed')}</p>
            ${renderError(this.loadMoreError, locale, () => void this.#loadMore())}
          </div>`
        : nextCursor
          ? html`<button
              class="button"
              part="load-more"
              type="button"
              aria-disabled=${this.loadingMore ? 'true' : 'false'}
              @click=${this.#loadMore}
            >
              ${this.msg(this.loadingMore ? 'common.loading_more' : 'common.load_more')}
            </button>`
          : count > this.#limit
            ? html`<span class="as-of">${this.msg('common.all_loaded')}</span>`
            : nothing}
    </div>`;
  }
}
