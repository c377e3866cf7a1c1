/**
 * The plain-DOM baseline: the markup of `<billing-overview>`, `<wallet-balance>` and
 * `<invoice-list>` (same elements, attributes, parts, text and stylesheets) built with
 * `createElement`, `setAttribute` and `append` from the same data, with no framework. It is
 * what the fastest hand-written widget would do: labels computed once per render, rows
 * updated in place by identity. Each widget gets a shadow root with the element's own
 * constructed stylesheets, so style and layout costs compare like for like.
 */
import { isPayable } from '../src/domain/payability.js';
import type { InvoiceSummary, Page, Payment, Permissions, ServiceBilling, Summary, Wallet } from '../src/api/schemas.js';
import { invoiceHref } from '../src/components/shared/links.js';
import { money, openLabel, statusLabel, statusTone } from '../src/components/shared/render.js';
import type { StatusKind, Tone } from '../src/components/shared/render.js';
import { t } from '../src/i18n/catalog.js';
import { dueState, dueWording, formatAsOf, formatCalendarDate, formatInstant } from '../src/i18n/format.js';
import type { CalendarDateStyle } from '../src/i18n/format.js';
import { INVOICE_STATUSES } from '../src/api/schemas.js';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | undefined> | null;

/** `document.createElement` plus attributes and children: the only "framework" the baseline uses. */
export function h(tag: string, attrs: Attrs, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  if (attrs) {
    for (const name in attrs) {
      const value = attrs[name];
      if (value !== undefined) element.setAttribute(name, value);
    }
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
type Shape = readonly [tag: string, attrs: Readonly<Record<string, string>>];
const STROKE = { fill: 'none', stroke: 'currentColor', 'stroke-width': '1.5' };
const LINE = { stroke: 'currentColor', 'stroke-width': '1.6', 'stroke-linecap': 'round' };
// The same shapes as src/components/shared/icons.ts.
const SHAPES: Record<Tone, readonly Shape[]> = {
  ok: [
    ['circle', { cx: '8', cy: '8', r: '7', ...STROKE }],
    ['path', { d: 'M4.8 8.3l2.2 2.2 4.2-4.6', fill: 'none', ...LINE, 'stroke-linejoin': 'round' }],
  ],
  warning: [
    ['path', { d: 'M8 1.6L15 14H1z', ...STROKE, 'stroke-linejoin': 'round' }],
    ['path', { d: 'M8 6v3.6', ...LINE }],
    ['circle', { cx: '8', cy: '11.8', r: '0.9', fill: 'currentColor' }],
  ],
  danger: [
    ['path', { d: 'M5.1 1h5.8L15 5.1v5.8L10.9 15H5.1L1 10.9V5.1z', ...STROKE, 'stroke-linejoin': 'round' }],
    ['path', { d: 'M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8', ...LINE }],
  ],
  info: [
    ['circle', { cx: '8', cy: '8', r: '7', ...STROKE }],
    ['path', { d: 'M8 4.2V8l2.6 1.6', fill: 'none', ...LINE, 'stroke-linejoin': 'round' }],
  ],
  neutral: [
    ['circle', { cx: '8', cy: '8', r: '7', ...STROKE, 'stroke-dasharray': '2.5 2' }],
    ['path', { d: 'M5 8h6', ...LINE }],
  ],
};

const iconCache = new Map<Tone, SVGElement>();

/** One icon per tone built once, then cloned: what a hand-written widget would do. */
function icon(tone: Tone): Node {
  let template = iconCache.get(tone);
  if (!template) {
    template = document.createElementNS(SVG_NS, 'svg');
    for (const [name, value] of Object.entries({ viewBox: '0 0 16 16', 'aria-hidden': 'true', focusable: 'false', 'data-icon': tone })) {
      template.setAttribute(name, value);
    }
    for (const [tag, attrs] of SHAPES[tone]) {
      const shape = document.createElementNS(SVG_NS, tag);
      for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
      template.append(shape);
    }
    iconCache.set(tone, template);
  }
  return template.cloneNode(true);
}

function badge(kind: StatusKind, status: string, locale: string): HTMLElement {
  const tone = statusTone(kind, status);
  return h(
    'span',
    { class: 'badge', part: 'status-badge', 'data-tone': tone, 'data-status': status },
    icon(tone),
    h('span', null, statusLabel(kind, status, locale)),
  );
}

function date(value: string, locale: string, style: CalendarDateStyle = 'medium'): HTMLElement {
  return h('time', { datetime: value }, formatCalendarDate(value, locale, style));
}

function asOf(instant: string, locale: string): HTMLElement {
  const time = formatAsOf(instant, locale);
  return h('span', { class: 'as-of', part: 'as-of' }, h('time', { datetime: new Date(instant).toISOString() }, t(locale, 'common.as_of', { time })));
}

function liveRegion(): HTMLElement {
  return h('div', { class: 'live-region', part: 'live-region', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
}

/** A host with an open shadow root carrying the element's stylesheets, like the element's own. */
function host(sheets: readonly CSSStyleSheet[], locale: string): { host: HTMLElement; root: ShadowRoot } {
  const element = document.createElement('div');
  element.setAttribute('lang', locale);
  element.setAttribute('dir', 'ltr');
  const root = element.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [...sheets];
  return { host: element, root };
}

export interface Settings {
  locale: string;
  today: string;
  invoiceHref: string;
}

// ---- <billing-overview> (account mode) ----

function invoiceLink(invoice: Pick<InvoiceSummary, 'id' | 'number'>, label: string, settings: Settings): HTMLElement {
  return h('a', { part: 'invoice-link', href: invoiceHref(settings.invoiceHref, invoice) }, label);
}

function payAction(invoice: InvoiceSummary, permissions: Permissions, label: string, locale: string): Child {
  if (!permissions.can_pay) return h('p', { class: 'reason', part: 'read-only-reason' }, t(locale, 'pay.disabled.read_only'));
  if (!isPayable(invoice, permissions)) return null;
  return h('button', { class: 'button button--primary', part: 'pay-button', type: 'button', 'data-invoice-id': invoice.id }, label);
}

function overdueAlert(summary: Summary, settings: Settings): HTMLElement {
  const { locale, today } = settings;
  const oldest = summary.next_due;
  const late = oldest && dueState(oldest, today).kind === 'overdue' ? oldest : undefined;
  return h(
    'div',
    { class: 'error-panel', part: 'overdue-alert', role: 'alert' },
    icon('danger'),
    h(
      'div',
      { class: 'error-panel__body' },
      h('p', { class: 'error-panel__title' }, t(locale, 'overview.overdue_alert', { n: summary.overdue.count, amount: money(summary.overdue.total, locale) })),
      late &&
        h(
          'p',
          null,
          `${t(locale, 'overview.most_overdue', { number: late.number })}: `,
          h('span', { class: 'emphasis' }, dueWording(late, today, locale)),
        ),
    ),
  );
}

function nextDue(invoice: InvoiceSummary, permissions: Permissions, settings: Settings): HTMLElement {
  const { locale, today } = settings;
  return h(
    'section',
    { class: 'card', part: 'next-due', 'aria-labelledby': 'next-due-title' },
    h('h3', { id: 'next-due-title' }, t(locale, 'overview.next_due')),
    h(
      'p',
      { class: 'card__line' },
      h('span', { class: 'emphasis' }, date(invoice.due_date, locale, 'long')),
      h('span', { part: 'due-wording' }, dueWording(invoice, today, locale)),
    ),
    h(
      'p',
      { class: 'card__line' },
      h('span', null, t(locale, 'overview.next_due_invoice', { number: invoice.number, amount: money(invoice.balance_due, locale) })),
      badge('invoice', invoice.status, locale),
    ),
    h(
      'div',
      { class: 'actions' },
      invoiceLink(invoice, t(locale, 'overview.view_invoice', { number: invoice.number }), settings),
      payAction(invoice, permissions, t(locale, 'pay.button', { amount: money(invoice.balance_due, locale) }), locale),
    ),
  );
}

function notice(tone: Tone, part: string, ...body: Child[]): HTMLElement {
  return h('div', { class: 'notice', part, 'data-tone': tone }, icon(tone), ...body);
}

function withDate(text: string, value: string, locale: string): HTMLElement {
  const [before = '', after = ''] = text.split('\u0000');
  return h('span', { part: 'service-date' }, before, date(value, locale, 'long'), after);
}

function servicesAtRisk(services: readonly ServiceBilling[], settings: Settings): HTMLElement {
  const { locale } = settings;
  const list =
    services.length === 0
      ? h('p', { class: 'muted' }, t(locale, 'overview.no_services_at_risk'))
      : h(
          'ul',
          { class: 'service-list' },
          ...services.map((impact) =>
            h(
              'li',
              { class: 'service-item', part: 'service', 'data-service-id': impact.service.id, 'data-tone': statusTone('service_billing', impact.state) },
              h('span', { class: 'card__line' }, h('span', { class: 'service-name' }, impact.service.name), badge('service_billing', impact.state, locale)),
              impact.state === 'at_risk' && impact.suspend_on
                ? withDate(t(locale, 'overview.suspension_on', { date: '\u0000' }), impact.suspend_on, locale)
                : impact.state === 'suspended' && impact.terminate_on
                  ? withDate(t(locale, 'overview.termination_on', { date: '\u0000' }), impact.terminate_on, locale)
                  : null,
              impact.blocking_invoices.length > 0 &&
                h(
                  'span',
                  { class: 'card__line' },
                  h('span', { class: 'muted' }, `${t(locale, 'service.blocking')}:`),
                  h('ul', { class: 'blocking' }, ...impact.blocking_invoices.map((invoice) => h('li', null, invoiceLink(invoice, invoice.number, settings)))),
                ),
            ),
          ),
        );
  return h('section', { class: 'section', part: 'services', 'aria-labelledby': 'services-title' }, h('h3', { id: 'services-title' }, t(locale, 'overview.services_at_risk')), list);
}

function history(page: Page<Payment>, locale: string): HTMLElement {
  const payments = page.data;
  const body =
    payments.length === 0
      ? h('p', { class: 'muted', part: 'empty' }, t(locale, 'payments.empty'))
      : h(
          'div',
          { class: 'table-wrap' },
          h(
            'table',
            { class: 'table', part: 'history-table', tabindex: '-1' },
            h('caption', null, t(locale, 'payments.caption')),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, t(locale, 'payments.col.date')),
                h('th', { scope: 'col' }, t(locale, 'payments.col.kind')),
                h('th', { scope: 'col' }, t(locale, 'payments.col.method')),
                h('th', { scope: 'col' }, t(locale, 'payments.col.reference')),
                h('th', { scope: 'col', class: 'numeric' }, t(locale, 'payments.col.amount')),
                h('th', { scope: 'col' }, t(locale, 'payments.col.status')),
              ),
            ),
            h(
              'tbody',
              null,
              ...payments.map((payment) =>
                h(
                  'tr',
                  { part: 'payment', 'data-payment-id': payment.id, 'data-kind': payment.kind },
                  h('th', { scope: 'row' }, h('time', { datetime: payment.created_at }, formatInstant(payment.created_at, locale))),
                  h('td', null, openLabel('kind.payment', payment.kind, locale)),
                  h('td', null, payment.method.label || openLabel('method', payment.method.type, locale)),
                  h(
                    'td',
                    null,
                    payment.reference ??
                      h('span', { 'aria-hidden': 'true' }, '—'),
                    !payment.reference && h('span', { class: 'visually-hidden' }, t(locale, 'common.none')),
                  ),
                  h('td', { class: 'numeric' }, money(payment.amount, locale)),
                  h(
                    'td',
                    null,
                    h(
                      'span',
                      { class: 'cell-stack' },
                      badge('payment', payment.status, locale),
                      payment.failure_reason &&
                        h('span', { class: 'reason', part: 'failure-reason' }, t(locale, 'overview.history.failure', { reason: payment.failure_reason })),
                    ),
                  ),
                ),
              ),
            ),
          ),
        );
  const footer =
    payments.length === 0
      ? null
      : h(
          'div',
          { class: 'history-footer' },
          page.next_cursor !== null &&
            h('button', { class: 'button', part: 'load-more', type: 'button', 'aria-disabled': 'false' }, t(locale, 'common.load_more')),
        );
  return h('section', { class: 'section', part: 'history', 'aria-labelledby': 'history-title' }, h('h3', { id: 'history-title' }, t(locale, 'payments.title')), body, footer);
}

export function buildOverview(summary: Summary, payments: Page<Payment>, sheets: readonly CSSStyleSheet[], settings: Settings): HTMLElement {
  const { locale } = settings;
  const { host: element, root } = host(sheets, locale);
  const newAccount = summary.unpaid.count === 0 && summary.next_due === null && summary.recent_payments.length === 0;
  const processing = summary.recent_payments.filter((payment) => payment.status === 'pending').length;
  root.append(
    h(
      'section',
      { class: 'overview', part: 'overview', 'aria-labelledby': 'overview-title', 'aria-busy': 'false' },
      h(
        'header',
        { class: 'header', part: 'header' },
        h('h2', { id: 'overview-title', part: 'title' }, t(locale, 'overview.title')),
        h(
          'div',
          { class: 'toolbar', part: 'toolbar' },
          asOf(summary.as_of, locale),
          h('button', { class: 'button', part: 'refresh-button', type: 'button' }, t(locale, 'common.refresh')),
        ),
      ),
      h(
        'div',
        { class: 'attention', part: 'attention' },
        summary.overdue.count > 0 && overdueAlert(summary, settings),
        summary.next_due && nextDue(summary.next_due, summary.permissions, settings),
        processing > 0 && notice('info', 'pending-notice', h('p', { class: 'notice__text' }, t(locale, 'overview.pending_payments', { n: processing }))),
        newAccount
          ? notice('neutral', 'empty', h('p', { class: 'notice__text' }, t(locale, 'overview.new_account')))
          : summary.unpaid.count === 0 &&
              notice(
                'ok',
                'all-paid',
                h(
                  'div',
                  { class: 'notice__body' },
                  h('p', { class: 'notice__text emphasis' }, t(locale, 'overview.all_paid_up')),
                  h('p', { class: 'notice__text' }, t(locale, 'overview.all_paid')),
                ),
              ),
      ),
      h(
        'dl',
        { class: 'figures', part: 'figures' },
        h(
          'div',
          { class: 'figure', part: 'unpaid' },
          h('dt', null, t(locale, 'overview.unpaid')),
          h(
            'dd',
            null,
            h('span', { class: 'figure__value' }, money(summary.unpaid.total, locale)),
            summary.unpaid.count > 0
              ? t(locale, 'overview.unpaid_summary', { n: summary.unpaid.count, amount: money(summary.unpaid.total, locale) })
              : t(locale, 'overview.all_paid'),
          ),
        ),
        h(
          'div',
          { class: 'figure', part: 'wallet' },
          h('dt', null, t(locale, 'overview.wallet')),
          h(
            'dd',
            null,
            h('span', { class: 'figure__value' }, money(summary.wallet.balance, locale)),
            summary.wallet.pending_top_ups.amount > 0
              ? t(locale, 'overview.wallet_pending', { amount: money(summary.wallet.pending_top_ups, locale) })
              : t(locale, 'wallet.pending_none'),
          ),
        ),
      ),
      servicesAtRisk(summary.services_at_risk, settings),
      history(payments, locale),
    ),
    liveRegion(),
  );
  return element;
}

// ---- <wallet-balance> ----

export function buildWallet(wallet: Wallet, sheets: readonly CSSStyleSheet[], settings: Settings): HTMLElement {
  const { locale } = settings;
  const { host: element, root } = host(sheets, locale);
  const low = wallet.balance.amount < wallet.top_up.min.amount;
  root.append(
    h(
      'section',
      { class: 'wallet', part: 'base', 'aria-labelledby': 'title', 'aria-busy': 'false' },
      h('div', { class: 'header', part: 'header' }, h('h2', { class: 'title', part: 'title', id: 'title' }, t(locale, 'wallet.title'))),
      h(
        'div',
        { class: 'body', part: 'body' },
        h(
          'div',
          { class: 'figures' },
          h('span', { class: 'label', part: 'balance-label' }, t(locale, 'wallet.balance')),
          h('p', { class: 'amount', part: 'balance', 'data-currency': wallet.balance.currency }, money(wallet.balance, locale)),
          h(
            'p',
            { class: 'meta' },
            wallet.pending_top_ups.amount > 0 &&
              h('span', { class: 'pending', part: 'pending' }, t(locale, 'wallet.pending_amount', { amount: money(wallet.pending_top_ups, locale) })),
            asOf(wallet.updated_at, locale),
          ),
        ),
      ),
      low &&
        notice(
          'warning',
          'low-balance',
          h('div', { class: 'notice__body' }, h('p', { class: 'low-label' }, t(locale, 'wallet.low_label')), h('p', null, t(locale, 'wallet.low_hint'))),
        ),
      h('div', { class: 'action', part: 'action', hidden: '' }, h('slot', { name: 'action' })),
      liveRegion(),
    ),
  );
  return element;
}

// ---- <invoice-list> ----

/** Labels every row repeats, computed once per render. */
interface RowLabels {
  issue: string;
  due: string;
  status: string;
  total: string;
  balance: string;
  attention: string;
  paid: string;
}

function rowLabels(locale: string): RowLabels {
  return {
    issue: t(locale, 'invoices.col.issue_date'),
    due: t(locale, 'invoices.col.due'),
    status: t(locale, 'invoices.col.status'),
    total: t(locale, 'invoices.col.total'),
    balance: t(locale, 'invoices.col.balance_due'),
    attention: t(locale, 'invoices.needs_attention'),
    paid: statusLabel('invoice', 'paid', locale),
  };
}

const OPEN: ReadonlySet<string> = new Set(['unpaid', 'overdue', 'partially_paid']);

function row(invoice: InvoiceSummary, labels: RowLabels, settings: Settings): HTMLElement {
  const { locale, today } = settings;
  const overdue = invoice.status === 'overdue';
  const open = OPEN.has(invoice.status) && invoice.balance_due.amount > 0;
  const due = dueState(invoice, today);
  const wording =
    invoice.status === 'paid'
      ? h('span', { class: 'due-wording', part: 'due-wording', 'data-due': 'paid' }, labels.paid)
      : due.kind !== 'none'
        ? h('span', { class: 'due-wording', part: 'due-wording', 'data-due': due.kind }, dueWording(invoice, today, locale))
        : null;
  return h(
    'tr',
    { part: 'row', role: 'row', 'data-invoice-id': invoice.id, 'data-status': invoice.status, 'data-attention': overdue ? '' : undefined },
    h(
      'td',
      { part: 'cell', role: 'cell', class: 'cell-number' },
      h(
        'div',
        { class: 'number' },
        h(
          'a',
          { class: 'invoice-link', part: 'invoice-link', href: invoiceHref(settings.invoiceHref, invoice), 'aria-label': t(locale, 'invoices.open', { number: invoice.number }) },
          invoice.number,
        ),
        invoice.service && h('span', { class: 'service-name', part: 'service-name' }, invoice.service.name),
        overdue && h('span', { class: 'attention', part: 'attention' }, icon('danger'), h('span', null, labels.attention)),
      ),
    ),
    h('td', { part: 'cell', role: 'cell', 'data-label': labels.issue }, date(invoice.issue_date, locale)),
    h(
      'td',
      { part: 'cell', role: 'cell', 'data-label': labels.due },
      h('div', { class: 'due', part: 'due' }, wording, h('span', { class: wording ? 'secondary' : undefined }, date(invoice.due_date, locale))),
    ),
    h('td', { part: 'cell', role: 'cell', 'data-label': labels.status }, badge('invoice', invoice.status, locale)),
    h('td', { part: 'cell', role: 'cell', class: 'numeric', 'data-label': labels.total }, h('span', { part: 'total' }, money(invoice.total, locale))),
    h(
      'td',
      { part: 'cell', role: 'cell', class: 'numeric', 'data-label': labels.balance },
      h('span', { class: 'balance', part: 'balance', 'data-open': open ? '' : undefined }, money(invoice.balance_due, locale)),
    ),
  );
}

function filters(rows: readonly InvoiceSummary[], locale: string): HTMLElement {
  const services = new Map<string, string>();
  for (const invoice of rows) if (invoice.service) services.set(invoice.service.id, invoice.service.name);
  const sorted = [...services].sort(([, a], [, b]) => a.localeCompare(b, locale));
  return h(
    'div',
    { class: 'filters', part: 'filters', role: 'group', 'aria-label': t(locale, 'invoices.filters') },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'status-filter' }, t(locale, 'invoices.filter.status')),
      h(
        'select',
        { id: 'status-filter', part: 'status-filter' },
        h('option', { value: '', selected: '' }, t(locale, 'invoices.filter.status_all')),
        ...INVOICE_STATUSES.map((value) => h('option', { value }, statusLabel('invoice', value, locale))),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'service-filter' }, t(locale, 'invoices.filter.service')),
      h(
        'select',
        { id: 'service-filter', part: 'service-filter' },
        h('option', { value: '', selected: '' }, t(locale, 'invoices.filter.service_all')),
        ...sorted.map(([id, name]) => h('option', { value: id }, name)),
      ),
    ),
    h(
      'form',
      { class: 'field field--search', part: 'search-form', role: 'search' },
      h('label', { for: 'search' }, t(locale, 'invoices.filter.search')),
      h('input', {
        id: 'search',
        part: 'search',
        type: 'search',
        autocomplete: 'off',
        enterkeyhint: 'search',
        placeholder: t(locale, 'invoices.filter.search_placeholder'),
      }),
    ),
  );
}

/** A plain-DOM invoice table that can show new rows: only rows whose invoice object changed are rebuilt. */
export interface PlainInvoiceList {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  /** Shows `rows` (same invoices in the same order, some replaced): rebuilds the rows whose object changed. */
  update(rows: readonly InvoiceSummary[]): void;
  /** Appends a page of rows ("Load more"). */
  append(rows: readonly InvoiceSummary[], nextCursor: string | null): void;
}

export function buildInvoiceList(
  rows: readonly InvoiceSummary[],
  nextCursor: string | null,
  sheets: readonly CSSStyleSheet[],
  settings: Settings,
): PlainInvoiceList {
  const { locale } = settings;
  const { host: element, root } = host(sheets, locale);
  const labels = rowLabels(locale);
  const shown = new Map<string, { invoice: InvoiceSummary; tr: HTMLElement }>();
  const tbody = h('tbody', { part: 'body', role: 'rowgroup' });
  const addRows = (page: readonly InvoiceSummary[]) => {
    for (const invoice of page) {
      const tr = row(invoice, labels, settings);
      shown.set(invoice.id, { invoice, tr });
      tbody.append(tr);
    }
  };
  addRows(rows);
  const count = h('span', { class: 'as-of', part: 'count' }, t(locale, 'invoices.count', { n: rows.length }));
  const loadMore = h('button', { class: 'button', part: 'load-more', type: 'button', 'aria-disabled': 'false' }, t(locale, 'common.load_more'));
  const footer = h('div', { class: 'footer', part: 'footer' }, count, nextCursor !== null && loadMore);
  const header = (key: Parameters<typeof t>[1], numeric = false) =>
    h('th', { scope: 'col', role: 'columnheader', part: 'header-cell', class: numeric ? 'numeric' : undefined }, t(locale, key));
  root.append(
    h(
      'div',
      { class: 'layout', part: 'base' },
      filters(rows, locale),
      h(
        'table',
        { class: 'table', part: 'table', role: 'table', 'aria-busy': 'false' },
        h('caption', { class: 'visually-hidden', part: 'caption' }, t(locale, 'invoices.caption_attention')),
        h(
          'thead',
          { part: 'head', role: 'rowgroup' },
          h(
            'tr',
            { role: 'row' },
            header('invoices.col.number'),
            header('invoices.col.issue_date'),
            header('invoices.col.due'),
            header('invoices.col.status'),
            header('invoices.col.total', true),
            header('invoices.col.balance_due', true),
          ),
        ),
        tbody,
      ),
      footer,
      liveRegion(),
    ),
  );
  return {
    element,
    root,
    update(next) {
      for (const invoice of next) {
        const current = shown.get(invoice.id);
        if (!current || current.invoice === invoice) continue;
        const tr = row(invoice, labels, settings);
        current.tr.replaceWith(tr);
        shown.set(invoice.id, { invoice, tr });
      }
    },
    append(page, cursor) {
      addRows(page);
      count.textContent = t(locale, 'invoices.count', { n: shown.size });
      if (cursor === null) loadMore.remove();
    },
  };
}
